//! A canned-response endpoint on loopback for the per-call benchmarks.
//!
//! `canned-server PORT`: HTTP/1.1 keep-alive, a thread per connection, and for each
//! awsJson `X-Amz-Target` (or restJson1 method and path: Lambda's GetFunction) the body
//! the real service would plausibly answer. It checks only what a wrong client would
//! get wrong cheaply (target or route known, body present when JSON is sent); the
//! signature is awsjson's stub's job, not a benchmark's.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};

const SNAPSHOT_JOB: &str = r#"{"Id":"job-0123456789abc","Arn":"arn:aws:partnercentral:us-east-1:123456789012:catalog/Sandbox/engagement/eng-abcdefghij1234/resource-snapshot-job/job-0123456789abc"}"#;
const PUT_ITEM: &str = r#"{"ConsumedCapacity":{"TableName":"bench","CapacityUnits":1.0}}"#;
const GET_ITEM: &str = r#"{"Item":{"pk":{"S":"user#1"},"sk":{"S":"profile"},"name":{"S":"Ada Lovelace"},"age":{"N":"36"},"active":{"BOOL":true},"tags":{"L":[{"S":"math"},{"S":"engines"}]}}}"#;
// Lambda's GetFunction as the service answers it: every configuration member a
// Python function has, the code location and the tags.
const GET_FUNCTION: &str = r#"{"Configuration":{"FunctionName":"bench-fn","FunctionArn":"arn:aws:lambda:us-east-1:123456789012:function:bench-fn:live","Runtime":"python3.12","Role":"arn:aws:iam::123456789012:role/bench-role","Handler":"index.handler","CodeSize":1536,"Description":"the benchmark's function","Timeout":30,"MemorySize":256,"LastModified":"2026-11-26T12:00:00.000+0000","CodeSha256":"iSqffB4zebj2QoCRR9s11/Vt+weGX2JhgpVrVW8tyGU=","Version":"7","Environment":{"Variables":{"STAGE":"prod","TABLE":"bench"}},"TracingConfig":{"Mode":"PassThrough"},"RevisionId":"e94d07a8-e271-4009-abc7-1dc3a65d7361","State":"Active","LastUpdateStatus":"Successful","PackageType":"Zip","Architectures":["arm64"],"EphemeralStorage":{"Size":512},"SnapStart":{"ApplyOn":"None","OptimizationStatus":"Off"},"LoggingConfig":{"LogFormat":"Text","LogGroup":"/aws/lambda/bench-fn"}},"Code":{"RepositoryType":"S3","Location":"https://awslambda-us-east-1-tasks.s3.us-east-1.amazonaws.com/snapshots/123456789012/bench-fn-0f1e2d3c"},"Tags":{"team":"bench","cost-center":"42"}}"#;
const QUERY: &str = r#"{"Count":3,"ScannedCount":3,"Items":[{"pk":{"S":"user#1"},"sk":{"S":"order#1"},"total":{"N":"12.50"},"status":{"S":"SHIPPED"}},{"pk":{"S":"user#1"},"sk":{"S":"order#2"},"total":{"N":"99.00"},"status":{"S":"PENDING"}},{"pk":{"S":"user#1"},"sk":{"S":"order#3"},"total":{"N":"5.25"},"status":{"S":"SHIPPED"}}]}"#;

fn main() {
    let port = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "18080".to_owned());
    let listener = TcpListener::bind(("127.0.0.1", port.parse::<u16>().expect("port")))
        .expect("bind 127.0.0.1");
    eprintln!("canned-server listening on 127.0.0.1:{port}");
    for stream in listener.incoming().flatten() {
        std::thread::spawn(move || {
            let _ = serve(stream);
        });
    }
}

fn serve(stream: TcpStream) -> std::io::Result<()> {
    stream.set_nodelay(true)?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut writer = stream;
    let mut line = String::new();
    let mut body = Vec::new();
    let mut response = Vec::new();
    let mut request_no = 0u64;
    loop {
        line.clear();
        if reader.read_line(&mut line)? == 0 {
            return Ok(());
        }
        if line.trim().is_empty() {
            continue;
        }
        let mut request_line = line.split_whitespace();
        let method = request_line.next().unwrap_or_default().to_owned();
        let path = request_line.next().unwrap_or_default().to_owned();
        let mut target = String::new();
        let mut length = 0usize;
        let mut close = false;
        loop {
            line.clear();
            if reader.read_line(&mut line)? == 0 {
                return Ok(());
            }
            let header = line.trim_end();
            if header.is_empty() {
                break;
            }
            let Some((name, value)) = header.split_once(':') else {
                continue;
            };
            let value = value.trim();
            if name.eq_ignore_ascii_case("x-amz-target") {
                target = value.to_owned();
            } else if name.eq_ignore_ascii_case("content-length") {
                length = value.parse().unwrap_or(0);
            } else if name.eq_ignore_ascii_case("connection") {
                close = value.eq_ignore_ascii_case("close");
            }
        }
        body.resize(length, 0);
        reader.read_exact(&mut body)?;
        request_no += 1;
        let (status, content) = match target.as_str() {
            "" if method == "GET"
                && path.starts_with("/2015-03-31/functions/bench-fn?Qualifier=live")
                && body.is_empty() =>
            {
                ("200 OK", GET_FUNCTION)
            }
            _ if body.first() != Some(&b'{') => ("400 Bad Request", BAD_BODY),
            "AWSPartnerCentralSelling.CreateResourceSnapshotJob" => ("200 OK", SNAPSHOT_JOB),
            "DynamoDB_20120810.PutItem" => ("200 OK", PUT_ITEM),
            "DynamoDB_20120810.GetItem" => ("200 OK", GET_ITEM),
            "DynamoDB_20120810.Query" => ("200 OK", QUERY),
            _ => ("400 Bad Request", UNKNOWN_OPERATION),
        };
        let content_type = if target.is_empty() {
            "application/json"
        } else {
            "application/x-amz-json-1.0"
        };
        response.clear();
        write!(
            response,
            "HTTP/1.1 {status}\r\ncontent-type: {content_type}\r\n\
             x-amzn-requestid: 8F3B1C2D4E5F6A7B8C9D0E1F2A3B4C5D{request_no:08}\r\n\
             content-length: {}\r\n\r\n{content}",
            content.len()
        )?;
        writer.write_all(&response)?;
        if close {
            return Ok(());
        }
    }
}

const BAD_BODY: &str =
    r#"{"__type":"com.amazon.coral.validate#SerializationException","message":"not JSON"}"#;
const UNKNOWN_OPERATION: &str =
    r#"{"__type":"com.amazon.coral.service#UnknownOperationException"}"#;
