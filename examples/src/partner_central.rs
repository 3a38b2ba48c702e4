//! Partner Central Selling: `CreateResourceSnapshotJob`, as declared in the design,
//! with the service's seven error shapes.

use awsjson::{aws_json_operation, aws_json_shape};

/// Creates a job that snapshots a resource of an engagement.
#[aws_json_operation(
    target = "AWSPartnerCentralSelling.CreateResourceSnapshotJob",
    output = CreateResourceSnapshotJobResponse,
    errors(AccessDeniedException, ConflictException, InternalServerException,
           ResourceNotFoundException, ServiceQuotaExceededException,
           ThrottlingException, ValidationException),
)]
#[derive(Debug, Clone, PartialEq)]
pub struct CreateResourceSnapshotJob {
    /// `AWS` or `Sandbox`.
    pub catalog: String,
    /// `eng-` and 14 characters.
    pub engagement_identifier: String,
    /// The opportunity id, such as `O1234567`.
    pub resource_identifier: String,
    /// The snapshot template, such as `AWSOpportunitySummary`.
    pub resource_snapshot_template_identifier: String,
    /// The kind of resource.
    pub resource_type: ResourceType,
    /// Filled with a fresh UUID when `None`.
    #[idempotency]
    pub client_token: Option<String>,
    /// Tags for the job.
    pub tags: Option<Vec<Tag>>,
}

/// The kind of resource a snapshot is taken of.
#[aws_json_shape]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum ResourceType {
    /// An opportunity.
    Opportunity,
}

/// A key-value tag.
#[aws_json_shape]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tag {
    /// The key.
    pub key: String,
    /// The value.
    pub value: String,
}

/// The created job.
#[aws_json_shape]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CreateResourceSnapshotJobResponse {
    /// `job-` and 13 characters.
    pub id: Option<String>,
    /// The job's ARN.
    pub arn: Option<String>,
}

/// The caller may not do this.
#[aws_json_shape]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccessDeniedException {
    /// What went wrong.
    pub message: Option<String>,
    /// Why access was denied.
    pub reason: Option<AccessDeniedExceptionErrorCode>,
}

/// Why access was denied.
#[aws_json_shape(rename_all = "SCREAMING_SNAKE_CASE")]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum AccessDeniedExceptionErrorCode {
    /// `INCOMPATIBLE_BENEFIT_AWS_PARTNER_STATE`
    IncompatibleBenefitAwsPartnerState,
    /// `SEARCH_OPPORTUNITIES_NOT_ENABLED`
    SearchOpportunitiesNotEnabled,
    /// `SEARCH_OPPORTUNITIES_DATA_NOT_ROUTED_TO_DDB`
    SearchOpportunitiesDataNotRoutedToDdb,
    /// `OPPORTUNITY_BULK_JOB_NOT_ENABLED`
    OpportunityBulkJobNotEnabled,
}

macro_rules! message_only_errors {
    ($($(#[$doc:meta])* $name:ident,)*) => {$(
        $(#[$doc])*
        #[aws_json_shape]
        #[derive(Debug, Clone, PartialEq, Eq)]
        pub struct $name {
            /// What went wrong.
            pub message: Option<String>,
        }
    )*};
}

message_only_errors! {
    /// The request conflicts with the resource's state.
    ConflictException,
    /// The service failed (a server fault: retrying may help).
    InternalServerException,
    /// The resource does not exist.
    ResourceNotFoundException,
    /// A quota would be exceeded.
    ServiceQuotaExceededException,
    /// Too many requests.
    ThrottlingException,
}

/// The request is invalid.
#[aws_json_shape]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidationException {
    /// What went wrong.
    pub message: String,
    /// Which validation failed.
    pub reason: ValidationExceptionReason,
    /// The invalid fields.
    pub error_list: Option<Vec<ValidationExceptionError>>,
}

/// Which validation failed.
#[aws_json_shape(rename_all = "SCREAMING_SNAKE_CASE")]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum ValidationExceptionReason {
    /// `REQUEST_VALIDATION_FAILED`
    RequestValidationFailed,
    /// `BUSINESS_VALIDATION_FAILED`
    BusinessValidationFailed,
}

/// One invalid field.
#[aws_json_shape]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidationExceptionError {
    /// The field's name.
    pub field_name: Option<String>,
    /// What is wrong with it.
    pub message: String,
    /// The kind of problem.
    pub code: ValidationExceptionErrorCode,
}

/// The kind of problem with a field.
#[aws_json_shape(rename_all = "SCREAMING_SNAKE_CASE")]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum ValidationExceptionErrorCode {
    /// `REQUIRED_FIELD_MISSING`
    RequiredFieldMissing,
    /// `INVALID_ENUM_VALUE`
    InvalidEnumValue,
    /// `INVALID_STRING_FORMAT`
    InvalidStringFormat,
    /// `INVALID_VALUE`
    InvalidValue,
    /// `NOT_ENOUGH_VALUES`
    NotEnoughValues,
    /// `TOO_MANY_VALUES`
    TooManyValues,
    /// `INVALID_RESOURCE_STATE`
    InvalidResourceState,
    /// `DUPLICATE_KEY_VALUE`
    DuplicateKeyValue,
    /// `VALUE_OUT_OF_RANGE`
    ValueOutOfRange,
    /// `ACTION_NOT_PERMITTED`
    ActionNotPermitted,
}
