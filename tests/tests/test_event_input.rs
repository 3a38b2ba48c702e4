//! Input event streams (awsjson's `http2` feature): a call whose request body is a
//! stream of events the caller sends while the call is open, each wrapped in a
//! message whose `:chunk-signature` chains to the previous one and to the request's
//! own signature. The event server recomputes the request signature (streaming
//! payload hash) and every signature of the chain from the specification, with ring,
//! independently of awsjson's signer; the known answers of the signer itself are in
//! `event_stream_signing.rs`.

use std::time::Duration;

use awsjson::event_stream::{EventSender, Message, send_with_input_stream};
use awsjson::{Credentials, EventStream, aws_json_operation, aws_json_shape};
use awsjson_tests::event_server::{EventServer, Step};
use awsjson_tests::h2_server::H2EventServer;

#[aws_json_operation(
    target = "EventTest_20260101.Transcribe",
    json_version = "1.1",
    signing_name = "eventtest",
    endpoint_prefix = "eventtest",
    errors(BadAudioException)
)]
struct Transcribe {
    language: String,
}

#[aws_json_shape]
#[derive(Debug)]
struct BadAudioException {
    message: Option<String>,
}

#[aws_json_shape]
#[derive(Debug, PartialEq)]
struct Transcript {
    text: String,
}

/// The answer's events, declared as any union.
#[aws_json_shape]
#[derive(Debug, PartialEq)]
enum TranscriptStream {
    Transcript(Transcript),
}

const WAIT: Duration = Duration::from_secs(10);

fn credentials() -> Credentials {
    Credentials::new("AKIDINPUT", "input-secret", None)
}

fn client(server: &EventServer, credentials: Credentials) -> awsjson::Client {
    awsjson::Client::builder()
        .region("us-west-2")
        .credentials(credentials)
        .endpoint_url(server.url())
        .build()
        .unwrap()
}

fn audio(n: u8) -> Message {
    Message::new(vec![n; 100])
        .with_header(":message-type", "event")
        .with_header(":event-type", "AudioEvent")
        .with_header(":content-type", "application/octet-stream")
}

fn transcript(text: &str) -> Vec<u8> {
    Message::new(format!(r#"{{"Text":"{text}"}}"#))
        .with_header(":message-type", "event")
        .with_header(":event-type", "Transcript")
        .encode()
        .unwrap()
}

#[tokio::test]
async fn every_event_is_signed_in_a_chain_the_server_verifies() {
    let server = EventServer::start_reading_input(
        credentials(),
        vec![
            Step::Chunk(transcript("hello")),
            Step::Chunk(transcript("world")),
        ],
    )
    .await
    .unwrap();
    let client = client(&server, credentials());
    let (sender, input) = EventSender::channel(2);
    let op = Transcribe {
        language: "en-US".into(),
    };
    let feeding = tokio::spawn(async move {
        for n in 1..=5 {
            sender.send(audio(n)).await.unwrap();
        }
        sender.close();
    });
    let mut events: EventStream<TranscriptStream, TranscribeError> =
        tokio::time::timeout(WAIT, send_with_input_stream(&client, &op, input))
            .await
            .unwrap()
            .unwrap();
    feeding.await.unwrap();
    let mut texts = Vec::new();
    while let Some(event) = tokio::time::timeout(WAIT, events.next()).await.unwrap() {
        match event.unwrap() {
            TranscriptStream::Transcript(t) => texts.push(t.text),
            other => panic!("{other:?}"),
        }
    }
    assert_eq!(texts, ["hello", "world"]);

    let received = server.requests();
    assert_eq!(received.len(), 1);
    let got = &received[0];
    assert_eq!(got.rejected, None);
    let header = |name: &str| {
        got.request
            .headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    };
    assert_eq!(
        header("x-amz-content-sha256"),
        Some("STREAMING-AWS4-HMAC-SHA256-EVENTS")
    );
    assert_eq!(
        header("content-type"),
        Some("application/vnd.amazon.eventstream")
    );
    assert_eq!(
        header("x-amz-target"),
        Some("EventTest_20260101.Transcribe")
    );
    assert_eq!(header("content-length"), None);
    let input = got.input.clone().unwrap().unwrap();
    // The awsJson `initial-request` with the operation's members, then the five events
    // as sent.
    assert_eq!(input.len(), 6);
    assert_eq!(input[0].header_str(":event-type"), Some("initial-request"));
    assert_eq!(input[0].payload().as_ref(), br#"{"Language":"en-US"}"#);
    for (n, event) in input[1..].iter().enumerate() {
        assert_eq!(*event, audio(n as u8 + 1));
    }
}

#[tokio::test]
async fn events_signed_with_other_credentials_are_refused() {
    let server = EventServer::start_reading_input(credentials(), vec![])
        .await
        .unwrap();
    let client = client(&server, Credentials::new("AKIDINPUT", "wrong", None));
    let (sender, input) = EventSender::channel(1);
    sender.close();
    let op = Transcribe {
        language: "en-US".into(),
    };
    let result: Result<EventStream<TranscriptStream, TranscribeError>, _> =
        tokio::time::timeout(WAIT, send_with_input_stream(&client, &op, input))
            .await
            .unwrap();
    let err = result.unwrap_err();
    assert!(
        matches!(&err, awsjson::Error::Service(e) if e.code() == "InvalidSignatureException"),
        "{err:?}"
    );
    let received = server.requests();
    let why = received[0].rejected.as_ref().unwrap();
    assert!(why.1.contains("does not verify"), "{why:?}");
}

#[tokio::test]
async fn a_sender_waits_while_the_connection_cannot_take_more() {
    let server = EventServer::start_reading_input(credentials(), vec![])
        .await
        .unwrap();
    server.hold_input(true);
    let client = client(&server, credentials());
    let (sender, input) = EventSender::channel(1);
    let op = Transcribe {
        language: "en-US".into(),
    };
    let call = tokio::spawn(async move {
        let _: Result<EventStream<TranscriptStream, TranscribeError>, _> =
            send_with_input_stream(&client, &op, input).await;
    });
    // 64 KiB events against a server that reads nothing: the socket buffers fill, then
    // the body stops taking events, then `send` waits.
    let big = Message::new(vec![7u8; 64 << 10]).with_header(":event-type", "AudioEvent");
    let mut sent = 0usize;
    while let Ok(result) =
        tokio::time::timeout(Duration::from_millis(500), sender.send(big.clone())).await
    {
        result.unwrap();
        sent += 1;
        assert!(sent < 2000, "sent {sent} events of 64 KiB without waiting");
    }
    assert_eq!(server.input_read(), 0);
    // Released, the server reads what was sent, and the sender goes on.
    server.hold_input(false);
    tokio::time::timeout(WAIT, sender.send(big.clone()))
        .await
        .expect("room again once the server reads")
        .unwrap();
    sender.close();
    tokio::time::timeout(WAIT, call).await.unwrap().unwrap();
    let received = server.requests();
    let input = received[0].input.clone().unwrap().unwrap();
    assert_eq!(input.len(), sent + 2, "the initial request and every event");
}

#[tokio::test]
async fn a_message_the_wire_cannot_carry_is_the_senders_error() {
    let (sender, _input) = EventSender::channel(1);
    let huge = Message::new(vec![0u8; 25 << 20]);
    let err = sender.send(huge).await.unwrap_err();
    assert!(err.to_string().contains("cannot be sent"), "{err}");
    drop(_input);
    let err = sender.send(audio(1)).await.unwrap_err();
    assert!(err.to_string().contains("closed"), "{err}");
}

/// The answer's events of the echo server.
#[aws_json_shape]
#[derive(Debug, PartialEq)]
enum EchoStream {
    Echo(Echo),
}

#[aws_json_shape]
#[derive(Debug, PartialEq)]
struct Echo {
    length: i64,
}

#[tokio::test]
async fn over_http2_events_go_and_come_back_while_the_call_is_open() {
    let server = H2EventServer::start_echo(credentials()).await.unwrap();
    let client = awsjson::Client::builder()
        .region("us-west-2")
        .credentials(credentials())
        .endpoint_url(server.url())
        .ca_bundle(awsjson_tests::tls::ca_pem_path())
        .build()
        .unwrap();
    let (sender, input) = EventSender::channel(1);
    let op = Transcribe {
        language: "en-US".into(),
    };
    // The answer's head comes before any event is sent: the request is still open.
    let mut echoes: EventStream<EchoStream, TranscribeError> =
        tokio::time::timeout(WAIT, send_with_input_stream(&client, &op, input))
            .await
            .unwrap()
            .unwrap();
    // The initial request is echoed first.
    let first = tokio::time::timeout(WAIT, echoes.next()).await.unwrap();
    assert!(matches!(first, Some(Ok(EchoStream::Echo(_)))), "{first:?}");
    // Each event's echo arrives before the next event is sent.
    for n in 1..=3u8 {
        let event = Message::new(vec![n; 10 * n as usize]).with_header(":event-type", "AudioEvent");
        tokio::time::timeout(WAIT, sender.send(event))
            .await
            .unwrap()
            .unwrap();
        let echo = tokio::time::timeout(WAIT, echoes.next()).await.unwrap();
        assert_eq!(
            echo.unwrap().unwrap(),
            EchoStream::Echo(Echo {
                length: 10 * i64::from(n)
            })
        );
    }
    sender.close();
    let end = tokio::time::timeout(WAIT, echoes.next()).await.unwrap();
    assert!(end.is_none(), "{end:?}");
    let received = server.requests();
    assert_eq!(received.len(), 1);
    assert_eq!(received[0].version, "HTTP/2.0");
    assert_eq!(
        received[0].rejected, None,
        "the server verified the request and its chain"
    );
    assert_eq!(received[0].input.len(), 4);
}

/// Sends, over raw HTTP/1.1, a request signed for an input stream whose body is the
/// given signed messages, and returns what the server said of it.
async fn send_raw(server: &EventServer, order: &[usize]) -> Option<(String, String)> {
    use awsjson::sigv4;
    use tokio::io::{AsyncReadExt, AsyncWriteExt};

    let credentials = credentials();
    let host = server.url().trim_start_matches("http://").to_owned();
    let time = std::time::SystemTime::now();
    let headers = [
        ("content-type", "application/vnd.amazon.eventstream"),
        ("host", host.as_str()),
        ("x-amz-target", "EventTest_20260101.Transcribe"),
    ];
    let mut params = sigv4::SigningParams::new(
        credentials.access_key_id(),
        credentials.secret_access_key(),
        "us-west-2",
        "eventtest",
        time,
    );
    params.settings.sign_body = true;
    params.settings.payload_hash = Some(sigv4::STREAMING_EVENTS_PAYLOAD);
    let signed = sigv4::sign(
        &sigv4::SignableRequest::new("POST", "/", &headers, b""),
        &params,
    );
    let mut signer = awsjson::event_stream::EventSigner::new(
        &credentials,
        "us-west-2",
        "eventtest",
        signed.signature.clone(),
    );
    let mut messages: Vec<Vec<u8>> = (1..=3)
        .map(|n| signer.sign(&audio(n), time).unwrap().encode().unwrap())
        .collect();
    messages.push(signer.sign_end(time).encode().unwrap());
    let mut head = String::from("POST / HTTP/1.1\r\ntransfer-encoding: chunked\r\n");
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str(&format!(
        "x-amz-date: {}\r\nx-amz-content-sha256: {}\r\nauthorization: {}\r\n\r\n",
        signed.x_amz_date,
        sigv4::STREAMING_EVENTS_PAYLOAD,
        signed.authorization
    ));
    let mut tcp = tokio::net::TcpStream::connect(&host).await.unwrap();
    tcp.write_all(head.as_bytes()).await.unwrap();
    for &i in order {
        let chunk = &messages[i];
        tcp.write_all(format!("{:x}\r\n", chunk.len()).as_bytes())
            .await
            .unwrap();
        tcp.write_all(chunk).await.unwrap();
        tcp.write_all(b"\r\n").await.unwrap();
    }
    tcp.write_all(b"0\r\n\r\n").await.unwrap();
    let mut answer = [0u8; 64];
    let _ = tokio::time::timeout(WAIT, tcp.read(&mut answer)).await;
    server.requests().pop().unwrap().rejected
}

#[tokio::test]
async fn the_server_refuses_a_chain_out_of_order() {
    let server = EventServer::start_reading_input(credentials(), vec![])
        .await
        .unwrap();
    // In order, the same messages verify: the check below can pass.
    assert_eq!(send_raw(&server, &[0, 1, 2, 3]).await, None);
    let (_, why) = send_raw(&server, &[1, 0, 2, 3]).await.unwrap();
    assert!(
        why.contains("message 1 of the input stream: `:chunk-signature` does not verify"),
        "{why}"
    );
    // A dropped event breaks the chain at the next one.
    let (_, why) = send_raw(&server, &[0, 2, 3]).await.unwrap();
    assert!(why.contains("message 2 of the input stream"), "{why}");
}

/// Input events the caller has not sent yet when an attempt fails: the next attempt
/// sends them, its chain signed from its own request's signature.
#[tokio::test]
async fn an_attempt_failed_before_any_event_went_out_is_retried() {
    let server =
        EventServer::start_reading_input(credentials(), vec![Step::Chunk(transcript("ok"))])
            .await
            .unwrap();
    server.fail_next(503, "ServiceUnavailableException");
    let client = awsjson::Client::builder()
        .region("us-west-2")
        .credentials(credentials())
        .endpoint_url(server.url())
        .initial_backoff(Duration::from_millis(1))
        .build()
        .unwrap();
    let (sender, input) = EventSender::channel(2);
    let (go, wait) = tokio::sync::oneshot::channel::<()>();
    let feeding = tokio::spawn(async move {
        // Nothing goes out until the first attempt has failed.
        let _ = wait.await;
        sender.send(audio(1)).await.unwrap();
        sender.close();
    });
    let answered = tokio::spawn(async move {
        while server.answered() < 1 {
            tokio::time::sleep(Duration::from_millis(2)).await;
        }
        let _ = go.send(());
        server
    });
    let op = Transcribe {
        language: "en-US".into(),
    };
    let mut events: EventStream<TranscriptStream, TranscribeError> =
        tokio::time::timeout(WAIT, send_with_input_stream(&client, &op, input))
            .await
            .unwrap()
            .unwrap();
    feeding.await.unwrap();
    let server = answered.await.unwrap();
    let first = tokio::time::timeout(WAIT, events.next()).await.unwrap();
    assert!(
        matches!(&first, Some(Ok(TranscriptStream::Transcript(t))) if t.text == "ok"),
        "{first:?}"
    );
    let received = server.requests();
    assert_eq!(received.len(), 2, "one failed attempt, one that streamed");
    // The `initial-request` the attempt makes, then the caller's event.
    let events = received[1].input.clone().unwrap().unwrap();
    assert_eq!(
        events.len(),
        2,
        "the event went out with the second attempt"
    );
    assert_eq!(events[0].header_str(":event-type"), Some("initial-request"));
    assert_eq!(events[1].payload().as_ref(), &[1u8; 100][..]);
}

/// Once an event has gone out, the call is not sent again: the events cannot be taken
/// back, so the error of the attempt that took them is the call's.
#[tokio::test]
async fn an_attempt_that_sent_events_is_not_retried() {
    let server =
        EventServer::start_reading_input(credentials(), vec![Step::Chunk(transcript("ok"))])
            .await
            .unwrap();
    // The server reads none of the input until the event has gone out.
    server.hold_input(true);
    let client = client(&server, credentials());
    let (sender, input) = EventSender::channel(2);
    let op = Transcribe {
        language: "en-US".into(),
    };
    let call = tokio::spawn(async move {
        send_with_input_stream::<_, TranscriptStream>(&client, &op, input)
            .await
            .map(|_| ())
    });
    tokio::time::timeout(WAIT, sender.send(audio(1)))
        .await
        .unwrap()
        .unwrap();
    sender.close();
    // The request body takes the event as soon as the connection can (a few hundred
    // bytes, well within the socket's buffers).
    tokio::time::sleep(Duration::from_millis(300)).await;
    server.fail_next(503, "ServiceUnavailableException");
    server.hold_input(false);
    match tokio::time::timeout(WAIT, call).await.unwrap().unwrap() {
        Err(awsjson::Error::Service(e)) => {
            assert_eq!((e.status(), e.attempts()), (503, 1), "{e}");
        }
        other => panic!("{other:?}"),
    }
    let received = server.requests();
    assert_eq!(received.len(), 1, "not sent again");
    // The `initial-request`, then the caller's event.
    assert_eq!(received[0].input.clone().unwrap().unwrap().len(), 2);
}

/// A typed input stream (`awsjson::InputStream` as the input's payload, restJson1):
/// the events of the union are encoded by their bindings and signed in a chain as
/// they go, end to end through the event server's signature checks.
#[aws_json_shape]
#[derive(Debug, Clone, PartialEq)]
struct AudioChunk {
    #[aws(event_payload)]
    bytes: awsjson::Blob,
}

#[aws_json_shape]
#[derive(Debug, Clone, PartialEq)]
enum AudioStream {
    AudioEvent(AudioChunk),
}

#[aws_json_operation(
    http = "POST /stream-transcription",
    signing_name = "eventtest",
    endpoint_prefix = "eventtest"
)]
struct StartTranscription {
    #[aws(header = "x-language")]
    language: String,
    #[aws(payload)]
    audio: awsjson::InputStream<AudioStream>,
}

#[tokio::test]
async fn a_typed_input_stream_is_encoded_and_signed_end_to_end() {
    let server = EventServer::start_reading_input(credentials(), vec![])
        .await
        .unwrap();
    let client = client(&server, credentials());
    let (sender, audio) = awsjson::InputStream::<AudioStream>::channel(1);
    let op = StartTranscription {
        language: "en-US".into(),
        audio,
    };
    let feeding = tokio::spawn(async move {
        for n in 1..=3u8 {
            let chunk = AudioChunk {
                bytes: awsjson::Blob::new(vec![n; 100]),
            };
            sender.send(AudioStream::AudioEvent(chunk)).await.unwrap();
        }
        // Dropping the sender ends the stream.
    });
    tokio::time::timeout(WAIT, op.send(&client))
        .await
        .unwrap()
        .unwrap();
    tokio::time::timeout(WAIT, feeding).await.unwrap().unwrap();
    // The server records the request once its input stream has ended.
    let deadline = tokio::time::Instant::now() + WAIT;
    let got = loop {
        if let Some(got) = server.requests().into_iter().next() {
            if got.input.is_some() {
                break got;
            }
        }
        assert!(tokio::time::Instant::now() < deadline, "no input recorded");
        tokio::time::sleep(Duration::from_millis(10)).await;
    };
    assert_eq!(got.rejected, None);
    let header = |name: &str| {
        got.request
            .headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    };
    assert_eq!(header("x-language"), Some("en-US"));
    assert_eq!(
        header("x-amz-content-sha256"),
        Some("STREAMING-AWS4-HMAC-SHA256-EVENTS")
    );
    assert_eq!(
        header("content-type"),
        Some("application/vnd.amazon.eventstream")
    );
    let input = got.input.clone().unwrap().unwrap();
    assert_eq!(input.len(), 3, "{input:?}");
    for (n, event) in input.iter().enumerate() {
        assert_eq!(event.header_str(":message-type"), Some("event"));
        assert_eq!(event.header_str(":event-type"), Some("AudioEvent"));
        assert_eq!(
            event.header_str(":content-type"),
            Some("application/octet-stream")
        );
        assert_eq!(event.payload().as_ref(), &[n as u8 + 1; 100][..]);
    }
}
