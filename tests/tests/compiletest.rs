//! Every misuse of the macros gets one precise error at the right span; the expected
//! compiler output is pinned in `ui/*.stderr` (regenerate with `TRYBUILD=overwrite`
//! and review the diff). Parts of that output are rustc's own wording, so the
//! workspace pins its toolchain in `rust-toolchain.toml`.

#[test]
fn ui() {
    // Overwriting under CI would turn every UI case into a pass.
    assert!(
        std::env::var_os("CI").is_none() || std::env::var_os("TRYBUILD").is_none(),
        "TRYBUILD is set under CI: the expected stderr would be rewritten, not checked"
    );
    let t = trybuild::TestCases::new();
    t.compile_fail("tests/ui/*.rs");
}
