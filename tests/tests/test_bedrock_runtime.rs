//! Bedrock Runtime (restJson1) against moto: InvokeModel, whose request body is the
//! payload blob with its media type in the `Content-Type` header member, the model id
//! a label with `:` and `.` in it, and whose answer is a payload blob with its
//! `Content-Type` header bound to a member.

use awsjson::{Blob, aws_json_operation, aws_json_shape};
use awsjson_tests::moto;

#[aws_json_operation(
    operation = "bedrock-runtime#InvokeModel",
    output = InvokeModelResponse,
    errors(ResourceNotFoundException, ValidationException, AccessDeniedException),
)]
struct InvokeModel {
    model_id: String,
    content_type: Option<String>,
    accept: Option<String>,
    body: Option<Blob>,
}

#[aws_json_shape(shape = "bedrock-runtime#InvokeModelResponse")]
#[derive(Debug)]
struct InvokeModelResponse {
    body: Blob,
    content_type: String,
}

#[aws_json_shape(shape = "bedrock-runtime#ResourceNotFoundException")]
#[derive(Debug)]
struct ResourceNotFoundException {
    message: Option<String>,
}

#[aws_json_shape(shape = "bedrock-runtime#ValidationException")]
#[derive(Debug)]
struct ValidationException {
    message: Option<String>,
}

#[aws_json_shape(shape = "bedrock-runtime#AccessDeniedException")]
#[derive(Debug)]
struct AccessDeniedException {
    message: Option<String>,
}

#[tokio::test]
async fn invoke_model_sends_and_reads_a_payload() {
    let client = moto::client();
    let out = InvokeModel {
        model_id: "anthropic.claude-3-haiku-20240307-v1:0".into(),
        content_type: Some("application/json".into()),
        accept: Some("application/json".into()),
        body: Some(Blob::new(
            br#"{"anthropic_version":"bedrock-2023-05-31","max_tokens":16,"messages":[{"role":"user","content":"Hello"}]}"#.to_vec(),
        )),
    }
    .send(&client)
    .await
    .unwrap();
    assert_eq!(out.content_type, "application/json");
    // moto answers every model with an empty JSON object.
    assert_eq!(out.body.as_bytes(), b"{}");
}
