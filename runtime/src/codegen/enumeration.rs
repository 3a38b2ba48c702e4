//! A string enum's wire value to its variant: the lookup every enum's `From<&str>`
//! shares.
//!
//! Each enum's `From<&str>` asks [`variant_index`] for the value's place in its
//! `values()` table and `match`es the index: an integer switch per enum, where a
//! `match` on the strings themselves is a string comparison per variant in each enum's
//! code (compile cost, issue 20).

/// The index of `value` in `values`, the first if it is there more than once; `None`
/// for a value the enum does not list.
pub fn variant_index(value: &str, values: &[&str]) -> Option<usize> {
    values.iter().position(|known| *known == value)
}

#[cfg(test)]
mod tests {
    use super::variant_index;

    #[test]
    fn finds_the_first_exact_match_only() {
        let values = ["A", "AB", "b", "AB"];
        assert_eq!(variant_index("A", &values), Some(0));
        assert_eq!(variant_index("AB", &values), Some(1));
        assert_eq!(variant_index("b", &values), Some(2));
        assert_eq!(variant_index("B", &values), None);
        assert_eq!(variant_index("", &values), None);
        assert_eq!(variant_index("A ", &values), None);
        assert_eq!(variant_index("A", &[]), None);
    }
}
