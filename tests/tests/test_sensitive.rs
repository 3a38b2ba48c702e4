//! Members the models mark `sensitive` never print: `Debug` shows
//! `"*** Sensitive Data Redacted ***"` in their place (the official SDKs' text), whether
//! the field says `#[aws(sensitive)]` or the catalog knows the member, and the other
//! members print as `#[derive(Debug)]` would print them.

use std::collections::HashMap;

use awsjson::{Blob, aws_json_operation, aws_json_shape};

const REDACTED: &str = "\"*** Sensitive Data Redacted ***\"";

// Secrets Manager, declared as a user would: the input's sensitive members are known
// from the catalog; the output, declared without `shape = ...`, must say it.

#[aws_json_operation(target = "secretsmanager.CreateSecret", output = CreateSecretResponse)]
#[derive(Debug, Default)]
struct CreateSecret {
    name: String,
    #[idempotency]
    client_request_token: Option<String>,
    secret_string: Option<String>,
    secret_binary: Option<Blob>,
}

#[aws_json_shape]
#[derive(Debug)]
struct CreateSecretResponse {
    #[aws(rename = "ARN")]
    arn: Option<String>,
    name: Option<String>,
}

#[aws_json_operation(target = "secretsmanager.GetSecretValue", output = GetSecretValueResponse)]
#[derive(Debug)]
struct GetSecretValue {
    secret_id: String,
}

#[aws_json_shape]
#[derive(Debug, Clone, PartialEq)]
struct GetSecretValueResponse {
    #[aws(rename = "ARN")]
    arn: Option<String>,
    name: Option<String>,
    #[aws(sensitive)]
    secret_string: Option<String>,
    #[aws(sensitive)]
    secret_binary: Option<Blob>,
    version_stages: Option<Vec<String>>,
}

#[test]
fn create_secret_input_redacts_the_secret_from_the_catalog() {
    let request = CreateSecret {
        name: "prod/db".into(),
        secret_string: Some("hunter2-password".into()),
        secret_binary: Some(Blob::new(b"binary-secret".to_vec())),
        ..CreateSecret::default()
    };
    let debug = format!("{request:?}");
    assert!(!debug.contains("hunter2"), "{debug}");
    assert!(!debug.contains("bytes"), "{debug}");
    assert_eq!(
        debug,
        format!(
            "CreateSecret {{ name: \"prod/db\", client_request_token: None, \
             secret_string: {REDACTED}, secret_binary: {REDACTED} }}"
        )
    );
    // The pretty form goes through the same impl.
    assert!(!format!("{request:#?}").contains("hunter2"));
    // Redaction is Debug only: the wire still carries the secret.
    let body = serde_json::to_string(&request).unwrap();
    assert!(
        body.contains("\"SecretString\":\"hunter2-password\""),
        "{body}"
    );
}

#[test]
fn get_secret_value_output_redacts_the_marked_members() {
    let response: GetSecretValueResponse = serde_json::from_str(
        r#"{"ARN":"arn:aws:secretsmanager:us-east-1:1:secret:prod/db","Name":"prod/db",
            "SecretString":"{\"password\":\"hunter2\"}","VersionStages":["AWSCURRENT"]}"#,
    )
    .unwrap();
    assert_eq!(
        response.secret_string.as_deref(),
        Some(r#"{"password":"hunter2"}"#)
    );
    let debug = format!("{response:?}");
    assert!(!debug.contains("hunter2"), "{debug}");
    assert!(
        debug.contains(&format!("secret_string: {REDACTED}")),
        "{debug}"
    );
    assert!(
        debug.contains(&format!("secret_binary: {REDACTED}")),
        "{debug}"
    );
    assert!(debug.contains("name: Some(\"prod/db\")"), "{debug}");
    assert!(
        debug.contains("version_stages: Some([\"AWSCURRENT\"])"),
        "{debug}"
    );
    // The other derives stay.
    assert_eq!(response.clone(), response);
    let request = GetSecretValue {
        secret_id: "prod/db".into(),
    };
    assert_eq!(
        format!("{request:?}"),
        "GetSecretValue { secret_id: \"prod/db\" }"
    );
    let created = CreateSecretResponse {
        arn: None,
        name: Some("prod/db".into()),
    };
    assert_eq!(
        format!("{created:?}"),
        "CreateSecretResponse { arn: None, name: Some(\"prod/db\") }"
    );
}

// KMS: the plaintext is a sensitive blob.

#[aws_json_operation(target = "TrentService.Decrypt", output = DecryptResponse)]
#[derive(Debug)]
struct Decrypt {
    ciphertext_blob: Blob,
    key_id: Option<String>,
}

#[aws_json_shape(shape = "kms#DecryptResponse")]
#[derive(Debug)]
struct DecryptResponse {
    key_id: Option<String>,
    // Without the attribute: `shape = ...` names the model, which marks it.
    plaintext: Option<Blob>,
}

#[aws_json_operation(target = "TrentService.Encrypt")]
#[derive(Debug)]
struct Encrypt {
    key_id: String,
    plaintext: Blob,
}

#[test]
fn kms_plaintext_is_redacted() {
    let response: DecryptResponse =
        serde_json::from_str(r#"{"KeyId":"alias/app","Plaintext":"c2VjcmV0LWRhdGE="}"#).unwrap();
    assert_eq!(
        response.plaintext.as_ref().unwrap().as_ref(),
        b"secret-data"
    );
    assert_eq!(
        format!("{response:?}"),
        format!("DecryptResponse {{ key_id: Some(\"alias/app\"), plaintext: {REDACTED} }}")
    );
    let encrypt = Encrypt {
        key_id: "alias/app".into(),
        plaintext: Blob::new(b"secret-data".to_vec()),
    };
    assert_eq!(
        format!("{encrypt:?}"),
        format!("Encrypt {{ key_id: \"alias/app\", plaintext: {REDACTED} }}")
    );
    // The ciphertext is not sensitive.
    let decrypt = Decrypt {
        ciphertext_blob: Blob::new(vec![1, 2, 3]),
        key_id: None,
    };
    assert_eq!(
        format!("{decrypt:?}"),
        "Decrypt { ciphertext_blob: Blob(3 bytes), key_id: None }"
    );
}

// Cognito: passwords, user names, tokens, and a sensitive map of auth parameters.

#[aws_json_operation(
    target = "AWSCognitoIdentityProviderService.SignUp",
    output = SignUpResponse
)]
#[derive(Debug)]
struct SignUp {
    client_id: String,
    username: String,
    password: Option<String>,
    user_attributes: Option<Vec<AttributeType>>,
}

#[aws_json_shape]
#[derive(Debug, Clone)]
struct AttributeType {
    name: String,
    // Nested shapes without `shape = ...` say it themselves.
    #[aws(sensitive)]
    value: Option<String>,
}

#[aws_json_shape]
#[derive(Debug)]
struct SignUpResponse {
    user_confirmed: bool,
    user_sub: String,
}

#[aws_json_operation(
    target = "AWSCognitoIdentityProviderService.InitiateAuth",
    output = InitiateAuthResponse
)]
#[derive(Debug)]
struct InitiateAuth {
    auth_flow: String,
    client_id: String,
    auth_parameters: Option<HashMap<String, String>>,
}

#[aws_json_shape]
#[derive(Debug)]
struct InitiateAuthResponse {
    challenge_name: Option<String>,
    #[aws(sensitive)]
    session: Option<String>,
    authentication_result: Option<AuthenticationResult>,
}

#[aws_json_shape(shape = "cognito-idp#AuthenticationResultType")]
#[derive(Debug)]
struct AuthenticationResult {
    access_token: Option<String>,
    expires_in: Option<i32>,
    token_type: Option<String>,
    refresh_token: Option<String>,
    id_token: Option<String>,
}

#[test]
fn cognito_passwords_and_tokens_are_redacted() {
    let sign_up = SignUp {
        client_id: "client-123".into(),
        username: "alice@example.com".into(),
        password: Some("P@ssw0rd-hunter2".into()),
        user_attributes: Some(vec![AttributeType {
            name: "email".into(),
            value: Some("alice@example.com".into()),
        }]),
    };
    let debug = format!("{sign_up:?}");
    assert!(!debug.contains("hunter2"), "{debug}");
    assert!(!debug.contains("alice"), "{debug}");
    assert!(debug.contains(&format!("password: {REDACTED}")), "{debug}");
    // Cognito marks the client id and the user name sensitive too.
    assert!(debug.contains(&format!("client_id: {REDACTED}")), "{debug}");
    assert!(debug.contains("name: \"email\""), "{debug}");

    let auth = InitiateAuth {
        auth_flow: "USER_PASSWORD_AUTH".into(),
        client_id: "client-123".into(),
        auth_parameters: Some(HashMap::from([
            ("USERNAME".to_owned(), "alice".to_owned()),
            ("PASSWORD".to_owned(), "P@ssw0rd-hunter2".to_owned()),
        ])),
    };
    let debug = format!("{auth:?}");
    assert!(!debug.contains("hunter2"), "{debug}");
    assert!(!debug.contains("alice"), "{debug}");
    assert!(
        debug.contains("auth_flow: \"USER_PASSWORD_AUTH\""),
        "{debug}"
    );

    let response: InitiateAuthResponse = serde_json::from_str(
        r#"{"AuthenticationResult":{"AccessToken":"eyJ-access-hunter2","ExpiresIn":3600,
            "TokenType":"Bearer","RefreshToken":"eyJ-refresh-hunter2","IdToken":"eyJ-id-hunter2"},
            "Session":"session-hunter2"}"#,
    )
    .unwrap();
    let debug = format!("{response:?}");
    assert!(!debug.contains("hunter2"), "{debug}");
    assert!(debug.contains("expires_in: Some(3600)"), "{debug}");
    assert!(debug.contains("token_type: Some(\"Bearer\")"), "{debug}");
    assert!(
        debug.contains(&format!("access_token: {REDACTED}")),
        "{debug}"
    );
    assert_eq!(
        response
            .authentication_result
            .and_then(|r| r.access_token)
            .as_deref(),
        Some("eyJ-access-hunter2")
    );
    let signed_up = SignUpResponse {
        user_confirmed: false,
        user_sub: "sub-1".into(),
    };
    assert_eq!(
        format!("{signed_up:?}"),
        "SignUpResponse { user_confirmed: false, user_sub: \"sub-1\" }"
    );
}

// A declaration outside the catalog marks its own members; one without `Debug` gets
// none.

#[aws_json_operation(
    target = "Custom_2024.Login",
    json_version = "1.1",
    signing_name = "custom",
    endpoint_prefix = "custom"
)]
#[derive(Debug, Clone, core::fmt::Debug)]
struct Login {
    user: String,
    #[aws(sensitive, rename = "Secret")]
    pin: u32,
}

#[test]
fn attribute_alone_redacts_outside_the_catalog() {
    let login = Login {
        user: "bob".into(),
        pin: 4711,
    };
    assert_eq!(
        format!("{:?}", login.clone()),
        format!("Login {{ user: \"bob\", pin: {REDACTED} }}")
    );
}

// Unions: a member is redacted by the attribute or the model; `Unknown` holds only a
// member's name.

#[aws_json_shape(shape = "verifiedpermissions#AttributeValue")]
#[derive(Debug, Clone, PartialEq)]
enum AttributeValue {
    Boolean(bool),
    String(String),
    Set(Vec<AttributeValue>),
}

#[aws_json_shape]
#[derive(Debug)]
enum Credential {
    #[aws(sensitive)]
    Password(String),
    UserName(String),
}

#[test]
fn union_members_are_redacted() {
    let value: AttributeValue = serde_json::from_str(r#"{"string":"hunter2"}"#).unwrap();
    assert_eq!(value, AttributeValue::String("hunter2".into()));
    assert_eq!(format!("{value:?}"), format!("String({REDACTED})"));
    let set = AttributeValue::Set(vec![AttributeValue::Boolean(true)]);
    assert_eq!(format!("{set:?}"), format!("Set([Boolean({REDACTED})])"));
    let unknown: AttributeValue = serde_json::from_str(r#"{"future":"x"}"#).unwrap();
    assert!(format!("{unknown:?}").starts_with("Unknown("));

    let password = Credential::Password("hunter2".into());
    assert_eq!(format!("{password:?}"), format!("Password({REDACTED})"));
    let user = Credential::UserName("alice".into());
    assert_eq!(format!("{user:?}"), "UserName(\"alice\")");
}

// Bodies carry the members, sensitive ones too: neither a request's nor a response's
// `Debug`, nor a decode error, quotes a JSON body.

#[aws_json_shape]
#[derive(Debug)]
struct StrictSecretResponse {
    name: Option<String>,
    #[aws(sensitive)]
    secret_string: Option<String>,
    // moto and the services send a number here; a string makes the body undecodable.
    created_date: Option<awsjson::DateTime>,
}

#[aws_json_operation(target = "secretsmanager.GetSecretValue", output = StrictSecretResponse)]
struct GetStrictSecret {
    secret_id: String,
}

#[tokio::test]
async fn bodies_do_not_print() {
    use awsjson::stub::{StubResponse, StubServer};

    let credentials = awsjson::Credentials::new("AKIDSENSITIVE", "sensitive-secret", None);
    let stub = StubServer::builder()
        .credentials(credentials.clone())
        .region("us-east-1")
        .signing_name("secretsmanager")
        .on("secretsmanager.GetSecretValue", |_| {
            StubResponse::json(
                r#"{"Name":"prod/db","SecretString":"hunter2-password","CreatedDate":"yesterday"}"#,
            )
        })
        .start()
        .await
        .unwrap();
    let client = awsjson::Client::builder()
        .region("us-east-1")
        .credentials(credentials)
        .endpoint_url(stub.url())
        .max_attempts(1)
        .build()
        .unwrap();

    let create = CreateSecret {
        name: "prod/db".into(),
        secret_string: Some("hunter2-password".into()),
        ..CreateSecret::default()
    };
    let request = client.build_request(&create).await.unwrap();
    assert!(String::from_utf8_lossy(&request.body).contains("hunter2"));
    let debug = format!("{request:?}");
    assert!(!debug.contains("hunter2"), "{debug}");
    assert!(
        debug.contains(&format!("body: <{} bytes>", request.body.len())),
        "{debug}"
    );

    let response =
        awsjson_tests::wire::response(200, &[], *br#"{"SecretString":"hunter2-password"}"#);
    let debug = format!("{response:?}");
    assert!(!debug.contains("hunter2"), "{debug}");
    assert!(debug.contains("body: <35 bytes>"), "{debug}");

    let err = GetStrictSecret {
        secret_id: "prod/db".into(),
    }
    .send(&client)
    .await
    .unwrap_err();
    assert!(matches!(err, awsjson::Error::Decode(_)), "{err:?}");
    let display = err.to_string();
    assert!(!display.contains("hunter2"), "{display}");
    assert!(display.contains("<JSON, "), "{display}");
    assert!(!format!("{err:?}").contains("hunter2"), "{err:?}");
}
