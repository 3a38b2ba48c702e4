use awsjson::aws_json_shape;

pub struct Plain {
    pub x: i32,
}

#[aws_json_shape]
pub struct Holder {
    pub maybe: Option<Plain>,
    pub always: Plain,
}

fn main() {}
