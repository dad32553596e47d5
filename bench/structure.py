"""Check the size and import rules of the tree: long files, long functions, import cycles.

    python bench/structure.py [ROOT] [--max-file 800] [--max-fn 120]

Reports, one violation a line:
- ``file``: a Rust or Python source file over ``--max-file`` lines (data tables, i.e. files whose
  name says ``lexicon`` or ``gazetteer``, are exempt);
- ``fn``: a Rust ``fn`` (found by brace matching on the source with comments, strings and char
  literals blanked) or a Python ``def`` over ``--max-fn`` lines, signature to closing brace;
- ``cycle``: Rust modules under ``src/`` that import each other, directly or around a loop
  (``use crate::…``, ``use super::…`` and paths written inline). A folder's ``mod.rs`` and its own
  files are not counted against each other: the folder is one layer and declares its steps.

Exits 1 when anything is reported, so it can guard the tree; it reads files and writes nothing.
"""

from __future__ import annotations

import argparse
import ast
import re
import sys
from pathlib import Path

SKIP_DIRS = {"target", ".git", "node_modules", "__pycache__", ".venv", "venv"}
DATA_TABLE = re.compile(r"lexicon|gazetteer")


def source_files(root: Path, suffix: str) -> list[Path]:
    """Every file with `suffix` below `root`, outside build and tool folders."""
    return sorted(p for p in root.rglob(f"*{suffix}") if not SKIP_DIRS.intersection(p.relative_to(root).parts))


def blank_rust(src: str) -> str:
    """`src` with comments, string and char literals replaced by spaces (newlines kept), so braces
    and keywords that remain are code."""
    out = list(src)
    n = len(src)
    i = 0

    def blank(a: int, b: int) -> None:
        for k in range(a, min(b, n)):
            if out[k] != "\n":
                out[k] = " "

    while i < n:
        c = src[i]
        if src.startswith("//", i):
            j = src.find("\n", i)
            j = n if j < 0 else j
            blank(i, j)
            i = j
        elif src.startswith("/*", i):
            depth, j = 1, i + 2
            while j < n and depth:
                if src.startswith("/*", j):
                    depth, j = depth + 1, j + 2
                elif src.startswith("*/", j):
                    depth, j = depth - 1, j + 2
                else:
                    j += 1
            blank(i, j)
            i = j
        elif m := re.compile(r'b?r(#*)"').match(src, i):
            if i and (src[i - 1].isalnum() or src[i - 1] == "_"):
                i += 1
                continue
            close = '"' + m.group(1)
            j = src.find(close, m.end())
            j = n if j < 0 else j + len(close)
            blank(i, j)
            i = j
        elif c == '"':
            j = i + 1
            while j < n and src[j] != '"':
                j += 2 if src[j] == "\\" else 1
            blank(i, j + 1)
            i = j + 1
        elif c == "'":
            # A char literal ('x', '\n', '\u{2019}') or a lifetime / loop label ('a).
            if i + 1 < n and src[i + 1] == "\\":
                j = src.find("'", i + 2)
                j = n if j < 0 else j
                blank(i, j + 1)
                i = j + 1
            elif i + 2 < n and src[i + 2] == "'":
                blank(i, i + 3)
                i += 3
            else:
                i += 1
        else:
            i += 1
    return "".join(out)


FN = re.compile(r"\bfn\s+([A-Za-z_][A-Za-z0-9_]*)")


def matching(code: str, open_at: int) -> int:
    """The index of the brace closing the one at `open_at`."""
    depth = 0
    for k in range(open_at, len(code)):
        if code[k] == "{":
            depth += 1
        elif code[k] == "}":
            depth -= 1
            if depth == 0:
                return k
    return len(code) - 1


def rust_fns(code: str) -> list[tuple[str, int, int]]:
    """(name, first line, last line) of every Rust fn with a body in blanked `code`."""
    found = []
    for m in FN.finditer(code):
        depth = 0
        k = m.end()
        while k < len(code):
            ch = code[k]
            if ch in "(<[":
                depth += 1
            elif ch in ")>]":
                depth -= 1
            elif depth <= 0 and ch in "{;":
                break
            k += 1
        if k >= len(code) or code[k] == ";":
            continue  # a declaration without a body (trait item, extern)
        end = matching(code, k)
        found.append((m.group(1), code.count("\n", 0, m.start()) + 1, code.count("\n", 0, end) + 1))
    return found


def python_fns(src: str) -> list[tuple[str, int, int]]:
    """(name, first line, last line) of every Python def, decorators not counted."""
    tree = ast.parse(src)
    return [
        (node.name, node.lineno, node.end_lineno or node.lineno)
        for node in ast.walk(tree)
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
    ]


def module_path(src_dir: Path, path: Path) -> tuple[str, ...]:
    """`src/a/b.rs` -> ("a", "b"); `src/a/mod.rs` -> ("a",); `src/lib.rs` -> ()."""
    parts = list(path.relative_to(src_dir).with_suffix("").parts)
    if parts[-1] in ("mod", "lib", "main"):
        parts.pop()
    return tuple(parts)


USE = re.compile(r"\b(?:pub(?:\([a-z]+\))?\s+)?use\s+([^;]+);")
INLINE = re.compile(r"(?<![A-Za-z0-9_:])((?:crate|super)(?:::[A-Za-z_][A-Za-z0-9_]*)+)")
INLINE_MOD = re.compile(r"\bmod\s+[A-Za-z_][A-Za-z0-9_]*\s*\{")


def expand_use(tree: str) -> list[str]:
    """`crate::{a, b::{c, D}}` -> ["crate::a", "crate::b::c", "crate::b::D"]."""
    tree = re.sub(r"\s+", "", tree)
    brace = tree.find("{")
    if brace < 0:
        return [re.sub(r"\bas\b.*$", "", tree)]
    prefix, inner = tree[:brace], tree[brace + 1 : tree.rfind("}")]
    parts, depth, last = [], 0, 0
    for k, ch in enumerate(inner):
        depth += ch == "{"
        depth -= ch == "}"
        if ch == "," and depth == 0:
            parts.append(inner[last:k])
            last = k + 1
    parts.append(inner[last:])
    return [p for part in parts if part for p in expand_use(prefix + part)]


def resolve(path: str, here: tuple[str, ...], modules: set[tuple[str, ...]]) -> tuple[str, ...] | None:
    """The module a `crate::`/`super::` path names (its longest prefix that is a module)."""
    segs = path.split("::")
    if segs[0] == "crate":
        base: list[str] = []
        segs = segs[1:]
    elif segs[0] in ("super", "self"):
        base = list(here)
        while segs and segs[0] in ("super", "self"):
            if segs.pop(0) == "super" and base:
                base.pop()
    else:
        return None
    for k in range(len(segs), -1, -1):
        cand = tuple(base + segs[:k])
        if cand in modules:
            return cand
    return None


def import_edges(src_dir: Path) -> dict[tuple[str, ...], set[tuple[str, ...]]]:
    """module -> the modules it names, for every `.rs` file below `src_dir`."""
    files = {module_path(src_dir, p): p for p in source_files(src_dir, ".rs")}
    modules = set(files)
    edges: dict[tuple[str, ...], set[tuple[str, ...]]] = {m: set() for m in modules}
    for mod, path in files.items():
        code = blank_rust(path.read_text(encoding="utf-8"))
        # `super` inside an inline `mod tests { … }` names the file's own module.
        inline = [(m.end() - 1, matching(code, m.end() - 1)) for m in INLINE_MOD.finditer(code)]
        paths = [(m.start(), p) for m in USE.finditer(code) for p in expand_use(m.group(1))]
        paths += [(m.start(), m.group(1)) for m in INLINE.finditer(code)]
        for at, p in paths:
            depth = sum(a < at < b for a, b in inline)
            here = mod + ("_",) * depth
            target = resolve(p, here, modules)
            if target is not None and target != mod:
                edges[mod].add(target)
    return edges


def related(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Whether one module is the other's folder (a parent and its own files)."""
    return a[: len(b)] == b or b[: len(a)] == a


def cycles(edges: dict[tuple[str, ...], set[tuple[str, ...]]]) -> list[list[tuple[str, ...]]]:
    """Strongly connected groups of more than one module (Tarjan), parent-child edges left out."""
    graph = {m: sorted(t for t in ts if not related(m, t)) for m, ts in edges.items()}
    index: dict[tuple[str, ...], int] = {}
    low: dict[tuple[str, ...], int] = {}
    stack: list[tuple[str, ...]] = []
    on: set[tuple[str, ...]] = set()
    groups = []

    def visit(v: tuple[str, ...]) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return groups


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("root", nargs="?", default=str(Path(__file__).resolve().parent.parent))
    ap.add_argument("--max-file", type=int, default=800)
    ap.add_argument("--max-fn", type=int, default=120)
    args = ap.parse_args()
    root = Path(args.root)
    found = []
    for suffix, fns in ((".rs", lambda s: rust_fns(blank_rust(s))), (".py", python_fns)):
        for path in source_files(root, suffix):
            src = path.read_text(encoding="utf-8")
            rel = path.relative_to(root)
            lines = src.count("\n") + (not src.endswith("\n"))
            if lines > args.max_file and not DATA_TABLE.search(path.name):
                found.append(f"file  {rel}: {lines} lines")
            for name, first, last in fns(src):
                if last - first + 1 > args.max_fn:
                    found.append(f"fn    {rel}:{first} {name}: {last - first + 1} lines")
    if (root / "src").is_dir():
        for group in cycles(import_edges(root / "src")):
            found.append("cycle " + " <-> ".join("::".join(("crate", *m)) for m in group))
    print("\n".join(found) if found else "no violations")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
