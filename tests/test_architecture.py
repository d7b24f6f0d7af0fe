"""The engine's shape: imports go one way, and the audiences stay apart."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "mlkata"


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path, modules: set[str]) -> set[str]:
    """The mlkata modules ``path`` imports anywhere in it (functions included)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
        else:
            continue
        found |= {name for name in names if name in modules}
    return found


def import_graph() -> dict[str, set[str]]:
    paths = list(PACKAGE.rglob("*.py"))
    modules = {module_name(p) for p in paths}
    graph = {module_name(p): imports_of(p, modules) for p in paths}
    # A package's __init__ holds only a docstring: importing a submodule is no edge.
    return {
        m: {d for d in deps if not (PACKAGE / d.replace(".", "/")).is_dir()}
        for m, deps in graph.items()
    }


def find_cycle(graph: dict[str, set[str]]) -> list[str]:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str]:
        state[node] = 1
        stack.append(node)
        for dep in sorted(graph.get(node, ())):
            if state.get(dep) == 1:
                return stack[stack.index(dep) :] + [dep]
            if dep not in state:
                found = visit(dep)
                if found:
                    return found
        state[node] = 2
        stack.pop()
        return []

    for node in sorted(graph):
        if node not in state:
            cycle = visit(node)
            if cycle:
                return cycle
    return []


def test_the_import_graph_has_no_cycle():
    """Does no mlkata module import, directly or not, one that imports it back?"""
    graph = import_graph()
    assert "mlkata.engine.supervisor" in graph  # the graph is really read
    assert find_cycle(graph) == []


def test_a_cycle_would_be_found():
    """Would the cycle finder notice a cycle (so the test above can fail)?"""
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]


def test_the_engine_serves_every_audience_and_uses_none():
    """Does mlkata.engine import nothing from learn/, teach/ or author/?"""
    graph = import_graph()
    for module, deps in graph.items():
        if module.startswith("mlkata.engine"):
            upward = {
                d
                for d in deps
                if d.startswith(
                    ("mlkata.learn", "mlkata.teach", "mlkata.author", "mlkata.classroom")
                )
            }
            assert not upward, f"{module} imports {sorted(upward)}"
