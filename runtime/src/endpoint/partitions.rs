//! The AWS partitions: which DNS suffixes, FIPS and dual-stack support a region has.

/// One AWS partition, from the SDKs' `partitions.json` (smithy-rs / aws-sdk-js-v3
/// `util-endpoints`, version 1.1, the edition with `aws-eusc` and dual-stack suffixes
/// for the ISO partitions).
#[derive(Debug)]
pub(crate) struct Partition {
    pub(crate) id: &'static str,
    pub(crate) dns_suffix: &'static str,
    pub(crate) dual_stack_dns_suffix: &'static str,
    pub(crate) implicit_global_region: &'static str,
    pub(crate) supports_fips: bool,
    pub(crate) supports_dual_stack: bool,
    /// `regionRegex` as the allowed values of each leading label, then `-\w+-\d+`:
    /// `^us\-gov\-\w+\-\d+$` is `[["us"], ["gov"]]`.
    labels: &'static [&'static [&'static str]],
    /// The regions the data names (they match before any regex does).
    pub(crate) regions: &'static [&'static str],
}

pub(crate) const PARTITIONS: &[Partition] = &[
    Partition {
        id: "aws",
        dns_suffix: "amazonaws.com",
        dual_stack_dns_suffix: "api.aws",
        implicit_global_region: "us-east-1",
        supports_fips: true,
        supports_dual_stack: true,
        labels: &[&["us", "eu", "ap", "sa", "ca", "me", "af", "il", "mx"]],
        regions: &["aws-global"],
    },
    Partition {
        id: "aws-cn",
        dns_suffix: "amazonaws.com.cn",
        dual_stack_dns_suffix: "api.amazonwebservices.com.cn",
        implicit_global_region: "cn-northwest-1",
        supports_fips: true,
        supports_dual_stack: true,
        labels: &[&["cn"]],
        regions: &["aws-cn-global"],
    },
    Partition {
        id: "aws-eusc",
        dns_suffix: "amazonaws.eu",
        dual_stack_dns_suffix: "api.amazonwebservices.eu",
        implicit_global_region: "eusc-de-east-1",
        supports_fips: true,
        supports_dual_stack: true,
        labels: &[&["eusc"], &["de"]],
        regions: &[],
    },
    Partition {
        id: "aws-iso",
        dns_suffix: "c2s.ic.gov",
        dual_stack_dns_suffix: "api.aws.ic.gov",
        implicit_global_region: "us-iso-east-1",
        supports_fips: true,
        supports_dual_stack: true,
        labels: &[&["us"], &["iso"]],
        regions: &["aws-iso-global"],
    },
    Partition {
        id: "aws-iso-b",
        dns_suffix: "sc2s.sgov.gov",
        dual_stack_dns_suffix: "api.aws.scloud",
        implicit_global_region: "us-isob-east-1",
        supports_fips: true,
        supports_dual_stack: true,
        labels: &[&["us"], &["isob"]],
        regions: &["aws-iso-b-global"],
    },
    Partition {
        id: "aws-iso-e",
        dns_suffix: "cloud.adc-e.uk",
        dual_stack_dns_suffix: "api.cloud-aws.adc-e.uk",
        implicit_global_region: "eu-isoe-west-1",
        supports_fips: true,
        supports_dual_stack: true,
        labels: &[&["eu"], &["isoe"]],
        regions: &["aws-iso-e-global"],
    },
    Partition {
        id: "aws-iso-f",
        dns_suffix: "csp.hci.ic.gov",
        dual_stack_dns_suffix: "api.aws.hci.ic.gov",
        implicit_global_region: "us-isof-south-1",
        supports_fips: true,
        supports_dual_stack: true,
        labels: &[&["us"], &["isof"]],
        regions: &["aws-iso-f-global"],
    },
    Partition {
        id: "aws-us-gov",
        dns_suffix: "amazonaws.com",
        dual_stack_dns_suffix: "api.aws",
        implicit_global_region: "us-gov-west-1",
        supports_fips: true,
        supports_dual_stack: true,
        labels: &[&["us"], &["gov"]],
        regions: &["aws-us-gov-global"],
    },
];

impl Partition {
    fn matches(&self, region: &str) -> bool {
        let parts: Vec<&str> = region.split('-').collect();
        if parts.len() != self.labels.len() + 2 {
            return false;
        }
        let (word, digits) = (parts[parts.len() - 2], parts[parts.len() - 1]);
        self.labels
            .iter()
            .zip(&parts)
            .all(|(allowed, part)| allowed.contains(part))
            && !word.is_empty()
            && word.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
            && !digits.is_empty()
            && digits.chars().all(|c| c.is_ascii_digit())
    }
}

/// The partition of a region: a named region first, then the region patterns, else
/// `aws` (as the SDKs' `aws.partition` function does).
pub(crate) fn partition_of(region: &str) -> &'static Partition {
    PARTITIONS
        .iter()
        .find(|p| p.regions.contains(&region))
        .or_else(|| PARTITIONS.iter().find(|p| p.matches(region)))
        .unwrap_or(&PARTITIONS[0])
}
