//! A typed input event stream: the input member that holds the events an operation
//! sends (the `@httpPayload` member targeting an event-stream union), and the sender
//! that feeds it with the union's events, each encoded into its message as it is sent.

use std::fmt;
use std::marker::PhantomData;
use std::sync::Mutex;

use super::event::EncodeEvent;
use super::input::{EventInput, EventSendError, EventSender};

/// The events an operation sends, as the input's event-stream member
/// (`awsjson::InputStream<Union>`), fed by an [`InputSender`] while the call is open,
/// or given up front ([`InputStream::from_events`]).
///
/// A call takes the events once: a second `send` of the same input finds the stream
/// taken and fails. The call signs each event as it goes out (chained to the request's
/// signature) and ends the stream with the signed empty message once every sender is
/// closed or dropped.
///
/// ```
/// # async fn demo() -> Result<(), awsjson::event_stream::EventSendError> {
/// use awsjson::{InputStream, aws_json_shape};
///
/// #[aws_json_shape]
/// struct AudioEvent {
///     #[aws(event_payload)]
///     audio_chunk: awsjson::Blob,
/// }
///
/// #[aws_json_shape]
/// enum AudioStream {
///     AudioEvent(AudioEvent),
/// }
///
/// let (sender, stream) = InputStream::<AudioStream>::channel(4);
/// // `stream` goes in the operation's input; its `send` opens the call; then:
/// # drop(stream);
/// let chunk = awsjson::Blob::new(vec![0u8; 320]);
/// if let Err(e) = sender.send(AudioStream::AudioEvent(AudioEvent { audio_chunk: chunk })).await {
///     eprintln!("the stream is over: {e}");
/// }
/// sender.close();
/// # Ok(())
/// # }
/// ```
pub struct InputStream<T> {
    input: Mutex<Option<EventInput>>,
    _events: PhantomData<fn(T)>,
}

/// The sending half of an [`InputStream`]: [`send`](InputSender::send) encodes an event
/// of the union into its message and hands it to the call, waiting while the events
/// already handed over have not gone out.
pub struct InputSender<T> {
    sender: EventSender,
    _events: PhantomData<fn(T)>,
}

impl<T> Clone for InputSender<T> {
    fn clone(&self) -> Self {
        InputSender {
            sender: self.sender.clone(),
            _events: PhantomData,
        }
    }
}

impl<T: EncodeEvent> InputStream<T> {
    /// A sender and the stream it feeds; at most `capacity` events (at least 1) wait
    /// between them.
    pub fn channel(capacity: usize) -> (InputSender<T>, InputStream<T>) {
        let (sender, input) = EventSender::channel(capacity);
        (
            InputSender {
                sender,
                _events: PhantomData,
            },
            InputStream {
                input: Mutex::new(Some(input)),
                _events: PhantomData,
            },
        )
    }

    /// A stream of these events and no more, encoded now: an event that cannot be
    /// encoded is this call's error.
    pub fn from_events(events: impl IntoIterator<Item = T>) -> Result<Self, EventSendError> {
        let messages = events
            .into_iter()
            .map(|e| e.encode_event().map_err(EventSendError::Encode))
            .collect::<Result<Vec<_>, _>>()?;
        let (sender, input) = EventSender::channel(messages.len());
        for message in messages {
            sender.try_send(message)?;
        }
        Ok(InputStream {
            input: Mutex::new(Some(input)),
            _events: PhantomData,
        })
    }
}

impl<T> InputStream<T> {
    /// The events, for the call that sends them; `None` once a call took them.
    #[cfg_attr(not(feature = "http2"), allow(dead_code))]
    pub(crate) fn take(&self) -> Option<EventInput> {
        self.input.lock().ok().and_then(|mut slot| slot.take())
    }
}

impl<T: EncodeEvent> InputSender<T> {
    /// Encodes `event` and hands it to the call, waiting for room when `capacity`
    /// events are already waiting to go out.
    pub async fn send(&self, event: T) -> Result<(), EventSendError> {
        let message = event.encode_event().map_err(EventSendError::Encode)?;
        self.sender.send(message).await
    }

    /// Whether the stream is over (the call ended or was dropped).
    pub fn is_closed(&self) -> bool {
        self.sender.is_closed()
    }

    /// Ends the stream, once every clone of this sender is closed or dropped.
    pub fn close(self) {}
}

/// An input stream that has ended: what `..Default::default()` and a decoded input
/// (the typed mock) hold.
impl<T> Default for InputStream<T> {
    fn default() -> Self {
        InputStream {
            input: Mutex::new(None),
            _events: PhantomData,
        }
    }
}

impl<T> fmt::Debug for InputStream<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let taken = self.input.lock().map(|s| s.is_none()).unwrap_or(true);
        f.debug_struct("InputStream")
            .field("taken", &taken)
            .finish_non_exhaustive()
    }
}

impl<T> fmt::Debug for InputSender<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("InputSender")
            .field("closed", &self.sender.is_closed())
            .finish_non_exhaustive()
    }
}

/// Never written: the events are the request's body, not a JSON value.
impl<T> serde::Serialize for InputStream<T> {
    fn serialize<S: serde::Serializer>(&self, _: S) -> Result<S::Ok, S::Error> {
        Err(serde::ser::Error::custom(
            "an input event stream is not written as JSON",
        ))
    }
}

/// Never read from JSON: a decoded input (the typed mock) holds a stream that has
/// ended.
impl<'de, T> serde::Deserialize<'de> for InputStream<T> {
    fn deserialize<D: serde::Deserializer<'de>>(_: D) -> Result<Self, D::Error> {
        Err(serde::de::Error::custom(
            "an input event stream member is not read from JSON",
        ))
    }
}

/// The input stream member of a decoded input: ended.
impl<T> crate::protocol::json_struct::ErrorCorrection for InputStream<T> {
    fn error_correction() -> Option<Self> {
        Some(InputStream::default())
    }
}

/// The `send` of an operation with an input event stream (`events`, its member): the
/// events are the request's body, each encoded and signed as it goes out; the output
/// as the output of an operation whose answer streams. The stream is taken once.
#[cfg(feature = "http2")]
pub async fn send_input_stream<O: crate::operation::Operation, T>(
    client: &crate::Client,
    op: &O,
    events: &InputStream<T>,
) -> Result<O::Output, crate::Error<O::Error>> {
    let input = events.take().ok_or_else(|| {
        crate::Error::Config(crate::ConfigError::new(format!(
            "the input event stream of {} was sent already: an `InputStream` is sent once",
            O::TARGET
        )))
    })?;
    super::call::send_streaming_input(client, op, input).await
}

/// The `send` of an operation with an input event stream, without the `http2`
/// feature: a configuration error (the services stream over HTTP/2). Unlike the `send`
/// of an output stream it compiles, so that such a declaration builds in any
/// configuration (its requests can be built and inspected, `__private::request`).
#[cfg(not(feature = "http2"))]
pub async fn send_input_stream<O: crate::operation::Operation, T>(
    _: &crate::Client,
    _: &O,
    _: &InputStream<T>,
) -> Result<O::Output, crate::Error<O::Error>> {
    Err(crate::Error::Config(crate::ConfigError::new(format!(
        "{} sends an event stream: enable awsjson's `http2` feature",
        O::TARGET
    ))))
}
