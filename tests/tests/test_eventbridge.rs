//! EventBridge against moto, declared with the explicit metadata keys (`json_version`,
//! `signing_name`, `endpoint_prefix`) as a service outside the catalog would be (the
//! catalog knows this one, and the keys agree with it); moto routes by that signing
//! name. Also an empty success body for an operation without output
//! (DeleteEventBus), and ListEventBuses' paginator.

use awsjson::{DateTime, aws_json_operation, aws_json_shape};
use awsjson_tests::moto;

#[aws_json_operation(
    target = "AWSEvents.CreateEventBus",
    json_version = "1.1",
    signing_name = "events",
    endpoint_prefix = "events",
    output = CreateEventBusResponse,
    errors(ResourceAlreadyExistsException),
)]
struct CreateEventBus {
    name: String,
    description: Option<String>,
}

#[aws_json_shape]
#[derive(Debug)]
struct CreateEventBusResponse {
    event_bus_arn: Option<String>,
}

#[aws_json_operation(
    target = "AWSEvents.DescribeEventBus",
    json_version = "1.1",
    signing_name = "events",
    endpoint_prefix = "events",
    output = DescribeEventBusResponse,
    errors(ResourceNotFoundException),
)]
struct DescribeEventBus {
    name: Option<String>,
}

#[aws_json_shape]
#[derive(Debug)]
struct DescribeEventBusResponse {
    name: Option<String>,
    arn: Option<String>,
    description: Option<String>,
    creation_time: Option<DateTime>,
}

#[aws_json_operation(
    target = "AWSEvents.PutEvents",
    json_version = "1.1",
    signing_name = "events",
    endpoint_prefix = "events",
    output = PutEventsResponse,
)]
struct PutEvents {
    entries: Vec<PutEventsRequestEntry>,
}

#[aws_json_shape]
struct PutEventsRequestEntry {
    source: String,
    detail_type: String,
    detail: String,
    event_bus_name: String,
    time: Option<DateTime>,
}

#[aws_json_shape]
#[derive(Debug)]
struct PutEventsResponse {
    failed_entry_count: Option<i32>,
    entries: Option<Vec<PutEventsResultEntry>>,
}

#[aws_json_shape]
#[derive(Debug)]
struct PutEventsResultEntry {
    event_id: Option<String>,
    error_code: Option<String>,
}

#[aws_json_operation(
    target = "AWSEvents.ListEventBuses",
    json_version = "1.1",
    signing_name = "events",
    endpoint_prefix = "events",
    output = ListEventBusesResponse,
    paginate(
        input_token = next_token,
        output_token = next_token,
        page_size = limit,
        items = event_buses: EventBus,
    ),
)]
#[derive(Default)]
struct ListEventBuses {
    name_prefix: Option<String>,
    next_token: Option<String>,
    limit: Option<i32>,
}

#[aws_json_shape]
#[derive(Debug)]
struct ListEventBusesResponse {
    event_buses: Option<Vec<EventBus>>,
    next_token: Option<String>,
}

#[aws_json_shape]
#[derive(Debug)]
struct EventBus {
    name: Option<String>,
    arn: Option<String>,
}

#[aws_json_operation(
    target = "AWSEvents.DeleteEventBus",
    json_version = "1.1",
    signing_name = "events",
    endpoint_prefix = "events"
)]
struct DeleteEventBus {
    name: String,
}

#[aws_json_shape]
#[derive(Debug)]
struct ResourceAlreadyExistsException {
    message: Option<String>,
}

#[aws_json_shape]
#[derive(Debug)]
struct ResourceNotFoundException {
    message: Option<String>,
}

#[tokio::test]
async fn event_buses_and_events() {
    let client = moto::client();
    let name = moto::unique("bus");
    let arn = CreateEventBus {
        name: name.clone(),
        description: Some("awsjson test bus".into()),
    }
    .send(&client)
    .await
    .unwrap()
    .event_bus_arn
    .unwrap();
    assert!(arn.ends_with(&format!(":event-bus/{name}")), "{arn}");
    let exists = CreateEventBus {
        name: name.clone(),
        description: None,
    }
    .send(&client)
    .await
    .unwrap_err();
    assert!(
        matches!(
            exists.service_error().map(|e| e.err()),
            Some(CreateEventBusError::ResourceAlreadyExistsException(_))
        ),
        "{exists:?}"
    );

    let bus = DescribeEventBus {
        name: Some(name.clone()),
    }
    .send(&client)
    .await
    .unwrap();
    assert_eq!(bus.arn.as_deref(), Some(arn.as_str()));
    assert_eq!(bus.description.as_deref(), Some("awsjson test bus"));
    assert!((DateTime::now().secs() - bus.creation_time.unwrap().secs()).abs() < 600);

    let put = PutEvents {
        entries: (0..3)
            .map(|i| PutEventsRequestEntry {
                source: "awsjson.tests".into(),
                detail_type: "Test".into(),
                detail: format!(r#"{{"i": {i}}}"#),
                event_bus_name: name.clone(),
                time: Some(DateTime::from_secs(1_700_000_000 + i)),
            })
            .collect(),
    }
    .send(&client)
    .await
    .unwrap();
    assert_eq!(put.failed_entry_count, Some(0));
    let entries = put.entries.unwrap();
    assert_eq!(entries.len(), 3);
    assert!(
        entries
            .iter()
            .all(|e| e.event_id.is_some() && e.error_code.is_none())
    );

    let ours = || ListEventBuses {
        name_prefix: Some(name.clone()),
        ..ListEventBuses::default()
    };
    let listed = ours()
        .items(&client)
        .page_size(1)
        .try_collect()
        .await
        .unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].arn.as_deref(), Some(arn.as_str()));

    // moto answers with an empty body; an operation without output takes it as `()`.
    DeleteEventBus { name: name.clone() }
        .send(&client)
        .await
        .unwrap();
    let gone = DescribeEventBus { name: Some(name) }
        .send(&client)
        .await
        .unwrap_err();
    assert!(
        matches!(
            gone.service_error().map(|e| e.err()),
            Some(DescribeEventBusError::ResourceNotFoundException(_))
        ),
        "{gone:?}"
    );
}

#[tokio::test]
async fn event_buses_list_in_pages() {
    let client = moto::client();
    let prefix = moto::unique("buses");
    for i in 0..5 {
        CreateEventBus {
            name: format!("{prefix}-{i}"),
            description: None,
        }
        .send(&client)
        .await
        .unwrap();
    }
    let ours = || ListEventBuses {
        name_prefix: Some(prefix.clone()),
        ..ListEventBuses::default()
    };
    let (_, sizes) =
        moto::pages_and_sizes(ours().pages(&client).page_size(2), |p| &p.event_buses).await;
    assert_eq!(sizes, [2, 2, 1]);
    let first = ours().items(&client).page_size(2).first(3).await.unwrap();
    let names: Vec<&str> = first.iter().map(|b| b.name.as_deref().unwrap()).collect();
    assert_eq!(names.len(), 3);
    assert!(names.iter().all(|n| n.starts_with(&prefix)));
}
