//! The runtime's modules, and the macro crate's, depend on each other one way: no
//! import cycle.
//!
//! Reads `runtime/src` (and `macros/src`), takes each top-level module (a `mod` of
//! `lib.rs`, with the files under its directory), collects the modules its code names
//! through `crate::` paths (including `crate::{A, B}` groups and the types `lib.rs`
//! re-exports), and fails on a cycle, naming it. Unit tests (`#[cfg(test)] mod tests
//! { ... }`, `#[cfg(test)] mod tests;` and their files, `#[cfg(all(test, ...))]` alike)
//! and comments do not count: a test may reach anywhere, and a doc link is no
//! dependency. `__private` (the re-exports generated code names) is a leaf nobody in
//! the crate imports. In the macro crate, where the passes live in directories
//! (`check/`, `expand/`, `catalog/`), the modules of each directory are checked among
//! themselves too (`super::sibling`, `crate::dir::sibling`).
//!
//! `AWSJSON_MODULE_GRAPH_SRC=<dir>` checks another `src` directory instead of the
//! runtime's, to see the check fail on a tree with a cycle (such as the runtime before
//! issue 19).

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

type Graph = BTreeMap<String, BTreeSet<String>>;

#[test]
fn runtime_modules_have_no_import_cycle() {
    let src = std::env::var_os("AWSJSON_MODULE_GRAPH_SRC").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../runtime/src"),
        PathBuf::from,
    );
    assert_no_cycle("the runtime", &src, &module_graph(&src), 10);
    assert_no_sibling_cycle("the runtime", &src);
}

#[test]
fn macro_modules_have_no_import_cycle() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("../macros/src");
    assert_no_cycle("the macro crate", &src, &module_graph(&src), 10);
    assert_no_sibling_cycle("the macro crate", &src);
}

/// Fails naming the cycle, if the modules of a directory module of `src` name each
/// other round.
fn assert_no_sibling_cycle(what: &str, src: &Path) {
    let mut named = 0;
    let mut directories = Vec::new();
    for module in module_graph(src).into_keys() {
        if !src.join(&module).join("mod.rs").is_file() {
            continue;
        }
        let siblings = sibling_graph(src, &module);
        named += siblings.values().map(BTreeSet::len).sum::<usize>();
        if let Some(cycle) = find_cycle(&siblings) {
            panic!(
                "import cycle in {what}'s `{module}`: {}\n\n{siblings:?}",
                cycle.join(" -> ")
            );
        }
        directories.push(module);
    }
    assert!(
        directories.len() >= 3 && named > 0,
        "read no modules of the directories of {what} in {}: {directories:?}",
        src.display()
    );
}

/// Fails naming the cycle, if `graph` (read from `src`) has one.
fn assert_no_cycle(what: &str, src: &Path, graph: &Graph, more_than: usize) {
    assert!(
        graph.len() > more_than && graph.values().any(|deps| !deps.is_empty()),
        "read no module graph of {what} from {}: {graph:?}",
        src.display()
    );
    if let Some(cycle) = find_cycle(graph) {
        panic!(
            "import cycle in {what}: {}\n\nthe graph:\n{}",
            cycle.join(" -> "),
            graph
                .iter()
                .map(|(m, deps)| format!(
                    "  {m} -> {}",
                    Vec::from_iter(deps.iter().cloned()).join(", ")
                ))
                .collect::<Vec<_>>()
                .join("\n")
        );
    }
}

#[test]
fn the_check_finds_a_cycle_and_skips_tests_and_comments() {
    let dir = std::env::temp_dir().join(format!("awsjson-module-graph-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(dir.join("b")).unwrap();
    let write = |path: &str, text: &str| fs::write(dir.join(path), text).unwrap();
    write("lib.rs", "mod a;\nmod b;\nmod c;\npub use c::Thing;\n");
    write("a.rs", "use crate::b::x;\n// crate::c in a comment\n");
    write("b/mod.rs", "mod inner;\n");
    write("b/inner.rs", "fn f() -> crate::Thing { todo() }\n");
    write(
        "c.rs",
        "pub struct Thing;\n#[cfg(test)]\nmod tests {\n    use crate::a::y;\n}\n",
    );
    let graph = module_graph(&dir);
    assert_eq!(graph["a"], BTreeSet::from(["b".to_owned()]));
    assert_eq!(graph["b"], BTreeSet::from(["c".to_owned()]));
    assert!(graph["c"].is_empty(), "{graph:?}");
    assert_eq!(find_cycle(&graph), None);
    write("c.rs", "use crate::{blob::X, a::y};\npub struct Thing;\n");
    let graph = module_graph(&dir);
    let cycle = find_cycle(&graph).expect("a -> b -> c -> a is a cycle");
    assert_eq!(cycle.first(), cycle.last());
    assert_eq!(cycle.len(), 4, "{cycle:?}");

    // A test-only file (`#[cfg(all(test, ...))] mod tests;`) does not count; siblings
    // of a directory that name each other, by `super::` and by `crate::b::`, do.
    write("c.rs", "pub struct Thing;\n");
    write(
        "b/mod.rs",
        "mod inner;\npub(crate) mod other;\n#[cfg(all(test, feature = \"x\"))]\nmod tests;\n",
    );
    write("b/tests.rs", "use crate::a::y;\n");
    write("b/other.rs", "pub fn z() {}\n");
    let graph = module_graph(&dir);
    assert_eq!(find_cycle(&graph), None, "{graph:?}");
    let siblings = sibling_graph(&dir, "b");
    assert_eq!(siblings.keys().collect::<Vec<_>>(), ["inner", "other"]);
    assert_eq!(find_cycle(&siblings), None);
    write("b/inner.rs", "use super::{other::z, inner};\n");
    write("b/other.rs", "fn w() { crate::b::inner::f() }\n");
    let cycle = find_cycle(&sibling_graph(&dir, "b")).expect("inner -> other -> inner");
    assert_eq!(cycle.len(), 3, "{cycle:?}");
    fs::remove_dir_all(&dir).unwrap();
}

/// Top-level module → the top-level modules its non-test code names.
fn module_graph(src: &Path) -> Graph {
    let lib = fs::read_to_string(src.join("lib.rs"))
        .unwrap_or_else(|e| panic!("{}: {e}", src.join("lib.rs").display()));
    let lib = without_unit_tests(&code_only(&lib));
    let modules = declared_modules(&lib);
    // `pub use module::{A, B as C};` in lib.rs: `crate::A` and `crate::C` are `module`.
    let mut reexports = BTreeMap::new();
    for statement in lib.split(';') {
        let Some(rest) = statement.trim().strip_prefix("pub use ") else {
            continue;
        };
        let Some((module, names)) = rest.split_once("::") else {
            continue;
        };
        if modules.contains(module) {
            let names = names.trim();
            let items = match names.strip_prefix('{') {
                Some(group) => top_level_items(&group[..matching_brace(group)]),
                None => vec![names],
            };
            for item in items {
                let exported = item.rsplit([' ', ':']).next().unwrap_or(item);
                reexports.insert(exported.trim().to_owned(), module.to_owned());
            }
        }
    }
    let resolve = |name: &str| -> Option<String> {
        if modules.contains(name) {
            Some(name.to_owned())
        } else {
            reexports.get(name).cloned()
        }
    };
    let mut graph = Graph::new();
    for module in &modules {
        let mut deps = BTreeSet::new();
        for file in module_files(src, module) {
            let text = fs::read_to_string(&file).unwrap();
            let code = without_unit_tests(&code_only(&text));
            let mut rest = code.as_str();
            while let Some(at) = rest.find("crate::") {
                // `crate::` inside a longer path (`awsjson_crate::`) is not ours.
                let before = rest[..at].chars().next_back();
                rest = &rest[at + "crate::".len()..];
                if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                    continue;
                }
                let named: Vec<&str> = match rest.strip_prefix('{') {
                    Some(group) => top_level_items(&group[..matching_brace(group)])
                        .into_iter()
                        .filter_map(first_identifier)
                        .collect(),
                    None => first_identifier(rest).into_iter().collect(),
                };
                deps.extend(named.into_iter().filter_map(resolve));
            }
        }
        deps.remove(module);
        graph.insert(module.clone(), deps);
    }
    graph
}

/// The modules `code` declares (`mod name;`, `pub(crate) mod name;`, ...), from code
/// without its unit tests.
fn declared_modules(code: &str) -> BTreeSet<String> {
    code.lines()
        .filter_map(|line| {
            let line = line.trim();
            let rest = match line.strip_prefix("pub") {
                Some(rest) => match rest.strip_prefix('(') {
                    Some(restricted) => &restricted[restricted.find(')')? + 1..],
                    None => rest,
                },
                None => line,
            };
            let rest = rest.trim_start().strip_prefix("mod ")?;
            Some(rest.strip_suffix(';')?.trim().to_owned())
        })
        .collect()
}

/// `name.rs` and every file under `name/`, but for the files of test-only modules
/// (`#[cfg(test)] mod tests;`).
fn module_files(src: &Path, module: &str) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let file = src.join(format!("{module}.rs"));
    if file.is_file() {
        files.push(file);
    }
    let mut dirs = vec![src.join(module)];
    while let Some(dir) = dirs.pop() {
        let Ok(entries) = fs::read_dir(&dir) else {
            continue;
        };
        let declared = fs::read_to_string(dir.join("mod.rs"))
            .map(|text| declared_modules(&without_unit_tests(&code_only(&text))))
            .unwrap_or_default();
        for entry in entries {
            let path = entry.unwrap().path();
            let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned());
            let kept = |stem: &String| stem == "mod" || declared.contains(stem);
            if path.is_dir() {
                if stem.is_some_and(|s| declared.contains(&s)) {
                    dirs.push(path);
                }
            } else if path.extension().is_some_and(|e| e == "rs") && stem.is_some_and(|s| kept(&s))
            {
                files.push(path);
            }
        }
    }
    files
}

/// The modules of directory module `dir` (`src/dir/mod.rs`), each with the siblings
/// its code names: `super::x` in its own file, `crate::dir::x` anywhere in it.
fn sibling_graph(src: &Path, dir: &str) -> Graph {
    let root = src.join(dir);
    let parent = fs::read_to_string(root.join("mod.rs")).unwrap();
    let siblings = declared_modules(&without_unit_tests(&code_only(&parent)));
    let mut graph = Graph::new();
    for module in &siblings {
        let own = [
            root.join(format!("{module}.rs")),
            root.join(module).join("mod.rs"),
        ];
        let mut deps = BTreeSet::new();
        for file in module_files(&root, module) {
            let text = fs::read_to_string(&file).unwrap();
            let code = without_unit_tests(&code_only(&text));
            let mut prefixes = vec![format!("crate::{dir}::")];
            if own.contains(&file) {
                prefixes.push("super::".to_owned());
            }
            for prefix in &prefixes {
                deps.extend(
                    named_after(&code, prefix)
                        .into_iter()
                        .filter(|name| siblings.contains(*name))
                        .map(str::to_owned),
                );
            }
        }
        deps.remove(module);
        graph.insert(module.clone(), deps);
    }
    graph
}

/// The first names of the paths that follow `prefix` in `code`, groups opened.
fn named_after<'a>(code: &'a str, prefix: &str) -> Vec<&'a str> {
    let mut named = Vec::new();
    let mut rest = code;
    while let Some(at) = rest.find(prefix) {
        let before = rest[..at].chars().next_back();
        rest = &rest[at + prefix.len()..];
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        match rest.strip_prefix('{') {
            Some(group) => named.extend(
                top_level_items(&group[..matching_brace(group)])
                    .into_iter()
                    .filter_map(first_identifier),
            ),
            None => named.extend(first_identifier(rest)),
        }
    }
    named
}

/// The text without `//` comments (doc comments included) and string literals'
/// contents are kept: a `"crate::"` in a string is rare enough to read as code.
fn code_only(text: &str) -> String {
    text.lines()
        .map(|line| match line.find("//") {
            Some(at) if !line[..at].contains('"') => &line[..at],
            _ => line,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The text without test-only items: `#[cfg(test)] mod name { ... }` blocks, and
/// any other item under `#[cfg(test)]` or `#[cfg(all(test, ...))]` up to its end.
fn without_unit_tests(code: &str) -> String {
    let mut out = String::new();
    let mut rest = code;
    while let Some((at, len)) = test_only_attribute(rest) {
        out.push_str(&rest[..at]);
        let after = rest[at + len..].trim_start();
        let item = after
            .strip_prefix("pub(crate) ")
            .or_else(|| after.strip_prefix("pub "))
            .unwrap_or(after);
        match item.strip_prefix("mod ") {
            Some(module) if module.contains('{') && module.find('{') < module.find(';') => {
                let open = module.find('{').unwrap();
                let body = &module[open + 1..];
                rest = &body[(matching_brace(body) + 1).min(body.len())..];
            }
            // A test-only item other than a module body (`mod tests;`, a `use`): keep
            // it out of the graph too, up to its end.
            _ => {
                let end = after.find([';', '\n']).map_or(after.len(), |i| i + 1);
                rest = &after[end..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Where the next test-only `#[cfg(...)]` is in `code`, and its length.
fn test_only_attribute(code: &str) -> Option<(usize, usize)> {
    let mut from = 0;
    while let Some(found) = code[from..].find("#[cfg(") {
        let at = from + found;
        let predicate_start = at + "#[cfg(".len();
        let close = code[predicate_start..].find(")]")?;
        let predicate: String = code[predicate_start..predicate_start + close]
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        let test_only = predicate == "test"
            || predicate
                .strip_prefix("all(")
                .is_some_and(|items| items.split([',', ')']).any(|item| item == "test"));
        if test_only {
            return Some((at, "#[cfg(".len() + close + ")]".len()));
        }
        from = predicate_start;
    }
    None
}

/// The index of the `}` closing a block whose `{` came just before `text`.
fn matching_brace(text: &str) -> usize {
    let mut depth = 0usize;
    for (i, c) in text.char_indices() {
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => return i,
            '}' => depth -= 1,
            _ => {}
        }
    }
    text.len()
}

/// The items of a `{ ... }` group, split at its own commas (not a nested group's).
fn top_level_items(group: &str) -> Vec<&str> {
    let mut items = Vec::new();
    let (mut depth, mut start) = (0usize, 0);
    for (i, c) in group.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth = depth.saturating_sub(1),
            ',' if depth == 0 => {
                items.push(group[start..i].trim());
                start = i + 1;
            }
            _ => {}
        }
    }
    items.push(group[start..].trim());
    items.retain(|item| !item.is_empty());
    items
}

/// The identifier `text` starts with, after white space.
fn first_identifier(text: &str) -> Option<&str> {
    let text = text.trim_start();
    let end = text
        .find(|c: char| !(c.is_alphanumeric() || c == '_'))
        .unwrap_or(text.len());
    (end > 0).then(|| &text[..end])
}

/// A cycle as `[a, b, …, a]`, if the graph has one.
fn find_cycle(graph: &Graph) -> Option<Vec<String>> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        Open,
        Done,
    }
    fn visit<'a>(
        node: &'a str,
        graph: &'a Graph,
        marks: &mut BTreeMap<&'a str, Mark>,
        path: &mut Vec<&'a str>,
    ) -> Option<Vec<String>> {
        match marks.get(node) {
            Some(Mark::Done) => return None,
            Some(Mark::Open) => {
                let start = path.iter().position(|n| *n == node).unwrap_or(0);
                let mut cycle: Vec<String> =
                    path[start..].iter().map(|n| (*n).to_owned()).collect();
                cycle.push(node.to_owned());
                return Some(cycle);
            }
            None => {}
        }
        marks.insert(node, Mark::Open);
        path.push(node);
        for dep in graph.get(node).into_iter().flatten() {
            if let Some(cycle) = visit(dep, graph, marks, path) {
                return Some(cycle);
            }
        }
        path.pop();
        marks.insert(node, Mark::Done);
        None
    }
    let mut marks = BTreeMap::new();
    graph
        .keys()
        .find_map(|node| visit(node, graph, &mut marks, &mut Vec::new()))
}
