//! A `tracing` subscriber that keeps what is logged as text, for the tests that check
//! what the library logs and that no secret is among it.
//!
//! Every span, field record and event becomes a line: `span#ID NAME field=value…`,
//! `record#ID field=value…` and `event LEVEL field=value…`, each value as its `Debug`.
//! Install it as the default of one thread (`tracing::subscriber::with_default`, or
//! `set_default` and keep the guard) or of the process (`set_global_default`); a
//! clone shares the lines.

use std::fmt::Write as _;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

use tracing::field::{Field, Visit};
use tracing::span::{Attributes, Id, Record};
use tracing::{Event, Metadata, Subscriber};

/// Every span, record and event, as lines of text (see the module docs).
#[derive(Clone, Debug, Default)]
pub struct Capture {
    next_id: Arc<AtomicU64>,
    lines: Arc<Mutex<Vec<String>>>,
}

impl Capture {
    /// An empty capture.
    pub fn new() -> Capture {
        Capture::default()
    }

    /// The lines so far, in order.
    pub fn lines(&self) -> Vec<String> {
        self.locked().clone()
    }

    /// The lines so far, joined by newlines.
    pub fn text(&self) -> String {
        self.locked().join("\n")
    }

    /// Forgets the lines so far.
    pub fn clear(&self) {
        self.locked().clear();
    }

    /// Runs `future` to completion on a current-thread runtime of its own, with this
    /// capture as the thread's default subscriber: everything the future logs is
    /// captured, and nothing another thread logs.
    pub fn block_on<F: Future>(&self, future: F) -> F::Output {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("a tokio runtime");
        tracing::subscriber::with_default(self.clone(), || runtime.block_on(future))
    }

    /// Panics, showing every line, unless some line contains `needle`.
    #[track_caller]
    pub fn assert_has(&self, needle: &str) {
        let lines = self.locked();
        assert!(
            lines.iter().any(|line| line.contains(needle)),
            "no line with {needle:?} in:\n{}",
            lines.join("\n")
        );
    }

    fn locked(&self) -> MutexGuard<'_, Vec<String>> {
        // A test that panicked while logging must not hide the lines from the others.
        self.lines.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn push(&self, line: Line) {
        self.locked().push(line.0);
    }
}

struct Line(String);

impl Visit for Line {
    fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
        let _ = write!(self.0, " {}={:?}", field.name(), value);
    }
}

impl Subscriber for Capture {
    fn enabled(&self, _: &Metadata<'_>) -> bool {
        true
    }

    fn new_span(&self, span: &Attributes<'_>) -> Id {
        let id = self.next_id.fetch_add(1, Ordering::Relaxed) + 1;
        let mut line = Line(format!("span#{id} {}", span.metadata().name()));
        span.record(&mut line);
        self.push(line);
        Id::from_u64(id)
    }

    fn record(&self, span: &Id, values: &Record<'_>) {
        let mut line = Line(format!("record#{}", span.into_u64()));
        values.record(&mut line);
        self.push(line);
    }

    fn record_follows_from(&self, _: &Id, _: &Id) {}

    fn event(&self, event: &Event<'_>) {
        let mut line = Line(format!("event {}", event.metadata().level()));
        event.record(&mut line);
        self.push(line);
    }

    fn enter(&self, _: &Id) {}

    fn exit(&self, _: &Id) {}
}
