//! SQS over its JSON protocol against moto: queues, messages with attributes (string
//! and binary), receipt handles, and its query-compatible errors: the modeled variant
//! comes from `__type` (`com.amazonaws.sqs#QueueDoesNotExist`, with both `message`
//! and `Message` in the body), the code from `x-amzn-query-error`
//! (`AWS.SimpleQueueService.NonExistentQueue;Sender`).

use std::collections::HashMap;

use awsjson::{Blob, aws_json_operation, aws_json_shape};
use awsjson_tests::moto;

#[aws_json_operation(
    target = "AmazonSQS.CreateQueue",
    query_compatible,
    output = CreateQueueResult,
    errors(QueueNameExists, InvalidAttributeName, InvalidAttributeValue),
)]
struct CreateQueue {
    queue_name: String,
    attributes: Option<HashMap<String, String>>,
    tags: Option<HashMap<String, String>>,
}

#[aws_json_shape]
#[derive(Debug)]
struct CreateQueueResult {
    queue_url: Option<String>,
}

#[aws_json_operation(
    target = "AmazonSQS.GetQueueUrl",
    query_compatible,
    output = GetQueueUrlResult,
    errors(QueueDoesNotExist),
)]
struct GetQueueUrl {
    queue_name: String,
}

#[aws_json_shape]
#[derive(Debug)]
struct GetQueueUrlResult {
    queue_url: Option<String>,
}

#[aws_json_shape]
#[derive(Debug, Clone, PartialEq)]
struct MessageAttributeValue {
    data_type: String,
    string_value: Option<String>,
    binary_value: Option<Blob>,
}

#[aws_json_operation(
    target = "AmazonSQS.SendMessage",
    query_compatible,
    output = SendMessageResult,
    errors(QueueDoesNotExist, InvalidMessageContents),
)]
struct SendMessage {
    queue_url: String,
    message_body: String,
    delay_seconds: Option<i32>,
    message_attributes: Option<HashMap<String, MessageAttributeValue>>,
}

#[aws_json_shape]
#[derive(Debug)]
struct SendMessageResult {
    message_id: Option<String>,
    #[aws(rename = "MD5OfMessageBody")]
    md5_of_message_body: Option<String>,
}

#[aws_json_operation(
    target = "AmazonSQS.ReceiveMessage",
    query_compatible,
    output = ReceiveMessageResult,
    errors(QueueDoesNotExist),
)]
struct ReceiveMessage {
    queue_url: String,
    max_number_of_messages: Option<i32>,
    wait_time_seconds: Option<i32>,
    visibility_timeout: Option<i32>,
    message_attribute_names: Option<Vec<String>>,
    message_system_attribute_names: Option<Vec<String>>,
}

#[aws_json_shape]
#[derive(Debug)]
struct ReceiveMessageResult {
    messages: Option<Vec<Message>>,
}

#[aws_json_shape]
#[derive(Debug)]
struct Message {
    message_id: Option<String>,
    receipt_handle: Option<String>,
    #[aws(rename = "MD5OfBody")]
    md5_of_body: Option<String>,
    body: Option<String>,
    attributes: Option<HashMap<String, String>>,
    message_attributes: Option<HashMap<String, MessageAttributeValue>>,
}

#[aws_json_operation(
    target = "AmazonSQS.DeleteMessage",
    query_compatible,
    errors(QueueDoesNotExist, ReceiptHandleIsInvalid)
)]
struct DeleteMessage {
    queue_url: String,
    receipt_handle: String,
}

#[aws_json_operation(
    target = "AmazonSQS.GetQueueAttributes",
    query_compatible,
    output = GetQueueAttributesResult,
    errors(QueueDoesNotExist, InvalidAttributeName),
)]
struct GetQueueAttributes {
    queue_url: String,
    attribute_names: Option<Vec<String>>,
}

#[aws_json_shape]
#[derive(Debug)]
struct GetQueueAttributesResult {
    attributes: Option<HashMap<String, String>>,
}

#[aws_json_operation(
    target = "AmazonSQS.DeleteQueue",
    query_compatible,
    errors(QueueDoesNotExist)
)]
struct DeleteQueue {
    queue_url: String,
}

macro_rules! errors {
    ($($name:ident),*) => {$(
        #[aws_json_shape]
        #[derive(Debug)]
        struct $name {
            message: Option<String>,
        }
    )*};
}

errors!(
    QueueDoesNotExist,
    QueueNameExists,
    InvalidAttributeName,
    InvalidAttributeValue,
    InvalidMessageContents,
    ReceiptHandleIsInvalid
);

#[tokio::test]
async fn messages_go_through_a_queue() {
    let client = moto::client();
    let name = moto::unique("queue");
    let url = CreateQueue {
        queue_name: name.clone(),
        attributes: Some(HashMap::from([(
            "VisibilityTimeout".to_owned(),
            "45".to_owned(),
        )])),
        tags: Some(HashMap::from([("team".to_owned(), "awsjson".to_owned())])),
    }
    .send(&client)
    .await
    .unwrap()
    .queue_url
    .unwrap();
    assert!(url.ends_with(&format!("/123456789012/{name}")), "{url}");
    let looked_up = GetQueueUrl {
        queue_name: name.clone(),
    }
    .send(&client)
    .await
    .unwrap();
    assert_eq!(looked_up.queue_url.as_deref(), Some(url.as_str()));

    let attributes = GetQueueAttributes {
        queue_url: url.clone(),
        attribute_names: Some(vec!["All".into()]),
    }
    .send(&client)
    .await
    .unwrap()
    .attributes
    .unwrap();
    assert_eq!(attributes["VisibilityTimeout"], "45");
    assert!(attributes["QueueArn"].ends_with(&name));

    let body = "hello from awsjson: {\"json\": \"inside\"} ✓";
    let binary = MessageAttributeValue {
        data_type: "Binary".into(),
        string_value: None,
        binary_value: Some(Blob::new(vec![1, 2, 3, 250])),
    };
    let text = MessageAttributeValue {
        data_type: "String".into(),
        string_value: Some("v".into()),
        binary_value: None,
    };
    let sent = SendMessage {
        queue_url: url.clone(),
        message_body: body.into(),
        delay_seconds: None,
        message_attributes: Some(HashMap::from([
            ("bin".to_owned(), binary.clone()),
            ("txt".to_owned(), text.clone()),
        ])),
    }
    .send(&client)
    .await
    .unwrap();
    let md5 = sent.md5_of_message_body.unwrap();
    assert_eq!(md5.len(), 32);

    let received = ReceiveMessage {
        queue_url: url.clone(),
        max_number_of_messages: Some(10),
        wait_time_seconds: Some(0),
        visibility_timeout: None,
        message_attribute_names: Some(vec!["All".into()]),
        message_system_attribute_names: Some(vec!["All".into()]),
    }
    .send(&client)
    .await
    .unwrap()
    .messages
    .unwrap();
    assert_eq!(received.len(), 1);
    let message = &received[0];
    assert_eq!(message.body.as_deref(), Some(body));
    assert_eq!(message.message_id, sent.message_id);
    assert_eq!(message.md5_of_body.as_deref(), Some(md5.as_str()));
    let attrs = message.message_attributes.as_ref().unwrap();
    assert_eq!(attrs["bin"].binary_value, binary.binary_value);
    assert_eq!(attrs["txt"].string_value.as_deref(), Some("v"));
    assert_eq!(
        message.attributes.as_ref().unwrap()["ApproximateReceiveCount"],
        "1"
    );

    DeleteMessage {
        queue_url: url.clone(),
        receipt_handle: message.receipt_handle.clone().unwrap(),
    }
    .send(&client)
    .await
    .unwrap();
    let empty = ReceiveMessage {
        queue_url: url.clone(),
        max_number_of_messages: Some(10),
        wait_time_seconds: Some(0),
        visibility_timeout: Some(0),
        message_attribute_names: None,
        message_system_attribute_names: None,
    }
    .send(&client)
    .await
    .unwrap();
    assert!(empty.messages.unwrap_or_default().is_empty());

    DeleteQueue { queue_url: url }.send(&client).await.unwrap();
    let gone = GetQueueUrl { queue_name: name }
        .send(&client)
        .await
        .unwrap_err();
    let service = gone.service_error().expect("a service error");
    assert_eq!(service.code(), "AWS.SimpleQueueService.NonExistentQueue");
    assert_eq!(service.meta().fault.as_deref(), Some("Sender"));
    let GetQueueUrlError::QueueDoesNotExist(e) = service.err() else {
        panic!("expected QueueDoesNotExist, got {gone:?}")
    };
    assert_eq!(
        e.message.as_deref(),
        Some("The specified queue does not exist.")
    );
}

#[tokio::test]
async fn an_error_the_operation_does_not_model_is_unmodeled_with_its_code() {
    let err = CreateQueue {
        queue_name: "bad name!".into(),
        attributes: None,
        tags: None,
    }
    .send(&moto::client())
    .await
    .unwrap_err();
    let service = err.service_error().expect("a service error");
    let CreateQueueError::Unmodeled(unmodeled) = service.err() else {
        panic!("expected an unmodeled error, got {err:?}")
    };
    assert_eq!(unmodeled.code(), "InvalidParameterValue");
    assert_eq!(unmodeled.status(), 400);
    assert!(
        unmodeled
            .message()
            .unwrap()
            .starts_with("Can only include alphanumeric")
    );
    assert_eq!(service.meta().fault.as_deref(), Some("Sender"));
    assert!(
        err.to_string()
            .starts_with("service error InvalidParameterValue: Can only"),
        "{err}"
    );
}
