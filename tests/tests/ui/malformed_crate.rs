use awsjson::{aws_json_operation, aws_json_shape};

#[aws_json_shape(crate = "my facade")]
struct NotAPath {
    name: String,
}

#[aws_json_shape(crate = my_facade::awsjson)]
struct NotAString {
    name: String,
}

#[aws_json_operation(target = "DynamoDB_20120810.ListTables", crate = "facade::aws<T>")]
struct WithGenerics {
    limit: Option<i32>,
}

#[aws_json_shape(crate = "a", crate = "b")]
struct Twice {
    name: String,
}

fn main() {}
