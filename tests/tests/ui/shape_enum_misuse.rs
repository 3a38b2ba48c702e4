use awsjson::aws_json_shape;

#[aws_json_shape]
pub enum Status {
    Active,
    Failed(String),
    Unknown,
}

#[aws_json_shape(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Mode {
    FastMode,
    #[aws(rename = "FAST_MODE")]
    Quick,
}

#[aws_json_shape]
pub struct Pair(String, String);

fn main() {}
