#[derive(Clone, Default)]
pub struct CreateResourceSnapshotJob {
    pub catalog: String,
    pub engagement_identifier: String,
    pub resource_identifier: String,
    pub resource_snapshot_template_identifier: String,
    pub resource_type: ResourceType,
    pub client_token: Option<String>,
    pub tags: Option<Vec<Tag>>,
}
#[automatically_derived]
impl ::core::fmt::Debug for CreateResourceSnapshotJob {
    fn fmt(&self, __f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        ::awsjson::__private::debug::debug_struct(
            __f,
            "CreateResourceSnapshotJob",
            &[
                ("catalog", &self.catalog),
                ("engagement_identifier", &self.engagement_identifier),
                ("resource_identifier", &self.resource_identifier),
                (
                    "resource_snapshot_template_identifier",
                    &self.resource_snapshot_template_identifier,
                ),
                ("resource_type", &self.resource_type),
                ("client_token", &self.client_token),
                ("tags", &self.tags),
            ],
        )
    }
}
#[doc(hidden)]
#[allow(unused_qualifications, unused_imports, clippy::all, clippy::pedantic)]
const _: () = {
    use ::awsjson::__private::member::{IsMember as _, NotMember as _, Probe as __P};
    use ::awsjson::__private::member::{
        ReadProbe as __R, ReadsJson as _, ReadsNothing as _, ReadsSerde as _,
    };
    use ::awsjson::__private::json_struct::{
        self as __j, Corrected as _, Fill as __F, NotCorrected as _,
    };
    use ::awsjson::__private::serde::ser::SerializeStruct as __SS;
    use ::core::option::Option::None as __N;
    use ::core::option::Option as __O;
    const _: () = {
        ::awsjson::__private::member::member::<String>();
        ::awsjson::__private::member::member::<String>();
        ::awsjson::__private::member::member::<String>();
        ::awsjson::__private::member::member::<String>();
        ::awsjson::__private::member::member::<ResourceType>();
        ::awsjson::__private::member::member::<Option<String>>();
        ::awsjson::__private::member::member::<Option<Vec<Tag>>>();
    };
    #[automatically_derived]
    impl ::awsjson::__private::serde::Serialize for CreateResourceSnapshotJob {
        fn serialize<__S: ::awsjson::__private::serde::Serializer>(
            &self,
            __s: __S,
        ) -> ::core::result::Result<__S::Ok, __S::Error> {
            let mut __s = ::awsjson::__private::serde::Serializer::serialize_struct(
                __s,
                "CreateResourceSnapshotJob",
                5usize + __j::set(&self.client_token) + __j::set(&self.tags),
            )?;
            __SS::serialize_field(
                &mut __s,
                "Catalog",
                &(&__P::<String>::NEW).writer(&self.catalog),
            )?;
            __SS::serialize_field(
                &mut __s,
                "EngagementIdentifier",
                &(&__P::<String>::NEW).writer(&self.engagement_identifier),
            )?;
            __SS::serialize_field(
                &mut __s,
                "ResourceIdentifier",
                &(&__P::<String>::NEW).writer(&self.resource_identifier),
            )?;
            __SS::serialize_field(
                &mut __s,
                "ResourceSnapshotTemplateIdentifier",
                &(&__P::<String>::NEW)
                    .writer(&self.resource_snapshot_template_identifier),
            )?;
            __SS::serialize_field(
                &mut __s,
                "ResourceType",
                &(&__P::<ResourceType>::NEW).writer(&self.resource_type),
            )?;
            __j::some(
                &mut __s,
                "ClientToken",
                (&__P::<String>::NEW).some(&self.client_token),
            )?;
            __j::some(&mut __s, "Tags", (&__P::<Vec<Tag>>::NEW).some(&self.tags))?;
            __SS::end(__s)
        }
    }
};
#[automatically_derived]
impl ::awsjson::__private::Operation for CreateResourceSnapshotJob {
    type Output = CreateResourceSnapshotJobResponse;
    type Error = CreateResourceSnapshotJobError;
    const TARGET: &'static str = "AWSPartnerCentralSelling.CreateResourceSnapshotJob";
    const SERVICE: &'static ::awsjson::ServiceMeta = &::awsjson::ServiceMeta::__new(
        "AWSPartnerCentralSelling",
        ::awsjson::JsonVersion::V1_0,
        "partnercentral-selling",
        "partnercentral-selling",
        "PartnerCentral Selling",
        "partnercentral-selling.{region}.{dualStackDnsSuffix}",
        &[],
        ::core::option::Option::Some(
            "{\"version\":\"1.0\",\"parameters\":{\"UseFIPS\":{\"builtIn\":\"AWS::UseFIPS\",\"required\":true,\"default\":false,\"type\":\"boolean\"},\"Endpoint\":{\"builtIn\":\"SDK::Endpoint\",\"required\":false,\"type\":\"string\"},\"Region\":{\"builtIn\":\"AWS::Region\",\"required\":false,\"type\":\"string\"}},\"rules\":[{\"conditions\":[{\"fn\":\"isSet\",\"argv\":[{\"ref\":\"Endpoint\"}]}],\"rules\":[{\"conditions\":[{\"fn\":\"booleanEquals\",\"argv\":[{\"ref\":\"UseFIPS\"},true]}],\"error\":\"Invalid Configuration: FIPS and custom endpoint are not supported\",\"type\":\"error\"},{\"conditions\":[],\"endpoint\":{\"url\":{\"ref\":\"Endpoint\"},\"properties\":{},\"headers\":{}},\"type\":\"endpoint\"}],\"type\":\"tree\"},{\"conditions\":[],\"rules\":[{\"conditions\":[{\"fn\":\"isSet\",\"argv\":[{\"ref\":\"Region\"}]}],\"rules\":[{\"conditions\":[{\"fn\":\"aws.partition\",\"argv\":[{\"ref\":\"Region\"}],\"assign\":\"PartitionResult\"}],\"rules\":[{\"conditions\":[{\"fn\":\"booleanEquals\",\"argv\":[{\"ref\":\"UseFIPS\"},true]}],\"endpoint\":{\"url\":\"https://partnercentral-selling-fips.{Region}.{PartitionResult#dualStackDnsSuffix}\",\"properties\":{},\"headers\":{}},\"type\":\"endpoint\"},{\"conditions\":[],\"endpoint\":{\"url\":\"https://partnercentral-selling.{Region}.{PartitionResult#dualStackDnsSuffix}\",\"properties\":{},\"headers\":{}},\"type\":\"endpoint\"}],\"type\":\"tree\"}],\"type\":\"tree\"},{\"conditions\":[],\"error\":\"Invalid Configuration: Missing Region\",\"type\":\"error\"}],\"type\":\"tree\"}]}",
        ),
    );
    const IDEMPOTENCY_TOKEN: ::core::option::Option<&'static str> = ::core::option::Option::Some(
        "ClientToken",
    );
    fn idempotency_token_missing(&self) -> bool {
        ::core::option::Option::is_none(&self.client_token)
    }
}
#[automatically_derived]
impl CreateResourceSnapshotJob {
    ///Sends `AWSPartnerCentralSelling.CreateResourceSnapshotJob`: signs the request with the client's credentials, sends it and decodes the response into the output or a [`CreateResourceSnapshotJobError`].
    ///
    /// The idempotency token, if the operation has one and it is `None`, is filled
    /// once per call, so every retry of this call carries the same token.
    pub fn send<'__a>(
        &'__a self,
        client: &'__a ::awsjson::Client,
    ) -> impl ::core::future::Future<
        Output = ::core::result::Result<
            CreateResourceSnapshotJobResponse,
            ::awsjson::Error<CreateResourceSnapshotJobError>,
        >,
    > + ::core::marker::Send + '__a {
        ::awsjson::__private::send(client, self, ::core::option::Option::None)
    }
}
///The errors of [`CreateResourceSnapshotJob`]: one variant per modeled error, and `Unmodeled` for any other code.
#[derive(::core::fmt::Debug)]
#[non_exhaustive]
#[allow(dead_code)]
pub enum CreateResourceSnapshotJobError {
    ///The service answered `AccessDeniedException`.
    AccessDeniedException(AccessDeniedException),
    ///The service answered `ConflictException`.
    ConflictException(ConflictException),
    ///The service answered `InternalServerException`.
    InternalServerException(InternalServerException),
    ///The service answered `ResourceNotFoundException`.
    ResourceNotFoundException(ResourceNotFoundException),
    ///The service answered `ServiceQuotaExceededException`.
    ServiceQuotaExceededException(ServiceQuotaExceededException),
    ///The service answered `ThrottlingException`.
    ThrottlingException(ThrottlingException),
    ///The service answered `ValidationException`.
    ValidationException(ValidationException),
    /// An error code this declaration does not list.
    Unmodeled(::awsjson::UnmodeledError),
}
#[automatically_derived]
impl ::core::fmt::Display for CreateResourceSnapshotJobError {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        match self {
            Self::AccessDeniedException(_) => f.write_str("AccessDeniedException"),
            Self::ConflictException(_) => f.write_str("ConflictException"),
            Self::InternalServerException(_) => f.write_str("InternalServerException"),
            Self::ResourceNotFoundException(_) => {
                f.write_str("ResourceNotFoundException")
            }
            Self::ServiceQuotaExceededException(_) => {
                f.write_str("ServiceQuotaExceededException")
            }
            Self::ThrottlingException(_) => f.write_str("ThrottlingException"),
            Self::ValidationException(_) => f.write_str("ValidationException"),
            Self::Unmodeled(error) => ::core::fmt::Display::fmt(error, f),
        }
    }
}
#[automatically_derived]
impl ::std::error::Error for CreateResourceSnapshotJobError {}
#[automatically_derived]
impl ::awsjson::__private::OperationError for CreateResourceSnapshotJobError {
    fn modeled(
        code: &str,
        body: &[u8],
    ) -> ::core::option::Option<
        ::core::result::Result<Self, ::awsjson::__private::serde_json::Error>,
    > {
        match code {
            "AccessDeniedException" => {
                ::core::option::Option::Some(
                    match ::awsjson::__private::json_struct::read_struct::<
                        AccessDeniedException,
                    >(&mut ::awsjson::__private::json_read::Reader::body(body), true) {
                        ::core::result::Result::Ok(e) => {
                            ::core::result::Result::Ok(Self::AccessDeniedException(e))
                        }
                        ::core::result::Result::Err(e) => ::core::result::Result::Err(e),
                    },
                )
            }
            "ConflictException" => {
                ::core::option::Option::Some(
                    match ::awsjson::__private::json_struct::read_struct::<
                        ConflictException,
                    >(&mut ::awsjson::__private::json_read::Reader::body(body), true) {
                        ::core::result::Result::Ok(e) => {
                            ::core::result::Result::Ok(Self::ConflictException(e))
                        }
                        ::core::result::Result::Err(e) => ::core::result::Result::Err(e),
                    },
                )
            }
            "InternalServerException" => {
                ::core::option::Option::Some(
                    match ::awsjson::__private::json_struct::read_struct::<
                        InternalServerException,
                    >(&mut ::awsjson::__private::json_read::Reader::body(body), true) {
                        ::core::result::Result::Ok(e) => {
                            ::core::result::Result::Ok(Self::InternalServerException(e))
                        }
                        ::core::result::Result::Err(e) => ::core::result::Result::Err(e),
                    },
                )
            }
            "ResourceNotFoundException" => {
                ::core::option::Option::Some(
                    match ::awsjson::__private::json_struct::read_struct::<
                        ResourceNotFoundException,
                    >(&mut ::awsjson::__private::json_read::Reader::body(body), true) {
                        ::core::result::Result::Ok(e) => {
                            ::core::result::Result::Ok(
                                Self::ResourceNotFoundException(e),
                            )
                        }
                        ::core::result::Result::Err(e) => ::core::result::Result::Err(e),
                    },
                )
            }
            "ServiceQuotaExceededException" => {
                ::core::option::Option::Some(
                    match ::awsjson::__private::json_struct::read_struct::<
                        ServiceQuotaExceededException,
                    >(&mut ::awsjson::__private::json_read::Reader::body(body), true) {
                        ::core::result::Result::Ok(e) => {
                            ::core::result::Result::Ok(
                                Self::ServiceQuotaExceededException(e),
                            )
                        }
                        ::core::result::Result::Err(e) => ::core::result::Result::Err(e),
                    },
                )
            }
            "ThrottlingException" => {
                ::core::option::Option::Some(
                    match ::awsjson::__private::json_struct::read_struct::<
                        ThrottlingException,
                    >(&mut ::awsjson::__private::json_read::Reader::body(body), true) {
                        ::core::result::Result::Ok(e) => {
                            ::core::result::Result::Ok(Self::ThrottlingException(e))
                        }
                        ::core::result::Result::Err(e) => ::core::result::Result::Err(e),
                    },
                )
            }
            "ValidationException" => {
                ::core::option::Option::Some(
                    match ::awsjson::__private::json_struct::read_struct::<
                        ValidationException,
                    >(&mut ::awsjson::__private::json_read::Reader::body(body), true) {
                        ::core::result::Result::Ok(e) => {
                            ::core::result::Result::Ok(Self::ValidationException(e))
                        }
                        ::core::result::Result::Err(e) => ::core::result::Result::Err(e),
                    },
                )
            }
            _ => ::core::option::Option::None,
        }
    }
    fn unmodeled(error: ::awsjson::UnmodeledError) -> Self {
        Self::Unmodeled(error)
    }
}
const _: () = if let ::core::option::Option::Some(__message) = &::awsjson::__private::misfit_message::<
    1115usize,
>(
    ::awsjson::__private::output_misfit::<
        CreateResourceSnapshotJob,
    >(
        "partnercentral-selling#CreateResourceSnapshotJobResponse",
        &["Id", "Arn"],
        "`CreateResourceSnapshotJobResponse` mirrors another model shape than `partnercentral-selling#CreateResourceSnapshotJobResponse`",
    ),
    "; the members of `partnercentral-selling#CreateResourceSnapshotJobResponse` are `Arn`, `Id`",
) {
    ::core::panic!("{}", __message.as_str())
};
const _: () = if let ::core::option::Option::Some(__message) = &::awsjson::__private::misfit_message::<
    1111usize,
>(
    ::awsjson::__private::mirror_misfit::<
        AccessDeniedException,
    >(
        "partnercentral-selling#AccessDeniedException",
        &["Message", "Reason", "message", "Message", "errorMessage"],
        "`AccessDeniedException` mirrors another model shape than `partnercentral-selling#AccessDeniedException`",
    ),
    "; the members of `partnercentral-selling#AccessDeniedException` are `Message`, `Reason`",
) {
    ::core::panic!("{}", __message.as_str())
};
const _: () = if let ::core::option::Option::Some(__message) = &::awsjson::__private::misfit_message::<
    1097usize,
>(
    ::awsjson::__private::mirror_misfit::<
        ConflictException,
    >(
        "partnercentral-selling#ConflictException",
        &["Message", "message", "Message", "errorMessage"],
        "`ConflictException` mirrors another model shape than `partnercentral-selling#ConflictException`",
    ),
    "; the members of `partnercentral-selling#ConflictException` are `Message`",
) {
    ::core::panic!("{}", __message.as_str())
};
const _: () = if let ::core::option::Option::Some(__message) = &::awsjson::__private::misfit_message::<
    1103usize,
>(
    ::awsjson::__private::mirror_misfit::<
        InternalServerException,
    >(
        "partnercentral-selling#InternalServerException",
        &["Message", "message", "Message", "errorMessage"],
        "`InternalServerException` mirrors another model shape than `partnercentral-selling#InternalServerException`",
    ),
    "; the members of `partnercentral-selling#InternalServerException` are `Message`",
) {
    ::core::panic!("{}", __message.as_str())
};
const _: () = if let ::core::option::Option::Some(__message) = &::awsjson::__private::misfit_message::<
    1105usize,
>(
    ::awsjson::__private::mirror_misfit::<
        ResourceNotFoundException,
    >(
        "partnercentral-selling#ResourceNotFoundException",
        &["Message", "message", "Message", "errorMessage"],
        "`ResourceNotFoundException` mirrors another model shape than `partnercentral-selling#ResourceNotFoundException`",
    ),
    "; the members of `partnercentral-selling#ResourceNotFoundException` are `Message`",
) {
    ::core::panic!("{}", __message.as_str())
};
const _: () = if let ::core::option::Option::Some(__message) = &::awsjson::__private::misfit_message::<
    1109usize,
>(
    ::awsjson::__private::mirror_misfit::<
        ServiceQuotaExceededException,
    >(
        "partnercentral-selling#ServiceQuotaExceededException",
        &["Message", "message", "Message", "errorMessage"],
        "`ServiceQuotaExceededException` mirrors another model shape than `partnercentral-selling#ServiceQuotaExceededException`",
    ),
    "; the members of `partnercentral-selling#ServiceQuotaExceededException` are `Message`",
) {
    ::core::panic!("{}", __message.as_str())
};
const _: () = if let ::core::option::Option::Some(__message) = &::awsjson::__private::misfit_message::<
    1099usize,
>(
    ::awsjson::__private::mirror_misfit::<
        ThrottlingException,
    >(
        "partnercentral-selling#ThrottlingException",
        &["Message", "message", "Message", "errorMessage"],
        "`ThrottlingException` mirrors another model shape than `partnercentral-selling#ThrottlingException`",
    ),
    "; the members of `partnercentral-selling#ThrottlingException` are `Message`",
) {
    ::core::panic!("{}", __message.as_str())
};
const _: () = if let ::core::option::Option::Some(__message) = &::awsjson::__private::misfit_message::<
    1122usize,
>(
    ::awsjson::__private::mirror_misfit::<
        ValidationException,
    >(
        "partnercentral-selling#ValidationException",
        &["Message", "Reason", "ErrorList", "message", "Message", "errorMessage"],
        "`ValidationException` mirrors another model shape than `partnercentral-selling#ValidationException`",
    ),
    "; the members of `partnercentral-selling#ValidationException` are `ErrorList`, `Message`, `Reason`",
) {
    ::core::panic!("{}", __message.as_str())
};
