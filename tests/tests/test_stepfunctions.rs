//! Step Functions against moto: camelCase members, a member named `type`, state
//! machines and executions with their timestamps, the ListStateMachines paginator,
//! and StateMachineDoesNotExist / ExecutionAlreadyExists.

use awsjson::{DateTime, aws_json_operation, aws_json_shape};
use awsjson_tests::moto;

const DEFINITION: &str = r#"{"StartAt":"Done","States":{"Done":{"Type":"Pass","End":true}}}"#;
const ROLE: &str = "arn:aws:iam::123456789012:role/awsjson-sfn";

#[aws_json_shape(rename_all = "SCREAMING_SNAKE_CASE")]
#[derive(Debug, Clone, PartialEq)]
enum StateMachineType {
    Standard,
    Express,
}

#[aws_json_operation(
    target = "AWSStepFunctions.CreateStateMachine",
    rename_all = "camelCase",
    output = CreateStateMachineOutput,
    errors(StateMachineAlreadyExists, InvalidDefinition, InvalidArn),
)]
struct CreateStateMachine {
    name: String,
    definition: String,
    role_arn: String,
    #[aws(rename = "type")]
    machine_type: Option<StateMachineType>,
}

#[aws_json_shape(rename_all = "camelCase")]
#[derive(Debug)]
struct CreateStateMachineOutput {
    state_machine_arn: String,
    creation_date: DateTime,
}

#[aws_json_operation(
    target = "AWSStepFunctions.DescribeStateMachine",
    rename_all = "camelCase",
    output = DescribeStateMachineOutput,
    errors(StateMachineDoesNotExist, InvalidArn),
)]
struct DescribeStateMachine {
    state_machine_arn: String,
}

#[aws_json_shape(rename_all = "SCREAMING_SNAKE_CASE")]
#[derive(Debug, PartialEq)]
enum StateMachineStatus {
    Active,
    Deleting,
}

#[aws_json_shape(rename_all = "camelCase")]
#[derive(Debug)]
struct DescribeStateMachineOutput {
    state_machine_arn: String,
    name: String,
    status: Option<StateMachineStatus>,
    #[aws(sensitive)]
    definition: String,
    role_arn: String,
    #[aws(rename = "type")]
    machine_type: StateMachineType,
    creation_date: DateTime,
}

#[aws_json_operation(
    target = "AWSStepFunctions.StartExecution",
    rename_all = "camelCase",
    output = StartExecutionOutput,
    errors(ExecutionAlreadyExists, StateMachineDoesNotExist, InvalidArn),
)]
struct StartExecution {
    state_machine_arn: String,
    name: Option<String>,
    input: Option<String>,
}

#[aws_json_shape(rename_all = "camelCase")]
#[derive(Debug)]
struct StartExecutionOutput {
    execution_arn: String,
    start_date: DateTime,
}

#[aws_json_operation(
    target = "AWSStepFunctions.DescribeExecution",
    rename_all = "camelCase",
    output = DescribeExecutionOutput,
    errors(ExecutionDoesNotExist, InvalidArn),
)]
struct DescribeExecution {
    execution_arn: String,
}

#[aws_json_shape(rename_all = "SCREAMING_SNAKE_CASE")]
#[derive(Debug, PartialEq)]
enum ExecutionStatus {
    Running,
    Succeeded,
    Failed,
    TimedOut,
    Aborted,
    PendingRedrive,
}

#[aws_json_shape(rename_all = "camelCase")]
#[derive(Debug)]
struct DescribeExecutionOutput {
    execution_arn: String,
    state_machine_arn: String,
    name: Option<String>,
    status: ExecutionStatus,
    start_date: DateTime,
    #[aws(sensitive)]
    input: Option<String>,
}

#[aws_json_operation(
    target = "AWSStepFunctions.ListStateMachines",
    rename_all = "camelCase",
    output = ListStateMachinesOutput,
    errors(InvalidToken),
    paginate(
        input_token = next_token,
        output_token = next_token,
        page_size = max_results,
        items = state_machines: StateMachineListItem,
    ),
)]
#[derive(Default)]
struct ListStateMachines {
    max_results: Option<i32>,
    next_token: Option<String>,
}

#[aws_json_shape(rename_all = "camelCase")]
#[derive(Debug)]
struct ListStateMachinesOutput {
    state_machines: Vec<StateMachineListItem>,
    next_token: Option<String>,
}

#[aws_json_shape(rename_all = "camelCase")]
#[derive(Debug)]
struct StateMachineListItem {
    state_machine_arn: String,
    name: String,
    #[aws(rename = "type")]
    machine_type: StateMachineType,
    creation_date: DateTime,
}

#[aws_json_operation(
    target = "AWSStepFunctions.DeleteStateMachine",
    rename_all = "camelCase",
    errors(InvalidArn)
)]
struct DeleteStateMachine {
    state_machine_arn: String,
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
    StateMachineAlreadyExists,
    StateMachineDoesNotExist,
    InvalidDefinition,
    InvalidArn,
    ExecutionAlreadyExists,
    ExecutionDoesNotExist,
    InvalidToken
);

async fn create(client: &awsjson::Client, name: &str) -> CreateStateMachineOutput {
    CreateStateMachine {
        name: name.to_owned(),
        definition: DEFINITION.into(),
        role_arn: ROLE.into(),
        machine_type: Some(StateMachineType::Standard),
    }
    .send(client)
    .await
    .unwrap()
}

#[tokio::test]
async fn state_machines_and_executions() {
    let client = moto::client();
    let name = moto::unique("sm");
    let created = create(&client, &name).await;
    assert!(
        created
            .state_machine_arn
            .ends_with(&format!(":stateMachine:{name}"))
    );
    let arn = created.state_machine_arn;

    let described = DescribeStateMachine {
        state_machine_arn: arn.clone(),
    }
    .send(&client)
    .await
    .unwrap();
    assert_eq!(described.name, name);
    assert_eq!(described.definition, DEFINITION);
    assert_eq!(described.role_arn, ROLE);
    assert_eq!(described.machine_type, StateMachineType::Standard);
    assert_eq!(described.status, Some(StateMachineStatus::Active));
    assert_eq!(described.creation_date.secs(), created.creation_date.secs());

    let started = StartExecution {
        state_machine_arn: arn.clone(),
        name: Some("run-1".into()),
        input: Some(r#"{"order": 42}"#.into()),
    }
    .send(&client)
    .await
    .unwrap();
    assert!(started.execution_arn.ends_with(&format!(":{name}:run-1")));
    assert!(started.start_date >= DateTime::from_secs(created.creation_date.secs()));

    let execution = DescribeExecution {
        execution_arn: started.execution_arn.clone(),
    }
    .send(&client)
    .await
    .unwrap();
    assert_eq!(execution.state_machine_arn, arn);
    assert_eq!(execution.name.as_deref(), Some("run-1"));
    assert_eq!(execution.input.as_deref(), Some(r#"{"order": 42}"#));
    assert!(matches!(
        execution.status,
        ExecutionStatus::Running | ExecutionStatus::Succeeded
    ));
    assert_eq!(execution.start_date.secs(), started.start_date.secs());

    let again = StartExecution {
        state_machine_arn: arn.clone(),
        name: Some("run-1".into()),
        input: Some(r#"{"order": 43}"#.into()),
    }
    .send(&client)
    .await
    .unwrap_err();
    assert!(
        matches!(
            again.service_error().map(|e| e.err()),
            Some(StartExecutionError::ExecutionAlreadyExists(_))
        ),
        "{again:?}"
    );

    DeleteStateMachine {
        state_machine_arn: arn.clone(),
    }
    .send(&client)
    .await
    .unwrap();
    let gone = DescribeStateMachine {
        state_machine_arn: arn,
    }
    .send(&client)
    .await
    .unwrap_err();
    let Some(DescribeStateMachineError::StateMachineDoesNotExist(e)) =
        gone.service_error().map(|e| e.err())
    else {
        panic!("expected StateMachineDoesNotExist, got {gone:?}")
    };
    assert!(e.message.as_deref().unwrap().contains("Does Not Exist"));
}

#[tokio::test]
async fn state_machines_list_in_pages() {
    // A region of its own: no other test creates or deletes state machines there.
    let client = moto::client_in("eu-north-1");
    let mut ours = Vec::new();
    for _ in 0..3 {
        let name = moto::unique("list-sm");
        create(&client, &name).await;
        ours.push(name);
    }
    let pages = ListStateMachines::default()
        .pages(&client)
        .page_size(2)
        .try_collect()
        .await
        .unwrap();
    let sizes: Vec<usize> = pages.iter().map(|p| p.state_machines.len()).collect();
    assert_eq!(sizes, [2, 1]);
    let mut names: Vec<String> = pages
        .into_iter()
        .flat_map(|p| p.state_machines)
        .map(|m| m.name)
        .collect();
    names.sort();
    ours.sort();
    assert_eq!(names, ours);
    let first = ListStateMachines::default()
        .items(&client)
        .page_size(2)
        .first(3)
        .await
        .unwrap();
    assert_eq!(first.len(), 3);
    assert!(first.iter().all(|m| {
        m.machine_type == StateMachineType::Standard
            && m.state_machine_arn
                .starts_with("arn:aws:states:eu-north-1:")
    }));
}
