"""helpcentre's templates come with the package; a site's own ``custom_dir`` still wins."""

from __future__ import annotations

from pathlib import Path

from conftest import mkdocs_build
from helpcentre.scaffold.writer import write_help_centre


def site_with_custom_dir(tmp_path: Path) -> Path:
    project = tmp_path / "acme"
    write_help_centre(project, ["en"], name="Acme")
    config = project / "mkdocs.yml"
    text = config.read_text("utf-8")
    config.write_text(
        text.replace("  # custom_dir: overrides", "  custom_dir: overrides"), encoding="utf-8"
    )
    (project / "overrides" / "partials").mkdir(parents=True)
    return project


def test_a_partial_of_the_site_overrides_the_shipped_one(tmp_path: Path) -> None:
    project = site_with_custom_dir(tmp_path)
    (project / "overrides/partials/feedback.html").write_text(
        '<p class="acme-feedback">Tell Acme</p>\n', encoding="utf-8"
    )
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    page = (project / "site/en/account/cannot-sign-in/index.html").read_text("utf-8")
    assert '<p class="acme-feedback">Tell Acme</p>' in page
    assert "data-helpcentre-feedback" not in page
    # The other shipped templates are still there: the article header and search config.
    assert "helpcentre_search_worker" in page or "search-worker" in page


def test_an_own_main_html_extending_base_is_named_with_the_fix(tmp_path: Path) -> None:
    project = site_with_custom_dir(tmp_path)
    (project / "overrides/main.html").write_text(
        '{#- Acme -#}\n{% extends "base.html" %}\n', encoding="utf-8"
    )
    result = mkdocs_build(project)
    assert result.returncode == 1  # --strict: the page chrome would silently be lost
    assert f"{project / 'overrides' / 'main.html'}:2: this main.html replaces" in result.stderr
    assert 'extend "helpcentre/main.html"' in result.stderr
    assert result.stderr.count("this main.html replaces") == 1

    (project / "overrides/main.html").write_text(
        '{% extends "helpcentre/main.html" %}\n{% block announce %}Acme news{% endblock %}\n',
        encoding="utf-8",
    )
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    page = (project / "site/en/account/cannot-sign-in/index.html").read_text("utf-8")
    assert "Acme news" in page and "data-helpcentre-feedback" in page
