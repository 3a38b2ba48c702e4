//! The host prefix of the model's `endpoint` trait, filled from host-label members.

/// A `hostLabel` member whose value cannot go into a host name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HostLabelError {
    /// The member's wire name.
    pub member: &'static str,
    /// The offending value.
    pub value: String,
}

/// Fills a host prefix template such as `foo.{label}.` with validated labels.
pub fn host_prefix(
    template: &str,
    labels: &[(&'static str, &str)],
) -> Result<String, HostLabelError> {
    let mut out = template.to_owned();
    for (member, value) in labels {
        // A label becomes part of a DNS name: RFC 1123 letters, digits and hyphens.
        let valid = !value.is_empty()
            && value.len() <= 63
            && value
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-')
            && !value.starts_with('-')
            && !value.ends_with('-');
        if !valid {
            return Err(HostLabelError {
                member,
                value: (*value).to_owned(),
            });
        }
        out = out.replace(&format!("{{{member}}}"), value);
    }
    Ok(out)
}
