use awsjson::{aws_json_operation, aws_json_shape};

// One mistake in the declaration (`table_nme`): the macro reports it, and every use of
// the operation below (`send`, its error enum, `pages`, `items`, serde) still compiles.
#[aws_json_operation(
    target = "DynamoDB_20120810.ListTables",
    output = ListTablesOutput,
    errors(InternalServerError),
    paginate(
        input_token = exclusive_start_table_name,
        output_token = last_evaluated_table_name,
        page_size = limit,
        items = table_names: String,
    ),
)]
pub struct ListTables {
    pub exclusive_start_table_name: Option<String>,
    pub limit: Option<i32>,
    pub table_nme: Option<String>,
}

#[aws_json_shape]
pub struct ListTablesOutput {
    pub table_names: Option<Vec<String>>,
    pub last_evaluated_table_name: Option<String>,
}

#[aws_json_shape]
pub struct InternalServerError {
    pub message: Option<String>,
}

fn take_serde<T: awsjson::__private::serde::Serialize>(_: &T) {}

async fn uses(client: &awsjson::Client) -> Result<usize, Box<dyn std::error::Error>> {
    let op = ListTables {
        exclusive_start_table_name: None,
        limit: Some(10),
        table_nme: None,
    };
    take_serde(&op);
    let names = match op.send(client).await {
        Ok(out) => out.table_names.unwrap_or_default(),
        Err(e) => match e.service_error().map(|s| s.err()) {
            Some(ListTablesError::InternalServerError(e)) => {
                vec![e.message.clone().unwrap_or_default()]
            }
            Some(ListTablesError::Unmodeled(_)) | None => return Err(e.into()),
        },
    };
    let _pages = ListTables {
        exclusive_start_table_name: None,
        limit: None,
        table_nme: None,
    }
    .pages(client)
    .page_size(5);
    let _items = ListTables {
        exclusive_start_table_name: None,
        limit: None,
        table_nme: None,
    }
    .items(client);
    Ok(names.len())
}

fn main() {
    let _ = uses;
}
