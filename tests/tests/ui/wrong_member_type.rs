use std::collections::HashMap;

use awsjson::{aws_json_operation, aws_json_shape};

#[aws_json_operation(target = "DynamoDB_20120810.Scan")]
pub struct Scan {
    pub table_name: String,
    pub limit: Option<String>,
    pub consistent_read: Option<i32>,
    pub attributes_to_get: Option<String>,
    pub exclusive_start_key: Option<Vec<AttributeValue>>,
    pub expression_attribute_names: Option<HashMap<String, u64>>,
}

#[aws_json_shape]
pub struct AttributeValue {
    #[aws(rename = "S")]
    pub s: Option<String>,
}

fn main() {}
