"""The README's two recipes run as written: start a new help centre, add helpcentre to a site."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import ROOT, mkdocs_build

README = (ROOT / "README.md").read_text(encoding="utf-8")


def section(title: str) -> str:
    start = README.index(f"## {title}\n")
    end = README.index("\n## ", start + 1)
    return README[start:end]


def test_adding_the_readme_lines_to_a_plain_material_site_builds_it(tmp_path: Path) -> None:
    text = section("Add helpcentre to an existing MkDocs site")
    (snippet,) = re.findall(r"```yaml\n(.*?)```", text, flags=re.S)
    project = tmp_path / "docs-site"
    # A tree written without helpcentre: no front matter, spaces and non-ASCII in names,
    # folders without index.md, a German root without index.md.
    pages = {
        "en/index.md": "# Welcome\n\nStart with [the basics](Getting Started/First steps.md).\n",
        "en/Getting Started/First steps.md": "# First steps\n\nInstall the app and sign in.\n",
        "en/Getting Started/Sync.md": "# Sync\n\nYour notes sync between devices.\n",
        "en/Reference/Sync.md": "# Sync reference\n\nEvery sync option.\n",
        "de/Getting Started/First steps.md": "# Erste Schritte\n\nApp installieren, anmelden.\n",
        "de/Getting Started/Załączniki.md": "# Anhänge\n\nDateien anhängen.\n",
    }
    for relative, body in pages.items():
        path = project / "docs" / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(body, encoding="utf-8")
    (project / "mkdocs.yml").write_text("site_name: Notes Help\n" + snippet, encoding="utf-8")
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    site = project / "site"
    assert (site / "en/Getting Started/Sync/index.html").is_file()
    assert (site / "en/Reference/Sync/index.html").is_file()
    german = (site / "de/Getting Started/First steps/index.html").read_text("utf-8")
    assert "Erste Schritte" in german and "data-helpcentre-feedback" in german
    assert (site / "de/Getting Started/Załączniki/index.html").is_file()


def test_the_new_help_centre_recipe_names_commands_that_exist() -> None:
    text = section("Start a new help centre")
    (block,) = re.findall(r"```sh\n(.*?)```", text, flags=re.S)
    assert "helpcentre init acme-help --locales en,fr,de" in block
    assert "helpcentre serve" in block
    # Each command of the recipe is run by tests/scaffold/test_init.py (init, serve, vote).
