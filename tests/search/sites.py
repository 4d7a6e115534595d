"""Small real help centres for the search tests: written to tmp_path, built with MkDocs, served."""

from __future__ import annotations

import http.server
import json
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

ARTICLES = {
    "fr": {
        "index.md": "# Centre d'aide\n\nBienvenue au centre d'aide de Tidewell.\n",
        "orders/track-your-order.md": (
            "---\ntitle: Comment suivre ma commande ?\n---\n\n"
            "Suivez votre colis depuis votre compte.\n\n"
            "## Où est mon colis ? {#where}\n\n"
            "Le numéro de suivi arrive par e-mail dès l'expédition de la commande.\n"
        ),
        "returns/refund-timeline.md": (
            "---\ntitle: Délai de remboursement\n---\n\n"
            "Nous remboursons votre achat sous 5 jours ouvrés après réception du retour.\n\n"
            "## Quand serai-je remboursé ? {#when}\n\n"
            "Le remboursement est effectué sur le moyen de paiement d'origine.\n"
        ),
        "shipping/international-shipping-and-duties.md": (
            "---\ntitle: Livraison internationale et droits de douane\n---\n\n"
            "Nous livrons dans l'Union européenne, au Royaume-Uni, en Suisse et au Japon.\n"
            "Les livraisons hors UE peuvent entraîner des droits de douane.\n"
        ),
    },
    # Polish has no stemmer: the generic search rules.
    "pl": {
        "index.md": "# Centrum pomocy\n\nWitamy w centrum pomocy Tidewell.\n",
        "orders/attachments.md": (
            "---\ntitle: Załącznik do zamówienia\n---\n\n"
            "Dodaj załącznik (fakturę lub zdjęcie) do zamówienia na stronie konta.\n"
        ),
        "returns/refund-timeline.md": (
            "---\ntitle: Zwrot pieniędzy\n---\n\nZwracamy pieniądze w ciągu 5 dni roboczych.\n"
        ),
    },
    "ja": {
        "index.md": "# ヘルプセンター\n\nTidewell ヘルプセンターへようこそ。\n",
        "orders/track-your-order.md": (
            "---\ntitle: 注文を追跡するには？\n---\n\n"
            "アカウントから荷物の配送状況を確認できます。追跡番号は発送時にメールでお送りします。\n"
        ),
        "returns/refund-timeline.md": (
            "---\ntitle: 返金までの期間\n---\n\n"
            "返品が倉庫に届いてから5営業日以内に返金いたします。\n"
        ),
    },
}


def many_articles(count: int) -> dict[str, str]:
    """``count`` short French articles that all answer "colis" in their titles."""
    pages = {"index.md": "# Centre d'aide\n\nBienvenue.\n"}
    for number in range(count):
        pages[f"orders/colis-{number:02d}.md"] = (
            f"---\ntitle: Colis numéro {number}\n---\n\nLe colis {number} est en route.\n"
        )
    return pages


def write_site(
    base: Path,
    locale: str,
    *,
    endpoint: str = "/api/v1",
    synonyms: str | None = None,
    features: list[str] | None = None,
    articles: dict[str, str] | None = None,
) -> Path:
    """Write a one-locale help centre under ``base`` and return its mkdocs.yml."""
    docs = base / "docs" / locale
    for name, text in (articles or ARTICLES[locale]).items():
        path = docs / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    if synonyms is not None:
        target = base / "locales" / locale / "synonyms.txt"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(synonyms, encoding="utf-8")
    config = {
        "site_name": "Tidewell",
        "docs_dir": f"docs/{locale}",
        "site_dir": f"site/{locale}",
        "theme": {
            "name": "material",
            "language": locale,
            "font": False,  # no requests leave the machine
            "features": list(features or []),
        },
        "markdown_extensions": ["attr_list", "admonition"],
        # The collector endpoint is set once, in helpcentre/feedback, for every feature.
        "plugins": ["search", "helpcentre/search", {"helpcentre/feedback": {"endpoint": endpoint}}],
    }
    mkdocs_yml = base / "mkdocs.yml"
    mkdocs_yml.write_text(json.dumps(config), encoding="utf-8")
    return mkdocs_yml


def build(mkdocs_yml: Path) -> subprocess.CompletedProcess[str]:
    """Run ``mkdocs build --strict`` on a configuration, as an author would."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(mkdocs_yml)],
        capture_output=True,
        text=True,
        check=False,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"},
    )


def built_site(base: Path, locale: str, articles: dict[str, str]) -> Path:
    """Build a one-locale site of ``articles`` under ``base`` (it must build) and return the
    locale's folder of the built site."""
    done = build(write_site(base, locale, articles=articles))
    assert done.returncode == 0, done.stderr
    return base / "site" / locale


class RecordingHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site and records POST bodies (the failed-search collector's stand-in)."""

    posts: list[tuple[str, str, bytes]]
    gzip_encoded = False

    def do_POST(self) -> None:  # noqa: N802 - http.server's naming
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length)
        self.posts.append((self.path, self.headers.get("Content-Type", ""), body))
        self.send_response(204)
        self.end_headers()

    def end_headers(self) -> None:
        """Mark ``.gz`` files ``Content-Encoding: gzip`` where the host under test does."""
        if self.gzip_encoded and self.path.split("?")[0].endswith(".gz"):
            self.send_header("Content-Encoding", "gzip")
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        """Keep test output quiet."""


@contextmanager
def serve(
    directory: Path, *, gzip_encoded: bool = False
) -> Iterator[tuple[str, list[tuple[str, str, bytes]]]]:
    """Serve ``directory`` on loopback; yield the base URL and the list of recorded POSTs.

    ``gzip_encoded`` serves ``.gz`` files as some object stores do, with ``Content-Encoding:
    gzip``: the browser hands them over decompressed.
    """
    posts: list[tuple[str, str, bytes]] = []
    handler = type("Handler", (RecordingHandler,), {"posts": posts, "gzip_encoded": gzip_encoded})
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), partial(handler, directory=str(directory))
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/", posts
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
