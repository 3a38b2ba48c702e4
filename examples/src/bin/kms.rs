//! KMS end to end: create a key, encrypt bytes with it, decrypt them again, and show
//! the modeled error for a ciphertext KMS did not make.
//!
//! Runs against whatever endpoint and credentials the environment names. To run it
//! against a local moto server, which the script installs and starts:
//!
//! ```text
//! scripts/with-moto.sh cargo run -p awsjson-examples --bin kms
//! ```

use std::collections::HashMap;

use awsjson::{Blob, Client};
use awsjson_examples::kms::*;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    if std::env::var_os("AWS_ENDPOINT_URL").is_none()
        && std::env::var_os("AWS_ACCESS_KEY_ID").is_none()
    {
        return Err(
            "no endpoint or credentials in the environment; to run against a local moto: \
             scripts/with-moto.sh cargo run -p awsjson-examples --bin kms"
                .into(),
        );
    }
    let client = Client::from_env().await?;

    let key = CreateKey {
        description: Some("awsjson example key".into()),
        key_usage: Some(KeyUsageType::EncryptDecrypt),
        tags: None,
    }
    .send(&client)
    .await?
    .key_metadata
    .ok_or("CreateKey returned no key metadata")?;
    println!("created key {} ({:?})", key.key_id, key.key_state);

    let secret = "the launch code is 0000".as_bytes();
    // The same context must be given to decrypt: it is authenticated, not encrypted.
    let context = HashMap::from([("app".to_owned(), "awsjson-example".to_owned())]);
    let encrypted = Encrypt {
        key_id: key.key_id.clone(),
        plaintext: Blob::new(secret),
        encryption_context: Some(context.clone()),
    }
    .send(&client)
    .await?;
    let ciphertext = encrypted
        .ciphertext_blob
        .ok_or("Encrypt returned no ciphertext")?;
    println!(
        "encrypted {} bytes into {} bytes ({:?})",
        secret.len(),
        ciphertext.as_bytes().len(),
        encrypted.encryption_algorithm
    );

    let decrypted = Decrypt {
        ciphertext_blob: ciphertext,
        key_id: None,
        encryption_context: Some(context),
    }
    .send(&client)
    .await?;
    let plaintext = decrypted.plaintext.ok_or("Decrypt returned no plaintext")?;
    println!(
        "decrypted: {:?}",
        String::from_utf8_lossy(plaintext.as_bytes())
    );
    if plaintext.as_bytes() != secret {
        return Err("the decrypted bytes differ from the encrypted ones".into());
    }

    match (Decrypt {
        ciphertext_blob: Blob::new(b"made up, not by KMS".to_vec()),
        key_id: None,
        encryption_context: None,
    })
    .send(&client)
    .await
    {
        Err(awsjson::Error::Service(err)) => match err.err() {
            DecryptError::InvalidCiphertextException(_) | DecryptError::NotFoundException(_) => {
                println!("a forged ciphertext is refused: {err}");
            }
            other => return Err(format!("unexpected error: {other}").into()),
        },
        Err(other) => return Err(other.into()),
        Ok(_) => return Err("a forged ciphertext was decrypted".into()),
    }
    Ok(())
}
