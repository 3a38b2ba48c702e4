//! API Gateway (restJson1): REST APIs, their resources, methods, integrations,
//! deployments and exports, named by the catalog.

// Members are the service's own; their documentation is the API Gateway reference.
#![allow(missing_docs)]

use std::collections::HashMap;

use awsjson::{Blob, DateTime, aws_json_operation, aws_json_shape};

#[aws_json_operation(
    operation = "apigateway#CreateRestApi",
    output = RestApi,
    errors(BadRequestException, ConflictException),
)]
#[derive(Debug, Clone, Default)]
pub struct CreateRestApi {
    pub name: String,
    pub description: Option<String>,
    pub tags: Option<HashMap<String, String>>,
}

#[aws_json_shape(shape = "apigateway#RestApi")]
#[derive(Debug, Clone)]
pub struct RestApi {
    pub id: Option<String>,
    pub name: Option<String>,
    pub description: Option<String>,
    pub created_date: Option<DateTime>,
    pub root_resource_id: Option<String>,
    pub tags: Option<HashMap<String, String>>,
}

#[aws_json_operation(
    operation = "apigateway#GetRestApis",
    output = RestApis,
    errors(BadRequestException)
)]
#[derive(Debug, Clone)]
pub struct GetRestApis {
    pub limit: Option<i32>,
}

#[aws_json_shape(shape = "apigateway#RestApis")]
#[derive(Debug, Clone)]
pub struct RestApis {
    pub items: Option<Vec<RestApi>>,
}

#[aws_json_operation(
    operation = "apigateway#GetRestApi",
    output = RestApi,
    errors(NotFoundException)
)]
#[derive(Debug, Clone)]
pub struct GetRestApi {
    pub rest_api_id: String,
}

#[aws_json_operation(
    operation = "apigateway#GetResources",
    output = Resources,
    errors(NotFoundException)
)]
#[derive(Debug, Clone)]
pub struct GetResources {
    pub rest_api_id: String,
    /// A query list: `?embed=methods`.
    pub embed: Option<Vec<String>>,
}

#[aws_json_shape(shape = "apigateway#Resources")]
#[derive(Debug, Clone)]
pub struct Resources {
    pub items: Option<Vec<Resource>>,
}

#[aws_json_shape(shape = "apigateway#Resource")]
#[derive(Debug, Clone)]
pub struct Resource {
    pub id: Option<String>,
    pub parent_id: Option<String>,
    pub path_part: Option<String>,
    pub path: Option<String>,
}

#[aws_json_operation(
    operation = "apigateway#CreateResource",
    output = Resource,
    errors(NotFoundException, ConflictException),
)]
#[derive(Debug, Clone)]
pub struct CreateResource {
    pub rest_api_id: String,
    pub parent_id: String,
    pub path_part: String,
}

#[aws_json_operation(
    operation = "apigateway#PutMethod",
    output = Method,
    errors(NotFoundException, ConflictException),
)]
#[derive(Debug, Clone)]
pub struct PutMethod {
    pub rest_api_id: String,
    pub resource_id: String,
    pub http_method: String,
    pub authorization_type: String,
}

#[aws_json_shape(shape = "apigateway#Method")]
#[derive(Debug, Clone)]
pub struct Method {
    pub http_method: Option<String>,
    pub authorization_type: Option<String>,
    pub api_key_required: Option<bool>,
}

#[aws_json_operation(
    operation = "apigateway#PutIntegration",
    output = Integration,
    errors(NotFoundException),
)]
#[derive(Debug, Clone)]
pub struct PutIntegration {
    pub rest_api_id: String,
    pub resource_id: String,
    pub http_method: String,
    pub r#type: String,
}

#[aws_json_shape(shape = "apigateway#Integration")]
#[derive(Debug, Clone)]
pub struct Integration {
    pub r#type: Option<String>,
}

#[aws_json_operation(
    operation = "apigateway#CreateDeployment",
    output = Deployment,
    errors(NotFoundException, BadRequestException),
)]
#[derive(Debug, Clone)]
pub struct CreateDeployment {
    pub rest_api_id: String,
    pub stage_name: Option<String>,
    pub description: Option<String>,
}

#[aws_json_shape(shape = "apigateway#Deployment")]
#[derive(Debug, Clone)]
pub struct Deployment {
    pub id: Option<String>,
    pub description: Option<String>,
    pub created_date: Option<DateTime>,
}

#[aws_json_operation(
    operation = "apigateway#GetExport",
    output = ExportResponse,
    errors(NotFoundException),
)]
#[derive(Debug, Clone)]
pub struct GetExport {
    pub rest_api_id: String,
    pub stage_name: String,
    pub export_type: String,
}

#[aws_json_shape(shape = "apigateway#ExportResponse")]
#[derive(Debug, Clone)]
pub struct ExportResponse {
    pub content_type: Option<String>,
    pub content_disposition: Option<String>,
    pub body: Option<Blob>,
}

#[aws_json_operation(operation = "apigateway#DeleteRestApi", errors(NotFoundException))]
#[derive(Debug, Clone)]
pub struct DeleteRestApi {
    pub rest_api_id: String,
}

#[aws_json_shape(shape = "apigateway#NotFoundException")]
#[derive(Debug, Clone)]
pub struct NotFoundException {
    pub message: Option<String>,
}

#[aws_json_shape(shape = "apigateway#BadRequestException")]
#[derive(Debug, Clone)]
pub struct BadRequestException {
    pub message: Option<String>,
}

#[aws_json_shape(shape = "apigateway#ConflictException")]
#[derive(Debug, Clone)]
pub struct ConflictException {
    pub message: Option<String>,
}
