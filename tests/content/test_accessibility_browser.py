"""axe-core finds no serious or critical violation on home, category, article and contact pages."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import missing

pytestmark = [pytest.mark.browser, pytest.mark.slow]

LOCALES = ("en", "fr", "it", "es", "ja")
PAGES = ("", "orders/", "orders/track-your-order/", "billing/double-charge/", "contact/")


@pytest.fixture(scope="session")
def axe_source() -> str:
    """axe-core 4 from the npm registry, installed once into the user's cache folder."""
    default = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "helpcentre-axe"
    prefix = Path(os.environ.get("HELPCENTRE_AXE_DIR", default))
    script = prefix / "node_modules" / "axe-core" / "axe.min.js"
    if not script.is_file():
        npm = shutil.which("npm")
        if npm is None:
            missing("npm is not installed: it installs axe-core for the accessibility test")
        prefix.mkdir(parents=True, exist_ok=True)
        result = subprocess.run(
            [
                npm,
                "install",
                "--silent",
                "--no-audit",
                "--no-fund",
                "--prefix",
                str(prefix),
                "axe-core@4",
            ],
            capture_output=True,
            text=True,
            check=False,
            timeout=300,
        )
        if result.returncode != 0 or not script.is_file():
            missing(f"npm could not install axe-core: {result.stderr.strip()[-400:]}")
    return script.read_text(encoding="utf-8")


def test_no_serious_or_critical_violations(
    reference_site: Path,
    serve,
    page,
    axe_source: str,  # noqa: ANN001 - fixtures
) -> None:
    base = serve(reference_site / "site")
    problems = []
    for locale in LOCALES:
        for path in PAGES:
            page.goto(f"{base}/{locale}/{path}")
            page.add_script_tag(content=axe_source)
            violations = page.evaluate(
                "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
                ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
                ".map(v => v.id + ': ' +"
                " v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))"
            )
            problems += [f"/{locale}/{path} {violation}" for violation in violations]
    assert problems == [], "\n".join(problems)
