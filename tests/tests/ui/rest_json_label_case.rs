// A label field whose wire name is the URI's label spelt otherwise (models write labels
// in camelCase, fields' wire names default to PascalCase), or the one field left for
// the one label left: one error, at the field, naming the `rename` that fixes it, and
// none for the label. (More fields than labels left: rest_json_binding_misuse.rs.)
use awsjson::aws_json_operation;

#[aws_json_operation(
    http = "GET /clusters/{name}/nodegroups/{nodegroup_name}",
    signing_name = "eks",
    endpoint_prefix = "eks"
)]
struct DescribeNodegroup {
    #[aws(label)]
    name: String,
    #[aws(label)]
    nodegroup_name: String,
}

#[aws_json_operation(
    http = "GET /clusters/{clusterName}/addons/{addon}",
    signing_name = "eks",
    endpoint_prefix = "eks"
)]
struct DescribeAddon {
    #[aws(label)]
    cluster_name: String,
    #[aws(label)]
    version: String,
}

fn main() {}
