"""The wheel carries everything the pages need: installed (not editable) in a fresh virtual
environment, it starts and builds a help centre whose mkdocs.yml has no ``custom_dir``."""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest

from conftest import ROOT

pytestmark = pytest.mark.slow


def run(*command: str | Path, cwd: Path | None = None) -> str:
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    environment.pop("PYTHONPATH", None)
    result = subprocess.run(
        [str(part) for part in command],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=environment,
        check=False,
    )
    assert result.returncode == 0, f"{command}:\n{result.stdout}\n{result.stderr}"
    return result.stdout + result.stderr


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel of this tree, built as pip builds it for an install."""
    wheels = tmp_path_factory.mktemp("wheels")
    run(sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", wheels, ROOT)
    (built,) = wheels.glob("helpcentre-*.whl")
    return built


def test_wheel_in_a_fresh_environment_builds_a_site_without_custom_dir(
    tmp_path: Path, wheel: Path
) -> None:
    environment = tmp_path / "env"
    venv.create(environment, with_pip=True)
    python = environment / "bin" / "python"
    run(python, "-m", "pip", "install", "-q", wheel)
    location = run(python, "-c", "import helpcentre; print(helpcentre.__file__)").strip()
    assert location.startswith(str(environment)), location  # the installed copy, not the tree

    site = tmp_path / "acme"
    run(environment / "bin" / "helpcentre", "init", site, "--locales", "en,fr", "--name", "Acme")
    assert "custom_dir" not in (site / "mkdocs.yml").read_text(encoding="utf-8").split("# cu")[0]
    run(environment / "bin" / "mkdocs", "build", "--strict", "-q", cwd=site)
    page = (site / "site" / "fr" / "account" / "cannot-sign-in" / "index.html").read_text("utf-8")
    # Templates (the feedback widget, the switcher), their strings (French, from the shipped
    # catalogs) and the assets all came from the wheel.
    assert "data-helpcentre-feedback" in page
    assert "Cet article vous a-t-il été utile ?" in page
    assert 'hreflang="en"' in page
    assets = {path.name for path in (site / "site" / "fr").rglob("*.js")}
    assert {"search-worker.js", "feedback.js", "experience.js"} <= assets, sorted(assets)


def test_a_material_fork_under_another_name_builds_or_names_the_package(
    tmp_path: Path, wheel: Path
) -> None:
    """mkdocs-materialx installs Material's ``material`` package under another distribution name
    and theme name, and runs on ProperDocs. Everything but helpcentre's search builds on it; with
    helpcentre/search the build says in one line which package that needs."""
    environment = tmp_path / "env"
    venv.create(environment, with_pip=True)
    python = environment / "bin" / "python"
    run(python, "-m", "pip", "install", "-q", "--no-deps", wheel)
    requirements = [
        line.split(":", 1)[1].strip().split(";")[0]
        for line in run(python, "-m", "pip", "show", "--verbose", "helpcentre").splitlines()
        if line.startswith("Requires:")
    ]
    dependencies = [
        name.strip() for name in requirements[0].split(",") if name.strip() != "mkdocs-material"
    ]
    run(python, "-m", "pip", "install", "-q", "mkdocs-materialx", *dependencies)
    site = tmp_path / "acme"
    run(environment / "bin" / "helpcentre", "init", site, "--locales", "en,fr", "--name", "Acme")
    config = site / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace("  name: material\n", "  name: materialx\n")
    config.write_text(text, encoding="utf-8")
    build = [environment / "bin" / "properdocs", "build", "--strict", "-q", "-f", "mkdocs.yml"]
    result = subprocess.run(
        [str(part) for part in build], cwd=site, capture_output=True, text=True, check=False
    )
    assert result.returncode == 1
    message = [line for line in result.stderr.splitlines() if "helpcentre/search" in line]
    assert len(message) == 1 and "pip install 'mkdocs-material>=9.5,<10'" in message[0]

    config.write_text(text.replace("  - helpcentre/search\n", ""), encoding="utf-8")
    run(*build, cwd=site)
    page = (site / "site" / "fr" / "account" / "cannot-sign-in" / "index.html").read_text("utf-8")
    assert "data-helpcentre-feedback" in page and "Cet article vous a-t-il été utile ?" in page
