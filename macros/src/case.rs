//! Member naming rules: `rename_all` values, serde's spellings.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RenameRule {
    /// The identifier as written.
    None,
    PascalCase,
    CamelCase,
    SnakeCase,
    ScreamingSnakeCase,
    KebabCase,
    LowerCase,
    UpperCase,
}

pub(crate) const RULE_NAMES: &[(&str, RenameRule)] = &[
    ("PascalCase", RenameRule::PascalCase),
    ("camelCase", RenameRule::CamelCase),
    ("snake_case", RenameRule::SnakeCase),
    ("SCREAMING_SNAKE_CASE", RenameRule::ScreamingSnakeCase),
    ("kebab-case", RenameRule::KebabCase),
    ("lowercase", RenameRule::LowerCase),
    ("UPPERCASE", RenameRule::UpperCase),
];

impl RenameRule {
    pub(crate) fn from_str(name: &str) -> Option<Self> {
        RULE_NAMES.iter().find(|(n, _)| *n == name).map(|(_, r)| *r)
    }

    /// Applies the rule to an identifier in either snake_case (fields) or PascalCase
    /// (variants): it is split into words first.
    pub(crate) fn apply(self, ident: &str) -> String {
        let ident = ident.strip_prefix("r#").unwrap_or(ident);
        if self == RenameRule::None {
            return ident.to_owned();
        }
        let words = words(ident);
        match self {
            RenameRule::None => unreachable!(),
            RenameRule::PascalCase => words.iter().map(|w| capitalize(w)).collect(),
            RenameRule::CamelCase => words
                .iter()
                .enumerate()
                .map(|(i, w)| {
                    if i == 0 {
                        w.to_lowercase()
                    } else {
                        capitalize(w)
                    }
                })
                .collect(),
            RenameRule::SnakeCase => join(&words, "_").to_lowercase(),
            RenameRule::ScreamingSnakeCase => join(&words, "_").to_uppercase(),
            RenameRule::KebabCase => join(&words, "-").to_lowercase(),
            RenameRule::LowerCase => words.concat().to_lowercase(),
            RenameRule::UpperCase => words.concat().to_uppercase(),
        }
    }
}

fn join(words: &[String], sep: &str) -> String {
    words.join(sep)
}

fn capitalize(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first
            .to_uppercase()
            .chain(chars.flat_map(char::to_lowercase))
            .collect(),
        None => String::new(),
    }
}

/// `client_token` → [client, token]; `ClientToken` → [Client, Token]; digits stay
/// with the word before them.
fn words(ident: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut current = String::new();
    let mut prev_lower = false;
    for c in ident.chars() {
        if c == '_' {
            if !current.is_empty() {
                words.push(std::mem::take(&mut current));
            }
            prev_lower = false;
            continue;
        }
        if c.is_uppercase() && prev_lower && !current.is_empty() {
            words.push(std::mem::take(&mut current));
        }
        prev_lower = c.is_lowercase() || c.is_ascii_digit();
        current.push(c);
    }
    if !current.is_empty() {
        words.push(current);
    }
    words
}

#[cfg(test)]
mod tests {
    use super::RenameRule::*;

    #[test]
    fn fields_and_variants() {
        assert_eq!(PascalCase.apply("client_token"), "ClientToken");
        assert_eq!(
            PascalCase.apply("resource_snapshot_template_identifier"),
            "ResourceSnapshotTemplateIdentifier"
        );
        assert_eq!(CamelCase.apply("client_token"), "clientToken");
        assert_eq!(PascalCase.apply("r#type"), "Type");
        assert_eq!(PascalCase.apply("ipv6_address"), "Ipv6Address");
        assert_eq!(
            ScreamingSnakeCase.apply("RequestValidationFailed"),
            "REQUEST_VALIDATION_FAILED"
        );
        assert_eq!(KebabCase.apply("SomeValue"), "some-value");
        assert_eq!(None.apply("Opportunity"), "Opportunity");
        assert_eq!(SnakeCase.apply("SomeValue"), "some_value");
        assert_eq!(LowerCase.apply("SomeValue"), "somevalue");
        assert_eq!(UpperCase.apply("some_value"), "SOMEVALUE");
    }
}
