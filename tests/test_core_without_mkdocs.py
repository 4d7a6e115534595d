"""The core modules import and run with MkDocs absent: the seam that lets the project move."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import helpcentre

# Adapters may import mkdocs; everything else is core.
ADAPTERS = {"plugin", "config"}


def core_modules() -> list[str]:
    names = []
    for module in pkgutil.walk_packages(helpcentre.__path__, prefix="helpcentre."):
        if module.name.rsplit(".", 1)[-1] not in ADAPTERS:
            names.append(module.name)
    return names


def test_core_modules_import_without_mkdocs() -> None:
    modules = core_modules()
    assert "helpcentre.content.frontmatter" in modules
    script = (
        "import sys\n"
        "sys.modules['mkdocs'] = None  # any 'import mkdocs...' now raises ImportError\n"
        "sys.modules['material'] = None\n"
        f"for name in {modules!r}:\n"
        "    __import__(name)\n"
        "print('ok')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        cwd=Path(__file__).parent,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def test_a_closed_pipe_ends_a_command_quietly(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    for locale in ("en", "fr"):
        for number in range(600):
            page = docs / locale / "orders" / f"page-{number}.md"
            page.parent.mkdir(parents=True, exist_ok=True)
            page.write_text(f"# Page {number}\n\nText.\n", encoding="utf-8")
    command = (
        f"{sys.executable} -m helpcentre.cli translations status --docs {docs} --format json"
        " | head -1"
    )
    result = subprocess.run(command, shell=True, capture_output=True, text=True, check=False)
    assert result.stdout.strip() == "{"
    assert "BrokenPipeError" not in result.stderr and "Traceback" not in result.stderr
