//! Kinesis against moto: streams, records as blobs, arrival timestamps, shard
//! iterators, and ResourceNotFoundException / ResourceInUseException.

use awsjson::{Blob, DateTime, aws_json_operation, aws_json_shape};
use awsjson_tests::moto;

#[aws_json_operation(
    target = "Kinesis_20131202.CreateStream",
    errors(ResourceInUseException, LimitExceededException)
)]
struct CreateStream {
    stream_name: String,
    shard_count: Option<i32>,
}

#[aws_json_operation(
    target = "Kinesis_20131202.DescribeStreamSummary",
    output = DescribeStreamSummaryOutput,
    errors(ResourceNotFoundException),
)]
struct DescribeStreamSummary {
    stream_name: String,
}

#[aws_json_shape]
#[derive(Debug)]
struct DescribeStreamSummaryOutput {
    stream_description_summary: StreamDescriptionSummary,
}

#[aws_json_shape]
#[derive(Debug)]
struct StreamDescriptionSummary {
    stream_name: String,
    #[aws(rename = "StreamARN")]
    stream_arn: String,
    stream_status: StreamStatus,
    retention_period_hours: i32,
    stream_creation_timestamp: DateTime,
    open_shard_count: i32,
}

#[aws_json_shape(rename_all = "SCREAMING_SNAKE_CASE")]
#[derive(Debug, PartialEq)]
enum StreamStatus {
    Creating,
    Deleting,
    Active,
    Updating,
}

#[aws_json_operation(
    target = "Kinesis_20131202.PutRecord",
    output = PutRecordOutput,
    errors(ResourceNotFoundException),
)]
struct PutRecord {
    stream_name: String,
    data: Blob,
    partition_key: String,
}

#[aws_json_shape]
#[derive(Debug)]
struct PutRecordOutput {
    shard_id: String,
    sequence_number: String,
}

#[aws_json_operation(
    target = "Kinesis_20131202.ListShards",
    output = ListShardsOutput,
    errors(ResourceNotFoundException),
)]
struct ListShards {
    stream_name: Option<String>,
}

#[aws_json_shape]
#[derive(Debug)]
struct ListShardsOutput {
    shards: Option<Vec<Shard>>,
}

#[aws_json_shape]
#[derive(Debug)]
struct Shard {
    shard_id: String,
    hash_key_range: HashKeyRange,
}

#[aws_json_shape]
#[derive(Debug)]
struct HashKeyRange {
    starting_hash_key: String,
    ending_hash_key: String,
}

#[aws_json_shape(rename_all = "SCREAMING_SNAKE_CASE")]
enum ShardIteratorType {
    AtSequenceNumber,
    AfterSequenceNumber,
    TrimHorizon,
    Latest,
    AtTimestamp,
}

#[aws_json_operation(
    target = "Kinesis_20131202.GetShardIterator",
    output = GetShardIteratorOutput,
    errors(ResourceNotFoundException),
)]
struct GetShardIterator {
    stream_name: String,
    shard_id: String,
    shard_iterator_type: ShardIteratorType,
}

#[aws_json_shape]
#[derive(Debug)]
struct GetShardIteratorOutput {
    shard_iterator: Option<String>,
}

#[aws_json_operation(
    target = "Kinesis_20131202.GetRecords",
    output = GetRecordsOutput,
    errors(ResourceNotFoundException, ExpiredIteratorException),
)]
struct GetRecords {
    shard_iterator: String,
    limit: Option<i32>,
}

#[aws_json_shape]
#[derive(Debug)]
struct GetRecordsOutput {
    records: Vec<Record>,
    next_shard_iterator: Option<String>,
    millis_behind_latest: Option<i64>,
}

#[aws_json_shape]
#[derive(Debug)]
struct Record {
    sequence_number: String,
    approximate_arrival_timestamp: Option<DateTime>,
    data: Blob,
    partition_key: String,
}

#[aws_json_operation(
    target = "Kinesis_20131202.DeleteStream",
    errors(ResourceNotFoundException, ResourceInUseException)
)]
struct DeleteStream {
    stream_name: String,
    enforce_consumer_deletion: Option<bool>,
}

#[aws_json_shape]
#[derive(Debug)]
struct ResourceNotFoundException {
    message: Option<String>,
}

#[aws_json_shape]
#[derive(Debug)]
struct ResourceInUseException {
    message: Option<String>,
}

#[aws_json_shape]
#[derive(Debug)]
struct LimitExceededException {
    message: Option<String>,
}

#[aws_json_shape]
#[derive(Debug)]
struct ExpiredIteratorException {
    message: Option<String>,
}

#[tokio::test]
async fn records_round_trip_through_a_shard() {
    let client = moto::client();
    let stream = moto::unique("stream");
    CreateStream {
        stream_name: stream.clone(),
        shard_count: Some(1),
    }
    .send(&client)
    .await
    .unwrap();
    let again = CreateStream {
        stream_name: stream.clone(),
        shard_count: Some(1),
    }
    .send(&client)
    .await
    .unwrap_err();
    assert!(
        matches!(
            again.service_error().map(|e| e.err()),
            Some(CreateStreamError::ResourceInUseException(_))
        ),
        "{again:?}"
    );

    let summary = DescribeStreamSummary {
        stream_name: stream.clone(),
    }
    .send(&client)
    .await
    .unwrap()
    .stream_description_summary;
    assert_eq!(summary.stream_name, stream);
    assert_eq!(summary.stream_status, StreamStatus::Active);
    assert_eq!(summary.open_shard_count, 1);
    assert_eq!(summary.retention_period_hours, 24);
    assert!(summary.stream_arn.ends_with(&format!("stream/{stream}")));
    let created = summary.stream_creation_timestamp;
    assert!(
        (DateTime::now().secs() - created.secs()).abs() < 600,
        "{created:?}"
    );

    let payloads: Vec<Vec<u8>> = vec![b"{\"n\":1}".to_vec(), vec![0, 255, 10, 13], vec![]];
    let mut sequence_numbers = Vec::new();
    for (i, data) in payloads.iter().enumerate() {
        let put = PutRecord {
            stream_name: stream.clone(),
            data: Blob::new(data.clone()),
            partition_key: format!("key-{i}"),
        }
        .send(&client)
        .await
        .unwrap();
        assert_eq!(put.shard_id, "shardId-000000000000");
        sequence_numbers.push(put.sequence_number);
    }

    let shards = ListShards {
        stream_name: Some(stream.clone()),
    }
    .send(&client)
    .await
    .unwrap()
    .shards
    .unwrap();
    assert_eq!(shards.len(), 1);
    assert_eq!(shards[0].hash_key_range.starting_hash_key, "0");
    assert!(shards[0].hash_key_range.ending_hash_key.len() > 30);

    let iterator = GetShardIterator {
        stream_name: stream.clone(),
        shard_id: shards[0].shard_id.clone(),
        shard_iterator_type: ShardIteratorType::TrimHorizon,
    }
    .send(&client)
    .await
    .unwrap()
    .shard_iterator
    .unwrap();
    let got = GetRecords {
        shard_iterator: iterator,
        limit: Some(10),
    }
    .send(&client)
    .await
    .unwrap();
    let data: Vec<Vec<u8>> = got
        .records
        .iter()
        .map(|r| r.data.as_bytes().to_vec())
        .collect();
    assert_eq!(data, payloads);
    let seqs: Vec<&str> = got
        .records
        .iter()
        .map(|r| r.sequence_number.as_str())
        .collect();
    assert_eq!(seqs, sequence_numbers);
    assert_eq!(got.records[2].partition_key, "key-2");
    assert!(got.records.iter().all(|r| {
        r.approximate_arrival_timestamp
            .is_some_and(|t| t >= DateTime::from_secs(created.secs() - 1))
    }));
    assert!(got.next_shard_iterator.is_some());
    assert_eq!(got.millis_behind_latest, Some(0));

    DeleteStream {
        stream_name: stream.clone(),
        enforce_consumer_deletion: Some(true),
    }
    .send(&client)
    .await
    .unwrap();
    let gone = DescribeStreamSummary {
        stream_name: stream,
    }
    .send(&client)
    .await
    .unwrap_err();
    let Some(DescribeStreamSummaryError::ResourceNotFoundException(e)) =
        gone.service_error().map(|e| e.err())
    else {
        panic!("expected ResourceNotFoundException, got {gone:?}")
    };
    assert!(e.message.as_deref().unwrap().contains("not found"));
}
