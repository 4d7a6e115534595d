"""Shared fixtures: a real Chromium through Playwright, a real PostgreSQL server, git repositories.

In CI (``CI=true``) a missing browser or database is a failure, not a skip.
"""

from __future__ import annotations

import http.server
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# Code the tests share with the benchmarks (the browser's search code run in node, relevance
# measures) lives in bench/, not in the package; appended so that test packages stay first.
sys.path.append(str(ROOT / "bench"))
CHROMIUM = os.environ.get("HELPCENTRE_CHROMIUM", "/usr/bin/chromium")
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}

# Flags for a headless Chromium on a machine with no outside network.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


# Variables that point git at another repository. A shell that exported one (a git hook does)
# would make the tests' repositories commit into it, so the test session drops them.
GIT_LOCATION_VARIABLES = (
    "GIT_DIR",
    "GIT_WORK_TREE",
    "GIT_INDEX_FILE",
    "GIT_OBJECT_DIRECTORY",
    "GIT_COMMON_DIR",
    "GIT_NAMESPACE",
    "GIT_CEILING_DIRECTORIES",
)


@pytest.fixture(autouse=True, scope="session")
def isolated_git() -> Iterator[None]:
    """Keep git calls, the tests' and the code's, inside the repositories the tests make."""
    saved = {name: os.environ.pop(name) for name in GIT_LOCATION_VARIABLES if name in os.environ}
    yield
    os.environ.update(saved)


def missing(reason: str) -> None:
    """Skip on a developer's machine, fail in CI, where every real component must be present."""
    if IN_CI:
        pytest.fail(f"{reason} (required in CI)")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """A headless Debian Chromium driven by Playwright's Python API."""
    if not Path(CHROMIUM).exists():
        missing(f"no Chromium at {CHROMIUM}: apt-get install chromium")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:  # pragma: no cover - dev extra missing
        missing("playwright is not installed: pip install -e '.[dev]'")
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):  # noqa: ANN001 - Playwright types are optional
    """A fresh browser context and page, closed after the test."""
    context = browser.new_context()
    page = context.new_page()
    yield page
    context.close()


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


@pytest.fixture(scope="session")
def postgres_url() -> str:
    """URL of a real PostgreSQL database (``HELPCENTRE_TEST_POSTGRES_URL``), as CI starts it."""
    url = os.environ.get("HELPCENTRE_TEST_POSTGRES_URL", "")
    if not url:
        missing("HELPCENTRE_TEST_POSTGRES_URL is not set: start PostgreSQL as .ci/run does")
    return url


def git(cwd: Path, *args: str, date: str | None = None) -> str:
    """Run git in ``cwd``; ``date`` (ISO 8601) sets both author and committer dates."""
    env = {key: value for key, value in os.environ.items() if key not in GIT_LOCATION_VARIABLES}
    env.update(
        GIT_AUTHOR_NAME="Test Writer",
        GIT_AUTHOR_EMAIL="writer@example.com",
        GIT_COMMITTER_NAME="Test Writer",
        GIT_COMMITTER_EMAIL="writer@example.com",
    )
    if date:
        env.update(GIT_AUTHOR_DATE=date, GIT_COMMITTER_DATE=date)
    result = subprocess.run(
        ["git", *args], cwd=cwd, env=env, check=True, capture_output=True, text=True
    )
    return result.stdout


@pytest.fixture
def git_repo(tmp_path: Path) -> Path:
    """An empty git repository in ``tmp_path / 'repo'``."""
    if not shutil.which("git"):
        missing("git is not installed")
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    return repo


REFERENCE_PARTS = ("docs", "locales", "overrides", "mkdocs.yml")


REFERENCE_COMMIT_DATE = "2026-01-05T10:00:00+00:00"


#: The reference help centre's locales, in the order of its mkdocs.yml.
REFERENCE_LOCALES = tuple(
    re.findall(r"(?m)^        - locale: (\S+)$", (ROOT / "mkdocs.yml").read_text("utf-8"))
)


def copy_reference(target: Path, *, history: bool = True) -> Path:
    """Copy the reference help centre (articles, catalogs, overrides, mkdocs.yml) into ``target``.

    With ``history`` the copy is a git repository with one commit dated
    ``REFERENCE_COMMIT_DATE``, as a help centre's repository is: the build reads dates from it.
    """
    target.mkdir(parents=True, exist_ok=True)
    for part in REFERENCE_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part)
        elif source.exists():
            shutil.copy2(source, target / part)
    if history:
        git(target, "init", "-q", "-b", "main")
        git(target, "add", "-A")
        git(target, "commit", "-q", "-m", "Reference help centre", date=REFERENCE_COMMIT_DATE)
    return target


def reference_locales(
    project: Path, *, keep: tuple[str, ...] = ("en", "fr"), site_url: str | None = None
) -> Path:
    """Keep only the locales ``keep`` of a copied reference project (configuration and folders),
    for fast builds; ``site_url`` sets the address it is built for. Returns its ``mkdocs.yml``."""
    config = project / "mkdocs.yml"
    text = config.read_text("utf-8")
    if site_url is not None:
        text = re.sub(r"(?m)^site_url: .*$", f"site_url: {site_url}", text)
    for locale in re.findall(r"(?m)^        - locale: (\S+)$", text):
        if locale not in keep:
            # The entry, and the settings indented under it.
            text = re.sub(
                rf"(?m)^        - locale: {re.escape(locale)}\n(?:          .*\n)*", "", text
            )
            shutil.rmtree(project / "docs" / locale)
    config.write_text(text, encoding="utf-8")
    return config


@pytest.fixture
def small_project(tmp_path: Path) -> Path:
    """The reference project with English and French only, for fast builds; a git repository
    whose last commit drops the other locales."""
    project = copy_reference(tmp_path / "project")
    reference_locales(project)
    git(project, "commit", "-qam", "English and French only", date="2026-01-06T10:00:00+00:00")
    return project


def mkdocs_build(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run ``mkdocs build --strict`` on a project folder; the result holds its output."""
    import sys

    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "-f",
            str(project / "mkdocs.yml"),
            *args,
        ],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def one_locale_site(
    root: Path,
    pages: dict[str, str],
    features: list[str],
    *plugins: dict,
    settings: dict | None = None,
    **options: object,
) -> Path:
    """Write an English-only help centre: ``pages`` (path -> Markdown) under ``docs/en``, the
    theme's ``features``, helpcentre/i18n with ``options``, then ``plugins``, and other
    ``settings`` of ``mkdocs.yml``; return ``root``."""
    import json

    for name, text in pages.items():
        path = root / "docs" / "en" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    i18n = {"default_locale": "en", "locales": [{"locale": "en"}], **options}
    config = {
        "site_name": "Navigation",
        "site_url": "https://help.example/",
        "theme": {"name": "material", "features": features, "font": False},
        "plugins": [{"helpcentre/i18n": i18n}, *plugins],
        **(settings or {}),
    }
    (root / "mkdocs.yml").write_text(json.dumps(config), encoding="utf-8")
    return root


@pytest.fixture(scope="session")
def reference_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The reference help centre built once per test session; returns the project folder."""
    project = copy_reference(tmp_path_factory.mktemp("reference"))
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    return project


def free_port() -> int:
    """A free loopback port, for a site built for the address it is then served at."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class HelpcentreProcess:
    """``python -m helpcentre.cli ARGS`` in a subprocess that serves HTTP on ``port``.

    Started at once; the constructor returns when ``/api/v1/health`` answers and fails the test
    with the process's log when it exits or does not answer within ``timeout`` seconds.
    """

    def __init__(self, args: list[str], port: int, log: Path, timeout: float = 20.0) -> None:
        import time
        import urllib.request

        self.url = f"http://127.0.0.1:{port}"
        self.log_path = log
        self.log = open(log, "wb")  # noqa: SIM115 - closed in stop()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "helpcentre.cli", *args],
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + timeout
        while True:
            try:
                with urllib.request.urlopen(f"{self.url}/api/v1/health", timeout=1) as answer:
                    if answer.status == 200:
                        return
            except OSError:
                pass
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                pytest.fail(f"{args[0]} did not start: {log.read_text(errors='replace')}")
            time.sleep(0.1)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=15)
        self.log.close()


def feedback_export(database: str) -> dict:
    """What ``helpcentre feedback export`` prints for ``database``, parsed."""
    import json

    result = subprocess.run(
        [sys.executable, "-m", "helpcentre.cli", "feedback", "export", "--db", database],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)


def wait_for_export(database: str, key: str, check, timeout: float = 10.0) -> dict:  # noqa: ANN001
    """Export ``database`` until the page entry ``key`` satisfies ``check``; return the entry."""
    import time

    deadline = time.monotonic() + timeout
    while True:
        entry = feedback_export(database)["pages"].get(key)
        if entry is not None and check(entry):
            return entry
        if time.monotonic() > deadline:
            pytest.fail(f"{key}: expected vote not exported; last entry: {entry}")
        time.sleep(0.2)


class StaticServer:
    """Serves a folder over HTTP on a free loopback port, in a thread."""

    def __init__(self, root: Path, port: int = 0) -> None:
        import functools
        import threading

        handler = functools.partial(_QuietHandler, directory=str(root))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib name
        pass


@pytest.fixture
def serve():
    """Start static servers for folders: ``url = serve(path)`` (or ``serve(path, port)``); all are
    stopped after the test."""
    servers: list[StaticServer] = []

    def start(root: Path, port: int = 0) -> str:
        server = StaticServer(root, port)
        servers.append(server)
        return server.url

    yield start
    for server in servers:
        server.close()
