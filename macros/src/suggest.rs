//! "Did you mean" for every message of the macro: one rule, the catalog's
//! [`catalog::suggest`] (shared with the scaffolding CLI), and the list formats.

use crate::catalog;

/// `; did you mean `A` or `B`?`, or nothing when no candidate is close to `name`.
pub(crate) fn did_you_mean<'a>(
    name: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> String {
    let close = catalog::suggest(name, candidates);
    if close.is_empty() {
        return String::new();
    }
    let list: Vec<String> = close.iter().map(|c| format!("`{c}`")).collect();
    format!("; did you mean {}?", list.join(" or "))
}

/// [`did_you_mean`], or the valid names when none is close.
pub(crate) fn alternatives<'a>(
    name: &str,
    candidates: impl Iterator<Item = &'a str> + Clone,
) -> String {
    let close = did_you_mean(name, candidates.clone());
    if !close.is_empty() {
        return close;
    }
    let all: Vec<&str> = candidates.collect();
    match all.len() {
        0 => "; it has none".to_owned(),
        n if n <= 12 => format!("; expected one of {}", backticked(&all)),
        n => format!(
            "; expected one of {}, … ({n} in all)",
            backticked(&all[..12])
        ),
    }
}

/// `` `a`, `b`, `c` ``
pub(crate) fn backticked(items: &[&str]) -> String {
    items
        .iter()
        .map(|k| format!("`{k}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// `"a", "b", "c"`
pub(crate) fn quoted(items: &[&str]) -> String {
    items
        .iter()
        .map(|k| format!("{k:?}"))
        .collect::<Vec<_>>()
        .join(", ")
}
