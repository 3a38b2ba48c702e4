//! Glacier (restJson1) against moto: a vault under the account id `-`, an archive
//! uploaded as the request's streaming payload with its description in a header, a
//! retrieval job whose id comes back in a response header, and the archive read back
//! as a streaming response. moto names a missing vault `VaultNotFound` (in
//! `X-Amzn-ErrorType` and `__type`), a code Glacier's model does not have (AWS answers
//! ResourceNotFoundException): it is read as an unmodeled error.

use std::time::{Duration, Instant};

use awsjson::{ByteStream, aws_json_operation, aws_json_shape};
use awsjson_tests::moto;

/// The account id Glacier's paths take for "the caller's own account".
const ACCOUNT: &str = "-";

#[aws_json_operation(
    operation = "glacier#CreateVault",
    output = CreateVaultOutput,
    errors(InvalidParameterValueException),
)]
struct CreateVault {
    account_id: String,
    vault_name: String,
}

#[aws_json_shape(shape = "glacier#CreateVaultOutput")]
#[derive(Debug)]
struct CreateVaultOutput {
    /// The header `Location`.
    location: Option<String>,
}

#[aws_json_operation(
    operation = "glacier#DescribeVault",
    output = DescribeVaultOutput,
    errors(ResourceNotFoundException),
)]
struct DescribeVault {
    account_id: String,
    vault_name: String,
}

#[aws_json_shape(shape = "glacier#DescribeVaultOutput")]
#[derive(Debug)]
struct DescribeVaultOutput {
    #[aws(rename = "VaultARN")]
    vault_arn: Option<String>,
    vault_name: Option<String>,
    number_of_archives: Option<i64>,
    size_in_bytes: Option<i64>,
}

#[aws_json_operation(
    operation = "glacier#ListVaults",
    output = ListVaultsOutput,
    errors(ResourceNotFoundException),
)]
struct ListVaults {
    account_id: String,
}

#[aws_json_shape(shape = "glacier#ListVaultsOutput")]
#[derive(Debug)]
struct ListVaultsOutput {
    vault_list: Option<Vec<DescribeVaultOutput>>,
}

#[aws_json_operation(
    operation = "glacier#UploadArchive",
    output = ArchiveCreationOutput,
    errors(ResourceNotFoundException),
)]
struct UploadArchive {
    account_id: String,
    vault_name: String,
    /// The header `x-amz-archive-description`.
    archive_description: Option<String>,
    /// The request's streaming payload.
    body: Option<ByteStream>,
}

#[aws_json_shape(shape = "glacier#ArchiveCreationOutput")]
#[derive(Debug)]
struct ArchiveCreationOutput {
    location: Option<String>,
    checksum: Option<String>,
    archive_id: Option<String>,
}

#[aws_json_shape(shape = "glacier#JobParameters")]
#[derive(Debug, Default)]
struct JobParameters {
    r#type: Option<String>,
    archive_id: Option<String>,
    description: Option<String>,
    tier: Option<String>,
}

#[aws_json_operation(
    operation = "glacier#InitiateJob",
    output = InitiateJobOutput,
    errors(ResourceNotFoundException),
)]
struct InitiateJob {
    account_id: String,
    vault_name: String,
    /// The whole JSON body.
    job_parameters: Option<JobParameters>,
}

#[aws_json_shape(shape = "glacier#InitiateJobOutput")]
#[derive(Debug)]
struct InitiateJobOutput {
    location: Option<String>,
    /// The header `x-amz-job-id`.
    job_id: Option<String>,
}

#[aws_json_operation(
    operation = "glacier#DescribeJob",
    output = GlacierJobDescription,
    errors(ResourceNotFoundException),
)]
struct DescribeJob {
    account_id: String,
    vault_name: String,
    job_id: String,
}

#[aws_json_shape(shape = "glacier#GlacierJobDescription")]
#[derive(Debug)]
struct GlacierJobDescription {
    job_id: Option<String>,
    action: Option<String>,
    archive_id: Option<String>,
    completed: Option<bool>,
    status_code: Option<String>,
    tier: Option<String>,
}

#[aws_json_operation(
    operation = "glacier#GetJobOutput",
    output = GetJobOutputOutput,
    errors(ResourceNotFoundException),
)]
struct GetJobOutput {
    account_id: String,
    vault_name: String,
    job_id: String,
}

#[aws_json_shape(shape = "glacier#GetJobOutputOutput")]
#[derive(Debug)]
struct GetJobOutputOutput {
    /// The archive, read as a stream.
    body: ByteStream,
    /// The response code.
    status: Option<i32>,
    content_type: Option<String>,
}

#[aws_json_operation(operation = "glacier#DeleteVault", errors(ResourceNotFoundException))]
struct DeleteVault {
    account_id: String,
    vault_name: String,
}

#[aws_json_shape(shape = "glacier#ResourceNotFoundException")]
#[derive(Debug)]
struct ResourceNotFoundException {
    r#type: Option<String>,
    code: Option<String>,
    message: Option<String>,
}

#[aws_json_shape(shape = "glacier#InvalidParameterValueException")]
#[derive(Debug)]
struct InvalidParameterValueException {
    r#type: Option<String>,
    code: Option<String>,
    message: Option<String>,
}

#[tokio::test]
async fn an_archive_uploaded_then_retrieved_as_a_stream() {
    let client = moto::client();
    let vault = moto::unique("vault");
    let created = CreateVault {
        account_id: ACCOUNT.into(),
        vault_name: vault.clone(),
    }
    .send(&client)
    .await
    .unwrap();
    // moto answers 201 with no Location header.
    assert_eq!(created.location, None);

    let described = DescribeVault {
        account_id: ACCOUNT.into(),
        vault_name: vault.clone(),
    }
    .send(&client)
    .await
    .unwrap();
    assert_eq!(described.vault_name.as_deref(), Some(vault.as_str()));
    assert_eq!(
        described.vault_arn,
        Some(format!(
            "arn:aws:glacier:us-east-1:123456789012:vaults/{vault}"
        ))
    );
    let listed = ListVaults {
        account_id: ACCOUNT.into(),
    }
    .send(&client)
    .await
    .unwrap()
    .vault_list
    .unwrap();
    assert!(
        listed
            .iter()
            .any(|v| v.vault_name.as_deref() == Some(vault.as_str()))
    );

    // Every byte value, so that nothing is read as text on the way.
    let archive: Vec<u8> = (0..=255u8).cycle().take(3000).collect();
    let uploaded = UploadArchive {
        account_id: ACCOUNT.into(),
        vault_name: vault.clone(),
        archive_description: Some("bytes 0 to 255, cycled".into()),
        body: Some(ByteStream::from(archive.clone())),
    }
    .send(&client)
    .await
    .unwrap();
    let archive_id = uploaded.archive_id.unwrap();
    // The SHA-256 tree hash moto computed, in hex.
    let checksum = uploaded.checksum.unwrap();
    assert_eq!(checksum.len(), 64);
    assert!(checksum.bytes().all(|b| b.is_ascii_hexdigit()));

    let job = InitiateJob {
        account_id: ACCOUNT.into(),
        vault_name: vault.clone(),
        job_parameters: Some(JobParameters {
            r#type: Some("archive-retrieval".into()),
            archive_id: Some(archive_id.clone()),
            description: Some("read it back".into()),
            tier: Some("Expedited".into()),
        }),
    }
    .send(&client)
    .await
    .unwrap();
    let job_id = job.job_id.unwrap();
    assert!(job.location.unwrap().ends_with(&format!("/jobs/{job_id}")));

    // moto finishes an expedited job two seconds after it starts.
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        let state = DescribeJob {
            account_id: ACCOUNT.into(),
            vault_name: vault.clone(),
            job_id: job_id.clone(),
        }
        .send(&client)
        .await
        .unwrap();
        assert_eq!(state.action.as_deref(), Some("ArchiveRetrieval"));
        assert_eq!(state.archive_id.as_deref(), Some(archive_id.as_str()));
        if state.completed == Some(true) {
            assert_eq!(state.status_code.as_deref(), Some("Succeeded"));
            break;
        }
        assert!(
            Instant::now() < deadline,
            "the job did not complete: {state:?}"
        );
        tokio::time::sleep(Duration::from_millis(250)).await;
    }

    let output = GetJobOutput {
        account_id: ACCOUNT.into(),
        vault_name: vault.clone(),
        job_id,
    }
    .send(&client)
    .await
    .unwrap();
    assert_eq!(output.status, Some(200));
    assert_eq!(
        output.content_type.as_deref(),
        Some("application/octet-stream")
    );
    let bytes = output.body.collect().await.unwrap();
    assert_eq!(&bytes[..], &archive[..]);

    DeleteVault {
        account_id: ACCOUNT.into(),
        vault_name: vault.clone(),
    }
    .send(&client)
    .await
    .unwrap();
    let err = DescribeVault {
        account_id: ACCOUNT.into(),
        vault_name: vault,
    }
    .send(&client)
    .await
    .unwrap_err();
    let service = err.service_error().unwrap();
    // moto names it VaultNotFound, a code the model does not list: unmodeled.
    assert_eq!(service.code(), "VaultNotFound");
    assert_eq!(service.message(), Some("Vault not found"));
    assert!(
        matches!(service.err(), DescribeVaultError::Unmodeled(_)),
        "{err:?}"
    );
}
