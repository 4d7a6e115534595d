"""Generated help-centre locales of any size, from the reference articles' own language.

No downloads: every sentence, heading and list item comes from ``docs/<locale>/`` of this
repository, recombined at random (seeded, so every run builds the same site). What makes a
generated article realistic for search and build costs:

- length: 3 to 7 sections of 1 to 3 paragraphs (2 to 4 sentences each), some with a list, about
  400 to 1,200 words, as the reference articles have;
- vocabulary: the locale's sentences, plus the long tail a real catalogue brings -- each article
  is about a product (an invented brand and model, e.g. "Korvala KT-4411 kettle"), so the number
  of distinct terms grows with the number of articles instead of stopping at the reference's;
- structure: categories and their sections as folders (25 articles a section), titles and
  headings of the reference articles, anchors on the sections, so Material writes a search
  document per section.
"""

from __future__ import annotations

import json
import random
import re
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_SENTENCE_END = re.compile(r"(?<=[.!?。！？])\s+")
_HEADING = re.compile(r"^##\s+(.+?)\s*(\{#[^}]*\})?\s*$")
_MARKUP = re.compile(r"[*_`\[\]]|\(\.\./[^)]*\)|\([a-z0-9./#-]*\.md[^)]*\)|\{[^}]*\}")

_SYLLABLES = "ka lo mi ra ve sun dor ta li no vek zar bel tor fen ris ul mar keo pra".split()
_PRODUCTS = {
    "en": "kettle teapot skillet blanket towel mug bowl knife toaster blender lamp rug".split(),
    "fr": "bouilloire théière poêle couverture serviette tasse bol couteau grille-pain mixeur "
    "lampe tapis".split(),
}


@dataclass(frozen=True)
class Language:
    """What a locale's reference articles offer to the generator."""

    titles: list[str]
    headings: list[str]
    sentences: list[str]
    items: list[str]


def _plain(text: str) -> str:
    return " ".join(_MARKUP.sub("", text).split())


def read_language(locale: str) -> Language:
    """Titles, section headings, sentences and list items of ``docs/<locale>/``."""
    titles, headings, sentences, items = [], [], [], []
    for path in sorted((ROOT / "docs" / locale).rglob("*.md")):
        text = path.read_text("utf-8")
        if text.startswith("---"):
            front, text = text[3:].split("\n---", 1)
            for line in front.splitlines():
                if line.startswith("title:"):
                    titles.append(line.split(":", 1)[1].strip().strip("\"'"))
        for block in re.split(r"\n\s*\n", text):
            lines = [line.strip() for line in block.strip().splitlines()]
            if not lines or lines[0].startswith(("!!!", "|", "<", "#", "```")):
                heading = _HEADING.match(lines[0]) if lines else None
                if heading:
                    headings.append(_plain(heading.group(1)))
                continue
            if lines[0].startswith(("- ", "* ", "1. ")):
                items.extend(_plain(line.split(" ", 1)[1]) for line in lines if " " in line)
                continue
            paragraph = _plain(" ".join(lines))
            sentences.extend(s for s in _SENTENCE_END.split(paragraph) if len(s) > 30)
    return Language(titles, headings or ["FAQ"], sentences, [i for i in items if len(i) > 10])


def _brand(rng: random.Random) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3))).title()


def article(rng: random.Random, language: Language, locale: str, number: int) -> str:
    """One article's Markdown: front matter, introduction, sections with anchors."""
    product = f"{_brand(rng)} {rng.choice('KTBLMR')}{rng.choice('TXSP')}-{rng.randint(100, 9999)}"
    kind = rng.choice(_PRODUCTS.get(locale, _PRODUCTS["en"]))
    title = f"{rng.choice(language.titles)} ({product} {kind})"

    def paragraph() -> str:
        return " ".join(rng.sample(language.sentences, rng.randint(2, 4)))

    front = f"---\ntitle: {json.dumps(title, ensure_ascii=False)}\n---\n"
    parts = [front, f"{paragraph()} {product}.\n"]
    for section in range(rng.randint(3, 7)):
        parts.append(f"## {rng.choice(language.headings)} {{#s{section}}}\n")
        parts.extend(f"{paragraph()}\n" for _ in range(rng.randint(1, 3)))
        if language.items and rng.random() < 0.4:
            parts.append("".join(f"- {item}\n" for item in rng.sample(language.items, 3)))
    return "\n".join(parts)


CATEGORIES = ("orders", "shipping", "returns", "billing", "account", "products")
ARTICLES_PER_SECTION = 25


def generate_locale(docs: Path, locale: str, articles: int, seed: int = 2000) -> Path:
    """Write ``articles`` articles in ``locale`` under ``docs`` (and a home page); return it."""
    rng = random.Random(seed)
    language = read_language(locale)
    for number in range(articles):
        # Categories hold sections of ARTICLES_PER_SECTION articles, as help centres group them:
        # the pruned navigation of a page then lists its category's sections and its section's
        # articles, not every article of the category.
        category = CATEGORIES[number % len(CATEGORIES)]
        section = number // len(CATEGORIES) // ARTICLES_PER_SECTION
        folder = docs / category / f"section-{section:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"article-{number:05d}.md").write_text(
            article(rng, language, locale, number), "utf-8"
        )
    (docs / "index.md").write_text(f"# {language.titles[0]}\n\n{language.sentences[0]}\n", "utf-8")
    return docs
