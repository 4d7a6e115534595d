"""The architecture reads from the files: capability cores form layers, with no import cycle.

Adapters (the MkDocs ``plugin``/``config`` modules and the ``commands`` of the CLI) sit on top
and may import any core; the cores below them must not import each other in a circle.
"""

from __future__ import annotations

import ast
from pathlib import Path

import helpcentre

PACKAGE = Path(helpcentre.__file__).parent
ADAPTERS = {"plugin", "config", "commands", "cli"}


def core_imports() -> dict[str, set[str]]:
    """For each top-level part of the package, the other parts its core modules import."""
    graph: dict[str, set[str]] = {}
    for file in PACKAGE.rglob("*.py"):
        relative = file.relative_to(PACKAGE)
        if file.stem in ADAPTERS:
            continue
        part = relative.parts[0].removesuffix(".py")
        targets = graph.setdefault(part, set())
        tree = ast.parse(file.read_text(encoding="utf-8"))
        # Every import, also those inside a function: a deferred import is still a dependency.
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
            elif isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            for name in names:
                if name.startswith("helpcentre."):
                    other = name.split(".")[1]
                    if other != part:
                        targets.add(other)
    return graph


def cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle of ``graph``, or None."""
    state: dict[str, int] = {}
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for other in sorted(graph.get(node, ())):
            if state.get(other) == 1:
                return path[path.index(other) :] + [other]
            if other not in state and (found := visit(other)):
                return found
        state[node] = 2
        path.pop()
        return None

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return None


def test_cores_import_no_cycle() -> None:
    graph = core_imports()
    assert cycle(graph) is None, " -> ".join(cycle(graph) or [])


def test_layers_catalogs_and_problems_sit_below_content() -> None:
    graph = core_imports()
    assert "content" not in graph["catalogs"] and "i18n" not in graph["catalogs"]
    assert graph["problems"] == set()
    assert "i18n" not in graph["content"]


def test_test_only_code_is_not_in_the_package() -> None:
    assert not (PACKAGE / "search" / "browser_code.py").exists()
    assert not (PACKAGE / "search" / "relevance.py").exists()
    assert not (PACKAGE / "search" / "node_driver.js").exists()


def test_feedback_aggregation_does_not_depend_on_the_collector() -> None:
    graph = core_imports()
    assert "collector" not in graph["feedback"] and "collector" not in graph["records"]
