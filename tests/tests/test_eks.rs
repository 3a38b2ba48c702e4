//! EKS (restJson1) against moto: clusters created, listed with the `include` query
//! list, described, their tags read by ARN (a label with `:` and `/`), deleted; and
//! ResourceNotFoundException, which moto names only in `X-Amzn-ErrorType` (its body
//! has no `__type` or `code`).

use std::collections::HashMap;

use awsjson::{DateTime, aws_json_operation, aws_json_shape};
use awsjson_tests::moto;

#[aws_json_shape(shape = "eks#VpcConfigRequest")]
#[derive(Debug, Default)]
struct VpcConfigRequest {
    subnet_ids: Option<Vec<String>>,
    endpoint_public_access: Option<bool>,
}

#[aws_json_operation(
    operation = "eks#CreateCluster",
    output = ClusterResponse,
    errors(ResourceInUseException, InvalidParameterException),
)]
struct CreateCluster {
    name: String,
    role_arn: String,
    resources_vpc_config: VpcConfigRequest,
    version: Option<String>,
    tags: Option<HashMap<String, String>>,
}

#[aws_json_shape(shape = "eks#CreateClusterResponse")]
#[derive(Debug)]
struct ClusterResponse {
    cluster: Option<Cluster>,
}

#[aws_json_shape(shape = "eks#Cluster")]
#[derive(Debug)]
struct Cluster {
    name: Option<String>,
    arn: Option<String>,
    created_at: Option<DateTime>,
    version: Option<String>,
    endpoint: Option<String>,
    role_arn: Option<String>,
    status: Option<String>,
    tags: Option<HashMap<String, String>>,
}

#[aws_json_operation(
    operation = "eks#ListClusters",
    output = ListClustersResponse,
    errors(InvalidParameterException),
)]
#[derive(Default)]
struct ListClusters {
    max_results: Option<i32>,
    next_token: Option<String>,
    /// A query list: `?include=all`.
    include: Option<Vec<String>>,
}

#[aws_json_shape(shape = "eks#ListClustersResponse")]
#[derive(Debug)]
struct ListClustersResponse {
    clusters: Option<Vec<String>>,
    next_token: Option<String>,
}

#[aws_json_operation(
    operation = "eks#DescribeCluster",
    output = DescribeClusterResponse,
    errors(ResourceNotFoundException),
)]
struct DescribeCluster {
    name: String,
}

#[aws_json_shape(shape = "eks#DescribeClusterResponse")]
#[derive(Debug)]
struct DescribeClusterResponse {
    cluster: Option<Cluster>,
}

#[aws_json_operation(
    operation = "eks#DeleteCluster",
    output = DeleteClusterResponse,
    errors(ResourceNotFoundException, ResourceInUseException),
)]
struct DeleteCluster {
    name: String,
}

#[aws_json_shape(shape = "eks#DeleteClusterResponse")]
#[derive(Debug)]
struct DeleteClusterResponse {
    cluster: Option<Cluster>,
}

#[aws_json_operation(
    operation = "eks#ListTagsForResource",
    output = ListTagsForResourceResponse,
    errors(NotFoundException, BadRequestException),
)]
struct ListTagsForResource {
    resource_arn: String,
}

#[aws_json_shape(shape = "eks#ListTagsForResourceResponse")]
#[derive(Debug)]
struct ListTagsForResourceResponse {
    tags: Option<HashMap<String, String>>,
}

#[aws_json_shape(shape = "eks#ResourceNotFoundException")]
#[derive(Debug)]
struct ResourceNotFoundException {
    cluster_name: Option<String>,
    message: Option<String>,
}

#[aws_json_shape(shape = "eks#ResourceInUseException")]
#[derive(Debug)]
struct ResourceInUseException {
    cluster_name: Option<String>,
    message: Option<String>,
}

#[aws_json_shape(shape = "eks#InvalidParameterException")]
#[derive(Debug)]
struct InvalidParameterException {
    message: Option<String>,
}

#[aws_json_shape(shape = "eks#NotFoundException")]
#[derive(Debug)]
struct NotFoundException {
    message: Option<String>,
}

#[aws_json_shape(shape = "eks#BadRequestException")]
#[derive(Debug)]
struct BadRequestException {
    message: Option<String>,
}

#[tokio::test]
async fn clusters_created_listed_described_and_deleted() {
    // A region of its own: the listing sees only this test's clusters.
    let client = moto::client_in("ap-southeast-2");
    let role = "arn:aws:iam::123456789012:role/eks";
    let mut names = Vec::new();
    for _ in 0..2 {
        let name = moto::unique("cluster");
        let cluster = CreateCluster {
            name: name.clone(),
            role_arn: role.into(),
            resources_vpc_config: VpcConfigRequest {
                subnet_ids: Some(vec!["subnet-0123".into(), "subnet-4567".into()]),
                endpoint_public_access: Some(true),
            },
            version: Some("1.30".into()),
            tags: Some(HashMap::from([("env".into(), "test".into())])),
        }
        .send(&client)
        .await
        .unwrap()
        .cluster
        .unwrap();
        assert_eq!(cluster.name.as_deref(), Some(name.as_str()));
        assert_eq!(cluster.version.as_deref(), Some("1.30"));
        assert_eq!(cluster.role_arn.as_deref(), Some(role));
        let created = cluster.created_at.unwrap();
        assert!((DateTime::now().secs() - created.secs()).abs() < 600);
        names.push(name);
    }

    let again = CreateCluster {
        name: names[0].clone(),
        role_arn: role.into(),
        resources_vpc_config: VpcConfigRequest::default(),
        version: None,
        tags: None,
    }
    .send(&client)
    .await
    .unwrap_err();
    assert!(
        matches!(
            again.service_error().map(|e| e.err()),
            Some(CreateClusterError::ResourceInUseException(_))
        ),
        "{again:?}"
    );

    let mut listed = ListClusters {
        include: Some(vec!["all".into()]),
        ..ListClusters::default()
    }
    .send(&client)
    .await
    .unwrap()
    .clusters
    .unwrap();
    listed.sort();
    names.sort();
    assert_eq!(listed, names);
    // One per page: moto follows its own token.
    let first = ListClusters {
        max_results: Some(1),
        ..ListClusters::default()
    }
    .send(&client)
    .await
    .unwrap();
    assert_eq!(first.clusters.unwrap().len(), 1);
    let second = ListClusters {
        max_results: Some(1),
        next_token: Some(first.next_token.unwrap()),
        ..ListClusters::default()
    }
    .send(&client)
    .await
    .unwrap();
    assert_eq!(second.clusters.unwrap().len(), 1);

    let described = DescribeCluster {
        name: names[0].clone(),
    }
    .send(&client)
    .await
    .unwrap()
    .cluster
    .unwrap();
    let arn = described.arn.unwrap();
    assert_eq!(
        arn,
        format!(
            "arn:aws:eks:ap-southeast-2:123456789012:cluster/{}",
            names[0]
        )
    );
    assert_eq!(described.status.as_deref(), Some("ACTIVE"));
    assert!(described.endpoint.unwrap().starts_with("https://"));

    // The ARN is one label: its `:` and `/` are escaped, not path separators.
    let tags = ListTagsForResource {
        resource_arn: arn.clone(),
    }
    .send(&client)
    .await
    .unwrap()
    .tags
    .unwrap();
    assert_eq!(tags, HashMap::from([("env".into(), "test".into())]));

    for name in &names {
        let deleted = DeleteCluster { name: name.clone() }
            .send(&client)
            .await
            .unwrap()
            .cluster
            .unwrap();
        assert_eq!(deleted.name.as_ref(), Some(name));
    }
    assert_eq!(
        ListClusters::default()
            .send(&client)
            .await
            .unwrap()
            .clusters
            .unwrap_or_default(),
        Vec::<String>::new()
    );
}

#[tokio::test]
async fn not_found_is_named_by_the_error_type_header_alone() {
    let client = moto::client();
    let name = moto::unique("no-cluster");
    let err = DescribeCluster { name: name.clone() }
        .send(&client)
        .await
        .unwrap_err();
    let service = err.service_error().unwrap();
    // moto's body: {"clusterName": null, ..., "message": "..."}, no code in it.
    let DescribeClusterError::ResourceNotFoundException(e) = service.err() else {
        panic!("expected ResourceNotFoundException, got {err:?}")
    };
    assert_eq!(service.code(), "ResourceNotFoundException");
    assert_eq!(service.status(), 404);
    let expected = format!("No cluster found for name: {name}.");
    assert_eq!(e.message.as_deref(), Some(expected.as_str()));
    assert_eq!(e.cluster_name, None);
}
