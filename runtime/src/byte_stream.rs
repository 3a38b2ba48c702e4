//! `ByteStream`: a streaming blob, the body of a restJson1 request or response whose
//! payload is `@streaming` (Polly's speech, Glacier's archives, SageMaker's inferences).

use std::fmt;
use std::pin::Pin;
use std::sync::Mutex;
use std::task::{Context, Poll};

use bytes::Bytes;
use futures_core::Stream;

/// The error a user's stream yields; it ends the request that reads it.
pub type BoxError = Box<dyn std::error::Error + Send + Sync>;

type UserStream = Pin<Box<dyn Stream<Item = Result<Bytes, BoxError>> + Send>>;

/// The body of a streaming payload: in a request, bytes or a stream of chunks; in a
/// response, the body as it arrives, read chunk by chunk without holding it whole.
///
/// A request body made of bytes ([`ByteStream::from`] a `Vec<u8>`, `Bytes`, `String`
/// or `&'static [u8]`) is signed and can be sent again when a call is retried. One made
/// from a stream ([`ByteStream::from_stream`]) is sent as it is read, unsigned
/// (`UNSIGNED-PAYLOAD`), and only once: a failed attempt is not retried.
///
/// A response body is read with [`next`](ByteStream::next) (or as a
/// [`futures_core::Stream`]), or whole with [`collect`](ByteStream::collect). The
/// service's connection stays open until the stream is read to its end or dropped.
/// Neither the client's size cap nor its attempt and operation timeouts apply to it
/// (the call ended with the response's head); with stalled-stream protection on (the
/// default), a read that waits longer than its grace period for the next bytes fails.
///
/// ```
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() {
/// use awsjson::ByteStream;
///
/// let body = ByteStream::from(b"hello".to_vec());
/// assert_eq!(body.len(), Some(5));
/// assert_eq!(body.collect().await.unwrap(), b"hello"[..]);
///
/// let chunks = ["a", "b"].map(|s| Ok::<_, std::io::Error>(bytes::Bytes::from(s)));
/// let mut body = ByteStream::from_stream(futures_util_free::iter(chunks));
/// assert_eq!(body.len(), None);
/// assert_eq!(body.next().await.unwrap().unwrap(), "a");
/// # }
/// # mod futures_util_free {
/// #     use std::{pin::Pin, task::{Context, Poll}};
/// #     pub struct Iter<I>(I);
/// #     pub fn iter<I: IntoIterator>(i: I) -> Iter<I::IntoIter> { Iter(i.into_iter()) }
/// #     impl<I: Iterator + Unpin> futures_core::Stream for Iter<I> {
/// #         type Item = I::Item;
/// #         fn poll_next(mut self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<Option<I::Item>> {
/// #             Poll::Ready(self.0.next())
/// #         }
/// #     }
/// # }
/// ```
pub struct ByteStream {
    // A mutex only so that an operation holding a stream stays `Sync`, as operations
    // are; every access goes through `&mut self` (`get_mut`, no locking) but the one
    // `take` of a request body, which happens once per call.
    inner: Mutex<Inner>,
}

enum Inner {
    Bytes(Bytes),
    Stream(UserStream),
    Response(ResponseBody),
    /// The stream was handed to a request already.
    Taken,
}

/// A response body being read, with what a read error should say.
pub(crate) struct ResponseBody {
    pub(crate) body: reqwest::Body,
    pub(crate) status: u16,
    /// The client's stall grace period: how long a read may wait for the next bytes
    /// (`None`: protection off). Counted only while the reader waits, so that a reader
    /// that pauses (and so makes the service pause) is not taken for a stall.
    pub(crate) wait: Option<std::time::Duration>,
    pub(crate) sleep: Option<Pin<Box<tokio::time::Sleep>>>,
}

/// Reading a streaming body failed: the connection broke, or a request body's stream
/// yielded an error.
#[derive(Debug)]
pub struct ByteStreamError {
    message: String,
    source: Option<BoxError>,
}

impl ByteStreamError {
    pub(crate) fn new(message: impl Into<String>, source: Option<BoxError>) -> Self {
        ByteStreamError {
            message: message.into(),
            source,
        }
    }
}

impl fmt::Display for ByteStreamError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)?;
        if let Some(source) = &self.source {
            write!(f, ": {source}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ByteStreamError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.source
            .as_deref()
            .map(|e| e as &(dyn std::error::Error + 'static))
    }
}

impl ByteStream {
    fn of(inner: Inner) -> Self {
        ByteStream {
            inner: Mutex::new(inner),
        }
    }

    /// A body of these bytes.
    pub fn new(bytes: impl Into<Bytes>) -> Self {
        ByteStream::of(Inner::Bytes(bytes.into()))
    }

    /// A request body read from `stream` as it is sent: for bodies too large to hold
    /// in memory. Sent once, unsigned; see the type's documentation.
    pub fn from_stream<S, E>(stream: S) -> Self
    where
        S: Stream<Item = Result<Bytes, E>> + Send + 'static,
        E: Into<BoxError> + 'static,
    {
        ByteStream::of(Inner::Stream(Box::pin(MapErr(Box::pin(stream)))))
    }

    pub(crate) fn from_response(body: ResponseBody) -> Self {
        ByteStream::of(Inner::Response(body))
    }

    fn inner(&mut self) -> &mut Inner {
        self.inner
            .get_mut()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// The length, when the body is bytes in memory.
    pub fn len(&self) -> Option<usize> {
        match &*self
            .inner
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
        {
            Inner::Bytes(bytes) => Some(bytes.len()),
            _ => None,
        }
    }

    /// Whether the body is known to be empty (bytes in memory, none of them).
    pub fn is_empty(&self) -> bool {
        self.len() == Some(0)
    }

    /// The next chunk; `None` at the end.
    pub async fn next(&mut self) -> Option<Result<Bytes, ByteStreamError>> {
        std::future::poll_fn(|cx| self.poll_chunk(cx)).await
    }

    /// Reads the rest of the body into memory.
    pub async fn collect(mut self) -> Result<Bytes, ByteStreamError> {
        if let Inner::Bytes(bytes) = self.inner() {
            return Ok(std::mem::take(bytes));
        }
        let mut out = Vec::new();
        while let Some(chunk) = self.next().await {
            out.extend_from_slice(&chunk?);
        }
        Ok(Bytes::from(out))
    }

    pub(crate) fn poll_chunk(
        &mut self,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Bytes, ByteStreamError>>> {
        match self.inner() {
            Inner::Bytes(bytes) => {
                if bytes.is_empty() {
                    Poll::Ready(None)
                } else {
                    Poll::Ready(Some(Ok(std::mem::take(bytes))))
                }
            }
            Inner::Stream(stream) => stream.as_mut().poll_next(cx).map(|item| {
                item.map(|r| {
                    r.map_err(|e| ByteStreamError::new("the body's stream failed", Some(e)))
                })
            }),
            Inner::Response(response) => loop {
                use http_body::Body as _;
                use std::future::Future as _;
                let status = response.status;
                match Pin::new(&mut response.body).poll_frame(cx) {
                    Poll::Pending => {
                        let Some(wait) = response.wait else {
                            return Poll::Pending;
                        };
                        let sleep = response
                            .sleep
                            .get_or_insert_with(|| Box::pin(tokio::time::sleep(wait)));
                        if sleep.as_mut().poll(cx).is_pending() {
                            return Poll::Pending;
                        }
                        response.sleep = None;
                        return Poll::Ready(Some(Err(ByteStreamError::new(
                            format!(
                                "the HTTP {status} response body stalled: no bytes for \
                                 {wait:?} while it was read (see \
                                 ClientBuilder::stalled_stream_protection)"
                            ),
                            None,
                        ))));
                    }
                    Poll::Ready(None) => return Poll::Ready(None),
                    Poll::Ready(Some(Err(e))) => {
                        return Poll::Ready(Some(Err(ByteStreamError::new(
                            format!("reading the HTTP {status} response body failed"),
                            Some(Box::new(e)),
                        ))));
                    }
                    Poll::Ready(Some(Ok(frame))) => {
                        response.sleep = None;
                        // Trailers carry no body bytes.
                        if let Ok(data) = frame.into_data() {
                            if !data.is_empty() {
                                return Poll::Ready(Some(Ok(data)));
                            }
                        }
                    }
                }
            },
            Inner::Taken => Poll::Ready(None),
        }
    }

    /// The request body: bytes to sign and resend, or the stream, taken (once).
    pub(crate) fn request_body(&self) -> RequestBody {
        let mut inner = self
            .inner
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        match &mut *inner {
            Inner::Bytes(bytes) => RequestBody::Bytes(bytes.clone()),
            Inner::Taken => RequestBody::Taken,
            other => match std::mem::replace(other, Inner::Taken) {
                Inner::Stream(stream) => RequestBody::Stream(ByteStream::of(Inner::Stream(stream))),
                Inner::Response(body) => RequestBody::Stream(ByteStream::of(Inner::Response(body))),
                Inner::Bytes(_) | Inner::Taken => RequestBody::Taken,
            },
        }
    }

    /// The body as reqwest sends it, read chunk by chunk.
    pub(crate) fn into_reqwest_body(self) -> reqwest::Body {
        reqwest::Body::wrap(StreamBody(self))
    }
}

/// What a request's streaming payload is at send time.
pub(crate) enum RequestBody {
    Bytes(Bytes),
    Stream(ByteStream),
    /// A stream that an earlier call (or attempt) consumed.
    Taken,
}

impl Default for ByteStream {
    /// An empty body.
    fn default() -> Self {
        ByteStream::new(Bytes::new())
    }
}

impl fmt::Debug for ByteStream {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = match &*self
            .inner
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
        {
            Inner::Bytes(bytes) => format!("{} bytes", bytes.len()),
            Inner::Stream(_) => "a stream".to_owned(),
            Inner::Response(r) => format!("the HTTP {} response body", r.status),
            Inner::Taken => "taken".to_owned(),
        };
        write!(f, "ByteStream({what})")
    }
}

impl From<Vec<u8>> for ByteStream {
    fn from(bytes: Vec<u8>) -> Self {
        ByteStream::new(bytes)
    }
}

impl From<Bytes> for ByteStream {
    fn from(bytes: Bytes) -> Self {
        ByteStream::new(bytes)
    }
}

impl From<String> for ByteStream {
    fn from(text: String) -> Self {
        ByteStream::new(text)
    }
}

impl From<&'static [u8]> for ByteStream {
    fn from(bytes: &'static [u8]) -> Self {
        ByteStream::new(bytes)
    }
}

impl From<&'static str> for ByteStream {
    fn from(text: &'static str) -> Self {
        ByteStream::new(text)
    }
}

impl Stream for ByteStream {
    type Item = Result<Bytes, ByteStreamError>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        self.get_mut().poll_chunk(cx)
    }
}

/// A user's stream with its error boxed.
struct MapErr<S>(Pin<Box<S>>);

impl<S, E> Stream for MapErr<S>
where
    S: Stream<Item = Result<Bytes, E>>,
    E: Into<BoxError>,
{
    type Item = Result<Bytes, BoxError>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        self.get_mut()
            .0
            .as_mut()
            .poll_next(cx)
            .map(|item| item.map(|r| r.map_err(Into::into)))
    }
}

/// A `ByteStream` as an HTTP body for reqwest.
struct StreamBody(ByteStream);

impl http_body::Body for StreamBody {
    type Data = Bytes;
    type Error = ByteStreamError;

    fn poll_frame(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<http_body::Frame<Bytes>, ByteStreamError>>> {
        self.get_mut()
            .0
            .poll_chunk(cx)
            .map(|item| item.map(|r| r.map(http_body::Frame::data)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn bytes_are_one_chunk_and_can_be_sent_again() {
        let body = ByteStream::from("abc");
        assert!(matches!(body.request_body(), RequestBody::Bytes(b) if b == "abc"));
        assert!(matches!(body.request_body(), RequestBody::Bytes(b) if b == "abc"));
        let mut body = body;
        assert_eq!(body.next().await.unwrap().unwrap(), "abc");
        assert!(body.next().await.is_none());
    }

    #[tokio::test]
    async fn a_stream_is_taken_once() {
        struct Two(u8);
        impl Stream for Two {
            type Item = Result<Bytes, std::io::Error>;
            fn poll_next(
                mut self: Pin<&mut Self>,
                _: &mut Context<'_>,
            ) -> Poll<Option<Self::Item>> {
                self.0 += 1;
                Poll::Ready(match self.0 {
                    1 => Some(Ok(Bytes::from("x"))),
                    2 => Some(Err(std::io::Error::other("boom"))),
                    _ => None,
                })
            }
        }
        let body = ByteStream::from_stream(Two(0));
        let RequestBody::Stream(mut taken) = body.request_body() else {
            panic!("expected the stream");
        };
        assert!(matches!(body.request_body(), RequestBody::Taken));
        assert_eq!(taken.next().await.unwrap().unwrap(), "x");
        let err = taken.next().await.unwrap().unwrap_err();
        assert_eq!(err.to_string(), "the body's stream failed: boom");
        assert!(format!("{body:?}").contains("taken"));
    }
}
