//! KMS against moto: keys, an Encrypt/Decrypt round trip of binary data (blobs), key
//! listing through the paginator, and modeled errors. moto answers KMS with
//! `Content-Type: text/html` and explicit `null`s: decoding goes by the protocol.

use std::collections::HashMap;

use awsjson::Blob;
use awsjson_examples::kms::*;
use awsjson_tests::moto;

#[tokio::test]
async fn create_describe_encrypt_decrypt() {
    let client = moto::client();
    let description = moto::unique("key");
    let key = CreateKey {
        description: Some(description.clone()),
        key_usage: Some(KeyUsageType::EncryptDecrypt),
        tags: Some(vec![Tag {
            tag_key: "team".into(),
            tag_value: "awsjson".into(),
        }]),
    }
    .send(&client)
    .await
    .unwrap()
    .key_metadata
    .unwrap();
    assert_eq!(key.description.as_deref(), Some(description.as_str()));
    assert_eq!(key.key_state, Some(KeyState::Enabled));
    assert_eq!(key.enabled, Some(true));
    assert!(key.arn.as_deref().unwrap().ends_with(&key.key_id));
    assert!(key.creation_date.is_some());

    let described = DescribeKey {
        key_id: key.key_id.clone(),
    }
    .send(&client)
    .await
    .unwrap()
    .key_metadata
    .unwrap();
    assert_eq!(described.key_id, key.key_id);
    assert_eq!(described.key_usage, Some(KeyUsageType::EncryptDecrypt));
    assert!(
        described
            .encryption_algorithms
            .unwrap()
            .contains(&EncryptionAlgorithmSpec::SymmetricDefault)
    );

    // Every byte value, so base64 padding and the high bit both matter.
    let plaintext: Vec<u8> = (0..=255u8).rev().collect();
    let context = HashMap::from([("purpose".to_owned(), "test".to_owned())]);
    let encrypted = Encrypt {
        key_id: key.key_id.clone(),
        plaintext: Blob::new(plaintext.clone()),
        encryption_context: Some(context.clone()),
    }
    .send(&client)
    .await
    .unwrap();
    let ciphertext = encrypted.ciphertext_blob.unwrap();
    assert_ne!(ciphertext.as_bytes(), &plaintext[..]);
    assert!(encrypted.key_id.unwrap().ends_with(&key.key_id));

    let decrypted = Decrypt {
        ciphertext_blob: ciphertext.clone(),
        key_id: None,
        encryption_context: Some(context),
    }
    .send(&client)
    .await
    .unwrap();
    assert_eq!(decrypted.plaintext.unwrap().as_bytes(), &plaintext[..]);
    assert!(decrypted.key_id.unwrap().ends_with(&key.key_id));

    let tampered = Decrypt {
        ciphertext_blob: Blob::new(b"not a kms ciphertext, but long enough to parse".to_vec()),
        key_id: None,
        encryption_context: None,
    }
    .send(&client)
    .await
    .unwrap_err();
    assert!(
        matches!(
            tampered.service_error().map(|e| e.err()),
            Some(DecryptError::InvalidCiphertextException(_) | DecryptError::NotFoundException(_))
        ),
        "{tampered:?}"
    );
}

#[tokio::test]
async fn unknown_keys_are_not_found() {
    let client = moto::client();
    let err = DescribeKey {
        key_id: "11111111-2222-3333-4444-555555555555".into(),
    }
    .send(&client)
    .await
    .unwrap_err();
    let Some(DescribeKeyError::NotFoundException(not_found)) = err.service_error().map(|e| e.err())
    else {
        panic!("expected NotFoundException, got {err:?}")
    };
    assert!(
        not_found
            .message
            .as_deref()
            .unwrap()
            .contains("does not exist")
    );

    let err = Encrypt {
        key_id: "alias/awsjson-nope".into(),
        plaintext: Blob::new(b"x".to_vec()),
        encryption_context: None,
    }
    .send(&client)
    .await
    .unwrap_err();
    assert_eq!(err.code(), Some("NotFoundException"), "{err}");
}

#[tokio::test]
async fn list_keys_ends_on_a_null_marker() {
    let client = moto::client();
    let mut ours = Vec::new();
    for _ in 0..3 {
        let key = CreateKey::default().send(&client).await.unwrap();
        ours.push(key.key_metadata.unwrap().key_id);
    }
    // moto ignores Limit and answers every key in one page with `"NextMarker": null`:
    // an explicit null token ends the stream after that page.
    let pages = ListKeys::default()
        .pages(&client)
        .page_size(2)
        .try_collect()
        .await
        .unwrap();
    assert_eq!(pages.len(), 1);
    assert_eq!(pages[0].truncated, Some(false));
    let ids: Vec<String> = pages
        .into_iter()
        .flat_map(|p| p.keys.unwrap())
        .map(|k| k.key_id.unwrap())
        .collect();
    for id in &ours {
        assert!(ids.contains(id), "{id} not listed");
    }

    let first = ListKeys::default()
        .items(&client)
        .page_size(2)
        .first(3)
        .await
        .unwrap();
    assert_eq!(first.len(), 3);
    assert!(first.iter().all(|k| {
        k.key_arn
            .as_deref()
            .is_some_and(|a| a.starts_with("arn:aws:kms:"))
    }));
}
