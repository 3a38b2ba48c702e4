//! Paginators: follow an operation's next-page token until the service says it is done.
//!
//! See [`Pages`].

use std::collections::VecDeque;
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

use std::sync::Arc;

use crate::call_config::CallConfig;
use crate::operation::Operation;
use crate::{Client, Error};

/// An operation whose output carries a token for the next page.
///
/// Implemented by `#[aws_json_operation(..., paginate(input_token = ..., output_token = ...))]`.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a paginated awsjson operation",
    note = "add `paginate(input_token = ..., output_token = ...)` to its #[aws_json_operation]"
)]
pub trait Paginate: Operation<Output: 'static, Error: 'static> + Send + Sized + 'static {
    /// Moves the next-page token out of `page` into this request's input token.
    fn advance(&mut self, page: &mut Self::Output) -> Advance;
}

/// An operation whose pages hold a list of items.
///
/// Implemented when the `paginate(...)` attribute names `items = member: Item`.
#[diagnostic::on_unimplemented(
    message = "`{Self}` does not say which member of its pages holds the items",
    note = "add `items = member: ItemType` to its `paginate(...)`"
)]
pub trait PaginateItems: Paginate {
    /// One item of a page.
    type Item;
    /// Takes the items out of a page (an absent list is no items).
    fn take_items(page: &mut Self::Output) -> Vec<Self::Item>;
}

/// An operation whose input has a page-size member.
///
/// Implemented when the `paginate(...)` attribute names `page_size = member`.
#[diagnostic::on_unimplemented(
    message = "`{Self}` has no page-size member",
    note = "add `page_size = member` to its `paginate(...)`"
)]
pub trait PageSize: Paginate {
    /// Sets the page-size member.
    fn set_page_size(&mut self, size: i32);
}

/// What [`Paginate::advance`] found in a page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Advance {
    /// The input token now holds the next page's token.
    Next,
    /// No token: this was the last page.
    End,
    /// The service sent back the token it was sent: stop rather than loop.
    Repeated,
}

type Output<O> = <O as Operation>::Output;
type PageResult<O> = Result<Output<O>, Error<<O as Operation>::Error>>;
type ItemResult<O> = Result<<O as PaginateItems>::Item, Error<<O as Operation>::Error>>;
type InFlight<O> = Pin<Box<dyn Future<Output = (O, PageResult<O>)> + Send>>;

enum State<O: Paginate> {
    /// The request for the next page, not sent yet.
    Ready(O),
    Sending(InFlight<O>),
    Done,
}

/// A stream of an operation's pages, following the next-page token until the end.
///
/// `#[aws_json_operation(..., paginate(...))]` implements [`Paginate`] (and
/// [`PaginateItems`], [`PageSize`] when the attribute names `items` and `page_size`)
/// and adds `pages(&client)` (and `items(&client)`, an [`Items`]) to the operation.
/// Both are streams ([`futures_core::Stream`], so any stream combinator library
/// works on them), and both have an inherent async `next()`, so a plain `while let`
/// loop needs nothing else:
///
/// ```no_run
/// use awsjson::{aws_json_operation, aws_json_shape};
///
/// #[aws_json_operation(
///     target = "secretsmanager.ListSecrets",
///     output = ListSecretsResponse,
///     paginate(
///         input_token = next_token,
///         output_token = next_token,
///         page_size = max_results,
///         items = secret_list: SecretListEntry,
///     ),
/// )]
/// #[derive(Default)]
/// pub struct ListSecrets {
///     pub max_results: Option<i32>,
///     pub next_token: Option<String>,
/// }
///
/// #[aws_json_shape]
/// pub struct ListSecretsResponse {
///     pub secret_list: Option<Vec<SecretListEntry>>,
///     pub next_token: Option<String>,
/// }
///
/// #[aws_json_shape]
/// pub struct SecretListEntry {
///     pub name: Option<String>,
/// }
///
/// # async fn demo(client: &awsjson::Client) -> Result<(), Box<dyn std::error::Error>> {
/// // Every secret, one request per page of up to 20.
/// let mut secrets = ListSecrets::default().items(client).page_size(20);
/// while let Some(secret) = secrets.next().await {
///     println!("{:?}", secret?.name);
/// }
///
/// // The first 5 only: stop pulling and no further page is requested.
/// let first = ListSecrets::default().items(client).page_size(5).first(5).await?;
/// assert!(first.len() <= 5);
/// # Ok(()) }
/// ```
///
/// A page's token is moved into the request for the next page. A stream ends after
/// the page whose output token is absent, `null` or an empty string, and also (as the
/// official SDKs do) when the service hands back the token it was just sent, which
/// would otherwise loop forever; that last page keeps its token, to resume from later
/// (GetLogEvents' forward token). After an error the stream yields that error and
/// then ends.
#[must_use = "a paginator does nothing until polled"]
pub struct Pages<O: Paginate> {
    client: Client,
    state: State<O>,
    /// Settings every page's call is sent with.
    config: Option<Arc<CallConfig>>,
}

impl<O: Paginate> Pages<O> {
    /// Pages of `op` from its current input token on (usually `None`: the first page).
    pub fn new(client: &Client, op: O) -> Self {
        Pages {
            client: client.clone(),
            state: State::Ready(op),
            config: None,
        }
    }

    /// Sends every page's call with these settings (timeouts, attempts, region,
    /// endpoint, headers, credentials, interceptors), as
    /// [`customize`](crate::Customize::customize) sends one call.
    ///
    /// ```no_run
    /// # use awsjson::aws_json_operation;
    /// # #[aws_json_operation(target = "DynamoDB_20120810.ListTables", output = Out,
    /// #     paginate(input_token = start, output_token = last))]
    /// # #[derive(Default)]
    /// # pub struct ListTables { #[aws(rename = "ExclusiveStartTableName")] pub start: Option<String> }
    /// # #[awsjson::aws_json_shape]
    /// # pub struct Out { #[aws(rename = "LastEvaluatedTableName")] pub last: Option<String> }
    /// # async fn demo(client: &awsjson::Client) {
    /// use std::time::Duration;
    ///
    /// let config = awsjson::CallConfig::new()
    ///     .region("eu-west-1")
    ///     .attempt_timeout(Duration::from_secs(2));
    /// let mut pages = ListTables::default().pages(client).config(config);
    /// while let Some(page) = pages.next().await {
    ///     # let _ = page;
    /// }
    /// # }
    /// ```
    pub fn config(mut self, config: CallConfig) -> Self {
        self.config = Some(Arc::new(config));
        self
    }

    /// Asks for pages of at most `size` items (the operation's page-size member).
    ///
    /// Call it before the first `next`: it sets the member on the request the stream
    /// holds, which is in flight or spent once polling has begun.
    pub fn page_size(mut self, size: i32) -> Self
    where
        O: PageSize,
    {
        if let State::Ready(op) = &mut self.state {
            op.set_page_size(size);
        }
        self
    }

    /// The next page, `None` after the last one (or after an error).
    pub async fn next(&mut self) -> Option<PageResult<O>> {
        std::future::poll_fn(|cx| self.poll_page(cx)).await
    }

    /// Every page, or the first error.
    pub async fn try_collect(mut self) -> Result<Vec<Output<O>>, Error<O::Error>> {
        let mut pages = Vec::new();
        while let Some(page) = self.next().await {
            pages.push(page?);
        }
        Ok(pages)
    }

    fn poll_page(&mut self, cx: &mut Context<'_>) -> Poll<Option<PageResult<O>>> {
        loop {
            match std::mem::replace(&mut self.state, State::Done) {
                State::Done => return Poll::Ready(None),
                State::Ready(op) => {
                    let client = self.client.clone();
                    let config = self.config.clone();
                    self.state = State::Sending(Box::pin(async move {
                        let result = crate::call::send(&client, &op, config.as_deref()).await;
                        (op, result)
                    }));
                }
                State::Sending(mut future) => {
                    let Poll::Ready((mut op, result)) = future.as_mut().poll(cx) else {
                        self.state = State::Sending(future);
                        return Poll::Pending;
                    };
                    return Poll::Ready(Some(result.map(|mut page| {
                        if op.advance(&mut page) == Advance::Next {
                            self.state = State::Ready(op);
                        }
                        page
                    })));
                }
            }
        }
    }
}

impl<O: Paginate> Unpin for Pages<O> {}

impl<O: Paginate> futures_core::Stream for Pages<O> {
    type Item = PageResult<O>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        self.get_mut().poll_page(cx)
    }
}

impl<O: Paginate> futures_core::FusedStream for Pages<O> {
    fn is_terminated(&self) -> bool {
        matches!(self.state, State::Done)
    }
}

impl<O: Paginate> fmt::Debug for Pages<O> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let state = match self.state {
            State::Ready(_) => "ready",
            State::Sending(_) => "sending",
            State::Done => "done",
        };
        f.debug_struct("Pages")
            .field("target", &O::TARGET)
            .field("state", &state)
            .finish()
    }
}

/// A stream of the items of an operation's pages, requesting a page only when the
/// items of the previous one are used up.
///
/// Built by the operation's generated `items(&client)`.
#[must_use = "a paginator does nothing until polled"]
pub struct Items<O: PaginateItems> {
    pages: Pages<O>,
    buffer: VecDeque<O::Item>,
}

impl<O: PaginateItems> Items<O> {
    /// Items of the pages of `op`, from its current input token on.
    pub fn new(client: &Client, op: O) -> Self {
        Items {
            pages: Pages::new(client, op),
            buffer: VecDeque::new(),
        }
    }

    /// Asks for pages of at most `size` items (the operation's page-size member).
    pub fn page_size(mut self, size: i32) -> Self
    where
        O: PageSize,
    {
        self.pages = self.pages.page_size(size);
        self
    }

    /// Sends every page's call with these settings (see [`Pages::config`]).
    pub fn config(mut self, config: CallConfig) -> Self {
        self.pages = self.pages.config(config);
        self
    }

    /// The next item, `None` after the last one (or after an error).
    pub async fn next(&mut self) -> Option<ItemResult<O>> {
        std::future::poll_fn(|cx| self.poll_item(cx)).await
    }

    /// At most the first `n` items (or the first error); requests no page beyond the
    /// one holding the `n`th item. (Not `take`, which stream libraries' extension
    /// traits name a lazy adapter that this inherent method would shadow.)
    pub async fn first(mut self, n: usize) -> Result<Vec<O::Item>, Error<O::Error>> {
        let mut items = Vec::with_capacity(n.min(1024));
        while items.len() < n {
            match self.next().await {
                Some(item) => items.push(item?),
                None => break,
            }
        }
        Ok(items)
    }

    /// Every item, or the first error.
    pub async fn try_collect(self) -> Result<Vec<O::Item>, Error<O::Error>> {
        self.first(usize::MAX).await
    }

    fn poll_item(&mut self, cx: &mut Context<'_>) -> Poll<Option<ItemResult<O>>> {
        loop {
            if let Some(item) = self.buffer.pop_front() {
                return Poll::Ready(Some(Ok(item)));
            }
            match self.pages.poll_page(cx) {
                Poll::Pending => return Poll::Pending,
                Poll::Ready(None) => return Poll::Ready(None),
                Poll::Ready(Some(Err(err))) => return Poll::Ready(Some(Err(err))),
                // An empty page in the middle is legal (DynamoDB Scan with a filter):
                // go on to the next one.
                Poll::Ready(Some(Ok(mut page))) => self.buffer.extend(O::take_items(&mut page)),
            }
        }
    }
}

impl<O: PaginateItems> Unpin for Items<O> {}

impl<O: PaginateItems> futures_core::Stream for Items<O> {
    type Item = ItemResult<O>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        self.get_mut().poll_item(cx)
    }
}

impl<O: PaginateItems> futures_core::FusedStream for Items<O> {
    fn is_terminated(&self) -> bool {
        self.buffer.is_empty() && self.pages.is_terminated()
    }
}

impl<O: PaginateItems> fmt::Debug for Items<O> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Items")
            .field("pages", &self.pages)
            .field("buffered", &self.buffer.len())
            .finish()
    }
}

/// Moves `output` into `input` when it names a next page (generated
/// `Paginate::advance` calls it). A last page keeps its token: GetLogEvents, say,
/// hands back the token to resume from once more events arrive.
pub fn advance_token<T: serde::Serialize>(
    input: &mut Option<T>,
    output: &mut Option<T>,
) -> Advance {
    let Some(next) = output.as_ref() else {
        return Advance::End;
    };
    // Compared as JSON so that any token type works (DynamoDB's is a map of values).
    let encoded = serde_json::to_vec(next).unwrap_or_default();
    if encoded.is_empty() || encoded == b"\"\"" || encoded == b"null" {
        return Advance::End;
    }
    if input
        .as_ref()
        .is_some_and(|current| serde_json::to_vec(current).is_ok_and(|c| c == encoded))
    {
        return Advance::Repeated;
    }
    *input = output.take();
    Advance::Next
}

/// The page size as the member's type (`i32` or `i64`).
pub fn page_size<T: From<i32>>(size: i32) -> T {
    T::from(size)
}

/// A page member holding items: a list, possibly absent.
pub trait PageItems {
    /// One item.
    type Item;
    /// Takes the items out, leaving the member empty.
    fn take_items(&mut self) -> Vec<Self::Item>;
}

impl<T> PageItems for Vec<T> {
    type Item = T;
    fn take_items(&mut self) -> Vec<T> {
        std::mem::take(self)
    }
}

impl<T> PageItems for Option<Vec<T>> {
    type Item = T;
    fn take_items(&mut self) -> Vec<T> {
        self.take().unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_advance_end_and_repeat() {
        let mut input: Option<String> = None;
        assert_eq!(
            advance_token(&mut input, &mut Some("t1".to_owned())),
            Advance::Next
        );
        assert_eq!(input.as_deref(), Some("t1"));
        let mut last = Some("t1".to_owned());
        assert_eq!(advance_token(&mut input, &mut last), Advance::Repeated);
        assert_eq!(last.as_deref(), Some("t1"), "a last page keeps its token");
        assert_eq!(advance_token(&mut input, &mut None), Advance::End);
        assert_eq!(
            advance_token(&mut input, &mut Some(String::new())),
            Advance::End
        );
        let mut key: Option<std::collections::BTreeMap<String, u8>> = None;
        let mut next = Some([("pk".to_owned(), 1)].into());
        assert_eq!(advance_token(&mut key, &mut next), Advance::Next);
        assert!(next.is_none() && key.is_some());
    }
}
