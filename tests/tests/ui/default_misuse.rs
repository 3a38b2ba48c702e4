use awsjson::aws_json_shape;

#[aws_json_shape]
pub struct Settings {
    #[aws(default = "hi")]
    pub greeting: Option<String>,
    #[aws(default = [1])]
    pub sizes: Vec<i32>,
    #[aws(default = 'x')]
    pub letter: String,
    #[aws(default = 10u8)]
    pub count: i32,
}

#[aws_json_shape]
pub struct WrongType {
    #[aws(default = "yes")]
    pub enabled: bool,
}

fn main() {}
