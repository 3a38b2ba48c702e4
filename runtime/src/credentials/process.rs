//! `credential_process`: a program that prints credentials as JSON.
//!
//! The program runs on a thread of its own, not on the caller's task: callers that
//! give up (an attempt timeout, a dropped future) leave it to finish or be killed at
//! its timeout, and the callers that come next, retries included, wait for that same
//! run instead of starting another. At most one process runs per command line.

use std::fmt;
use std::io::Read;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use tokio::sync::watch;

use super::Credentials;
use crate::error::CredentialsError;

/// How long a `credential_process` may run before it is killed: one minute, the AWS SDK
/// for Go v2's `processcreds.DefaultTimeout` (the only official SDK that bounds the
/// process itself; the Rust SDK bounds every credentials load at 5 s, too short for a
/// helper that asks for a browser login). Change it with
/// [`ClientBuilder::credential_process_timeout`](crate::ClientBuilder::credential_process_timeout).
pub const DEFAULT_CREDENTIAL_PROCESS_TIMEOUT: Duration = Duration::from_secs(60);

/// The most the program may print on stdout: the Java SDK's `processOutputLimit`.
const MAX_STDOUT: usize = 64_000;

/// What is kept of stderr (the rest is read and dropped, so the program never blocks
/// on a full pipe); the error message shows the first 300 characters.
const MAX_STDERR: usize = 4096;

/// A `credential_process` command line. `Display` and `Debug` show the program only:
/// its arguments, and variables set in front of it, may hold secrets
/// (`--api-token=...`, `TOKEN=... helper`).
#[derive(Clone, PartialEq, Eq)]
pub(crate) struct ProcessCommand(String);

impl ProcessCommand {
    pub(crate) fn new(command: impl Into<String>) -> Self {
        ProcessCommand(command.into())
    }

    /// The program the shell runs (quotes kept), and whether anything else is on the
    /// line.
    fn program(&self) -> (&str, bool) {
        let mut rest = self.0.trim_start();
        loop {
            let end = match rest.chars().next() {
                Some(q @ ('"' | '\'')) => rest[1..].find(q).map_or(rest.len(), |i| i + 2),
                _ => rest.find(char::is_whitespace).unwrap_or(rest.len()),
            };
            let (word, after) = rest.split_at(end);
            let after = after.trim_start();
            if !is_assignment(word) {
                return (word, !after.is_empty());
            }
            if after.is_empty() {
                return ("", true);
            }
            rest = after;
        }
    }
}

/// `NAME=value`, which the shell sets for the program rather than runs.
fn is_assignment(word: &str) -> bool {
    word.split_once('=').is_some_and(|(name, _)| {
        !name.is_empty()
            && !name.starts_with(|c: char| c.is_ascii_digit())
            && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
    })
}

impl fmt::Display for ProcessCommand {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.program() {
            ("", _) => f.write_str("(program hidden)"),
            (program, false) => write!(f, "`{program}`"),
            (program, true) => write!(f, "`{program}` (arguments hidden)"),
        }
    }
}

impl fmt::Debug for ProcessCommand {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ProcessCommand({self})")
    }
}

/// What one run gave: credentials, or why not (without the command line).
type Outcome = Result<Credentials, String>;

/// A run in progress: its command line and where its outcome will be.
type Run = (String, watch::Receiver<Option<Outcome>>);

/// Runs in progress, for every client of the program.
static RUNS: Mutex<Vec<Run>> = Mutex::new(Vec::new());

fn runs() -> std::sync::MutexGuard<'static, Vec<Run>> {
    // Plain data, consistent after any panic.
    RUNS.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Runs `command` through the shell, as the SDKs do, and reads its output:
/// `{"Version": 1, "AccessKeyId": …, "SecretAccessKey": …, "SessionToken": …,
/// "Expiration": …}`. Joins the run of the same command already under way, if any.
pub(crate) async fn run(
    command: &ProcessCommand,
    profile: &str,
    timeout: Duration,
) -> Result<Credentials, CredentialsError> {
    tracing::debug!(profile, program = %command, "running credential_process");
    let mut done = join_or_start(command, timeout);
    let outcome = match done.wait_for(Option::is_some).await {
        Ok(outcome) => outcome.clone(),
        Err(_) => None,
    };
    outcome
        .unwrap_or_else(|| Err("the thread running it stopped".to_owned()))
        .map_err(|why| {
            CredentialsError::new(format!(
                "credential_process {command} of profile `{profile}`: {why}"
            ))
        })
}

fn join_or_start(command: &ProcessCommand, timeout: Duration) -> watch::Receiver<Option<Outcome>> {
    let mut table = runs();
    if let Some((_, done)) = table.iter().find(|(c, _)| *c == command.0) {
        return done.clone();
    }
    let (publish, done) = watch::channel(None);
    table.push((command.0.clone(), done.clone()));
    drop(table);
    let line = command.0.clone();
    let spawned = std::thread::Builder::new()
        .name("awsjson-credential-process".to_owned())
        .spawn(move || {
            let outcome = execute(&line, timeout);
            // Published before leaving the table: a caller that found the run gets
            // its outcome; one that comes after starts a new run.
            let _ = publish.send(Some(outcome));
            runs().retain(|(c, _)| *c != line);
        });
    if spawned.is_err() {
        // The sender went with the closure: waiters see "the thread … stopped".
        runs().retain(|(c, _)| *c != command.0);
    }
    done
}

fn shell(command: &str) -> Command {
    let mut cmd = if cfg!(windows) {
        let mut c = Command::new("cmd.exe");
        c.arg("/C").arg(command);
        c
    } else {
        let mut c = Command::new("sh");
        c.arg("-c").arg(command);
        c
    };
    cmd.stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    // A group of its own, so that a timeout stops the program the shell started and
    // what that started, not only the shell (dash forks even for a lone command).
    #[cfg(unix)]
    std::os::unix::process::CommandExt::process_group(&mut cmd, 0);
    cmd
}

enum Stream {
    Stdout(Vec<u8>),
    Stderr(Vec<u8>),
}

/// Reads up to `keep` bytes (one more on stdout, to tell that it printed too much);
/// stderr is drained to its end.
fn read_pipe(
    mut pipe: impl Read + Send + 'static,
    keep: usize,
    drain: bool,
    wrap: fn(Vec<u8>) -> Stream,
    sink: mpsc::Sender<Stream>,
) {
    // Without a thread the pipe is dropped: the program sees it closed, and its output
    // reads as empty.
    let _ = std::thread::Builder::new().spawn(move || {
        let mut kept = Vec::new();
        let _ = (&mut pipe).take(keep as u64 + 1).read_to_end(&mut kept);
        if drain {
            kept.truncate(keep);
            let _ = std::io::copy(&mut pipe, &mut std::io::sink());
        }
        let _ = sink.send(wrap(kept));
    });
}

/// Starts the program and waits, up to `timeout`, for it to exit and close its pipes;
/// a program past its time, or printing too much, is killed and reaped.
fn execute(command: &str, timeout: Duration) -> Outcome {
    let deadline = Instant::now() + timeout;
    let mut child = shell(command)
        .spawn()
        .map_err(|e| format!("could not start it: {e}"))?;
    let (sink, streams) = mpsc::channel();
    if let Some(stdout) = child.stdout.take() {
        read_pipe(stdout, MAX_STDOUT, false, Stream::Stdout, sink.clone());
    }
    if let Some(stderr) = child.stderr.take() {
        read_pipe(stderr, MAX_STDERR, true, Stream::Stderr, sink);
    }
    let (mut stdout, mut stderr, mut status) = (None, None, None);
    let mut pause = Duration::from_millis(1);
    loop {
        if status.is_none() {
            status = match child.try_wait() {
                Ok(status) => status,
                Err(e) => {
                    stop(&mut child);
                    return Err(format!("could not wait for it: {e}"));
                }
            };
        }
        if stdout
            .as_ref()
            .is_some_and(|out: &Vec<u8>| out.len() > MAX_STDOUT)
        {
            if status.is_none() {
                stop(&mut child);
            }
            return Err(format!(
                "it printed more than {MAX_STDOUT} bytes; it was stopped"
            ));
        }
        if let (Some(status), true, true) = (status, stdout.is_some(), stderr.is_some()) {
            return outcome(
                status,
                stdout.unwrap_or_default(),
                stderr.unwrap_or_default(),
            );
        }
        let now = Instant::now();
        if now >= deadline {
            // An exited program whose pipes something it started still holds open is
            // not waited for longer; that process is not ours to kill.
            let ending = if status.is_none() {
                stop(&mut child);
                "the process was killed"
            } else {
                "it exited, but something it started still holds its output open"
            };
            return Err(format!(
                "no credentials after waiting {timeout:?} for it to print them and exit \
                 (the credential_process timeout); {ending}"
            ));
        }
        // Woken at once when a pipe closes; the exit is polled, more slowly over time.
        match streams.recv_timeout(pause.min(deadline - now)) {
            Ok(Stream::Stdout(out)) => stdout = Some(out),
            Ok(Stream::Stderr(err)) => stderr = Some(err),
            Err(mpsc::RecvTimeoutError::Timeout) => pause = (pause * 2).min(MAX_PAUSE),
            Err(mpsc::RecvTimeoutError::Disconnected) => {
                // Both readers are done (or were never started): nothing more to read.
                stdout.get_or_insert_with(Vec::new);
                stderr.get_or_insert_with(Vec::new);
                std::thread::sleep(pause.min(deadline - now));
                pause = (pause * 2).min(MAX_PAUSE);
            }
        }
    }
}

const MAX_PAUSE: Duration = Duration::from_millis(20);

/// Kills the program's process group and reaps the program, so that nothing it
/// started runs on and no zombie is left behind. Called only while the program is
/// unreaped: its id, which names the group, cannot have been reused.
fn stop(child: &mut Child) {
    // std can signal only the child itself; the shell's `kill` signals a group.
    #[cfg(unix)]
    let _ = Command::new("sh")
        .arg("-c")
        .arg(format!("kill -s KILL -- -{}", child.id()))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status();
    let _ = child.kill();
    let _ = child.wait();
}

fn outcome(status: std::process::ExitStatus, stdout: Vec<u8>, stderr: Vec<u8>) -> Outcome {
    if !status.success() {
        // stderr is the program's own diagnostics; stdout may hold credentials, so it
        // never goes into the message.
        let stderr = String::from_utf8_lossy(&stderr);
        let stderr = stderr.trim();
        let mut why = format!("it exited with {status}");
        if !stderr.is_empty() {
            let snippet: String = stderr.chars().take(300).collect();
            why.push_str(&format!(": {snippet}"));
        }
        return Err(why);
    }
    let version = serde_json::from_slice::<serde_json::Value>(&stdout)
        .ok()
        .and_then(|v| v.get("Version").cloned());
    match version {
        Some(v) if v == serde_json::json!(1) => {}
        Some(_) => return Err("its output has a `Version` other than 1".to_owned()),
        None => return Err("its output is not a JSON object with `\"Version\": 1`".to_owned()),
    }
    super::credentials_from_json(&stdout, "SessionToken")
        .map_err(|why| format!("its output is not usable: {why}"))
}

/// The timeout the client's builder sets, shared with the chain `from_env` built
/// before it.
#[derive(Clone, Debug, Default)]
pub(crate) struct ProcessTimeout(Arc<Mutex<Option<Duration>>>);

impl ProcessTimeout {
    pub(crate) fn set(&self, timeout: Duration) {
        *self.0.lock().unwrap_or_else(PoisonError::into_inner) = Some(timeout);
    }

    pub(crate) fn get(&self) -> Duration {
        self.0
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .unwrap_or(DEFAULT_CREDENTIAL_PROCESS_TIMEOUT)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_program_is_shown() {
        for (line, shown) in [
            (
                "/opt/helper --api-token=abc123",
                "`/opt/helper` (arguments hidden)",
            ),
            ("helper", "`helper`"),
            (
                "  TOKEN=abc123 A_B=x helper -v",
                "`helper` (arguments hidden)",
            ),
            (
                "\"/my tools/helper\" --key abc123",
                "`\"/my tools/helper\"` (arguments hidden)",
            ),
            ("'unterminated abc123", "`'unterminated abc123`"),
            ("TOKEN=abc123", "(program hidden)"),
            ("", "(program hidden)"),
            ("sh -c 'helper --secret abc123'", "`sh` (arguments hidden)"),
            ("a=b=c helper", "`helper`"),
            ("1X=abc123 helper", "`1X=abc123` (arguments hidden)"),
        ] {
            let command = ProcessCommand::new(line);
            assert_eq!(command.to_string(), shown, "{line}");
            assert_eq!(format!("{command:?}"), format!("ProcessCommand({shown})"));
        }
    }

    /// Dead: gone, or a zombie left to whoever adopted it (not our child).
    #[cfg(target_os = "linux")]
    fn dead(pid: &str) -> bool {
        std::fs::read_to_string(format!("/proc/{}/stat", pid.trim())).map_or(true, |stat| {
            stat.rsplit(')')
                .next()
                .unwrap_or("")
                .trim_start()
                .starts_with('Z')
        })
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_program_past_its_time_is_killed_and_reaped() {
        let dir = std::env::temp_dir().join(format!("awsjson-process-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let (child, grandchild) = (dir.join("child"), dir.join("grandchild"));
        // The shell we start forks the program, which forks again.
        let line = format!(
            "echo $$ > {}; sh -c 'echo $$ > {}; sleep 1000; echo'",
            child.display(),
            grandchild.display()
        );
        let started = Instant::now();
        let err = execute(&line, Duration::from_secs(1)).unwrap_err();
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "{:?}",
            started.elapsed()
        );
        assert!(err.contains("no credentials after waiting 1s"), "{err}");
        assert!(err.contains("killed"), "{err}");
        let child = std::fs::read_to_string(&child).unwrap();
        let grandchild = std::fs::read_to_string(&grandchild).unwrap();
        // Reaped: not even a zombie is left of the process we started.
        assert!(!std::path::Path::new(&format!("/proc/{}", child.trim())).exists());
        // SIGKILL is delivered asynchronously: allow it a moment.
        let killed = Instant::now();
        while !dead(&grandchild) && killed.elapsed() < Duration::from_secs(3) {
            std::thread::sleep(Duration::from_millis(10));
        }
        assert!(dead(&grandchild), "{grandchild} still runs");
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[cfg(unix)]
    #[test]
    fn too_much_output_is_an_error() {
        let err = execute("yes", Duration::from_secs(10)).unwrap_err();
        assert!(err.contains("more than 64000 bytes"), "{err}");
        // A program that fills stderr does not block on it, and is stopped in time.
        let err = execute("exec yes >&2", Duration::from_millis(500)).unwrap_err();
        assert!(err.contains("no credentials after waiting"), "{err}");
    }
}
