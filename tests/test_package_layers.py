"""Packages import each other in one direction only: a cycle is a test failure, not a warning.

The graph is built from the source (module-level imports only: an import inside a function is
a deliberate, lazy dependency, e.g. a database driver opened on demand) so that it sees every
module, including ones no test happens to import.
"""

from __future__ import annotations

import ast
from pathlib import Path

import helpcentre

PACKAGE_ROOT = Path(helpcentre.__file__).parent


def module_level_imports(path: Path) -> set[str]:
    """The ``helpcentre.*`` modules ``path`` imports outside any function or class body."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return {name for name in names if name.startswith("helpcentre.")}


def package_of(module: str) -> str:
    """``helpcentre.collector.app`` -> ``collector``; a top-level module is its own package."""
    return module.split(".")[1]


def package_graph() -> dict[str, set[str]]:
    """Which subpackages each subpackage of helpcentre imports at module level."""
    graph: dict[str, set[str]] = {}
    for path in PACKAGE_ROOT.rglob("*.py"):
        relative = path.relative_to(PACKAGE_ROOT).with_suffix("")
        source = relative.parts[0]
        edges = graph.setdefault(source, set())
        for module in module_level_imports(path):
            target = package_of(module)
            if target != source:
                edges.add(target)
    return graph


def cycle_through(graph: dict[str, set[str]], start: str) -> list[str] | None:
    """A path start -> ... -> start through ``graph``, or None."""
    stack = [(start, [start])]
    seen: set[str] = set()
    while stack:
        node, path = stack.pop()
        for target in graph.get(node, ()):
            if target == start:
                return [*path, start]
            if target not in seen:
                seen.add(target)
                stack.append((target, [*path, target]))
    return None


def test_record_schema_lives_below_collector_and_feedback() -> None:
    graph = package_graph()
    assert "records" in graph["collector"] and "records" in graph["feedback"]
    assert graph["records"] == set(), "the record schema imports nothing of helpcentre"


def test_collector_and_feedback_do_not_import_each_other_in_a_cycle() -> None:
    graph = package_graph()
    # The collector serves summaries, so it may import feedback; no path may lead back.
    assert "feedback" in graph["collector"]
    assert cycle_through(graph, "collector") is None, cycle_through(graph, "collector")


def test_the_cycle_check_sees_a_cycle() -> None:
    # The check itself must be able to fail: the graph the old layout had.
    old = {"collector": {"feedback"}, "feedback": {"collector"}}
    assert cycle_through(old, "collector") == ["collector", "feedback", "collector"]
