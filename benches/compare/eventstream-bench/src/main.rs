//! Decode throughput of the `application/vnd.amazon.eventstream` framing: awsjson's
//! `event_stream::Decoder` and the official Rust SDK's
//! `aws_smithy_eventstream::frame::MessageFrameDecoder`, on the same bytes, fed in the
//! same 16 KiB chunks (what an HTTP/1.1 body read hands over), headers and payload
//! decoded and both checksums checked by each.
//!
//!   cargo run --release -- [ROUNDS]
//!
//! Two fixed streams, built once with awsjson's encoder (and checked to decode to the
//! same messages with both decoders): `tokens`, 200,000 small events shaped as Bedrock
//! `ConverseStream` deltas (three string headers, a ~120-byte JSON payload), and
//! `records`, 1,000 events of 64 KiB (Kinesis-sized). Each round decodes a stream
//! once per decoder, alternating; the median round is reported as MB/s (10^6 bytes)
//! and events/s.

use std::hint::black_box;
use std::time::{Duration, Instant};

use aws_smithy_eventstream::frame::{DecodedFrame, MessageFrameDecoder};
use awsjson::event_stream::{Decoder, Message};
use bytes::{Buf, BytesMut};

const CHUNK: usize = 16 * 1024;

fn tokens() -> Vec<u8> {
    let mut out = Vec::new();
    for i in 0..200_000u32 {
        let payload = format!(
            r#"{{"contentBlockIndex":0,"delta":{{"text":" token{i}"}},"p":"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"}}"#
        );
        Message::new(payload)
            .with_header(":event-type", "contentBlockDelta")
            .with_header(":content-type", "application/json")
            .with_header(":message-type", "event")
            .encode_into(&mut out)
            .unwrap();
    }
    out
}

fn records() -> Vec<u8> {
    let mut out = Vec::new();
    for i in 0..1_000u32 {
        let payload: Vec<u8> = (0..64 * 1024u32).map(|b| (b ^ i) as u8).collect();
        Message::new(payload)
            .with_header(":event-type", "SubscribeToShardEvent")
            .with_header(":content-type", "application/json")
            .with_header(":message-type", "event")
            .encode_into(&mut out)
            .unwrap();
    }
    out
}

/// Events and payload bytes decoded: the checksum both decoders must agree on.
fn awsjson(stream: &[u8]) -> (usize, usize) {
    let mut decoder = Decoder::new();
    let (mut events, mut bytes) = (0, 0);
    for chunk in stream.chunks(CHUNK) {
        decoder.extend(chunk);
        while let Some(message) = decoder.next_message().unwrap() {
            events += 1;
            bytes += message.payload().len() + message.headers().len();
            black_box(&message);
        }
    }
    decoder.finish().unwrap();
    (events, bytes)
}

fn smithy(stream: &[u8]) -> (usize, usize) {
    let mut decoder = MessageFrameDecoder::new();
    let mut buffer = BytesMut::new();
    let (mut events, mut bytes) = (0, 0);
    for chunk in stream.chunks(CHUNK) {
        buffer.extend_from_slice(chunk);
        while let DecodedFrame::Complete(message) = decoder.decode_frame(&mut buffer).unwrap() {
            events += 1;
            bytes += message.payload().len() + message.headers().len();
            black_box(&message);
        }
    }
    assert_eq!(buffer.remaining(), 0);
    (events, bytes)
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn main() {
    let rounds: usize = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(15);
    println!("stream\tdecoder\tbytes\tevents\tmedian_ms\tMB_per_s\tevents_per_s");
    for (name, stream) in [("tokens", tokens()), ("records", records())] {
        let expected = awsjson(&stream);
        assert_eq!(smithy(&stream), expected, "both decoders see the same messages");
        let mut times = [Vec::new(), Vec::new()];
        for _ in 0..rounds {
            for (i, decode) in [awsjson as fn(&[u8]) -> (usize, usize), smithy].iter().enumerate() {
                let start = Instant::now();
                let seen = decode(black_box(&stream));
                times[i].push(start.elapsed());
                assert_eq!(seen, expected);
            }
        }
        for (i, decoder) in ["awsjson", "aws-smithy-eventstream"].iter().enumerate() {
            let t = median(times[i].clone()).as_secs_f64();
            println!(
                "{name}\t{decoder}\t{}\t{}\t{:.2}\t{:.0}\t{:.0}",
                stream.len(),
                expected.0,
                t * 1e3,
                stream.len() as f64 / t / 1e6,
                expected.0 as f64 / t
            );
        }
    }
}
