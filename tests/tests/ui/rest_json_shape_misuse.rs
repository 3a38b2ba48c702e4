use awsjson::aws_json_shape;

// An output's status code, header and payload members, checked as body members are.
#[aws_json_shape(shape = "lambda#InvocationResponse")]
pub struct InvocationResponse {
    pub status_code: Option<String>,
    pub function_eror: Option<String>,
    pub payload: Option<awsjson::Blob>,
}

// A streaming response body read as bytes.
#[aws_json_shape(shape = "polly#SynthesizeSpeechOutput")]
pub struct SynthesizeSpeechOutput {
    pub audio_stream: Option<awsjson::Blob>,
    pub content_type: Option<String>,
}

// A restJson1 service missing from `shape`: both protocols' names are suggested.
#[aws_json_shape(shape = "lamda#FunctionConfiguration")]
pub struct FunctionConfiguration {
    pub function_name: Option<String>,
}

fn main() {}
