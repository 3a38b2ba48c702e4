//! A small service function over DynamoDB, the kind of code a unit test mocks (see
//! `tests/signup.rs`, which runs it against `awsjson::mock` rules).

use std::fmt;

use awsjson::{Client, Error};

use crate::dynamodb::{AttributeValue, GetItem, GetItemError, Item, PutItem, PutItemError};

/// What became of a username.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Claim {
    /// It was free and is now held for the email.
    Claimed,
    /// Someone holds it already (found by the read, or by the conditional write when
    /// another claim came in between).
    Taken,
}

/// A call that failed for another reason than the name being taken.
#[derive(Debug)]
pub enum ClaimError {
    /// The read of the name failed.
    Read(Error<GetItemError>),
    /// The write of the claim failed.
    Write(Error<PutItemError>),
}

impl fmt::Display for ClaimError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ClaimError::Read(e) => write!(f, "reading the username: {e}"),
            ClaimError::Write(e) => write!(f, "claiming the username: {e}"),
        }
    }
}

impl std::error::Error for ClaimError {}

/// Claims `username` for `email` in `table` (key `username`): a read first, which
/// answers most requests for a taken name without a write, then a write conditional on
/// the name still being free.
pub async fn claim_username(
    client: &Client,
    table: &str,
    username: &str,
    email: &str,
) -> Result<Claim, ClaimError> {
    let key = Item::from([("username".to_owned(), AttributeValue::s(username))]);
    let found = GetItem {
        table_name: table.to_owned(),
        key: key.clone(),
        consistent_read: Some(true),
        ..GetItem::default()
    }
    .send(client)
    .await
    .map_err(ClaimError::Read)?;
    if found.item.is_some() {
        return Ok(Claim::Taken);
    }
    let mut item = key;
    item.insert("email".to_owned(), AttributeValue::s(email));
    let put = PutItem {
        table_name: table.to_owned(),
        item,
        condition_expression: Some("attribute_not_exists(username)".to_owned()),
        ..PutItem::default()
    };
    match put.send(client).await {
        Ok(_) => Ok(Claim::Claimed),
        Err(Error::Service(e))
            if matches!(e.err(), PutItemError::ConditionalCheckFailedException(_)) =>
        {
            Ok(Claim::Taken)
        }
        Err(e) => Err(ClaimError::Write(e)),
    }
}
