//! What awsjson's default features leave to the rest of the program: Cargo unifies
//! features program-wide, so a default one that narrowed a shared crate would narrow
//! it for every other crate too. This package depends on awsjson with its defaults
//! (plus `test-util` and `gzip`, which change no shared crate).

#[test]
fn unicode_host_names_still_parse_for_the_rest_of_the_program() {
    // The same `url` crate (through reqwest) that the application's own code would use.
    let url = reqwest::Url::parse("https://bücher.example/").unwrap();
    assert_eq!(url.host_str(), Some("xn--bcher-kva.example"));
}
