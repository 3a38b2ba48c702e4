//! A unit test of `claim_username` with `awsjson::mock`: no server, no socket. Three
//! rules: reads are throttled once then find nothing, the write for "bob" loses a race
//! (the modeled `ConditionalCheckFailedException`), other writes succeed.

use std::time::{Duration, Instant};

use awsjson::mock::{Mock, Rule};
use awsjson_examples::dynamodb::{
    AttributeValue, ConditionalCheckFailedException, GetItem, GetItemOutput, PutItem, PutItemOutput,
};
use awsjson_examples::signup::{Claim, claim_username};

#[tokio::test]
async fn a_name_lost_to_a_race_is_taken_a_free_one_is_claimed() {
    let mock = Mock::new();
    mock.add(
        // Each read is throttled once, then finds no item: the client retries it.
        Rule::<GetItem>::any()
            .throttle()
            .output(GetItemOutput { item: None })
            .times(2),
    )
    .add(
        Rule::<PutItem>::when(|put| put.item.get("username") == Some(&AttributeValue::s("bob")))
            .modeled_error(ConditionalCheckFailedException {
                message: Some("The conditional request failed".into()),
                item: None,
            }),
    )
    .add(Rule::<PutItem>::any().output(PutItemOutput { attributes: None }));
    let client = mock.client().unwrap();

    let started = Instant::now();
    let bob = claim_username(&client, "users", "bob", "bob@example.com").await;
    let carol = claim_username(&client, "users", "carol", "carol@example.com").await;
    assert_eq!(bob.unwrap(), Claim::Taken);
    assert_eq!(carol.unwrap(), Claim::Claimed);
    // The throttled reads were retried without the real backoff (up to 1 s each).
    assert!(started.elapsed() < Duration::from_millis(500));

    let calls = mock.calls();
    let summary: Vec<(&str, u32)> = calls
        .iter()
        .map(|c| (c.operation(), c.attempts()))
        .collect();
    assert_eq!(
        summary,
        [
            ("DynamoDB_20120810.GetItem", 2),
            ("DynamoDB_20120810.PutItem", 1),
            ("DynamoDB_20120810.GetItem", 2),
            ("DynamoDB_20120810.PutItem", 1),
        ]
    );
    let read = calls[0].input::<GetItem>().unwrap();
    assert_eq!(read.consistent_read, Some(true));
    let write = calls[3].input::<PutItem>().unwrap();
    assert_eq!(write.table_name, "users");
    assert_eq!(
        write.condition_expression.as_deref(),
        Some("attribute_not_exists(username)")
    );
    assert_eq!(
        write.item.get("email"),
        Some(&AttributeValue::s("carol@example.com"))
    );
    assert!(mock.pending().is_empty(), "{:?}", mock.pending());
}
