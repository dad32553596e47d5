"""bench/structure.py finds long files, long functions and import cycles in a made-up tree."""

import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parent.parent / "bench" / "structure.py"


def run(root: Path) -> tuple[int, list[str]]:
    r = subprocess.run([sys.executable, str(SCRIPT), str(root)], capture_output=True, text=True, timeout=60)
    return r.returncode, r.stdout.splitlines()


def write(root: Path, rel: str, text: str) -> None:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_a_clean_tree_passes(tmp_path):
    write(tmp_path, "src/lib.rs", "pub mod a;\npub mod b;\n")
    write(tmp_path, "src/a.rs", "use crate::b::f;\npub fn g() { f() }\n")
    write(tmp_path, "src/b.rs", "pub fn f() {}\n")
    assert run(tmp_path) == (0, ["no violations"])


def test_long_files_and_functions_are_reported_but_not_data_tables(tmp_path):
    body = "    let x = '{';\n    // }\n    let s = \"}}\";\n" * 41  # braces in chars, comments, strings
    write(tmp_path, "src/lib.rs", "pub mod long;\n")
    write(tmp_path, "src/long.rs", f"fn long() {{\n{body}}}\n\nfn short<'a>(x: &'a str) -> &'a str {{\n    x\n}}\n")
    write(tmp_path, "src/lexicon.rs", "// words\n" * 900)
    write(tmp_path, "src/big.rs", "// line\n" * 801)
    write(tmp_path, "tool.py", "def f():\n" + "    pass\n" * 120)
    code, lines = run(tmp_path)
    assert code == 1
    assert sorted(lines) == [
        "file  src/big.rs: 801 lines",
        "fn    src/long.rs:1 long: 125 lines",
        "fn    tool.py:1 f: 121 lines",
    ]


def test_modules_importing_each_other_are_a_cycle_but_a_folder_and_its_files_are_not(tmp_path):
    write(tmp_path, "src/lib.rs", "pub mod layer;\npub mod text;\npub mod types;\n")
    write(tmp_path, "src/text.rs", "use crate::types::{Token, Span};\npub struct Sentence;\n")
    write(tmp_path, "src/types.rs", "pub struct Token;\npub struct Span;\npub fn f(_: crate::text::Sentence) {}\n")
    write(tmp_path, "src/layer/mod.rs", "mod step;\npub use step::run;\npub struct Ctx;\n")
    write(tmp_path, "src/layer/step.rs", "use super::Ctx;\npub fn run(_: Ctx) {}\n#[cfg(test)]\nmod tests {\n"
          "    use super::*;\n}\n")
    code, lines = run(tmp_path)
    assert (code, lines) == (1, ["cycle crate::text <-> crate::types"])
