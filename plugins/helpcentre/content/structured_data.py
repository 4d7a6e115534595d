"""schema.org structured data (JSON-LD) for FAQ and guide articles.

FAQ articles have one ``## Question? {#id}`` heading per question, the answer being everything up
to the next second-level heading; guides have a ``## Steps {#steps}`` heading followed by a
numbered list. The shapes follow Google's documentation of FAQPage (``mainEntity`` of ``Question``
with an ``acceptedAnswer`` ``Answer``) and HowTo (``name`` and ``step`` of ``HowToStep``).
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from typing import Any

import markdown

_HEADING = re.compile(r"^##\s+(?P<title>.+?)\s*(?:\{[^}]*\})?\s*#*\s*$", re.MULTILINE)
_ATTR_ID = re.compile(r"\{[^}]*#(?P<id>[\w-]+)[^}]*\}")
_FENCE = re.compile(r"^(```|~~~).*?^\1", re.MULTILINE | re.DOTALL)
_TAG = re.compile(r"<[^>]+>")
_BLOCK_TAG = re.compile(r"</?(?:p|li|ul|ol|br|div|h\d|tr|td|th|table|blockquote|pre)\b[^>]*>")
_ITEM = re.compile(r"^(?P<indent>\s{0,3})(?P<number>\d+)[.)]\s+(?P<text>.*)$")
_STEP_HEADINGS = {"steps"}


@dataclass(frozen=True)
class Block:
    """A second-level heading of an article and the Markdown under it."""

    id: str
    title: str
    body: str


def blocks(body: str) -> list[Block]:
    """Split an article body at its ``##`` headings (headings inside code fences are ignored)."""
    masked = _FENCE.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), body)
    matches = list(_HEADING.finditer(masked))
    result = []
    for index, match in enumerate(matches):
        end = matches[index + 1].start() if index + 1 < len(matches) else len(body)
        line = body[match.start() : match.end()]
        found = _ATTR_ID.search(line)
        result.append(
            Block(
                id=found.group("id") if found else "",
                title=match.group("title").strip(),
                body=body[match.end() : end].strip("\n"),
            )
        )
    return result


def plain(markdown_text: str) -> str:
    """Markdown rendered and reduced to plain text with normalised spaces."""
    rendered = markdown.markdown(markdown_text, extensions=["attr_list"])
    text = _TAG.sub("", _BLOCK_TAG.sub(" ", rendered))
    return " ".join(html.unescape(text).split())


def faq_pairs(body: str) -> list[tuple[str, str]]:
    """The (question, answer text) pairs of a FAQ article, in order, skipping empty answers."""
    pairs = []
    for block in blocks(body):
        answer = plain(block.body)
        if answer:
            pairs.append((plain(block.title), answer))
    return pairs


def guide_steps(body: str) -> list[str]:
    """The texts of the numbered steps after the ``## Steps`` heading of a guide."""
    for block in blocks(body):
        if block.id in _STEP_HEADINGS or block.title.casefold() in _STEP_HEADINGS:
            return _numbered_items(block.body)
    return []


def _numbered_items(text: str) -> list[str]:
    """Items of the first numbered list: continuation lines are indented or follow directly."""
    items: list[list[str]] = []
    blank = False
    for line in text.splitlines():
        match = _ITEM.match(line)
        if match:
            items.append([match.group("text")])
        elif not items:
            continue
        elif not line.strip():
            blank = True
            continue
        elif line.startswith((" ", "\t")) or not blank:
            items[-1].append(line.strip())
        else:
            break  # an unindented paragraph after a blank line ends the list
        blank = False if line.strip() else blank
    return [plain(" ".join(item)) for item in items]


def faq_page(pairs: list[tuple[str, str]], *, url: str | None = None) -> dict[str, Any]:
    """A schema.org ``FAQPage`` object."""
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "mainEntity": [
            {
                "@type": "Question",
                "name": question,
                "acceptedAnswer": {"@type": "Answer", "text": answer},
            }
            for question, answer in pairs
        ],
    }
    if url:
        data["url"] = url
    return data


def how_to(
    name: str, steps: list[str], *, description: str = "", url: str | None = None
) -> dict[str, Any]:
    """A schema.org ``HowTo`` object."""
    data: dict[str, Any] = {"@context": "https://schema.org", "@type": "HowTo", "name": name}
    if description:
        data["description"] = description
    data["step"] = [
        {"@type": "HowToStep", "position": position, "text": text}
        for position, text in enumerate(steps, start=1)
    ]
    if url:
        data["url"] = url
    return data


def structured_data(
    article_type: str, *, title: str, body: str, description: str = "", url: str | None = None
) -> dict[str, Any] | None:
    """The JSON-LD object of an article, or None for types without one or no usable content."""
    if article_type == "faq":
        pairs = faq_pairs(body)
        return faq_page(pairs, url=url) if pairs else None
    if article_type == "guide":
        steps = guide_steps(body)
        return how_to(title, steps, description=description, url=url) if steps else None
    return None


def script_tag(data: dict[str, Any]) -> str:
    """A ``<script type="application/ld+json">`` element; ``</`` is escaped for HTML safety."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    return f'<script type="application/ld+json">{text}</script>'
