"""Not tied to one engine: the reference help centre also builds with ProperDocs, the maintained
MkDocs 1.x fork, which loads MkDocs plugins and themes as they are."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import copy_reference, missing

pytestmark = pytest.mark.slow


def test_reference_site_builds_strict_with_properdocs(tmp_path: Path) -> None:
    if importlib.util.find_spec("properdocs") is None:
        missing("ProperDocs is not installed: pip install -e '.[dev]'")
    project = copy_reference(tmp_path / "project", history=False)
    result = subprocess.run(
        [sys.executable, "-m", "properdocs", "build", "--strict", "-f", "mkdocs.yml"],
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    site = project / "site"
    for locale in ("en", "fr", "it", "es", "ja"):
        assert (site / locale / "search" / "helpcentre-index.json").is_file(), locale
    page = (site / "fr" / "orders" / "track-your-order" / "index.html").read_text("utf-8")
    assert "data-helpcentre-feedback" in page and 'hreflang="ja"' in page
