//! EFS (restJson1) against moto: a file system created with tags, found by the query
//! parameters `FileSystemId` and `CreationToken`, deleted by its id (a label);
//! FileSystemAlreadyExists and FileSystemNotFound by `X-Amzn-ErrorType`.

use awsjson::{DateTime, aws_json_operation, aws_json_shape};
use awsjson_tests::moto;

#[aws_json_shape(shape = "efs#Tag")]
#[derive(Debug, Clone, PartialEq)]
struct Tag {
    key: String,
    value: String,
}

#[aws_json_operation(
    operation = "efs#CreateFileSystem",
    output = FileSystemDescription,
    errors(FileSystemAlreadyExists, BadRequest),
)]
struct CreateFileSystem {
    creation_token: String,
    performance_mode: Option<String>,
    encrypted: Option<bool>,
    tags: Option<Vec<Tag>>,
}

#[aws_json_shape(shape = "efs#FileSystemDescription")]
#[derive(Debug)]
struct FileSystemDescription {
    owner_id: String,
    creation_token: String,
    file_system_id: String,
    file_system_arn: Option<String>,
    creation_time: DateTime,
    life_cycle_state: String,
    name: Option<String>,
    number_of_mount_targets: i32,
    size_in_bytes: FileSystemSize,
    performance_mode: String,
    encrypted: Option<bool>,
    tags: Vec<Tag>,
}

#[aws_json_shape(shape = "efs#FileSystemSize")]
#[derive(Debug)]
struct FileSystemSize {
    value: i64,
}

#[aws_json_operation(
    operation = "efs#DescribeFileSystems",
    output = DescribeFileSystemsResponse,
    errors(FileSystemNotFound, BadRequest),
)]
#[derive(Default)]
struct DescribeFileSystems {
    max_items: Option<i32>,
    creation_token: Option<String>,
    file_system_id: Option<String>,
}

#[aws_json_shape(shape = "efs#DescribeFileSystemsResponse")]
#[derive(Debug)]
struct DescribeFileSystemsResponse {
    file_systems: Option<Vec<FileSystemDescription>>,
}

#[aws_json_operation(
    operation = "efs#DeleteFileSystem",
    errors(FileSystemNotFound, FileSystemInUse)
)]
struct DeleteFileSystem {
    file_system_id: String,
}

#[aws_json_shape(shape = "efs#FileSystemAlreadyExists")]
#[derive(Debug)]
struct FileSystemAlreadyExists {
    error_code: Option<String>,
    message: Option<String>,
    file_system_id: Option<String>,
}

#[aws_json_shape(shape = "efs#FileSystemNotFound")]
#[derive(Debug)]
struct FileSystemNotFound {
    error_code: Option<String>,
    message: Option<String>,
}

#[aws_json_shape(shape = "efs#FileSystemInUse")]
#[derive(Debug)]
struct FileSystemInUse {
    error_code: Option<String>,
    message: Option<String>,
}

#[aws_json_shape(shape = "efs#BadRequest")]
#[derive(Debug)]
struct BadRequest {
    error_code: Option<String>,
    message: Option<String>,
}

#[tokio::test]
async fn a_file_system_found_by_id_and_token() {
    let client = moto::client();
    let token = moto::unique("fs-token");
    let tags = vec![
        Tag {
            key: "Name".into(),
            value: "awsjson scratch".into(),
        },
        Tag {
            key: "team".into(),
            value: "rj".into(),
        },
    ];
    let created = CreateFileSystem {
        creation_token: token.clone(),
        performance_mode: Some("generalPurpose".into()),
        encrypted: Some(true),
        tags: Some(tags.clone()),
    }
    .send(&client)
    .await
    .unwrap();
    let id = created.file_system_id.clone();
    assert!(id.starts_with("fs-"), "{id}");
    assert_eq!(created.creation_token, token);
    assert_eq!(created.owner_id, "123456789012");
    assert_eq!(created.life_cycle_state, "available");
    assert_eq!(created.name.as_deref(), Some("awsjson scratch"));
    assert_eq!(created.performance_mode, "generalPurpose");
    assert_eq!(created.encrypted, Some(true));
    assert_eq!(created.number_of_mount_targets, 0);
    assert_eq!(created.tags, tags);
    assert_eq!(
        created.file_system_arn,
        Some(format!(
            "arn:aws:elasticfilesystem:us-east-1:123456789012:file-system/{id}"
        ))
    );
    assert!((DateTime::now().secs() - created.creation_time.secs()).abs() < 600);
    assert!(created.size_in_bytes.value >= 0);

    let again = CreateFileSystem {
        creation_token: token.clone(),
        performance_mode: None,
        encrypted: None,
        tags: None,
    }
    .send(&client)
    .await
    .unwrap_err();
    let service = again.service_error().unwrap();
    assert!(
        matches!(
            service.err(),
            CreateFileSystemError::FileSystemAlreadyExists(_)
        ),
        "{again:?}"
    );
    assert_eq!(service.status(), 409);

    for query in [
        DescribeFileSystems {
            file_system_id: Some(id.clone()),
            ..DescribeFileSystems::default()
        },
        DescribeFileSystems {
            creation_token: Some(token.clone()),
            max_items: Some(5),
            ..DescribeFileSystems::default()
        },
    ] {
        let found = query.send(&client).await.unwrap().file_systems.unwrap();
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].file_system_id, id);
        assert_eq!(found[0].creation_token, token);
    }

    DeleteFileSystem {
        file_system_id: id.clone(),
    }
    .send(&client)
    .await
    .unwrap();
    let err = DescribeFileSystems {
        file_system_id: Some(id.clone()),
        ..DescribeFileSystems::default()
    }
    .send(&client)
    .await
    .unwrap_err();
    let service = err.service_error().unwrap();
    let DescribeFileSystemsError::FileSystemNotFound(e) = service.err() else {
        panic!("expected FileSystemNotFound, got {err:?}")
    };
    assert_eq!(
        e.message.as_deref(),
        Some(format!("File system '{id}' does not exist.").as_str())
    );
    assert_eq!(service.status(), 404);
}
