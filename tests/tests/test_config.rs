//! Shared config and credentials files, written to temporary directories: which
//! profile is read, precedence between the files and the environment, and the
//! errors a malformed file gives.

use std::time::Duration;

use awsjson_tests::env::{ListTables, base_vars, client_from, env_of, key_used};
use awsjson_tests::server::{Action, Reply, Server};
use awsjson_tests::temp_dir::TempDir;

/// An operation whose model asks for gzip request compression.
#[awsjson::aws_json_operation(
    target = "JsonRpc10.PutWithContentEncoding",
    json_version = "1.0",
    signing_name = "jsonrpc10",
    endpoint_prefix = "jsonrpc10",
    rename_all = "camelCase",
    request_compression = "gzip"
)]
struct PutData {
    data: Option<String>,
}

fn var(k: &str, v: &str) -> (String, String) {
    (k.to_owned(), v.to_owned())
}

#[tokio::test]
async fn default_profile_from_both_files_credentials_file_wins() {
    let home = TempDir::new();
    home.write(
        ".aws/config",
        "# comment\n[default]\nregion = eu-north-1 ; comment\naws_access_key_id = FROM_CONFIG\naws_secret_access_key = s\n",
    );
    home.write(
        ".aws/credentials",
        "[default]\naws_access_key_id = FROM_CREDENTIALS\naws_secret_access_key = s2\n",
    );
    let vars = base_vars(&home);
    assert_eq!(key_used(&vars).await.unwrap(), "FROM_CREDENTIALS");
    let client = client_from(&vars).await;
    assert_eq!(client.region(), "eu-north-1");
}

#[tokio::test]
async fn environment_beats_files_and_aws_profile_selects() {
    let home = TempDir::new();
    home.write(
        "cfg/config",
        "[profile dev]\nregion = ap-south-1\n[dev]\nregion = wrong\n[default]\nregion = us-west-1\n",
    );
    home.write(
        "cfg/creds",
        "[dev]\naws_access_key_id = DEV\naws_secret_access_key = s\n[profile dev]\naws_access_key_id = NOT_IN_CREDENTIALS_FILE\n",
    );
    let mut vars = base_vars(&home);
    vars.push(var(
        "AWS_CONFIG_FILE",
        &home.path().join("cfg/config").to_string_lossy(),
    ));
    vars.push(var(
        "AWS_SHARED_CREDENTIALS_FILE",
        &home.path().join("cfg/creds").to_string_lossy(),
    ));
    vars.push(var("AWS_PROFILE", "dev"));
    assert_eq!(key_used(&vars).await.unwrap(), "DEV");
    let client = client_from(&vars).await;
    assert_eq!(client.region(), "ap-south-1");

    vars.push(var("AWS_ACCESS_KEY_ID", "ENV"));
    vars.push(var("AWS_SECRET_ACCESS_KEY", "s"));
    vars.push(var("AWS_REGION", "ca-central-1"));
    assert_eq!(key_used(&vars).await.unwrap(), "ENV");
    let client = client_from(&vars).await;
    assert_eq!(client.region(), "ca-central-1");
}

#[tokio::test]
async fn continuation_lines_and_sub_properties() {
    let home = TempDir::new();
    home.write(
        ".aws/config",
        "[default]\nregion = us-east-2\ns3 =\n  max_concurrent_requests = 10\n\n; between\nservices = local\n[services local]\ndynamodb =\n  endpoint_url = http://127.0.0.1:8000 # comment\nkms =\n  endpoint_url = http://127.0.0.1:4000\n",
    );
    home.write(
        ".aws/credentials",
        "[default]\naws_access_key_id = AKID\naws_secret_access_key = s\naws_session_token = part1\n  part2\n",
    );
    let vars = base_vars(&home);
    let client = client_from(&vars).await;
    let request = client
        .build_request(&ListTables { limit: None })
        .await
        .unwrap();
    assert_eq!(request.url, "http://127.0.0.1:8000/");
    assert_eq!(request.header("x-amz-security-token"), Some("part1\npart2"));
}

#[tokio::test]
async fn malformed_files_name_the_file_and_line_and_no_secret() {
    let home = TempDir::new();
    let path = home.write(
        ".aws/credentials",
        "[default]\naws_access_key_id = AKID\naws_secret_access_key wJalrXUtnFEMI/K7MDENG\n",
    );
    let err = awsjson::ClientBuilder::from_env(&env_of(&base_vars(&home)))
        .await
        .unwrap_err()
        .to_string();
    assert!(err.contains(&path) && err.contains("line 3"), "{err}");
    assert!(!err.contains("wJalr"), "{err}");

    let home = TempDir::new();
    let path = home.write(".aws/config", "region = us-east-1\n");
    let err = awsjson::Client::builder().build().unwrap_err().to_string();
    assert!(err.contains("region"), "{err}");
    let err = awsjson::ClientBuilder::from_env(&env_of(&base_vars(&home)))
        .await
        .unwrap_err()
        .to_string();
    assert!(err.contains(&path) && err.contains("line 1"), "{err}");
}

#[tokio::test]
async fn no_region_lists_where_it_looked() {
    let home = TempDir::new();
    home.write(".aws/config", "[default]\noutput = json\n");
    let err = awsjson::ClientBuilder::from_env(&env_of(&base_vars(&home)))
        .await
        .unwrap()
        .build()
        .unwrap_err()
        .to_string();
    for part in [
        "AWS_REGION",
        "profile `default` has no region",
        "AWS_EC2_METADATA_DISABLED",
    ] {
        assert!(err.contains(part), "{part}: {err}");
    }
}

#[tokio::test]
async fn bad_flags_are_errors() {
    let home = TempDir::new();
    home.write(".aws/config", "[default]\nuse_fips_endpoint = yes\n");
    let err = awsjson::ClientBuilder::from_env(&env_of(&base_vars(&home)))
        .await
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("use_fips_endpoint") && err.contains("`true` or `false`"),
        "{err}"
    );
}

/// How many attempts a call makes against a server that is always unavailable, with
/// the retry settings of `config` and the `extra` variables.
async fn max_attempts_of(config: &str, extra: &[(&str, &str)]) -> Result<String, String> {
    let home = TempDir::new();
    home.write(".aws/config", config);
    let mut vars = base_vars(&home);
    vars.extend(extra.iter().map(|(k, v)| var(k, v)));
    let server = Server::start(
        vec![],
        Action::Respond(Reply::error(503, "ServiceUnavailableException", "down")),
    )
    .await
    .unwrap();
    let client = awsjson::ClientBuilder::from_env(&env_of(&vars))
        .await
        .map_err(|e| e.to_string())?
        .region("us-east-1")
        .credentials(awsjson::Credentials::new(
            "AKIDCONFIG",
            "config-secret",
            None,
        ))
        .endpoint_url(server.url())
        .initial_backoff(Duration::from_millis(1))
        .max_backoff(Duration::from_millis(2))
        .build()
        .map_err(|e| e.to_string())?;
    tokio::time::timeout(
        Duration::from_secs(10),
        ListTables { limit: None }.send(&client),
    )
    .await
    .expect("the call did not end within 10 s")
    .unwrap_err();
    Ok(server.count().to_string())
}

#[tokio::test]
async fn retry_settings_come_from_the_environment_then_the_profile() {
    assert_eq!(max_attempts_of("[default]\n", &[]).await.unwrap(), "3");
    let profile = "[default]\nmax_attempts = 7\nretry_mode = standard\n";
    assert_eq!(max_attempts_of(profile, &[]).await.unwrap(), "7");
    assert_eq!(
        max_attempts_of(profile, &[("AWS_MAX_ATTEMPTS", "2")])
            .await
            .unwrap(),
        "2"
    );
    // The CLI's modes are accepted (standard retries, a warning), not fatal.
    let adaptive = "[default]\nretry_mode = adaptive\n";
    assert_eq!(max_attempts_of(adaptive, &[]).await.unwrap(), "3");
    assert_eq!(
        max_attempts_of("[default]\n", &[("AWS_RETRY_MODE", "legacy")])
            .await
            .unwrap(),
        "3"
    );

    let err = max_attempts_of("[default]\nmax_attempts = 0\n", &[])
        .await
        .unwrap_err();
    assert!(
        err.contains("`max_attempts` of profile `default` is \"0\"") && err.contains("1 or more"),
        "{err}"
    );
    let err = max_attempts_of("[default]\n", &[("AWS_MAX_ATTEMPTS", "three")])
        .await
        .unwrap_err();
    assert!(err.contains("AWS_MAX_ATTEMPTS is \"three\""), "{err}");
    let err = max_attempts_of("[default]\n", &[("AWS_RETRY_MODE", "fast")])
        .await
        .unwrap_err();
    assert!(
        err.contains("AWS_RETRY_MODE is \"fast\"") && err.contains("standard, adaptive or legacy"),
        "{err}"
    );
}

#[tokio::test]
async fn compression_settings_are_read_and_checked() {
    let home = TempDir::new();
    home.write(
        ".aws/config",
        "[default]\nrequest_min_compression_size_bytes = 128\n",
    );
    let vars = base_vars(&home);
    // Read off the request a compressing operation builds: gzipped from 128 bytes on.
    let encoding_of = |client: awsjson::Client, bytes: usize| async move {
        let request = client
            .build_request(&PutData {
                data: Some("x".repeat(bytes)),
            })
            .await
            .unwrap();
        request.header("content-encoding").map(str::to_owned)
    };
    let client = || async {
        awsjson::ClientBuilder::from_env(&env_of(&vars))
            .await
            .unwrap()
            .region("us-east-1")
            .credentials(awsjson::Credentials::new(
                "AKIDCONFIG",
                "config-secret",
                None,
            ))
            .build()
            .unwrap()
    };
    assert_eq!(
        encoding_of(client().await, 200).await.as_deref(),
        Some("gzip")
    );
    assert_eq!(encoding_of(client().await, 50).await, None);
    let mut off = vars.clone();
    off.push(var("AWS_DISABLE_REQUEST_COMPRESSION", "true"));
    let client = awsjson::ClientBuilder::from_env(&env_of(&off))
        .await
        .unwrap()
        .region("us-east-1")
        .credentials(awsjson::Credentials::new(
            "AKIDCONFIG",
            "config-secret",
            None,
        ))
        .build()
        .unwrap();
    assert_eq!(encoding_of(client, 200).await, None);
    let mut bad = vars;
    bad.push(var("AWS_REQUEST_MIN_COMPRESSION_SIZE_BYTES", "-1"));
    let err = awsjson::ClientBuilder::from_env(&env_of(&bad))
        .await
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("AWS_REQUEST_MIN_COMPRESSION_SIZE_BYTES is \"-1\"")
            && err.contains("from 0 to 10485760"),
        "{err}"
    );
}
