//! Polly (restJson1) against moto: voices filtered by a query parameter, speech read
//! as a stream with its `Content-Type` header bound to a member, and lexicons by name
//! (a label), with LexiconNotFoundException read from the body's `__type` (moto sends
//! no `X-Amzn-ErrorType` for Polly).

use awsjson::{ByteStream, aws_json_operation, aws_json_shape};
use awsjson_tests::moto;

#[aws_json_operation(operation = "polly#DescribeVoices", output = DescribeVoicesOutput)]
#[derive(Default)]
struct DescribeVoices {
    engine: Option<String>,
    language_code: Option<String>,
}

#[aws_json_shape(shape = "polly#DescribeVoicesOutput")]
#[derive(Debug)]
struct DescribeVoicesOutput {
    voices: Option<Vec<Voice>>,
}

#[aws_json_shape(shape = "polly#Voice")]
#[derive(Debug)]
struct Voice {
    gender: Option<String>,
    id: Option<String>,
    language_code: Option<String>,
    name: Option<String>,
    supported_engines: Option<Vec<String>>,
}

#[aws_json_operation(
    operation = "polly#SynthesizeSpeech",
    output = SynthesizeSpeechOutput,
    errors(LexiconNotFoundException),
)]
#[derive(Default)]
struct SynthesizeSpeech {
    output_format: String,
    text: String,
    voice_id: String,
    lexicon_names: Option<Vec<String>>,
}

#[aws_json_shape(shape = "polly#SynthesizeSpeechOutput")]
#[derive(Debug)]
struct SynthesizeSpeechOutput {
    /// The whole body, read as a stream.
    audio_stream: ByteStream,
    /// The header `Content-Type`.
    content_type: Option<String>,
}

#[aws_json_operation(operation = "polly#PutLexicon", errors(InvalidLexiconException))]
struct PutLexicon {
    name: String,
    content: String,
}

#[aws_json_operation(
    operation = "polly#GetLexicon",
    output = GetLexiconOutput,
    errors(LexiconNotFoundException),
)]
struct GetLexicon {
    name: String,
}

#[aws_json_shape(shape = "polly#GetLexiconOutput")]
#[derive(Debug)]
struct GetLexiconOutput {
    lexicon: Option<Lexicon>,
    lexicon_attributes: Option<LexiconAttributes>,
}

#[aws_json_shape(shape = "polly#Lexicon")]
#[derive(Debug)]
struct Lexicon {
    content: Option<String>,
    name: Option<String>,
}

#[aws_json_shape(shape = "polly#LexiconAttributes")]
#[derive(Debug)]
struct LexiconAttributes {
    alphabet: Option<String>,
    language_code: Option<String>,
    lexemes_count: Option<i32>,
    lexicon_arn: Option<String>,
}

#[aws_json_operation(operation = "polly#ListLexicons", output = ListLexiconsOutput)]
struct ListLexicons {}

#[aws_json_shape(shape = "polly#ListLexiconsOutput")]
#[derive(Debug)]
struct ListLexiconsOutput {
    lexicons: Option<Vec<LexiconDescription>>,
}

#[aws_json_shape(shape = "polly#LexiconDescription")]
#[derive(Debug)]
struct LexiconDescription {
    name: Option<String>,
}

#[aws_json_operation(operation = "polly#DeleteLexicon", errors(LexiconNotFoundException))]
struct DeleteLexicon {
    name: String,
}

#[aws_json_shape(shape = "polly#LexiconNotFoundException")]
#[derive(Debug)]
struct LexiconNotFoundException {
    message: Option<String>,
}

#[aws_json_shape(shape = "polly#InvalidLexiconException")]
#[derive(Debug)]
struct InvalidLexiconException {
    message: Option<String>,
}

const LEXICON: &str = r#"<?xml version="1.0" encoding="UTF-8"?><lexicon version="1.0" xmlns="http://www.w3.org/2005/01/pronunciation-lexicon" alphabet="ipa" xml:lang="en-US"><lexeme><grapheme>W3C</grapheme><alias>World Wide Web Consortium</alias></lexeme></lexicon>"#;

#[tokio::test]
async fn voices_by_language_code() {
    let client = moto::client();
    let voices = DescribeVoices {
        language_code: Some("en-GB".into()),
        ..DescribeVoices::default()
    }
    .send(&client)
    .await
    .unwrap()
    .voices
    .unwrap();
    assert!(!voices.is_empty());
    assert!(
        voices
            .iter()
            .all(|v| v.language_code.as_deref() == Some("en-GB")),
        "{voices:?}"
    );
    assert!(voices.iter().any(|v| v.id.as_deref() == Some("Amy")));
    let all = DescribeVoices::default()
        .send(&client)
        .await
        .unwrap()
        .voices
        .unwrap();
    assert!(all.len() > voices.len());
}

#[tokio::test]
async fn speech_is_read_as_a_stream_with_its_content_type() {
    let client = moto::client();
    for (format, content_type) in [("mp3", "audio/mpeg"), ("pcm", "audio/pcm")] {
        let speech = SynthesizeSpeech {
            output_format: format.into(),
            text: "Hello from awsjson".into(),
            voice_id: "Joanna".into(),
            ..SynthesizeSpeech::default()
        }
        .send(&client)
        .await
        .unwrap();
        assert_eq!(speech.content_type.as_deref(), Some(content_type));
        let audio = speech.audio_stream.collect().await.unwrap();
        // moto's audio: eight zero bytes, whatever the text.
        assert_eq!(&audio[..], &[0u8; 8], "{format}");
    }
}

#[tokio::test]
async fn lexicons_by_name() {
    let client = moto::client();
    let name = moto::unique("lex").replace('-', "");
    let name = &name[..name.len().min(20)];
    PutLexicon {
        name: name.to_owned(),
        content: LEXICON.into(),
    }
    .send(&client)
    .await
    .unwrap();
    let got = GetLexicon {
        name: name.to_owned(),
    }
    .send(&client)
    .await
    .unwrap();
    let lexicon = got.lexicon.unwrap();
    assert_eq!(lexicon.name.as_deref(), Some(name));
    assert_eq!(lexicon.content.as_deref(), Some(LEXICON));
    let attributes = got.lexicon_attributes.unwrap();
    assert_eq!(attributes.alphabet.as_deref(), Some("ipa"));
    assert_eq!(attributes.language_code.as_deref(), Some("en-US"));
    assert_eq!(attributes.lexemes_count, Some(1));
    assert_eq!(
        attributes.lexicon_arn,
        Some(format!(
            "arn:aws:polly:us-east-1:123456789012:lexicon/{name}"
        ))
    );
    let listed = ListLexicons {}
        .send(&client)
        .await
        .unwrap()
        .lexicons
        .unwrap();
    assert!(listed.iter().any(|l| l.name.as_deref() == Some(name)));

    DeleteLexicon {
        name: name.to_owned(),
    }
    .send(&client)
    .await
    .unwrap();
    let err = GetLexicon {
        name: name.to_owned(),
    }
    .send(&client)
    .await
    .unwrap_err();
    let service = err.service_error().unwrap();
    let GetLexiconError::LexiconNotFoundException(e) = service.err() else {
        panic!("expected LexiconNotFoundException, got {err:?}")
    };
    assert_eq!(e.message.as_deref(), Some("Lexicon not found"));
    assert_eq!(service.status(), 400);
}
