//! EventBridge Scheduler (restJson1) against moto: a schedule group and a schedule in
//! it (names as labels, the group as a query parameter whose wire name differs by
//! operation: `groupName` for GetSchedule, `ScheduleGroup` for ListSchedules), with
//! ResourceNotFoundException named by `X-Amzn-ErrorType`.

use awsjson::{DateTime, aws_json_operation, aws_json_shape};
use awsjson_tests::moto;

#[aws_json_operation(
    operation = "scheduler#CreateScheduleGroup",
    output = CreateScheduleGroupOutput,
    errors(ConflictException),
)]
struct CreateScheduleGroup {
    name: String,
}

#[aws_json_shape(shape = "scheduler#CreateScheduleGroupOutput")]
#[derive(Debug)]
struct CreateScheduleGroupOutput {
    schedule_group_arn: String,
}

#[aws_json_shape(shape = "scheduler#Target")]
#[derive(Debug, Clone)]
struct Target {
    arn: String,
    role_arn: String,
    input: Option<String>,
}

#[aws_json_shape(shape = "scheduler#FlexibleTimeWindow")]
#[derive(Debug, Clone)]
struct FlexibleTimeWindow {
    mode: String,
    maximum_window_in_minutes: Option<i32>,
}

#[aws_json_operation(
    operation = "scheduler#CreateSchedule",
    output = CreateScheduleOutput,
    errors(ConflictException, ResourceNotFoundException),
)]
struct CreateSchedule {
    name: String,
    group_name: Option<String>,
    schedule_expression: String,
    description: Option<String>,
    target: Target,
    flexible_time_window: FlexibleTimeWindow,
}

#[aws_json_shape(shape = "scheduler#CreateScheduleOutput")]
#[derive(Debug)]
struct CreateScheduleOutput {
    schedule_arn: String,
}

#[aws_json_operation(
    operation = "scheduler#GetSchedule",
    output = GetScheduleOutput,
    errors(ResourceNotFoundException),
)]
struct GetSchedule {
    name: String,
    group_name: Option<String>,
}

#[aws_json_shape(shape = "scheduler#GetScheduleOutput")]
#[derive(Debug)]
struct GetScheduleOutput {
    arn: Option<String>,
    group_name: Option<String>,
    name: Option<String>,
    schedule_expression: Option<String>,
    description: Option<String>,
    state: Option<String>,
    creation_date: Option<DateTime>,
    target: Option<Target>,
    flexible_time_window: Option<FlexibleTimeWindow>,
}

#[aws_json_operation(
    operation = "scheduler#ListSchedules",
    output = ListSchedulesOutput,
    errors(ResourceNotFoundException),
)]
#[derive(Default)]
struct ListSchedules {
    group_name: Option<String>,
    name_prefix: Option<String>,
}

#[aws_json_shape(shape = "scheduler#ListSchedulesOutput")]
#[derive(Debug)]
struct ListSchedulesOutput {
    schedules: Vec<ScheduleSummary>,
}

#[aws_json_shape(shape = "scheduler#ScheduleSummary")]
#[derive(Debug)]
struct ScheduleSummary {
    name: Option<String>,
    group_name: Option<String>,
    state: Option<String>,
}

#[aws_json_operation(
    operation = "scheduler#DeleteSchedule",
    errors(ResourceNotFoundException)
)]
struct DeleteSchedule {
    name: String,
    group_name: Option<String>,
}

#[aws_json_operation(
    operation = "scheduler#DeleteScheduleGroup",
    errors(ResourceNotFoundException)
)]
struct DeleteScheduleGroup {
    name: String,
}

#[aws_json_shape(shape = "scheduler#ResourceNotFoundException")]
#[derive(Debug)]
struct ResourceNotFoundException {
    message: String,
}

#[aws_json_shape(shape = "scheduler#ConflictException")]
#[derive(Debug)]
struct ConflictException {
    message: String,
}

#[tokio::test]
async fn a_schedule_in_its_group() {
    let client = moto::client();
    let group = moto::unique("group");
    let name = moto::unique("every-5-min");
    let group_arn = CreateScheduleGroup {
        name: group.clone(),
    }
    .send(&client)
    .await
    .unwrap()
    .schedule_group_arn;
    assert_eq!(
        group_arn,
        format!("arn:aws:scheduler:us-east-1:123456789012:schedule-group/{group}")
    );

    let target = Target {
        arn: "arn:aws:lambda:us-east-1:123456789012:function:tick".into(),
        role_arn: "arn:aws:iam::123456789012:role/scheduler".into(),
        input: Some(r#"{"from": "awsjson"}"#.into()),
    };
    let arn = CreateSchedule {
        name: name.clone(),
        group_name: Some(group.clone()),
        schedule_expression: "rate(5 minutes)".into(),
        description: Some("every five minutes".into()),
        target: target.clone(),
        flexible_time_window: FlexibleTimeWindow {
            mode: "FLEXIBLE".into(),
            maximum_window_in_minutes: Some(3),
        },
    }
    .send(&client)
    .await
    .unwrap()
    .schedule_arn;
    assert_eq!(
        arn,
        format!("arn:aws:scheduler:us-east-1:123456789012:schedule/{group}/{name}")
    );

    let got = GetSchedule {
        name: name.clone(),
        group_name: Some(group.clone()),
    }
    .send(&client)
    .await
    .unwrap();
    assert_eq!(got.arn.as_deref(), Some(arn.as_str()));
    assert_eq!(got.group_name.as_deref(), Some(group.as_str()));
    assert_eq!(got.schedule_expression.as_deref(), Some("rate(5 minutes)"));
    assert_eq!(got.description.as_deref(), Some("every five minutes"));
    assert_eq!(got.state.as_deref(), Some("ENABLED"));
    let got_target = got.target.unwrap();
    assert_eq!(got_target.arn, target.arn);
    assert_eq!(got_target.input, target.input);
    let window = got.flexible_time_window.unwrap();
    assert_eq!(
        (window.mode.as_str(), window.maximum_window_in_minutes),
        ("FLEXIBLE", Some(3))
    );
    let created = got.creation_date.unwrap();
    assert!((DateTime::now().secs() - created.secs()).abs() < 600);

    // Without the group, GetSchedule looks in `default`, where it is not.
    let err = GetSchedule {
        name: name.clone(),
        group_name: None,
    }
    .send(&client)
    .await
    .unwrap_err();
    let Some(GetScheduleError::ResourceNotFoundException(e)) = err.service_error().map(|e| e.err())
    else {
        panic!("expected ResourceNotFoundException, got {err:?}")
    };
    assert_eq!(e.message, format!("Schedule {name} does not exist."));

    let listed = ListSchedules {
        group_name: Some(group.clone()),
        ..ListSchedules::default()
    }
    .send(&client)
    .await
    .unwrap()
    .schedules;
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].name.as_deref(), Some(name.as_str()));
    assert_eq!(listed[0].group_name.as_deref(), Some(group.as_str()));

    DeleteSchedule {
        name: name.clone(),
        group_name: Some(group.clone()),
    }
    .send(&client)
    .await
    .unwrap();
    assert!(
        ListSchedules {
            group_name: Some(group.clone()),
            ..ListSchedules::default()
        }
        .send(&client)
        .await
        .unwrap()
        .schedules
        .is_empty()
    );
    DeleteScheduleGroup { name: group }
        .send(&client)
        .await
        .unwrap();
}
