//! `credential_process`: a program that prints credentials as JSON.

use std::process::{Command, Stdio};

use super::Credentials;
use crate::error::CredentialsError;

/// Runs `command` through the shell, as the SDKs do, and reads its output:
/// `{"Version": 1, "AccessKeyId": …, "SecretAccessKey": …, "SessionToken": …,
/// "Expiration": …}`.
pub(crate) async fn run(command: &str, profile: &str) -> Result<Credentials, CredentialsError> {
    let fail = |why: String| {
        CredentialsError::new(format!(
            "credential_process of profile `{profile}` ({command}): {why}"
        ))
    };
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
    // The child runs on its own thread so the async executor is not blocked while it runs.
    let (tx, rx) = tokio::sync::oneshot::channel();
    std::thread::spawn(move || {
        let _ = tx.send(cmd.output());
    });
    let output = rx
        .await
        .map_err(|_| fail("the thread running it stopped".to_owned()))?
        .map_err(|e| fail(format!("could not start it: {e}")))?;
    if !output.status.success() {
        // stderr is the program's own diagnostics; stdout may hold credentials, so it
        // never goes into the message.
        let stderr = String::from_utf8_lossy(&output.stderr);
        let stderr = stderr.trim();
        let mut why = format!("it exited with {}", output.status);
        if !stderr.is_empty() {
            let snippet: String = stderr.chars().take(300).collect();
            why.push_str(&format!(": {snippet}"));
        }
        return Err(fail(why));
    }
    let version = serde_json::from_slice::<serde_json::Value>(&output.stdout)
        .ok()
        .and_then(|v| v.get("Version").cloned());
    match version {
        Some(v) if v == serde_json::json!(1) => {}
        Some(_) => return Err(fail("its output has a `Version` other than 1".to_owned())),
        None => {
            return Err(fail(
                "its output is not a JSON object with `\"Version\": 1`".to_owned(),
            ));
        }
    }
    super::credentials_from_json(&output.stdout, "SessionToken")
        .map_err(|why| fail(format!("its output is not usable: {why}")))
}
