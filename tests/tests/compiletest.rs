//! Every misuse of the macros gets one precise error at the right span; the expected
//! compiler output is pinned in `ui/*.stderr` (regenerate with `TRYBUILD=overwrite`
//! and review the diff). The stderr files are pinned to the workspace's toolchain.

#[test]
fn ui() {
    let t = trybuild::TestCases::new();
    t.compile_fail("tests/ui/*.rs");
}
