//! KMS: keys, and encryption with blobs (base64 on the wire).

// Members are the service's own; their documentation is the KMS API reference.
#![allow(missing_docs)]

use std::collections::HashMap;

use awsjson::{Blob, DateTime, aws_json_operation, aws_json_shape};

/// What a key is for.
#[aws_json_shape(rename_all = "SCREAMING_SNAKE_CASE")]
#[derive(Debug, Clone, PartialEq)]
pub enum KeyUsageType {
    SignVerify,
    EncryptDecrypt,
    GenerateVerifyMac,
    KeyAgreement,
}

/// A key's lifecycle state.
#[aws_json_shape]
#[derive(Debug, Clone, PartialEq)]
pub enum KeyState {
    Creating,
    Enabled,
    Disabled,
    PendingDeletion,
    PendingImport,
    PendingReplicaDeletion,
    Unavailable,
    Updating,
}

/// An encryption algorithm.
#[aws_json_shape(rename_all = "SCREAMING_SNAKE_CASE")]
#[derive(Debug, Clone, PartialEq)]
pub enum EncryptionAlgorithmSpec {
    SymmetricDefault,
    #[aws(rename = "RSAES_OAEP_SHA_1")]
    RsaesOaepSha1,
    #[aws(rename = "RSAES_OAEP_SHA_256")]
    RsaesOaepSha256,
    #[aws(rename = "SM2PKE")]
    Sm2pke,
}

/// A key's metadata.
#[aws_json_shape]
#[derive(Debug, Clone)]
pub struct KeyMetadata {
    pub key_id: String,
    pub arn: Option<String>,
    pub creation_date: Option<DateTime>,
    pub enabled: Option<bool>,
    pub description: Option<String>,
    pub key_usage: Option<KeyUsageType>,
    pub key_state: Option<KeyState>,
    pub multi_region: Option<bool>,
    pub encryption_algorithms: Option<Vec<EncryptionAlgorithmSpec>>,
}

/// A tag on a key (`TagKey`/`TagValue` on the wire).
#[aws_json_shape]
#[derive(Debug, Clone)]
pub struct Tag {
    pub tag_key: String,
    pub tag_value: String,
}

/// Creates a key (symmetric, for encryption, unless told otherwise).
#[aws_json_operation(
    target = "TrentService.CreateKey",
    output = CreateKeyResponse,
    errors(InvalidArnException, LimitExceededException, TagException),
)]
#[derive(Debug, Clone, Default)]
pub struct CreateKey {
    pub description: Option<String>,
    pub key_usage: Option<KeyUsageType>,
    pub tags: Option<Vec<Tag>>,
}

/// The created key.
#[aws_json_shape]
#[derive(Debug, Clone)]
pub struct CreateKeyResponse {
    pub key_metadata: Option<KeyMetadata>,
}

/// Describes a key, by id, ARN or alias.
#[aws_json_operation(
    target = "TrentService.DescribeKey",
    output = DescribeKeyResponse,
    errors(NotFoundException, InvalidArnException),
)]
#[derive(Debug, Clone)]
pub struct DescribeKey {
    pub key_id: String,
}

/// The described key.
#[aws_json_shape]
#[derive(Debug, Clone)]
pub struct DescribeKeyResponse {
    pub key_metadata: Option<KeyMetadata>,
}

/// Encrypts up to 4 KiB with a key.
#[aws_json_operation(
    target = "TrentService.Encrypt",
    output = EncryptResponse,
    errors(NotFoundException, DisabledException, InvalidKeyUsageException),
)]
#[derive(Debug, Clone)]
pub struct Encrypt {
    pub key_id: String,
    pub plaintext: Blob,
    pub encryption_context: Option<HashMap<String, String>>,
}

/// The ciphertext.
#[aws_json_shape]
#[derive(Debug, Clone)]
pub struct EncryptResponse {
    pub ciphertext_blob: Option<Blob>,
    pub key_id: Option<String>,
    pub encryption_algorithm: Option<EncryptionAlgorithmSpec>,
}

/// Decrypts what `Encrypt` produced (the key is read from the ciphertext).
#[aws_json_operation(
    target = "TrentService.Decrypt",
    output = DecryptResponse,
    errors(NotFoundException, InvalidCiphertextException, IncorrectKeyException),
)]
#[derive(Debug, Clone)]
pub struct Decrypt {
    pub ciphertext_blob: Blob,
    pub key_id: Option<String>,
    pub encryption_context: Option<HashMap<String, String>>,
}

/// The plaintext.
#[aws_json_shape]
#[derive(Debug, Clone)]
pub struct DecryptResponse {
    #[aws(sensitive)]
    pub plaintext: Option<Blob>,
    pub key_id: Option<String>,
    pub encryption_algorithm: Option<EncryptionAlgorithmSpec>,
}

/// Lists the keys of the account and region, a page at a time.
#[aws_json_operation(
    target = "TrentService.ListKeys",
    output = ListKeysResponse,
    errors(InvalidMarkerException),
    paginate(
        input_token = marker,
        output_token = next_marker,
        page_size = limit,
        items = keys: KeyListEntry,
    ),
)]
#[derive(Debug, Clone, Default)]
pub struct ListKeys {
    pub limit: Option<i32>,
    pub marker: Option<String>,
}

/// A page of keys.
#[aws_json_shape]
#[derive(Debug, Clone)]
pub struct ListKeysResponse {
    pub keys: Option<Vec<KeyListEntry>>,
    pub next_marker: Option<String>,
    pub truncated: Option<bool>,
}

/// A key id and ARN.
#[aws_json_shape]
#[derive(Debug, Clone)]
pub struct KeyListEntry {
    pub key_id: Option<String>,
    pub key_arn: Option<String>,
}

macro_rules! kms_errors {
    ($($(#[$doc:meta])* $name:ident),* $(,)?) => {$(
        $(#[$doc])*
        #[aws_json_shape]
        #[derive(Debug, Clone)]
        pub struct $name {
            pub message: Option<String>,
        }
    )*};
}

kms_errors! {
    /// No key (or alias) with that id.
    NotFoundException,
    /// The ARN is malformed.
    InvalidArnException,
    /// Too many keys, aliases or grants.
    LimitExceededException,
    /// A tag is invalid.
    TagException,
    /// The key is disabled.
    DisabledException,
    /// The key is not for this operation (signing, say).
    InvalidKeyUsageException,
    /// The ciphertext was not made by KMS, or was tampered with.
    InvalidCiphertextException,
    /// The ciphertext was made with another key than the one named.
    IncorrectKeyException,
    /// The pagination marker is not one KMS gave.
    InvalidMarkerException,
}
