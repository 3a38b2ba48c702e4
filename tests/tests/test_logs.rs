//! CloudWatch Logs against moto: camelCase members, groups and streams, events with
//! epoch-millisecond timestamps, and the DescribeLogGroups / GetLogEvents paginators
//! (GetLogEvents hands back the same forward token at the end: the stream stops there).

use awsjson::{aws_json_operation, aws_json_shape};
use awsjson_tests::moto;

#[aws_json_operation(
    target = "Logs_20140328.CreateLogGroup",
    rename_all = "camelCase",
    errors(ResourceAlreadyExistsException, InvalidParameterException)
)]
struct CreateLogGroup {
    log_group_name: String,
}

#[aws_json_operation(
    target = "Logs_20140328.CreateLogStream",
    rename_all = "camelCase",
    errors(ResourceAlreadyExistsException, ResourceNotFoundException)
)]
struct CreateLogStream {
    log_group_name: String,
    log_stream_name: String,
}

#[aws_json_shape(rename_all = "camelCase")]
#[derive(Debug, Clone, PartialEq)]
struct InputLogEvent {
    /// Milliseconds since the epoch.
    timestamp: i64,
    message: String,
}

#[aws_json_operation(
    target = "Logs_20140328.PutLogEvents",
    rename_all = "camelCase",
    output = PutLogEventsResponse,
    errors(ResourceNotFoundException),
)]
struct PutLogEvents {
    log_group_name: String,
    log_stream_name: String,
    log_events: Vec<InputLogEvent>,
}

#[aws_json_shape(rename_all = "camelCase")]
#[derive(Debug)]
struct PutLogEventsResponse {
    next_sequence_token: Option<String>,
    rejected_log_events_info: Option<RejectedLogEventsInfo>,
}

#[aws_json_shape(rename_all = "camelCase")]
#[derive(Debug)]
struct RejectedLogEventsInfo {
    too_new_log_event_start_index: Option<i32>,
    too_old_log_event_end_index: Option<i32>,
}

#[aws_json_operation(
    target = "Logs_20140328.GetLogEvents",
    rename_all = "camelCase",
    output = GetLogEventsResponse,
    errors(ResourceNotFoundException),
    paginate(
        input_token = next_token,
        output_token = next_forward_token,
        page_size = limit,
        items = events: OutputLogEvent,
    ),
)]
#[derive(Default)]
struct GetLogEvents {
    log_group_name: String,
    log_stream_name: String,
    start_from_head: Option<bool>,
    start_time: Option<i64>,
    limit: Option<i32>,
    next_token: Option<String>,
}

#[aws_json_shape(rename_all = "camelCase")]
#[derive(Debug)]
struct GetLogEventsResponse {
    events: Option<Vec<OutputLogEvent>>,
    next_forward_token: Option<String>,
    next_backward_token: Option<String>,
}

#[aws_json_shape(rename_all = "camelCase")]
#[derive(Debug, Clone)]
struct OutputLogEvent {
    timestamp: Option<i64>,
    message: Option<String>,
    ingestion_time: Option<i64>,
}

#[aws_json_operation(
    target = "Logs_20140328.DescribeLogGroups",
    rename_all = "camelCase",
    output = DescribeLogGroupsResponse,
    paginate(
        input_token = next_token,
        output_token = next_token,
        page_size = limit,
        items = log_groups: LogGroup,
    ),
)]
#[derive(Default)]
struct DescribeLogGroups {
    log_group_name_prefix: Option<String>,
    limit: Option<i32>,
    next_token: Option<String>,
}

#[aws_json_shape(rename_all = "camelCase")]
#[derive(Debug)]
struct DescribeLogGroupsResponse {
    log_groups: Option<Vec<LogGroup>>,
    next_token: Option<String>,
}

#[aws_json_shape(rename_all = "camelCase")]
#[derive(Debug)]
struct LogGroup {
    log_group_name: Option<String>,
    /// Milliseconds since the epoch.
    creation_time: Option<i64>,
    arn: Option<String>,
    stored_bytes: Option<i64>,
}

#[aws_json_operation(
    target = "Logs_20140328.DeleteLogGroup",
    rename_all = "camelCase",
    errors(ResourceNotFoundException)
)]
struct DeleteLogGroup {
    log_group_name: String,
}

// CloudWatch Logs models its errors without members: the message is in the error's
// metadata (`ServiceError::message`).
#[aws_json_shape]
#[derive(Debug)]
struct ResourceAlreadyExistsException {}

#[aws_json_shape]
#[derive(Debug)]
struct ResourceNotFoundException {}

#[aws_json_shape]
#[derive(Debug)]
struct InvalidParameterException {}

fn now_millis() -> i64 {
    awsjson::DateTime::now().secs() * 1000
}

#[tokio::test]
async fn events_go_in_and_come_back_in_pages() {
    let client = moto::client();
    let group = format!("/awsjson/{}", moto::unique("events"));
    CreateLogGroup {
        log_group_name: group.clone(),
    }
    .send(&client)
    .await
    .unwrap();
    let exists = CreateLogGroup {
        log_group_name: group.clone(),
    }
    .send(&client)
    .await
    .unwrap_err();
    let service = exists.service_error().expect("a service error");
    assert!(
        matches!(
            service.err(),
            CreateLogGroupError::ResourceAlreadyExistsException(_)
        ),
        "{exists:?}"
    );
    assert_eq!(
        service.message(),
        Some("The specified log group already exists")
    );
    CreateLogStream {
        log_group_name: group.clone(),
        log_stream_name: "main".into(),
    }
    .send(&client)
    .await
    .unwrap();

    let start = now_millis() - 60_000;
    let sent: Vec<InputLogEvent> = (0..12)
        .map(|i| InputLogEvent {
            timestamp: start + i * 1000,
            message: format!("line {i}: ünïcödé \"quoted\""),
        })
        .collect();
    let put = PutLogEvents {
        log_group_name: group.clone(),
        log_stream_name: "main".into(),
        log_events: sent.clone(),
    }
    .send(&client)
    .await
    .unwrap();
    assert!(put.rejected_log_events_info.is_none(), "{put:?}");

    let read = || GetLogEvents {
        log_group_name: group.clone(),
        log_stream_name: "main".into(),
        start_from_head: Some(true),
        ..GetLogEvents::default()
    };
    let events = read()
        .items(&client)
        .page_size(5)
        .try_collect()
        .await
        .unwrap();
    let got: Vec<(i64, String)> = events
        .iter()
        .map(|e| (e.timestamp.unwrap(), e.message.clone().unwrap()))
        .collect();
    let want: Vec<(i64, String)> = sent
        .iter()
        .map(|e| (e.timestamp, e.message.clone()))
        .collect();
    assert_eq!(got, want);
    assert!(events.iter().all(|e| e.ingestion_time.unwrap() >= start));

    // The last page keeps moto's repeated forward token: resume from it once more
    // events are in, as a tail would.
    let pages = read()
        .pages(&client)
        .page_size(5)
        .try_collect()
        .await
        .unwrap();
    let last = pages.last().unwrap();
    let resume = last
        .next_forward_token
        .clone()
        .expect("the last page's token");
    assert!(
        pages[..pages.len() - 1]
            .iter()
            .all(|p| p.next_forward_token.is_none())
    );
    PutLogEvents {
        log_group_name: group.clone(),
        log_stream_name: "main".into(),
        log_events: vec![InputLogEvent {
            timestamp: start + 20_000,
            message: "later".into(),
        }],
    }
    .send(&client)
    .await
    .unwrap();
    let newer = GetLogEvents {
        next_token: Some(resume),
        ..read()
    }
    .items(&client)
    .try_collect()
    .await
    .unwrap();
    let newer: Vec<&str> = newer
        .iter()
        .map(|e| e.message.as_deref().unwrap())
        .collect();
    assert_eq!(newer, ["later"]);

    let first = read().items(&client).page_size(5).first(7).await.unwrap();
    assert_eq!(first.len(), 7);
    assert_eq!(first[6].message.as_deref(), Some(sent[6].message.as_str()));

    let missing = PutLogEvents {
        log_group_name: group.clone(),
        log_stream_name: "no-such-stream".into(),
        log_events: sent[..1].to_vec(),
    }
    .send(&client)
    .await
    .unwrap_err();
    assert!(
        matches!(
            missing.service_error().map(|e| e.err()),
            Some(PutLogEventsError::ResourceNotFoundException(_))
        ),
        "{missing:?}"
    );

    DeleteLogGroup {
        log_group_name: group.clone(),
    }
    .send(&client)
    .await
    .unwrap();
    let gone = DeleteLogGroup {
        log_group_name: group,
    }
    .send(&client)
    .await
    .unwrap_err();
    assert_eq!(gone.code(), Some("ResourceNotFoundException"));
}

#[tokio::test]
async fn log_groups_page_by_prefix() {
    let client = moto::client();
    let prefix = format!("/awsjson/{}/", moto::unique("groups"));
    let before = now_millis();
    for i in 0..5 {
        CreateLogGroup {
            log_group_name: format!("{prefix}{i}"),
        }
        .send(&client)
        .await
        .unwrap();
    }
    let ours = || DescribeLogGroups {
        log_group_name_prefix: Some(prefix.clone()),
        ..DescribeLogGroups::default()
    };
    let (_, sizes) =
        moto::pages_and_sizes(ours().pages(&client).page_size(2), |p| &p.log_groups).await;
    assert_eq!(sizes, [2, 2, 1]);
    let groups = ours()
        .items(&client)
        .page_size(2)
        .try_collect()
        .await
        .unwrap();
    let names: Vec<&str> = groups
        .iter()
        .map(|g| g.log_group_name.as_deref().unwrap())
        .collect();
    let want: Vec<String> = (0..5).map(|i| format!("{prefix}{i}")).collect();
    assert_eq!(names, want);
    assert!(
        groups
            .iter()
            .all(|g| g.creation_time.unwrap() >= before - 5_000)
    );
    assert!(groups[0].arn.as_deref().unwrap().contains(&prefix));

    let first = ours().items(&client).page_size(2).first(3).await.unwrap();
    assert_eq!(first.len(), 3);
}
