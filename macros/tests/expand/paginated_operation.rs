#[derive(Clone, Default)]
pub struct ListSecrets {
    pub max_results: Option<i32>,
    pub next_token: Option<String>,
}
#[automatically_derived]
impl ::core::fmt::Debug for ListSecrets {
    fn fmt(&self, __f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        ::awsjson::__private::debug::debug_struct(
            __f,
            "ListSecrets",
            &[("max_results", &self.max_results), ("next_token", &self.next_token)],
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
        ::awsjson::__private::member::member::<Option<i32>>();
        ::awsjson::__private::member::member::<Option<String>>();
    };
    #[automatically_derived]
    impl ::awsjson::__private::serde::Serialize for ListSecrets {
        fn serialize<__S: ::awsjson::__private::serde::Serializer>(
            &self,
            __s: __S,
        ) -> ::core::result::Result<__S::Ok, __S::Error> {
            let mut __s = ::awsjson::__private::serde::Serializer::serialize_struct(
                __s,
                "ListSecrets",
                0usize + __j::set(&self.max_results) + __j::set(&self.next_token),
            )?;
            __j::some(
                &mut __s,
                "MaxResults",
                (&__P::<i32>::NEW).some(&self.max_results),
            )?;
            __j::some(
                &mut __s,
                "NextToken",
                (&__P::<String>::NEW).some(&self.next_token),
            )?;
            __SS::end(__s)
        }
    }
};
#[automatically_derived]
impl ::awsjson::__private::Operation for ListSecrets {
    type Output = ListSecretsResponse;
    type Error = ListSecretsError;
    const TARGET: &'static str = "secretsmanager.ListSecrets";
    const SERVICE: &'static ::awsjson::ServiceMeta = &::awsjson::ServiceMeta::__new(
        "secretsmanager",
        ::awsjson::JsonVersion::V1_1,
        "secretsmanager",
        "secretsmanager",
        "Secrets Manager",
        "secretsmanager.{region}.{dnsSuffix}",
        &[
            ::awsjson::EndpointVariant::__new(
                "aws",
                false,
                true,
                ::core::option::Option::None,
                "https://secretsmanager.{region}.amazonaws.com",
                ::core::option::Option::None,
                ::core::option::Option::None,
            ),
            ::awsjson::EndpointVariant::__new(
                "aws",
                true,
                true,
                ::core::option::Option::None,
                "https://secretsmanager-fips.{region}.amazonaws.com",
                ::core::option::Option::None,
                ::core::option::Option::None,
            ),
            ::awsjson::EndpointVariant::__new(
                "aws-cn",
                false,
                true,
                ::core::option::Option::None,
                "https://secretsmanager.{region}.amazonaws.com.cn",
                ::core::option::Option::None,
                ::core::option::Option::None,
            ),
            ::awsjson::EndpointVariant::__new(
                "aws-us-gov",
                false,
                true,
                ::core::option::Option::None,
                "https://secretsmanager.{region}.amazonaws.com",
                ::core::option::Option::None,
                ::core::option::Option::None,
            ),
            ::awsjson::EndpointVariant::__new(
                "aws-us-gov",
                true,
                true,
                ::core::option::Option::None,
                "https://secretsmanager-fips.{region}.amazonaws.com",
                ::core::option::Option::None,
                ::core::option::Option::None,
            ),
        ],
        ::core::option::Option::Some(
            "{\"version\":\"1.0\",\"parameters\":{\"Region\":{\"builtIn\":\"AWS::Region\",\"required\":false,\"type\":\"string\"},\"UseDualStack\":{\"builtIn\":\"AWS::UseDualStack\",\"required\":true,\"default\":false,\"type\":\"boolean\"},\"UseFIPS\":{\"builtIn\":\"AWS::UseFIPS\",\"required\":true,\"default\":false,\"type\":\"boolean\"},\"Endpoint\":{\"builtIn\":\"SDK::Endpoint\",\"required\":false,\"type\":\"string\"}},\"rules\":[{\"conditions\":[{\"fn\":\"isSet\",\"argv\":[{\"ref\":\"Endpoint\"}]}],\"rules\":[{\"conditions\":[{\"fn\":\"booleanEquals\",\"argv\":[{\"ref\":\"UseFIPS\"},true]}],\"error\":\"Invalid Configuration: FIPS and custom endpoint are not supported\",\"type\":\"error\"},{\"conditions\":[{\"fn\":\"booleanEquals\",\"argv\":[{\"ref\":\"UseDualStack\"},true]}],\"error\":\"Invalid Configuration: Dualstack and custom endpoint are not supported\",\"type\":\"error\"},{\"conditions\":[],\"endpoint\":{\"url\":{\"ref\":\"Endpoint\"},\"properties\":{},\"headers\":{}},\"type\":\"endpoint\"}],\"type\":\"tree\"},{\"conditions\":[{\"fn\":\"isSet\",\"argv\":[{\"ref\":\"Region\"}]}],\"rules\":[{\"conditions\":[{\"fn\":\"aws.partition\",\"argv\":[{\"ref\":\"Region\"}],\"assign\":\"PartitionResult\"}],\"rules\":[{\"conditions\":[{\"fn\":\"booleanEquals\",\"argv\":[{\"ref\":\"UseFIPS\"},true]},{\"fn\":\"booleanEquals\",\"argv\":[{\"ref\":\"UseDualStack\"},true]}],\"rules\":[{\"conditions\":[{\"fn\":\"booleanEquals\",\"argv\":[true,{\"fn\":\"getAttr\",\"argv\":[{\"ref\":\"PartitionResult\"},\"supportsFIPS\"]}]},{\"fn\":\"booleanEquals\",\"argv\":[true,{\"fn\":\"getAttr\",\"argv\":[{\"ref\":\"PartitionResult\"},\"supportsDualStack\"]}]}],\"rules\":[{\"conditions\":[{\"fn\":\"stringEquals\",\"argv\":[\"aws\",{\"fn\":\"getAttr\",\"argv\":[{\"ref\":\"PartitionResult\"},\"name\"]}]}],\"endpoint\":{\"url\":\"https://secretsmanager-fips.{Region}.amazonaws.com\",\"properties\":{},\"headers\":{}},\"type\":\"endpoint\"},{\"conditions\":[{\"fn\":\"stringEquals\",\"argv\":[\"aws-us-gov\",{\"fn\":\"getAttr\",\"argv\":[{\"ref\":\"PartitionResult\"},\"name\"]}]}],\"endpoint\":{\"url\":\"https://secretsmanager-fips.{Region}.amazonaws.com\",\"properties\":{},\"headers\":{}},\"type\":\"endpoint\"},{\"conditions\":[],\"endpoint\":{\"url\":\"https://secretsmanager-fips.{Region}.{PartitionResult#dualStackDnsSuffix}\",\"properties\":{},\"headers\":{}},\"type\":\"endpoint\"}],\"type\":\"tree\"},{\"conditions\":[],\"error\":\"FIPS and DualStack are enabled, but this partition does not support one or both\",\"type\":\"error\"}],\"type\":\"tree\"},{\"conditions\":[{\"fn\":\"booleanEquals\",\"argv\":[{\"ref\":\"UseFIPS\"},true]}],\"rules\":[{\"conditions\":[{\"fn\":\"booleanEquals\",\"argv\":[{\"fn\":\"getAttr\",\"argv\":[{\"ref\":\"PartitionResult\"},\"supportsFIPS\"]},true]}],\"rules\":[{\"conditions\":[],\"endpoint\":{\"url\":\"https://secretsmanager-fips.{Region}.{PartitionResult#dnsSuffix}\",\"properties\":{},\"headers\":{}},\"type\":\"endpoint\"}],\"type\":\"tree\"},{\"conditions\":[],\"error\":\"FIPS is enabled but this partition does not support FIPS\",\"type\":\"error\"}],\"type\":\"tree\"},{\"conditions\":[{\"fn\":\"booleanEquals\",\"argv\":[{\"ref\":\"UseDualStack\"},true]}],\"rules\":[{\"conditions\":[{\"fn\":\"booleanEquals\",\"argv\":[true,{\"fn\":\"getAttr\",\"argv\":[{\"ref\":\"PartitionResult\"},\"supportsDualStack\"]}]}],\"rules\":[{\"conditions\":[{\"fn\":\"stringEquals\",\"argv\":[\"aws\",{\"fn\":\"getAttr\",\"argv\":[{\"ref\":\"PartitionResult\"},\"name\"]}]}],\"endpoint\":{\"url\":\"https://secretsmanager.{Region}.amazonaws.com\",\"properties\":{},\"headers\":{}},\"type\":\"endpoint\"},{\"conditions\":[{\"fn\":\"stringEquals\",\"argv\":[\"aws-cn\",{\"fn\":\"getAttr\",\"argv\":[{\"ref\":\"PartitionResult\"},\"name\"]}]}],\"endpoint\":{\"url\":\"https://secretsmanager.{Region}.amazonaws.com.cn\",\"properties\":{},\"headers\":{}},\"type\":\"endpoint\"},{\"conditions\":[{\"fn\":\"stringEquals\",\"argv\":[\"aws-us-gov\",{\"fn\":\"getAttr\",\"argv\":[{\"ref\":\"PartitionResult\"},\"name\"]}]}],\"endpoint\":{\"url\":\"https://secretsmanager.{Region}.amazonaws.com\",\"properties\":{},\"headers\":{}},\"type\":\"endpoint\"},{\"conditions\":[],\"endpoint\":{\"url\":\"https://secretsmanager.{Region}.{PartitionResult#dualStackDnsSuffix}\",\"properties\":{},\"headers\":{}},\"type\":\"endpoint\"}],\"type\":\"tree\"},{\"conditions\":[],\"error\":\"DualStack is enabled but this partition does not support DualStack\",\"type\":\"error\"}],\"type\":\"tree\"},{\"conditions\":[],\"endpoint\":{\"url\":\"https://secretsmanager.{Region}.{PartitionResult#dnsSuffix}\",\"properties\":{},\"headers\":{}},\"type\":\"endpoint\"}],\"type\":\"tree\"}],\"type\":\"tree\"},{\"conditions\":[],\"error\":\"Invalid Configuration: Missing Region\",\"type\":\"error\"}]}",
        ),
    );
    const IDEMPOTENCY_TOKEN: ::core::option::Option<&'static str> = ::core::option::Option::None;
    fn idempotency_token_missing(&self) -> bool {
        false
    }
}
#[automatically_derived]
impl ListSecrets {
    ///Sends `secretsmanager.ListSecrets`: signs the request with the client's credentials, sends it and decodes the response into the output or a [`ListSecretsError`].
    ///
    /// The idempotency token, if the operation has one and it is `None`, is filled
    /// once per call, so every retry of this call carries the same token.
    pub fn send<'__a>(
        &'__a self,
        client: &'__a ::awsjson::Client,
    ) -> impl ::core::future::Future<
        Output = ::core::result::Result<
            ListSecretsResponse,
            ::awsjson::Error<ListSecretsError>,
        >,
    > + ::core::marker::Send + '__a {
        ::awsjson::__private::send(client, self, ::core::option::Option::None)
    }
}
///The errors of [`ListSecrets`]: one variant per modeled error, and `Unmodeled` for any other code.
#[derive(::core::fmt::Debug)]
#[non_exhaustive]
#[allow(dead_code)]
pub enum ListSecretsError {
    ///The service answered `InvalidNextTokenException`.
    InvalidNextTokenException(InvalidNextTokenException),
    /// An error code this declaration does not list.
    Unmodeled(::awsjson::UnmodeledError),
}
#[automatically_derived]
impl ::core::fmt::Display for ListSecretsError {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        match self {
            Self::InvalidNextTokenException(_) => {
                f.write_str("InvalidNextTokenException")
            }
            Self::Unmodeled(error) => ::core::fmt::Display::fmt(error, f),
        }
    }
}
#[automatically_derived]
impl ::std::error::Error for ListSecretsError {}
#[automatically_derived]
impl ::awsjson::__private::OperationError for ListSecretsError {
    fn modeled(
        code: &str,
        body: &[u8],
    ) -> ::core::option::Option<
        ::core::result::Result<Self, ::awsjson::__private::serde_json::Error>,
    > {
        match code {
            "InvalidNextTokenException" => {
                ::core::option::Option::Some(
                    match ::awsjson::__private::json_struct::read_struct::<
                        InvalidNextTokenException,
                    >(&mut ::awsjson::__private::json_read::Reader::body(body), true) {
                        ::core::result::Result::Ok(e) => {
                            ::core::result::Result::Ok(
                                Self::InvalidNextTokenException(e),
                            )
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
#[automatically_derived]
impl ::awsjson::Paginate for ListSecrets {
    fn advance(&mut self, page: &mut ListSecretsResponse) -> ::awsjson::Advance {
        ::awsjson::__private::advance_token(&mut self.next_token, &mut page.next_token)
    }
}
#[automatically_derived]
impl ListSecrets {
    /// The pages of this operation, from its current input token on, following
    /// each page's next-page token until the last page.
    pub fn pages(self, client: &::awsjson::Client) -> ::awsjson::Pages<Self> {
        ::awsjson::Pages::new(client, self)
    }
}
#[automatically_derived]
impl ::awsjson::PageSize for ListSecrets {
    fn set_page_size(&mut self, size: i32) {
        self.max_results = ::core::option::Option::Some(
            ::awsjson::__private::page_size(size),
        );
    }
}
#[automatically_derived]
impl ::awsjson::PaginateItems for ListSecrets {
    type Item = SecretListEntry;
    fn take_items(page: &mut ListSecretsResponse) -> ::std::vec::Vec<SecretListEntry> {
        ::awsjson::__private::PageItems::take_items(&mut page.secret_list)
    }
}
#[automatically_derived]
impl ListSecrets {
    /// The items of every page of this operation, one at a time: a page is
    /// requested only once the items of the previous one are used up.
    pub fn items(self, client: &::awsjson::Client) -> ::awsjson::Items<Self> {
        ::awsjson::Items::new(client, self)
    }
}
const _: () = if let ::core::option::Option::Some(__message) = &::awsjson::__private::misfit_message::<
    1107usize,
>(
    ::awsjson::__private::output_misfit::<
        ListSecrets,
    >(
        "secretsmanager#ListSecretsResponse",
        &["SecretList", "NextToken"],
        "`ListSecretsResponse` mirrors another model shape than `secretsmanager#ListSecretsResponse`",
    ),
    "; the members of `secretsmanager#ListSecretsResponse` are `NextToken`, `SecretList`",
) {
    ::core::panic!("{}", __message.as_str())
};
const _: () = if let ::core::option::Option::Some(__message) = &::awsjson::__private::misfit_message::<
    1097usize,
>(
    ::awsjson::__private::mirror_misfit::<
        InvalidNextTokenException,
    >(
        "secretsmanager#InvalidNextTokenException",
        &["Message", "message", "Message", "errorMessage"],
        "`InvalidNextTokenException` mirrors another model shape than `secretsmanager#InvalidNextTokenException`",
    ),
    "; the members of `secretsmanager#InvalidNextTokenException` are `Message`",
) {
    ::core::panic!("{}", __message.as_str())
};
