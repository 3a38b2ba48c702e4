use awsjson::aws_json_shape;

pub struct Plain {
    pub x: i32,
}

#[aws_json_shape]
pub struct Holder {
    pub maybe: Option<Plain>,
    pub always: Plain,
}

#[aws_json_shape]
pub enum Either {
    Text(String),
    Other(Plain),
}

fn main() {}
