use awsjson::{aws_json_operation, aws_json_shape};

// Mistakes in shapes (an unknown key, a duplicate int value, a misplaced attribute):
// the macro reports them, and the shapes' uses as members, outputs and values compile.
#[aws_json_shape(colour = "red")]
#[derive(Debug)]
pub struct Tag {
    pub key: String,
    pub value: String,
}

#[aws_json_shape]
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Level {
    Low = 1,
    Top = 1,
}

#[aws_json_shape]
#[derive(Debug, PartialEq)]
pub enum Status {
    #[aws(timestamp = "date-time")]
    Active,
}

#[aws_json_shape(shape = "kms#TagResourceRequest", rename_all = "upper")]
#[derive(Debug)]
pub struct Holder {
    pub tags: Option<Vec<Tag>>,
    pub level: Option<Level>,
    pub status: Option<Status>,
}

#[aws_json_operation(target = "TrentService.TagResource")]
pub struct TagResource {
    pub key_id: String,
    pub tags: Vec<Tag>,
}

fn main() {
    let tag = Tag { key: "k".into(), value: "v".into() };
    let _ = TagResource { key_id: "id".into(), tags: vec![tag] };
    let _ = Status::from("Active").as_str() == Status::Active.to_string();
    let _ = Level::from(1) == Level::Low;
    let _ = Holder { tags: None, level: Some(Level::Top), status: Some(Status::from("x")) };
    let _ = matches!(Status::from("x"), Status::Unknown(_));
}
