use awsjson::aws_json_shape;

#[aws_json_shape]
pub enum Mixed {
    Text(String),
    Flag,
    Number = 3,
}

#[aws_json_shape]
pub enum Pairs {
    Both(String, String),
    Named { value: String },
}

#[aws_json_shape]
pub enum Choice {
    Text(String),
    Unknown(String),
}

#[aws_json_shape]
pub enum Level {
    Low = 1,
    High = 1 << 4,
    Huge = 3_000_000_000,
    Top = 1,
}

#[aws_json_shape]
pub enum Color {
    #[aws(timestamp = "date-time")]
    Red,
}

fn main() {}
