//! The house's structure, checked: no module of the crate imports, directly or through
//! others, a module that imports it back, and the import habits of `docs/style.md` hold.
//!
//! Every `.rs` file under `src/` is parsed (syn) into its module path (`a/b.rs` is
//! `crate::a::b`, `a/mod.rs` is `crate::a`). Each path a module names — in a `use`, or
//! written out in code — points at the deepest module it reaches: `use
//! crate::intake::model::Tasks` is an edge to `crate::intake::model`; a module imported
//! under a name (`use crate::regimes::qd366::messages as qd366`) is followed through that
//! name. A `mod` declaration is not an edge; a `pub use` is. Test code (`#[cfg(test)]`)
//! is left out: a test may build its fixtures with any part of the crate. The strongly
//! connected components of that graph are its cycles; there must be none, neither
//! between files nor between the top-level modules (folders) they are in.
//!
//! The habits: `use` only at the top of a module (not inside a function), and no path
//! written out from the crate's root in code (`crate::a::b::f(…)`): import it.

#![cfg(test)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use syn::visit::Visit;

/// A module of the crate and what it names.
#[derive(Debug, Default)]
struct Module {
    /// The file it is in.
    file: PathBuf,
    /// Paths it names, each as its segments from the crate root, with where.
    paths: Vec<(Vec<String>, String)>,
}

/// What the visitor finds in one file.
struct FileVisitor<'a> {
    /// The module path of the item being visited (inline modules push onto it).
    current: Vec<String>,
    /// Every module found, by path.
    modules: &'a mut BTreeMap<Vec<String>, Module>,
    /// Names under which a module or item was imported in the current module.
    aliases: BTreeMap<Vec<String>, BTreeMap<String, Vec<String>>>,
    /// Depth of function bodies (a `use` in one breaks the habit).
    in_body: usize,
    /// Habit violations found.
    violations: &'a mut Vec<String>,
    file: PathBuf,
}

fn is_cfg_test(attrs: &[syn::Attribute]) -> bool {
    attrs.iter().any(|attr| {
        attr.path().is_ident("cfg")
            && attr
                .parse_args::<syn::Meta>()
                .is_ok_and(|meta| meta.path().is_ident("test"))
    })
}

/// The segments from the crate root of a path starting at `crate`, `self` or `super`
/// in module `current`; `None` for a path into another crate.
fn absolute(current: &[String], segments: &[String]) -> Option<Vec<String>> {
    let first = segments.first()?;
    match first.as_str() {
        "crate" => Some(segments.to_vec()),
        "self" => Some(current.iter().chain(&segments[1..]).cloned().collect()),
        "super" => {
            let mut base = current.to_vec();
            let mut rest = segments;
            while rest.first().is_some_and(|s| s == "super") {
                base.pop();
                rest = &rest[1..];
            }
            Some(base.into_iter().chain(rest.iter().cloned()).collect())
        }
        _ => None,
    }
}

/// Every path of a use tree, each with the name it is imported under (`None` for `*`).
fn use_paths(
    tree: &syn::UseTree,
    prefix: &mut Vec<String>,
    out: &mut Vec<(Vec<String>, Option<String>)>,
) {
    match tree {
        syn::UseTree::Path(path) => {
            prefix.push(path.ident.to_string());
            use_paths(&path.tree, prefix, out);
            prefix.pop();
        }
        syn::UseTree::Name(name) => {
            let ident = name.ident.to_string();
            if ident == "self" {
                out.push((prefix.clone(), prefix.last().cloned()));
            } else {
                let mut full = prefix.clone();
                full.push(ident.clone());
                out.push((full, Some(ident)));
            }
        }
        syn::UseTree::Rename(rename) => {
            let mut full = prefix.clone();
            full.push(rename.ident.to_string());
            out.push((full, Some(rename.rename.to_string())));
        }
        syn::UseTree::Glob(_) => out.push((prefix.clone(), None)),
        syn::UseTree::Group(group) => {
            for item in &group.items {
                use_paths(item, prefix, out);
            }
        }
    }
}

impl FileVisitor<'_> {
    fn module(&mut self) -> &mut Module {
        let file = self.file.clone();
        self.modules
            .entry(self.current.clone())
            .or_insert_with(|| Module {
                file,
                paths: Vec::new(),
            })
    }

    fn note(&mut self, path: Vec<String>, what: String) {
        self.module().paths.push((path, what));
    }
}

impl<'ast> Visit<'ast> for FileVisitor<'_> {
    fn visit_item_mod(&mut self, item: &'ast syn::ItemMod) {
        if is_cfg_test(&item.attrs) {
            return;
        }
        if item.content.is_some() {
            self.current.push(item.ident.to_string());
            self.module();
            syn::visit::visit_item_mod(self, item);
            self.current.pop();
        }
    }

    fn visit_item_fn(&mut self, item: &'ast syn::ItemFn) {
        if is_cfg_test(&item.attrs) {
            return;
        }
        self.in_body += 1;
        syn::visit::visit_item_fn(self, item);
        self.in_body -= 1;
    }

    fn visit_impl_item_fn(&mut self, item: &'ast syn::ImplItemFn) {
        if is_cfg_test(&item.attrs) {
            return;
        }
        self.in_body += 1;
        syn::visit::visit_impl_item_fn(self, item);
        self.in_body -= 1;
    }

    fn visit_item_impl(&mut self, item: &'ast syn::ItemImpl) {
        if !is_cfg_test(&item.attrs) {
            syn::visit::visit_item_impl(self, item);
        }
    }

    fn visit_item_use(&mut self, item: &'ast syn::ItemUse) {
        if is_cfg_test(&item.attrs) {
            return;
        }
        if self.in_body > 0 {
            self.violations.push(format!(
                "{}: `use` inside a function (imports go at the top of the module)",
                self.file.display()
            ));
        }
        let mut paths = Vec::new();
        use_paths(&item.tree, &mut Vec::new(), &mut paths);
        for (segments, name) in paths {
            let resolved = match absolute(&self.current, &segments) {
                Some(path) => Some(path),
                // A path through a name imported earlier (`use foo::bar` after `use
                // crate::x as foo`).
                None => segments.first().and_then(|first| {
                    self.aliases
                        .get(&self.current)
                        .and_then(|names| names.get(first))
                        .map(|base| base.iter().chain(&segments[1..]).cloned().collect())
                }),
            };
            let Some(path) = resolved else { continue };
            if let Some(name) = name {
                self.aliases
                    .entry(self.current.clone())
                    .or_default()
                    .insert(name, path.clone());
            }
            self.note(path, format!("use {}", segments.join("::")));
        }
    }

    fn visit_path(&mut self, path: &'ast syn::Path) {
        let segments: Vec<String> = path.segments.iter().map(|s| s.ident.to_string()).collect();
        if segments.first().is_some_and(|s| s == "crate") && segments.len() > 2 {
            self.violations.push(format!(
                "{}: `{}` written out in code (import it at the top)",
                self.file.display(),
                segments.join("::")
            ));
        }
        let resolved = absolute(&self.current, &segments).or_else(|| {
            let first = segments.first()?;
            let base = self.aliases.get(&self.current)?.get(first)?;
            Some(base.iter().chain(&segments[1..]).cloned().collect())
        });
        if let Some(full) = resolved {
            if segments.len() > 1 {
                self.note(full, format!("path {}", segments.join("::")));
            }
        }
        syn::visit::visit_path(self, path);
    }

    fn visit_attribute(&mut self, _: &'ast syn::Attribute) {}
}

/// The module path of a source file.
fn module_of(src: &Path, file: &Path) -> Vec<String> {
    let relative = file.strip_prefix(src).unwrap_or(file);
    let mut segments = vec!["crate".to_owned()];
    let parts: Vec<String> = relative
        .with_extension("")
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    for (i, part) in parts.iter().enumerate() {
        let last = i + 1 == parts.len();
        if last && (part == "mod" || part == "lib") {
            continue;
        }
        segments.push(part.clone());
    }
    segments
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.map(|e| e.path()).unwrap_or_default())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// A file module that a `#[cfg(test)] mod x;` declares (its own file, all test code).
fn test_only_files(src: &Path, files: &[PathBuf]) -> BTreeSet<PathBuf> {
    let mut out = BTreeSet::new();
    for file in files {
        let text = std::fs::read_to_string(file).unwrap_or_default();
        let Ok(parsed) = syn::parse_file(&text) else {
            continue;
        };
        let dir = if file
            .file_name()
            .is_some_and(|n| n == "mod.rs" || n == "lib.rs")
        {
            file.parent().unwrap_or(src).to_path_buf()
        } else {
            file.with_extension("")
        };
        for item in parsed.items {
            if let syn::Item::Mod(m) = item {
                if m.content.is_none() && is_cfg_test(&m.attrs) {
                    out.insert(dir.join(format!("{}.rs", m.ident)));
                    out.insert(dir.join(m.ident.to_string()).join("mod.rs"));
                }
            }
        }
    }
    out
}

struct Graph {
    modules: BTreeMap<Vec<String>, Module>,
    violations: Vec<String>,
}

fn read_graph(src: &Path) -> Graph {
    let mut files = Vec::new();
    rust_files(src, &mut files);
    let tests = test_only_files(src, &files);
    let mut modules = BTreeMap::new();
    let mut violations = Vec::new();
    for file in files.iter().filter(|f| !tests.contains(*f)) {
        let text =
            std::fs::read_to_string(file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let parsed = syn::parse_file(&text).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let mut visitor = FileVisitor {
            current: module_of(src, file),
            modules: &mut modules,
            aliases: BTreeMap::new(),
            in_body: 0,
            violations: &mut violations,
            file: file.strip_prefix(src).unwrap_or(file).to_path_buf(),
        };
        visitor.module();
        visitor.visit_file(&parsed);
    }
    Graph {
        modules,
        violations,
    }
}

/// The edges: each module to the deepest module each of its paths reaches.
fn edges(graph: &Graph) -> BTreeMap<Vec<String>, BTreeMap<Vec<String>, String>> {
    let mut out: BTreeMap<Vec<String>, BTreeMap<Vec<String>, String>> = BTreeMap::new();
    for (from, module) in &graph.modules {
        let targets = out.entry(from.clone()).or_default();
        for (path, what) in &module.paths {
            let target = (1..=path.len())
                .rev()
                .map(|n| path[..n].to_vec())
                .find(|prefix| graph.modules.contains_key(prefix));
            if let Some(target) = target.filter(|t| t != from) {
                targets.entry(target).or_insert_with(|| what.clone());
            }
        }
    }
    out
}

/// Strongly connected components of more than one module (Tarjan's algorithm).
fn cycles(edges: &BTreeMap<Vec<String>, BTreeMap<Vec<String>, String>>) -> Vec<Vec<Vec<String>>> {
    struct State<'a> {
        edges: &'a BTreeMap<Vec<String>, BTreeMap<Vec<String>, String>>,
        index: BTreeMap<&'a Vec<String>, usize>,
        low: BTreeMap<&'a Vec<String>, usize>,
        stack: Vec<&'a Vec<String>>,
        on_stack: BTreeSet<&'a Vec<String>>,
        next: usize,
        out: Vec<Vec<Vec<String>>>,
    }
    fn connect<'a>(state: &mut State<'a>, node: &'a Vec<String>) {
        state.index.insert(node, state.next);
        state.low.insert(node, state.next);
        state.next += 1;
        state.stack.push(node);
        state.on_stack.insert(node);
        if let Some(targets) = state.edges.get(node) {
            for target in targets.keys() {
                let Some((target, _)) = state.edges.get_key_value(target) else {
                    continue;
                };
                if !state.index.contains_key(target) {
                    connect(state, target);
                    let low = state.low[node].min(state.low[target]);
                    state.low.insert(node, low);
                } else if state.on_stack.contains(target) {
                    let low = state.low[node].min(state.index[target]);
                    state.low.insert(node, low);
                }
            }
        }
        if state.low[node] == state.index[node] {
            let mut component = Vec::new();
            while let Some(member) = state.stack.pop() {
                state.on_stack.remove(member);
                component.push(member.clone());
                if member == node {
                    break;
                }
            }
            if component.len() > 1 {
                component.sort();
                state.out.push(component);
            }
        }
    }
    let mut state = State {
        edges,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        next: 0,
        out: Vec::new(),
    };
    for node in edges.keys() {
        if !state.index.contains_key(node) {
            connect(&mut state, node);
        }
    }
    state.out
}

/// The edges between top-level modules (`crate::regimes`, `crate::intake`): each edge
/// of a module inside one of them counts as an edge of the top-level module.
fn top_level(
    edges: &BTreeMap<Vec<String>, BTreeMap<Vec<String>, String>>,
) -> BTreeMap<Vec<String>, BTreeMap<Vec<String>, String>> {
    let top = |module: &[String]| module.iter().take(2).cloned().collect::<Vec<String>>();
    let mut out: BTreeMap<Vec<String>, BTreeMap<Vec<String>, String>> = BTreeMap::new();
    for (from, targets) in edges {
        let from_top = top(from);
        let entry = out.entry(from_top.clone()).or_default();
        for (to, what) in targets {
            let to_top = top(to);
            if to_top != from_top {
                entry
                    .entry(to_top)
                    .or_insert_with(|| format!("{}: {what}", from.join("::")));
            }
        }
    }
    out
}

/// A report of the cycles found, with the edges that close them.
fn report(
    found: &[Vec<Vec<String>>],
    edges: &BTreeMap<Vec<String>, BTreeMap<Vec<String>, String>>,
    graph: &Graph,
) -> String {
    let mut report = String::new();
    for component in found {
        let names: Vec<String> = component.iter().map(|m| m.join("::")).collect();
        report.push_str(&format!(
            "cycle among {} modules: {}\n",
            names.len(),
            names.join(", ")
        ));
        for from in component {
            for (to, what) in edges.get(from).into_iter().flatten() {
                if component.contains(to) {
                    let file = graph
                        .modules
                        .get(from)
                        .map(|m| m.file.display().to_string());
                    report.push_str(&format!(
                        "  {} -> {} ({}: {what})\n",
                        from.join("::"),
                        to.join("::"),
                        file.unwrap_or_default()
                    ));
                }
            }
        }
    }
    report
}

fn src_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

#[test]
fn no_module_imports_a_module_that_imports_it_back() {
    let graph = read_graph(&src_dir());
    let edges = edges(&graph);
    let found = cycles(&edges);
    assert!(
        found.is_empty(),
        "module import cycles in core/src:\n{}",
        report(&found, &edges, &graph)
    );
}

/// The top-level modules form layers too (`docs/architecture.md`): no folder imports,
/// through any of its files, a folder that imports it back.
#[test]
fn the_top_level_modules_form_layers() {
    let graph = read_graph(&src_dir());
    let edges = top_level(&edges(&graph));
    let found = cycles(&edges);
    assert!(
        found.is_empty(),
        "import cycles between the top-level modules of core/src:\n{}",
        report(&found, &edges, &graph)
    );
}

#[test]
fn imports_are_at_the_top_and_paths_are_imported() {
    let graph = read_graph(&src_dir());
    assert!(
        graph.violations.is_empty(),
        "house habits (docs/style.md) broken:\n{}",
        graph.violations.join("\n")
    );
}

#[test]
fn the_check_sees_a_cycle_and_a_written_out_path() {
    // Two modules that import each other, one of them through a name and one written
    // out in code: the graph must show the cycle and the habit check the path.
    let dir = std::env::temp_dir().join(format!("cadre-eval-module-graph-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("a")).unwrap();
    std::fs::write(dir.join("lib.rs"), "mod a;\nmod b;\n").unwrap();
    std::fs::write(dir.join("a/mod.rs"), "pub mod inner;\n").unwrap();
    std::fs::write(
        dir.join("a/inner.rs"),
        "use crate::b as other;\npub fn f() { other::g(); }\n",
    )
    .unwrap();
    std::fs::write(dir.join("b.rs"), "pub fn g() { crate::a::inner::f(); }\n").unwrap();
    let graph = read_graph(&dir);
    let found = cycles(&edges(&graph));
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(
        found,
        vec![vec![
            vec!["crate".to_owned(), "a".to_owned(), "inner".to_owned()],
            vec!["crate".to_owned(), "b".to_owned()],
        ]]
    );
    assert_eq!(graph.violations.len(), 1, "{:?}", graph.violations);
}

#[test]
fn the_check_sees_a_cycle_between_folders() {
    // No file imports a file that imports it back, but folder `a` imports `b` (from
    // `a::x`) and `b` imports `a` (`a::y`): the layers are broken.
    let dir = std::env::temp_dir().join(format!("cadre-eval-module-layers-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("a")).unwrap();
    std::fs::write(dir.join("lib.rs"), "mod a;\nmod b;\n").unwrap();
    std::fs::write(dir.join("a/mod.rs"), "pub mod x;\npub mod y;\n").unwrap();
    std::fs::write(
        dir.join("a/x.rs"),
        "use crate::b::g;\npub fn f() { g(); }\n",
    )
    .unwrap();
    std::fs::write(dir.join("a/y.rs"), "pub fn h() {}\n").unwrap();
    std::fs::write(
        dir.join("b.rs"),
        "use crate::a::y::h;\npub fn g() { h(); }\n",
    )
    .unwrap();
    let graph = read_graph(&dir);
    let file_cycles = cycles(&edges(&graph));
    let folder_cycles = cycles(&top_level(&edges(&graph)));
    std::fs::remove_dir_all(&dir).unwrap();
    assert!(file_cycles.is_empty(), "{file_cycles:?}");
    assert_eq!(
        folder_cycles,
        vec![vec![
            vec!["crate".to_owned(), "a".to_owned()],
            vec!["crate".to_owned(), "b".to_owned()],
        ]]
    );
}

/// The names `lib.rs` exports, each with the top-level module it comes from (`api`,
/// `contract`, …).
fn exports(lib: &Path) -> BTreeMap<String, String> {
    let text = std::fs::read_to_string(lib).unwrap_or_else(|e| panic!("{}: {e}", lib.display()));
    let parsed = syn::parse_file(&text).unwrap_or_else(|e| panic!("{}: {e}", lib.display()));
    let mut out = BTreeMap::new();
    for item in parsed.items {
        let syn::Item::Use(item) = item else { continue };
        if !matches!(item.vis, syn::Visibility::Public(_)) {
            continue;
        }
        let mut paths = Vec::new();
        use_paths(&item.tree, &mut Vec::new(), &mut paths);
        for (segments, name) in paths {
            if let (Some(first), Some(name)) = (segments.first(), name) {
                out.insert(name, first.clone());
            }
        }
    }
    out
}

/// Every name a front end's sources take from `cadre_eval`, with the file.
fn front_end_names(dirs: &[PathBuf]) -> BTreeMap<String, PathBuf> {
    struct Names<'a> {
        found: &'a mut BTreeMap<String, PathBuf>,
        file: PathBuf,
    }
    impl<'ast> Visit<'ast> for Names<'_> {
        fn visit_item_use(&mut self, item: &'ast syn::ItemUse) {
            let mut paths = Vec::new();
            use_paths(&item.tree, &mut Vec::new(), &mut paths);
            for (segments, _) in paths {
                if segments.first().is_some_and(|s| s == "cadre_eval") {
                    if let Some(name) = segments.get(1) {
                        self.found.insert(name.clone(), self.file.clone());
                    }
                }
            }
        }
        fn visit_path(&mut self, path: &'ast syn::Path) {
            let segments: Vec<String> = path.segments.iter().map(|s| s.ident.to_string()).collect();
            if segments.first().is_some_and(|s| s == "cadre_eval") {
                if let Some(name) = segments.get(1) {
                    self.found.insert(name.clone(), self.file.clone());
                }
            }
            syn::visit::visit_path(self, path);
        }
    }
    let mut found = BTreeMap::new();
    for dir in dirs {
        let mut files = Vec::new();
        rust_files(dir, &mut files);
        for file in files {
            let text = std::fs::read_to_string(&file).unwrap_or_default();
            let parsed =
                syn::parse_file(&text).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
            Names {
                found: &mut found,
                file: file.clone(),
            }
            .visit_file(&parsed);
        }
    }
    found
}

/// The command-line tool, the HTTP service and the bindings call only the front door
/// (`api`) and the contract's types (`docs/architecture.md`, "The front door").
#[test]
fn front_ends_use_only_the_front_door_and_the_contract() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let exported = exports(&src_dir().join("lib.rs"));
    let used = front_end_names(&[
        root.join("cli/src"),
        root.join("sheets/src"),
        root.join("service/src"),
        root.join("bindings-python/src"),
        root.join("bindings-wasm/src"),
        root.join("bindings-wasm/examples"),
    ]);
    assert!(used.len() > 20, "front ends found: {used:?}");
    let outside: Vec<String> = used
        .iter()
        .filter(|(name, _)| {
            !matches!(
                exported.get(*name).map(String::as_str),
                Some("api" | "contract")
            )
        })
        .map(|(name, file)| {
            format!(
                "{} (from `{}`) in {}",
                name,
                exported.get(name).map_or("?", String::as_str),
                file.display()
            )
        })
        .collect();
    assert!(
        outside.is_empty(),
        "front ends use names from outside `api` and `contract`:\n{}",
        outside.join("\n")
    );
}
