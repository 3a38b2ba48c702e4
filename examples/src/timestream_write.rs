//! Timestream Write: databases, tables and records. Its operations require endpoint
//! discovery: against AWS, `send` asks `DescribeEndpoints` where to go first (see
//! `ClientBuilder::endpoint_discovery`).
//!
//! Printed by `cargo run -p awsjson-cli -- scaffold timestream-write DescribeEndpoints
//! CreateDatabase CreateTable WriteRecords DeleteTable DeleteDatabase` and kept as printed
//! below this header (with `missing_docs` allowed for the members the model leaves
//! undocumented).

// Members without a doc comment have none in the model.
#![allow(missing_docs)]

#[allow(unused_imports)]
use awsjson::{aws_json_operation, aws_json_shape};

/// Returns a list of available endpoints to make Timestream API calls against. This API
/// operation is available through both the Write and Query APIs.
///
/// Because the Timestream SDKs are designed to transparently work with the service’s
/// architecture, including the management and mapping of the service endpoints, we don't
/// recommend that you use this API operation unless:
///
/// - You are using [VPC endpoints (Amazon Web Services PrivateLink) with
///   Timestream](https://docs.aws.amazon.com/timestream/latest/developerguide/VPCEndpoints)
/// - Your application uses a programming language that does not yet have SDK support
/// - You require better control over the client-side implementation
///
/// For detailed information on how and when to use and implement DescribeEndpoints, see
/// [The Endpoint Discovery
/// Pattern](https://docs.aws.amazon.com/timestream/latest/developerguide/Using.API.html#Using-API.endpoint-discovery).
#[aws_json_operation(
    target = "Timestream_20181101.DescribeEndpoints",
    // `Timestream_20181101` and another service share the target prefix and this operation:
    // the endpoint prefix says which is meant.
    endpoint_prefix = "ingest.timestream",
    output = DescribeEndpointsResponse,
    errors(InternalServerException, ThrottlingException, ValidationException),
)]
#[derive(Debug, Clone, Default)]
pub struct DescribeEndpoints {}

/// Creates a new Timestream database. If the KMS key is not specified, the database will
/// be encrypted with a Timestream managed KMS key located in your account. For more
/// information, see [Amazon Web Services managed
/// keys](https://docs.aws.amazon.com/kms/latest/developerguide/concepts.html#aws-managed-cmk).
/// [Service quotas
/// apply](https://docs.aws.amazon.com/timestream/latest/developerguide/ts-limits.html).
/// For details, see [code
/// sample](https://docs.aws.amazon.com/timestream/latest/developerguide/code-samples.create-db.html).
#[aws_json_operation(
    target = "Timestream_20181101.CreateDatabase",
    output = CreateDatabaseResponse,
    errors(
        AccessDeniedException,
        ConflictException,
        InternalServerException,
        InvalidEndpointException,
        ServiceQuotaExceededException,
        ThrottlingException,
        ValidationException,
    ),
)]
#[derive(Debug, Clone, Default)]
pub struct CreateDatabase {
    /// The name of the Timestream database.
    pub database_name: String,
    /// The KMS key for the database. If the KMS key is not specified, the database will
    /// be encrypted with a Timestream managed KMS key located in your account. For more
    /// information, see [Amazon Web Services managed
    /// keys](https://docs.aws.amazon.com/kms/latest/developerguide/concepts.html#aws-managed-cmk).
    pub kms_key_id: Option<String>,
    /// A list of key-value pairs to label the table.
    pub tags: Option<Vec<Tag>>,
}

/// Adds a new table to an existing database in your account. In an Amazon Web Services
/// account, table names must be at least unique within each Region if they are in the
/// same database. You might have identical table names in the same Region if the tables
/// are in separate databases. While creating the table, you must specify the table name,
/// database name, and the retention properties. [Service quotas
/// apply](https://docs.aws.amazon.com/timestream/latest/developerguide/ts-limits.html).
/// See [code
/// sample](https://docs.aws.amazon.com/timestream/latest/developerguide/code-samples.create-table.html)
/// for details.
#[aws_json_operation(
    target = "Timestream_20181101.CreateTable",
    output = CreateTableResponse,
    errors(
        AccessDeniedException,
        ConflictException,
        InternalServerException,
        InvalidEndpointException,
        ResourceNotFoundException,
        ServiceQuotaExceededException,
        ThrottlingException,
        ValidationException,
    ),
)]
#[derive(Debug, Clone, Default)]
pub struct CreateTable {
    /// The name of the Timestream database.
    pub database_name: String,
    /// The name of the Timestream table.
    pub table_name: String,
    /// The duration for which your time-series data must be stored in the memory store
    /// and the magnetic store.
    pub retention_properties: Option<RetentionProperties>,
    /// A list of key-value pairs to label the table.
    pub tags: Option<Vec<Tag>>,
    /// Contains properties to set on the table when enabling magnetic store writes.
    pub magnetic_store_write_properties: Option<MagneticStoreWriteProperties>,
    /// The schema of the table.
    pub schema: Option<Schema>,
}

/// Enables you to write your time-series data into Timestream. You can specify a single
/// data point or a batch of data points to be inserted into the system. Timestream offers
/// you a flexible schema that auto detects the column names and data types for your
/// Timestream tables based on the dimension names and data types of the data points you
/// specify when invoking writes into the database.
///
/// Timestream supports eventual consistency read semantics. This means that when you
/// query data immediately after writing a batch of data into Timestream, the query
/// results might not reflect the results of a recently completed write operation. The
/// results may also include some stale data. If you repeat the query request after a
/// short time, the results should return the latest data. [Service quotas
/// apply](https://docs.aws.amazon.com/timestream/latest/developerguide/ts-limits.html).
///
/// See [code
/// sample](https://docs.aws.amazon.com/timestream/latest/developerguide/code-samples.write.html)
/// for details.
///
/// Upserts
///
/// You can use the `Version` parameter in a `WriteRecords` request to update data points.
/// Timestream tracks a version number with each record. `Version` defaults to `1` when
/// it's not specified for the record in the request. Timestream updates an existing
/// record’s measure value along with its `Version` when it receives a write request
/// with a higher `Version` number for that record. When it receives an update request
/// where the measure value is the same as that of the existing record, Timestream still
/// updates `Version`, if it is greater than the existing value of `Version`. You can
/// update a data point as many times as desired, as long as the value of `Version`
/// continuously increases.
///
/// For example, suppose you write a new record without indicating `Version` in the
/// request. Timestream stores this record, and set `Version` to `1`. Now, suppose you try
/// to update this record with a `WriteRecords` request of the same record with a
/// different measure value but, like before, do not provide `Version`. In this case,
/// Timestream will reject this update with a `RejectedRecordsException` since the updated
/// record’s version is not greater than the existing value of Version.
///
/// However, if you were to resend the update request with `Version` set to `2`,
/// Timestream would then succeed in updating the record’s value, and the `Version`
/// would be set to `2`. Next, suppose you sent a `WriteRecords` request with this same
/// record and an identical measure value, but with `Version` set to `3`. In this case,
/// Timestream would only update `Version` to `3`. Any further updates would need to send
/// a version number greater than `3`, or the update requests would receive a
/// `RejectedRecordsException`.
#[aws_json_operation(
    target = "Timestream_20181101.WriteRecords",
    output = WriteRecordsResponse,
    errors(
        AccessDeniedException,
        InternalServerException,
        InvalidEndpointException,
        RejectedRecordsException,
        ResourceNotFoundException,
        ThrottlingException,
        ValidationException,
    ),
)]
#[derive(Debug, Clone, Default)]
pub struct WriteRecords {
    /// The name of the Timestream database.
    pub database_name: String,
    /// The name of the Timestream table.
    pub table_name: String,
    /// A record that contains the common measure, dimension, time, and version attributes
    /// shared across all the records in the request. The measure and dimension attributes
    /// specified will be merged with the measure and dimension attributes in the records
    /// object when the data is written into Timestream. Dimensions may not overlap, or a
    /// `ValidationException` will be thrown. In other words, a record must contain
    /// dimensions with unique names.
    pub common_attributes: Option<Record>,
    /// An array of records that contain the unique measure, dimension, time, and version
    /// attributes for each time-series data point.
    pub records: Vec<Record>,
}

/// Deletes a given Timestream table. This is an irreversible operation. After a
/// Timestream database table is deleted, the time-series data stored in the table cannot
/// be recovered.
///
/// Due to the nature of distributed retries, the operation can return either success or a
/// ResourceNotFoundException. Clients should consider them equivalent.
///
/// See [code
/// sample](https://docs.aws.amazon.com/timestream/latest/developerguide/code-samples.delete-table.html)
/// for details.
#[aws_json_operation(
    target = "Timestream_20181101.DeleteTable",
    errors(
        AccessDeniedException,
        InternalServerException,
        InvalidEndpointException,
        ResourceNotFoundException,
        ThrottlingException,
        ValidationException,
    )
)]
#[derive(Debug, Clone, Default)]
pub struct DeleteTable {
    /// The name of the database where the Timestream database is to be deleted.
    pub database_name: String,
    /// The name of the Timestream table to be deleted.
    pub table_name: String,
}

/// Deletes a given Timestream database. This is an irreversible operation. After a
/// database is deleted, the time-series data from its tables cannot be recovered.
///
/// All tables in the database must be deleted first, or a ValidationException error will
/// be thrown.
///
/// Due to the nature of distributed retries, the operation can return either success or a
/// ResourceNotFoundException. Clients should consider them equivalent.
///
/// See [code
/// sample](https://docs.aws.amazon.com/timestream/latest/developerguide/code-samples.delete-db.html)
/// for details.
#[aws_json_operation(
    target = "Timestream_20181101.DeleteDatabase",
    errors(
        AccessDeniedException,
        InternalServerException,
        InvalidEndpointException,
        ResourceNotFoundException,
        ThrottlingException,
        ValidationException,
    )
)]
#[derive(Debug, Clone, Default)]
pub struct DeleteDatabase {
    /// The name of the Timestream database to be deleted.
    pub database_name: String,
}

#[aws_json_shape(shape = "timestream-write#DescribeEndpointsResponse")]
#[derive(Debug, Clone, Default)]
pub struct DescribeEndpointsResponse {
    /// An `Endpoints` object is returned when a `DescribeEndpoints` request is made.
    pub endpoints: Vec<Endpoint>,
}

/// Timestream was unable to fully process this request because of an internal server
/// error.
#[aws_json_shape(shape = "timestream-write#InternalServerException")]
#[derive(Debug, Clone, Default)]
pub struct InternalServerException {
    pub message: String,
}

/// Too many requests were made by a user and they exceeded the service quotas. The
/// request was throttled.
#[aws_json_shape(shape = "timestream-write#ThrottlingException")]
#[derive(Debug, Clone, Default)]
pub struct ThrottlingException {
    pub message: String,
}

/// An invalid or malformed request.
#[aws_json_shape(shape = "timestream-write#ValidationException")]
#[derive(Debug, Clone, Default)]
pub struct ValidationException {
    pub message: String,
}

#[aws_json_shape(shape = "timestream-write#CreateDatabaseResponse")]
#[derive(Debug, Clone, Default)]
pub struct CreateDatabaseResponse {
    /// The newly created Timestream database.
    pub database: Option<Database>,
}

/// You are not authorized to perform this action.
#[aws_json_shape(shape = "timestream-write#AccessDeniedException")]
#[derive(Debug, Clone, Default)]
pub struct AccessDeniedException {
    pub message: String,
}

/// Timestream was unable to process this request because it contains resource that
/// already exists.
#[aws_json_shape(shape = "timestream-write#ConflictException")]
#[derive(Debug, Clone, Default)]
pub struct ConflictException {
    pub message: String,
}

/// The requested endpoint was not valid.
#[aws_json_shape(shape = "timestream-write#InvalidEndpointException")]
#[derive(Debug, Clone, Default)]
pub struct InvalidEndpointException {
    pub message: Option<String>,
}

/// The instance quota of resource exceeded for this account.
#[aws_json_shape(shape = "timestream-write#ServiceQuotaExceededException")]
#[derive(Debug, Clone, Default)]
pub struct ServiceQuotaExceededException {
    pub message: Option<String>,
}

/// A tag is a label that you assign to a Timestream database and/or table. Each tag
/// consists of a key and an optional value, both of which you define. With tags, you can
/// categorize databases and/or tables, for example, by purpose, owner, or environment.
#[aws_json_shape(shape = "timestream-write#Tag")]
#[derive(Debug, Clone, Default)]
pub struct Tag {
    /// The key of the tag. Tag keys are case sensitive.
    pub key: String,
    /// The value of the tag. Tag values are case-sensitive and can be null.
    pub value: String,
}

#[aws_json_shape(shape = "timestream-write#CreateTableResponse")]
#[derive(Debug, Clone, Default)]
pub struct CreateTableResponse {
    /// The newly created Timestream table.
    pub table: Option<Table>,
}

/// The operation tried to access a nonexistent resource. The resource might not be
/// specified correctly, or its status might not be ACTIVE.
#[aws_json_shape(shape = "timestream-write#ResourceNotFoundException")]
#[derive(Debug, Clone, Default)]
pub struct ResourceNotFoundException {
    pub message: Option<String>,
}

/// Retention properties contain the duration for which your time-series data must be
/// stored in the magnetic store and the memory store.
#[aws_json_shape(shape = "timestream-write#RetentionProperties")]
#[derive(Debug, Clone, Default)]
pub struct RetentionProperties {
    /// The duration for which data must be stored in the memory store.
    pub memory_store_retention_period_in_hours: i64,
    /// The duration for which data must be stored in the magnetic store.
    pub magnetic_store_retention_period_in_days: i64,
}

/// The set of properties on a table for configuring magnetic store writes.
#[aws_json_shape(shape = "timestream-write#MagneticStoreWriteProperties")]
#[derive(Debug, Clone, Default)]
pub struct MagneticStoreWriteProperties {
    /// A flag to enable magnetic store writes.
    pub enable_magnetic_store_writes: bool,
    /// The location to write error reports for records rejected asynchronously during
    /// magnetic store writes.
    pub magnetic_store_rejected_data_location: Option<MagneticStoreRejectedDataLocation>,
}

/// A Schema specifies the expected data model of the table.
#[aws_json_shape(shape = "timestream-write#Schema")]
#[derive(Debug, Clone, Default)]
pub struct Schema {
    /// A non-empty list of partition keys defining the attributes used to partition the
    /// table data. The order of the list determines the partition hierarchy. The name and
    /// type of each partition key as well as the partition key order cannot be changed
    /// after the table is created. However, the enforcement level of each partition key
    /// can be changed.
    pub composite_partition_key: Option<Vec<PartitionKey>>,
}

#[aws_json_shape(shape = "timestream-write#WriteRecordsResponse")]
#[derive(Debug, Clone, Default)]
pub struct WriteRecordsResponse {
    /// Information on the records ingested by this request.
    pub records_ingested: Option<RecordsIngested>,
}

/// WriteRecords would throw this exception in the following cases:
///
/// - Records with duplicate data where there are multiple records with the same
///   dimensions, timestamps, and measure names but:
///   - Measure values are different
///   - Version is not present in the request or the value of version in the new record is
///     equal to or lower than the existing value
///
/// In this case, if Timestream rejects data, the `ExistingVersion` field in the
/// `RejectedRecords` response will indicate the current record’s version. To force an
/// update, you can resend the request with a version for the record set to a value
/// greater than the `ExistingVersion`.
///
/// - Records with timestamps that lie outside the retention duration of the memory store.
/// - Records with dimensions or measures that exceed the Timestream defined limits.
///
/// For more information, see
/// [Quotas](https://docs.aws.amazon.com/timestream/latest/developerguide/ts-limits.html)
/// in the Amazon Timestream Developer Guide.
#[aws_json_shape(shape = "timestream-write#RejectedRecordsException")]
#[derive(Debug, Clone, Default)]
pub struct RejectedRecordsException {
    pub message: Option<String>,
    pub rejected_records: Option<Vec<RejectedRecord>>,
}

/// Represents a time-series data point being written into Timestream. Each record
/// contains an array of dimensions. Dimensions represent the metadata attributes of a
/// time-series data point, such as the instance name or Availability Zone of an EC2
/// instance. A record also contains the measure name, which is the name of the measure
/// being collected (for example, the CPU utilization of an EC2 instance). Additionally, a
/// record contains the measure value and the value type, which is the data type of the
/// measure value. Also, the record contains the timestamp of when the measure was
/// collected and the timestamp unit, which represents the granularity of the timestamp.
///
/// Records have a `Version` field, which is a 64-bit `long` that you can use for updating
/// data points. Writes of a duplicate record with the same dimension, timestamp, and
/// measure name but different measure value will only succeed if the `Version` attribute
/// of the record in the write request is higher than that of the existing record.
/// Timestream defaults to a `Version` of `1` for records without the `Version` field.
#[aws_json_shape(shape = "timestream-write#Record")]
#[derive(Debug, Clone, Default)]
pub struct Record {
    /// Contains the list of dimensions for time-series data points.
    pub dimensions: Option<Vec<Dimension>>,
    /// Measure represents the data attribute of the time series. For example, the CPU
    /// utilization of an EC2 instance or the RPM of a wind turbine are measures.
    pub measure_name: Option<String>,
    /// Contains the measure value for the time-series data point.
    pub measure_value: Option<String>,
    /// Contains the data type of the measure value for the time-series data point.
    /// Default type is `DOUBLE`. For more information, see [Data
    /// types](https://docs.aws.amazon.com/timestream/latest/developerguide/writes.html#writes.data-types).
    pub measure_value_type: Option<MeasureValueType>,
    /// Contains the time at which the measure value for the data point was collected. The
    /// time value plus the unit provides the time elapsed since the epoch. For example,
    /// if the time value is `12345` and the unit is `ms`, then `12345 ms` have elapsed
    /// since the epoch.
    pub time: Option<String>,
    /// The granularity of the timestamp unit. It indicates if the time value is in
    /// seconds, milliseconds, nanoseconds, or other supported values. Default is
    /// `MILLISECONDS`.
    pub time_unit: Option<TimeUnit>,
    /// 64-bit attribute used for record updates. Write requests for duplicate data with a
    /// higher version number will update the existing measure value and version. In cases
    /// where the measure value is the same, `Version` will still be updated. Default
    /// value is `1`.
    ///
    /// `Version` must be `1` or greater, or you will receive a `ValidationException`
    /// error.
    pub version: Option<i64>,
    /// Contains the list of MeasureValue for time-series data points.
    ///
    /// This is only allowed for type `MULTI`. For scalar values, use `MeasureValue`
    /// attribute of the record directly.
    pub measure_values: Option<Vec<MeasureValue>>,
}

/// Represents an available endpoint against which to make API calls against, as well as
/// the TTL for that endpoint.
#[aws_json_shape(shape = "timestream-write#Endpoint")]
#[derive(Debug, Clone, Default)]
pub struct Endpoint {
    /// An endpoint address.
    pub address: String,
    /// The TTL for the endpoint, in minutes.
    pub cache_period_in_minutes: i64,
}

/// A top-level container for a table. Databases and tables are the fundamental management
/// concepts in Amazon Timestream. All tables in a database are encrypted with the same
/// KMS key.
#[aws_json_shape(shape = "timestream-write#Database")]
#[derive(Debug, Clone, Default)]
pub struct Database {
    /// The Amazon Resource Name that uniquely identifies this database.
    pub arn: Option<String>,
    /// The name of the Timestream database.
    pub database_name: Option<String>,
    /// The total number of tables found within a Timestream database.
    pub table_count: Option<i64>,
    /// The identifier of the KMS key used to encrypt the data stored in the database.
    pub kms_key_id: Option<String>,
    /// The time when the database was created, calculated from the Unix epoch time.
    pub creation_time: Option<awsjson::DateTime>,
    /// The last time that this database was updated.
    pub last_updated_time: Option<awsjson::DateTime>,
}

/// Represents a database table in Timestream. Tables contain one or more related time
/// series. You can modify the retention duration of the memory store and the magnetic
/// store for a table.
#[aws_json_shape(shape = "timestream-write#Table")]
#[derive(Debug, Clone, Default)]
pub struct Table {
    /// The Amazon Resource Name that uniquely identifies this table.
    pub arn: Option<String>,
    /// The name of the Timestream table.
    pub table_name: Option<String>,
    /// The name of the Timestream database that contains this table.
    pub database_name: Option<String>,
    /// The current state of the table:
    ///
    /// - `DELETING` - The table is being deleted.
    /// - `ACTIVE` - The table is ready for use.
    pub table_status: Option<TableStatus>,
    /// The retention duration for the memory store and magnetic store.
    pub retention_properties: Option<RetentionProperties>,
    /// The time when the Timestream table was created.
    pub creation_time: Option<awsjson::DateTime>,
    /// The time when the Timestream table was last updated.
    pub last_updated_time: Option<awsjson::DateTime>,
    /// Contains properties to set on the table when enabling magnetic store writes.
    pub magnetic_store_write_properties: Option<MagneticStoreWriteProperties>,
    /// The schema of the table.
    pub schema: Option<Schema>,
}

/// The location to write error reports for records rejected, asynchronously, during
/// magnetic store writes.
#[aws_json_shape(shape = "timestream-write#MagneticStoreRejectedDataLocation")]
#[derive(Debug, Clone, Default)]
pub struct MagneticStoreRejectedDataLocation {
    /// Configuration of an S3 location to write error reports for records rejected,
    /// asynchronously, during magnetic store writes.
    pub s3_configuration: Option<S3Configuration>,
}

/// An attribute used in partitioning data in a table. A dimension key partitions data
/// using the values of the dimension specified by the dimension-name as partition key,
/// while a measure key partitions data using measure names (values of the 'measure_name'
/// column).
#[aws_json_shape(shape = "timestream-write#PartitionKey")]
#[derive(Debug, Clone, Default)]
pub struct PartitionKey {
    /// The type of the partition key. Options are DIMENSION (dimension key) and MEASURE
    /// (measure key).
    pub r#type: PartitionKeyType,
    /// The name of the attribute used for a dimension key.
    pub name: Option<String>,
    /// The level of enforcement for the specification of a dimension key in ingested
    /// records. Options are REQUIRED (dimension key must be specified) and OPTIONAL
    /// (dimension key does not have to be specified).
    pub enforcement_in_record: Option<PartitionKeyEnforcementLevel>,
}

/// Information on the records ingested by this request.
#[aws_json_shape(shape = "timestream-write#RecordsIngested")]
#[derive(Debug, Clone, Default)]
pub struct RecordsIngested {
    /// Total count of successfully ingested records.
    pub total: Option<i32>,
    /// Count of records ingested into the memory store.
    pub memory_store: Option<i32>,
    /// Count of records ingested into the magnetic store.
    pub magnetic_store: Option<i32>,
}

/// Represents records that were not successfully inserted into Timestream due to data
/// validation issues that must be resolved before reinserting time-series data into the
/// system.
#[aws_json_shape(shape = "timestream-write#RejectedRecord")]
#[derive(Debug, Clone, Default)]
pub struct RejectedRecord {
    /// The index of the record in the input request for WriteRecords. Indexes begin with 0.
    pub record_index: Option<i32>,
    /// The reason why a record was not successfully inserted into Timestream. Possible
    /// causes of failure include:
    ///
    /// - Records with duplicate data where there are multiple records with the same
    ///   dimensions, timestamps, and measure names but:
    ///   - Measure values are different
    ///   - Version is not present in the request, or the value of version in the new
    ///     record is equal to or lower than the existing value
    ///
    /// If Timestream rejects data for this case, the `ExistingVersion` field in the
    /// `RejectedRecords` response will indicate the current record’s version. To force
    /// an update, you can resend the request with a version for the record set to a value
    /// greater than the `ExistingVersion`.
    ///
    /// - Records with timestamps that lie outside the retention duration of the memory
    ///   store. When the retention window is updated, you will receive a
    ///   `RejectedRecords` exception if you immediately try to ingest data within the new
    ///   window. To avoid a `RejectedRecords` exception, wait until the duration of the
    ///   new window to ingest new data. For further information, see [ Best Practices for
    ///   Configuring
    ///   Timestream](https://docs.aws.amazon.com/timestream/latest/developerguide/best-practices.html#configuration)
    ///   and [the explanation of how storage works in
    ///   Timestream](https://docs.aws.amazon.com/timestream/latest/developerguide/storage.html).
    /// - Records with dimensions or measures that exceed the Timestream defined limits.
    ///
    /// For more information, see [Access
    /// Management](https://docs.aws.amazon.com/timestream/latest/developerguide/ts-limits.html)
    /// in the Timestream Developer Guide.
    pub reason: Option<String>,
    /// The existing version of the record. This value is populated in scenarios where an
    /// identical record exists with a higher version than the version in the write
    /// request.
    pub existing_version: Option<i64>,
}

/// Represents the metadata attributes of the time series. For example, the name and
/// Availability Zone of an EC2 instance or the name of the manufacturer of a wind turbine
/// are dimensions.
#[aws_json_shape(shape = "timestream-write#Dimension")]
#[derive(Debug, Clone, Default)]
pub struct Dimension {
    /// Dimension represents the metadata attributes of the time series. For example, the
    /// name and Availability Zone of an EC2 instance or the name of the manufacturer of a
    /// wind turbine are dimensions.
    ///
    /// For constraints on dimension names, see [Naming
    /// Constraints](https://docs.aws.amazon.com/timestream/latest/developerguide/ts-limits.html#limits.naming).
    pub name: String,
    /// The value of the dimension.
    pub value: String,
    /// The data type of the dimension for the time-series data point.
    pub dimension_value_type: Option<DimensionValueType>,
}

#[aws_json_shape(shape = "timestream-write#MeasureValueType")]
#[derive(Debug, Clone, PartialEq)]
pub enum MeasureValueType {
    Double,
    Bigint,
    Varchar,
    Boolean,
    Timestamp,
    Multi,
}

#[aws_json_shape(shape = "timestream-write#TimeUnit")]
#[derive(Debug, Clone, PartialEq)]
pub enum TimeUnit {
    Milliseconds,
    Seconds,
    Microseconds,
    Nanoseconds,
}

/// Represents the data attribute of the time series. For example, the CPU utilization of
/// an EC2 instance or the RPM of a wind turbine are measures. MeasureValue has both name
/// and value.
///
/// MeasureValue is only allowed for type `MULTI`. Using `MULTI` type, you can pass
/// multiple data attributes associated with the same time series in a single record
#[aws_json_shape(shape = "timestream-write#MeasureValue")]
#[derive(Debug, Clone, Default)]
pub struct MeasureValue {
    /// The name of the MeasureValue.
    ///
    /// For constraints on MeasureValue names, see [ Naming
    /// Constraints](https://docs.aws.amazon.com/timestream/latest/developerguide/ts-limits.html#limits.naming)
    /// in the Amazon Timestream Developer Guide.
    pub name: String,
    /// The value for the MeasureValue. For information, see [Data
    /// types](https://docs.aws.amazon.com/timestream/latest/developerguide/writes.html#writes.data-types).
    pub value: String,
    /// Contains the data type of the MeasureValue for the time-series data point.
    pub r#type: MeasureValueType,
}

#[aws_json_shape(shape = "timestream-write#TableStatus")]
#[derive(Debug, Clone, PartialEq)]
pub enum TableStatus {
    Active,
    Deleting,
    Restoring,
}

/// The configuration that specifies an S3 location.
#[aws_json_shape(shape = "timestream-write#S3Configuration")]
#[derive(Debug, Clone, Default)]
pub struct S3Configuration {
    /// The bucket name of the customer S3 bucket.
    pub bucket_name: Option<String>,
    /// The object key preview for the customer S3 location.
    pub object_key_prefix: Option<String>,
    /// The encryption option for the customer S3 location. Options are S3 server-side
    /// encryption with an S3 managed key or Amazon Web Services managed key.
    pub encryption_option: Option<S3EncryptionOption>,
    /// The KMS key ID for the customer S3 location when encrypting with an Amazon Web
    /// Services managed key.
    pub kms_key_id: Option<String>,
}

#[aws_json_shape(shape = "timestream-write#PartitionKeyType")]
#[derive(Debug, Clone, PartialEq)]
pub enum PartitionKeyType {
    Dimension,
    Measure,
}

#[aws_json_shape(shape = "timestream-write#PartitionKeyEnforcementLevel")]
#[derive(Debug, Clone, PartialEq)]
pub enum PartitionKeyEnforcementLevel {
    Required,
    Optional,
}

#[aws_json_shape(shape = "timestream-write#DimensionValueType")]
#[derive(Debug, Clone, PartialEq)]
pub enum DimensionValueType {
    Varchar,
}

#[aws_json_shape(shape = "timestream-write#S3EncryptionOption")]
#[derive(Debug, Clone, PartialEq)]
pub enum S3EncryptionOption {
    SseS3,
    SseKms,
}
