//! Timestream Query: SQL over the records Timestream Write stored. Its operations
//! require endpoint discovery, as Timestream Write's do.
//!
//! Printed by `cargo run -p awsjson-cli -- scaffold timestream-query Query` and kept
//! as printed below this header (with `missing_docs` allowed for the members the model
//! leaves undocumented).

// Members without a doc comment have none in the model.
#![allow(missing_docs)]

#[allow(unused_imports)]
use awsjson::{aws_json_operation, aws_json_shape};

/// `Query` is a synchronous operation that enables you to run a query against your Amazon
/// Timestream data.
///
/// If you enabled `QueryInsights`, this API also returns insights and metrics related to
/// the query that you executed. `QueryInsights` helps with performance tuning of your
/// query. For more information about `QueryInsights`, see [Using query insights to
/// optimize queries in Amazon
/// Timestream](https://docs.aws.amazon.com/timestream/latest/developerguide/using-query-insights.html).
///
/// The maximum number of `Query` API requests you're allowed to make with `QueryInsights`
/// enabled is 1 query per second (QPS). If you exceed this query rate, it might result in
/// throttling.
///
/// `Query` will time out after 60 seconds. You must update the default timeout in the SDK
/// to support a timeout of 60 seconds. See the [code
/// sample](https://docs.aws.amazon.com/timestream/latest/developerguide/code-samples.run-query.html)
/// for details.
///
/// Your query request will fail in the following cases:
///
/// - If you submit a `Query` request with the same client token outside of the 5-minute
///   idempotency window.
/// - If you submit a `Query` request with the same client token, but change other
///   parameters, within the 5-minute idempotency window.
/// - If the size of the row (including the query metadata) exceeds 1 MB, then the query
///   will fail with the following error message: `Query aborted as max page response size
///   has been exceeded by the output result row`
/// - If the IAM principal of the query initiator and the result reader are not the same
///   and/or the query initiator and the result reader do not have the same query string
///   in the query requests, the query will fail with an `Invalid pagination token` error.
#[aws_json_operation(
    target = "Timestream_20181101.Query",
    output = QueryResponse,
    errors(
        AccessDeniedException,
        ConflictException,
        InternalServerException,
        InvalidEndpointException,
        QueryExecutionException,
        ThrottlingException,
        ValidationException,
    ),
    paginate(
        input_token = next_token,
        output_token = next_token,
        page_size = max_rows,
        items = rows: Row,
    ),
)]
#[derive(Debug, Clone, Default)]
pub struct Query {
    /// The query to be run by Timestream.
    #[aws(sensitive)]
    pub query_string: String,
    /// Unique, case-sensitive string of up to 64 ASCII characters specified when a
    /// `Query` request is made. Providing a `ClientToken` makes the call to `Query`
    /// idempotent. This means that running the same query repeatedly will produce the
    /// same result. In other words, making multiple identical `Query` requests has the
    /// same effect as making a single request. When using `ClientToken` in a query, note
    /// the following:
    ///
    /// - If the Query API is instantiated without a `ClientToken`, the Query SDK
    ///   generates a `ClientToken` on your behalf.
    /// - If the `Query` invocation only contains the `ClientToken` but does not include a
    ///   `NextToken`, that invocation of `Query` is assumed to be a new query run.
    /// - If the invocation contains `NextToken`, that particular invocation is assumed to
    ///   be a subsequent invocation of a prior call to the Query API, and a result set is
    ///   returned.
    /// - After 4 hours, any request with the same `ClientToken` is treated as a new
    ///   request.
    #[idempotency]
    #[aws(sensitive)]
    pub client_token: Option<String>,
    /// A pagination token used to return a set of results. When the `Query` API is
    /// invoked using `NextToken`, that particular invocation is assumed to be a
    /// subsequent invocation of a prior call to `Query`, and a result set is returned.
    /// However, if the `Query` invocation only contains the `ClientToken`, that
    /// invocation of `Query` is assumed to be a new query run.
    ///
    /// Note the following when using NextToken in a query:
    ///
    /// - A pagination token can be used for up to five `Query` invocations, OR for a
    ///   duration of up to 1 hour – whichever comes first.
    /// - Using the same `NextToken` will return the same set of records. To keep
    ///   paginating through the result set, you must to use the most recent `nextToken`.
    /// - Suppose a `Query` invocation returns two `NextToken` values, `TokenA` and
    ///   `TokenB`. If `TokenB` is used in a subsequent `Query` invocation, then `TokenA`
    ///   is invalidated and cannot be reused.
    /// - To request a previous result set from a query after pagination has begun, you
    ///   must re-invoke the Query API.
    /// - The latest `NextToken` should be used to paginate until `null` is returned, at
    ///   which point a new `NextToken` should be used.
    /// - If the IAM principal of the query initiator and the result reader are not the
    ///   same and/or the query initiator and the result reader do not have the same query
    ///   string in the query requests, the query will fail with an `Invalid pagination
    ///   token` error.
    pub next_token: Option<String>,
    /// The total number of rows to be returned in the `Query` output. The initial run of
    /// `Query` with a `MaxRows` value specified will return the result set of the query
    /// in two cases:
    ///
    /// - The size of the result is less than `1MB`.
    /// - The number of rows in the result set is less than the value of `maxRows`.
    ///
    /// Otherwise, the initial invocation of `Query` only returns a `NextToken`, which can
    /// then be used in subsequent calls to fetch the result set. To resume pagination,
    /// provide the `NextToken` value in the subsequent command.
    ///
    /// If the row size is large (e.g. a row has many columns), Timestream may return
    /// fewer rows to keep the response size from exceeding the 1 MB limit. If `MaxRows`
    /// is not provided, Timestream will send the necessary number of rows to meet the 1
    /// MB limit.
    pub max_rows: Option<i32>,
    /// Encapsulates settings for enabling `QueryInsights`.
    ///
    /// Enabling `QueryInsights` returns insights and metrics in addition to query results
    /// for the query that you executed. You can use `QueryInsights` to tune your query
    /// performance.
    pub query_insights: Option<QueryInsights>,
}

#[aws_json_shape(shape = "timestream-query#QueryResponse")]
#[derive(Debug, Clone, Default)]
pub struct QueryResponse {
    /// A unique ID for the given query.
    pub query_id: String,
    /// A pagination token that can be used again on a `Query` call to get the next set of
    /// results.
    pub next_token: Option<String>,
    /// The result set rows returned by the query.
    pub rows: Vec<Row>,
    /// The column data types of the returned result set.
    pub column_info: Vec<ColumnInfo>,
    /// Information about the status of the query, including progress and bytes scanned.
    pub query_status: Option<QueryStatus>,
    /// Encapsulates `QueryInsights` containing insights and metrics related to the query
    /// that you executed.
    pub query_insights_response: Option<QueryInsightsResponse>,
}

/// You do not have the necessary permissions to access the account settings.
#[aws_json_shape(shape = "timestream-query#AccessDeniedException")]
#[derive(Debug, Clone, Default)]
pub struct AccessDeniedException {
    pub message: Option<String>,
}

/// Unable to poll results for a cancelled query.
#[aws_json_shape(shape = "timestream-query#ConflictException")]
#[derive(Debug, Clone, Default)]
pub struct ConflictException {
    pub message: Option<String>,
}

/// An internal server error occurred while processing the request.
#[aws_json_shape(shape = "timestream-query#InternalServerException")]
#[derive(Debug, Clone, Default)]
pub struct InternalServerException {
    pub message: Option<String>,
}

/// The requested endpoint is invalid.
#[aws_json_shape(shape = "timestream-query#InvalidEndpointException")]
#[derive(Debug, Clone, Default)]
pub struct InvalidEndpointException {
    pub message: Option<String>,
}

/// Timestream was unable to run the query successfully.
#[aws_json_shape(shape = "timestream-query#QueryExecutionException")]
#[derive(Debug, Clone, Default)]
pub struct QueryExecutionException {
    pub message: Option<String>,
}

/// The request was throttled due to excessive requests.
#[aws_json_shape(shape = "timestream-query#ThrottlingException")]
#[derive(Debug, Clone, Default)]
pub struct ThrottlingException {
    pub message: Option<String>,
}

/// Invalid or malformed request.
#[aws_json_shape(shape = "timestream-query#ValidationException")]
#[derive(Debug, Clone, Default)]
pub struct ValidationException {
    pub message: Option<String>,
}

/// Represents a single row in the query results.
#[aws_json_shape(shape = "timestream-query#Row")]
#[derive(Debug, Clone, Default)]
pub struct Row {
    /// List of data points in a single row of the result set.
    pub data: Vec<Datum>,
}

/// `QueryInsights` is a performance tuning feature that helps you optimize your queries,
/// reducing costs and improving performance. With `QueryInsights`, you can assess the
/// pruning efficiency of your queries and identify areas for improvement to enhance query
/// performance. With `QueryInsights`, you can also analyze the effectiveness of your
/// queries in terms of temporal and spatial pruning, and identify opportunities to
/// improve performance. Specifically, you can evaluate how well your queries use
/// time-based and partition key-based indexing strategies to optimize data retrieval. To
/// optimize query performance, it's essential that you fine-tune both the temporal and
/// spatial parameters that govern query execution.
///
/// The key metrics provided by `QueryInsights` are `QuerySpatialCoverage` and
/// `QueryTemporalRange`. `QuerySpatialCoverage` indicates how much of the spatial axis
/// the query scans, with lower values being more efficient. `QueryTemporalRange` shows
/// the time range scanned, with narrower ranges being more performant.
///
/// Benefits of QueryInsights
///
/// The following are the key benefits of using `QueryInsights`:
///
/// - Identifying inefficient queries – `QueryInsights` provides information on the
///   time-based and attribute-based pruning of the tables accessed by the query. This
///   information helps you identify the tables that are sub-optimally accessed.
/// - Optimizing your data model and partitioning – You can use the `QueryInsights`
///   information to access and fine-tune your data model and partitioning strategy.
/// - Tuning queries – `QueryInsights` highlights opportunities to use indexes more
///   effectively.
///
/// The maximum number of `Query` API requests you're allowed to make with `QueryInsights`
/// enabled is 1 query per second (QPS). If you exceed this query rate, it might result in
/// throttling.
#[aws_json_shape(shape = "timestream-query#QueryInsights")]
#[derive(Debug, Clone, Default)]
pub struct QueryInsights {
    /// Provides the following modes to enable `QueryInsights`:
    ///
    /// - `ENABLED_WITH_RATE_CONTROL` – Enables `QueryInsights` for the queries being
    ///   processed. This mode also includes a rate control mechanism, which limits the
    ///   `QueryInsights` feature to 1 query per second (QPS).
    /// - `DISABLED` – Disables `QueryInsights`.
    pub mode: QueryInsightsMode,
}

/// Contains the metadata for query results such as the column names, data types, and
/// other attributes.
#[aws_json_shape(shape = "timestream-query#ColumnInfo")]
#[derive(Debug, Clone, Default)]
pub struct ColumnInfo {
    /// The name of the result set column. The name of the result set is available for
    /// columns of all data types except for arrays.
    pub name: Option<String>,
    /// The data type of the result set column. The data type can be a scalar or complex.
    /// Scalar data types are integers, strings, doubles, Booleans, and others. Complex
    /// data types are types such as arrays, rows, and others.
    pub r#type: Box<Type>,
}

/// Information about the status of the query, including progress and bytes scanned.
#[aws_json_shape(shape = "timestream-query#QueryStatus")]
#[derive(Debug, Clone, Default)]
pub struct QueryStatus {
    /// The progress of the query, expressed as a percentage.
    pub progress_percentage: Option<f64>,
    /// The amount of data scanned by the query in bytes. This is a cumulative sum and
    /// represents the total amount of bytes scanned since the query was started.
    pub cumulative_bytes_scanned: Option<i64>,
    /// The amount of data scanned by the query in bytes that you will be charged for.
    /// This is a cumulative sum and represents the total amount of data that you will be
    /// charged for since the query was started. The charge is applied only once and is
    /// either applied when the query completes running or when the query is cancelled.
    pub cumulative_bytes_metered: Option<i64>,
}

/// Provides various insights and metrics related to the query that you executed.
#[aws_json_shape(shape = "timestream-query#QueryInsightsResponse")]
#[derive(Debug, Clone, Default)]
pub struct QueryInsightsResponse {
    /// Provides insights into the spatial coverage of the query, including the table with
    /// sub-optimal (max) spatial pruning. This information can help you identify areas
    /// for improvement in your partitioning strategy to enhance spatial pruning.
    pub query_spatial_coverage: Option<QuerySpatialCoverage>,
    /// Provides insights into the temporal range of the query, including the table with
    /// the largest (max) time range. Following are some of the potential options for
    /// optimizing time-based pruning:
    ///
    /// - Add missing time-predicates.
    /// - Remove functions around the time predicates.
    /// - Add time predicates to all the sub-queries.
    pub query_temporal_range: Option<QueryTemporalRange>,
    /// Indicates the number of tables in the query.
    pub query_table_count: Option<i64>,
    /// Indicates the total number of rows returned as part of the query result set. You
    /// can use this data to validate if the number of rows in the result set have changed
    /// as part of the query tuning exercise.
    pub output_rows: Option<i64>,
    /// Indicates the size of query result set in bytes. You can use this data to validate
    /// if the result set has changed as part of the query tuning exercise.
    pub output_bytes: Option<i64>,
    /// Indicates the partitions created by the `Unload` operation.
    pub unload_partition_count: Option<i64>,
    /// Indicates the rows written by the `Unload` query.
    pub unload_written_rows: Option<i64>,
    /// Indicates the size, in bytes, written by the `Unload` operation.
    pub unload_written_bytes: Option<i64>,
}

/// Datum represents a single data point in a query result.
#[aws_json_shape(shape = "timestream-query#Datum")]
#[derive(Debug, Clone, Default)]
pub struct Datum {
    /// Indicates if the data point is a scalar value such as integer, string, double, or
    /// Boolean.
    pub scalar_value: Option<String>,
    /// Indicates if the data point is a timeseries data type.
    pub time_series_value: Option<Vec<TimeSeriesDataPoint>>,
    /// Indicates if the data point is an array.
    pub array_value: Option<Vec<Datum>>,
    /// Indicates if the data point is a row.
    pub row_value: Option<Row>,
    /// Indicates if the data point is null.
    pub null_value: Option<bool>,
}

#[aws_json_shape(shape = "timestream-query#QueryInsightsMode")]
#[derive(Debug, Clone, PartialEq)]
pub enum QueryInsightsMode {
    EnabledWithRateControl,
    Disabled,
}

/// Contains the data type of a column in a query result set. The data type can be scalar
/// or complex. The supported scalar data types are integers, Boolean, string, double,
/// timestamp, date, time, and intervals. The supported complex data types are arrays,
/// rows, and timeseries.
#[aws_json_shape(shape = "timestream-query#Type")]
#[derive(Debug, Clone, Default)]
pub struct Type {
    /// Indicates if the column is of type string, integer, Boolean, double, timestamp,
    /// date, time. For more information, see [Supported data
    /// types](https://docs.aws.amazon.com/timestream/latest/developerguide/supported-data-types.html).
    pub scalar_type: Option<ScalarType>,
    /// Indicates if the column is an array.
    pub array_column_info: Option<Box<ColumnInfo>>,
    /// Indicates if the column is a timeseries data type.
    pub time_series_measure_value_column_info: Option<Box<ColumnInfo>>,
    /// Indicates if the column is a row.
    pub row_column_info: Option<Vec<ColumnInfo>>,
}

/// Provides insights into the spatial coverage of the query, including the table with
/// sub-optimal (max) spatial pruning. This information can help you identify areas for
/// improvement in your partitioning strategy to enhance spatial pruning
///
/// For example, you can do the following with the `QuerySpatialCoverage` information:
///
/// - Add measure_name or use [customer-defined partition
///   key](https://docs.aws.amazon.com/timestream/latest/developerguide/customer-defined-partition-keys.html)
///   (CDPK) predicates.
/// - If you've already done the preceding action, remove functions around them or
///   clauses, such as `LIKE`.
#[aws_json_shape(shape = "timestream-query#QuerySpatialCoverage")]
#[derive(Debug, Clone, Default)]
pub struct QuerySpatialCoverage {
    /// Provides insights into the spatial coverage of the executed query and the table
    /// with the most inefficient spatial pruning.
    ///
    /// - `Value` – The maximum ratio of spatial coverage.
    /// - `TableArn` – The Amazon Resource Name (ARN) of the table with sub-optimal
    ///   spatial pruning.
    /// - `PartitionKey` – The partition key used for partitioning, which can be a
    ///   default `measure_name` or a CDPK.
    pub max: Option<QuerySpatialCoverageMax>,
}

/// Provides insights into the temporal range of the query, including the table with the
/// largest (max) time range.
#[aws_json_shape(shape = "timestream-query#QueryTemporalRange")]
#[derive(Debug, Clone, Default)]
pub struct QueryTemporalRange {
    /// Encapsulates the following properties that provide insights into the most
    /// sub-optimal performing table on the temporal axis:
    ///
    /// - `Value` – The maximum duration in nanoseconds between the start and end of the
    ///   query.
    /// - `TableArn` – The Amazon Resource Name (ARN) of the table which is queried with
    ///   the largest time range.
    pub max: Option<QueryTemporalRangeMax>,
}

/// The timeseries data type represents the values of a measure over time. A time series
/// is an array of rows of timestamps and measure values, with rows sorted in ascending
/// order of time. A TimeSeriesDataPoint is a single data point in the time series. It
/// represents a tuple of (time, measure value) in a time series.
#[aws_json_shape(shape = "timestream-query#TimeSeriesDataPoint")]
#[derive(Debug, Clone, Default)]
pub struct TimeSeriesDataPoint {
    /// The timestamp when the measure value was collected.
    pub time: String,
    /// The measure value for the data point.
    pub value: Datum,
}

#[aws_json_shape(shape = "timestream-query#ScalarType")]
#[derive(Debug, Clone, PartialEq)]
pub enum ScalarType {
    Varchar,
    Boolean,
    Bigint,
    Double,
    Timestamp,
    Date,
    Time,
    IntervalDayToSecond,
    IntervalYearToMonth,
    #[aws(rename = "UNKNOWN")]
    UnknownValue,
    Integer,
}

/// Provides insights into the table with the most sub-optimal spatial range scanned by
/// your query.
#[aws_json_shape(shape = "timestream-query#QuerySpatialCoverageMax")]
#[derive(Debug, Clone, Default)]
pub struct QuerySpatialCoverageMax {
    /// The maximum ratio of spatial coverage.
    pub value: Option<f64>,
    /// The Amazon Resource Name (ARN) of the table with the most sub-optimal spatial
    /// pruning.
    pub table_arn: Option<String>,
    /// The partition key used for partitioning, which can be a default `measure_name` or
    /// a [customer defined partition
    /// key](https://docs.aws.amazon.com/timestream/latest/developerguide/customer-defined-partition-keys.html).
    pub partition_key: Option<Vec<String>>,
}

/// Provides insights into the table with the most sub-optimal temporal pruning scanned by
/// your query.
#[aws_json_shape(shape = "timestream-query#QueryTemporalRangeMax")]
#[derive(Debug, Clone, Default)]
pub struct QueryTemporalRangeMax {
    /// The maximum duration in nanoseconds between the start and end of the query.
    pub value: Option<i64>,
    /// The Amazon Resource Name (ARN) of the table which is queried with the largest time
    /// range.
    pub table_arn: Option<String>,
}
