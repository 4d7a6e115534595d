"""axe-core finds no serious or critical violation on home, category, article and contact pages."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]

LOCALES = ("en", "fr", "it", "es", "ja")
PAGES = ("", "orders/", "orders/track-your-order/", "billing/double-charge/", "contact/")


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
