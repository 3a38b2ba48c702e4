//! SES v2 (restJson1) against moto: an email identity whose address (`+` and `@`)
//! is a URI label that must be escaped, listed and deleted, then NotFoundException by
//! `X-Amzn-ErrorType`.

use awsjson::{aws_json_operation, aws_json_shape};
use awsjson_tests::moto;

#[aws_json_operation(
    operation = "sesv2#CreateEmailIdentity",
    output = CreateEmailIdentityResponse,
    errors(AlreadyExistsException),
)]
struct CreateEmailIdentity {
    email_identity: String,
}

#[aws_json_shape(shape = "sesv2#CreateEmailIdentityResponse")]
#[derive(Debug)]
struct CreateEmailIdentityResponse {
    identity_type: Option<String>,
    verified_for_sending_status: Option<bool>,
}

#[aws_json_operation(
    operation = "sesv2#GetEmailIdentity",
    output = GetEmailIdentityResponse,
    errors(NotFoundException),
)]
struct GetEmailIdentity {
    /// A URI label: `+` and `@` travel as `%2B` and `%40`.
    email_identity: String,
}

#[aws_json_shape(shape = "sesv2#GetEmailIdentityResponse")]
#[derive(Debug)]
struct GetEmailIdentityResponse {
    identity_type: Option<String>,
    verified_for_sending_status: Option<bool>,
    dkim_attributes: Option<DkimAttributes>,
}

#[aws_json_shape(shape = "sesv2#DkimAttributes")]
#[derive(Debug)]
struct DkimAttributes {
    signing_enabled: Option<bool>,
    status: Option<String>,
}

#[aws_json_operation(
    operation = "sesv2#ListEmailIdentities",
    output = ListEmailIdentitiesResponse,
)]
struct ListEmailIdentities {
    page_size: Option<i32>,
}

#[aws_json_shape(shape = "sesv2#ListEmailIdentitiesResponse")]
#[derive(Debug)]
struct ListEmailIdentitiesResponse {
    email_identities: Option<Vec<IdentityInfo>>,
}

#[aws_json_shape(shape = "sesv2#IdentityInfo")]
#[derive(Debug)]
struct IdentityInfo {
    identity_type: Option<String>,
    identity_name: Option<String>,
}

#[aws_json_operation(operation = "sesv2#DeleteEmailIdentity", errors(NotFoundException))]
struct DeleteEmailIdentity {
    email_identity: String,
}

#[aws_json_shape(shape = "sesv2#NotFoundException")]
#[derive(Debug)]
struct NotFoundException {}

#[aws_json_shape(shape = "sesv2#AlreadyExistsException")]
#[derive(Debug)]
struct AlreadyExistsException {}

#[tokio::test]
async fn an_email_identity_by_its_escaped_address() {
    let client = moto::client();
    let address = format!("{}+tag@example.com", moto::unique("user"));
    let created = CreateEmailIdentity {
        email_identity: address.clone(),
    }
    .send(&client)
    .await
    .unwrap();
    assert_eq!(created.identity_type.as_deref(), Some("EMAIL_ADDRESS"));

    let got = GetEmailIdentity {
        email_identity: address.clone(),
    }
    .send(&client)
    .await
    .unwrap();
    assert_eq!(got.identity_type.as_deref(), Some("EMAIL_ADDRESS"));
    let dkim = got.dkim_attributes.unwrap();
    assert_eq!(dkim.signing_enabled, Some(false));
    assert_eq!(dkim.status.as_deref(), Some("NOT_STARTED"));

    let listed = ListEmailIdentities {
        page_size: Some(1000),
    }
    .send(&client)
    .await
    .unwrap()
    .email_identities
    .unwrap();
    assert!(
        listed
            .iter()
            .any(|i| i.identity_name.as_deref() == Some(address.as_str())
                && i.identity_type.as_deref() == Some("EMAIL_ADDRESS")),
        "{listed:?}"
    );

    DeleteEmailIdentity {
        email_identity: address.clone(),
    }
    .send(&client)
    .await
    .unwrap();
    let err = GetEmailIdentity {
        email_identity: address.clone(),
    }
    .send(&client)
    .await
    .unwrap_err();
    let service = err.service_error().unwrap();
    assert!(
        matches!(service.err(), GetEmailIdentityError::NotFoundException(_)),
        "{err:?}"
    );
    assert_eq!(service.status(), 404);
    // moto names the decoded address: the `+` arrived as a `+`, not a space.
    assert!(
        service.message().unwrap_or_default().contains(&address),
        "{err:?}"
    );
}
