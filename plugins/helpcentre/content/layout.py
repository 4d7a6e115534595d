"""Article-type layout: wraps the rendered HTML of an article into the parts its type styles.

FAQ articles become question/answer items, troubleshooting articles symptom, cause and fix
sections, and guides mark their steps list. Works on the HTML that Python-Markdown produced, split
at its ``<h2>`` headings.
"""

from __future__ import annotations

import re

_H2 = re.compile(r"<h2\b[^>]*>", re.IGNORECASE)
_ID = re.compile(r'\bid="([^"]+)"')
_FIRST_OL = re.compile(r"<ol\b", re.IGNORECASE)

#: Troubleshooting parts by heading id; each gets its own style and label.
TROUBLESHOOTING_PARTS = ("symptoms", "cause", "fix")


def split_h2(content: str) -> tuple[str, list[tuple[str, str]]]:
    """Split HTML into the part before the first ``<h2>`` and (heading id, HTML) parts."""
    starts = [match.start() for match in _H2.finditer(content)]
    if not starts:
        return content, []
    parts = []
    for index, start in enumerate(starts):
        end = starts[index + 1] if index + 1 < len(starts) else len(content)
        chunk = content[start:end]
        found = _ID.search(chunk[: chunk.find(">") + 1])
        parts.append((found.group(1) if found else "", chunk))
    return content[: starts[0]], parts


def lay_out(content: str, article_type: str) -> str:
    """Wrap an article's HTML for its type; other types are returned unchanged."""
    if article_type not in {"faq", "guide", "troubleshooting"}:
        return content
    intro, parts = split_h2(content)
    out = [f'<div class="hc-article hc-article--{article_type}">', intro]
    for part_id, chunk in parts:
        if article_type == "faq":
            out.append(f'<section class="hc-faq__item">{chunk}</section>')
        elif article_type == "troubleshooting" and part_id in TROUBLESHOOTING_PARTS:
            out.append(f'<section class="hc-ts hc-ts--{part_id}">{chunk}</section>')
        elif article_type == "guide" and part_id == "steps":
            chunk = _FIRST_OL.sub('<ol class="hc-steps"', chunk, count=1)
            out.append(f'<section class="hc-guide__steps">{chunk}</section>')
        else:
            out.append(chunk)
    out.append("</div>")
    return "".join(out)
