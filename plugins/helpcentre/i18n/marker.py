"""The ``source_hash`` marker: which version of its source a translation was made from.

A translation's front matter records ``source_hash: <12 hex>``, the first twelve hexadecimal digits
of the SHA-256 of its source's *normalised* body: front matter dropped and every run of whitespace
collapsed to one space. Re-wrapping a paragraph or editing the source's front matter (a new
``reviewed:`` date, a tag) therefore leaves every translation up to date; changing a word does not.

The marker is written by ``helpcentre translations mark``, never by hand: the command rewrites that
one front matter line and keeps every other byte of the file as it was.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from helpcentre.content.frontmatter import (
    CLOSING_FENCE,
    ContentError,
    FrontMatter,
    parse_front_matter,
)

#: Front matter key of the marker.
MARKER_KEY = "source_hash"
#: Number of hexadecimal digits kept from the SHA-256.
MARKER_LENGTH = 12

_MARKER_VALUE = re.compile(rf"^[0-9a-f]{{{MARKER_LENGTH}}}$")
_MARKER_LINE = re.compile(rf"^{MARKER_KEY}[ \t]*:[ \t]*(\S*)[ \t]*(#.*)?$")


def normalised_body(path: str | Path, text: str) -> str:
    """The body of an article with its front matter dropped and whitespace collapsed.

    Args:
        path: The article's path, for error messages.
        text: The whole file.

    Raises:
        ContentError: The front matter cannot be parsed.
    """
    return " ".join(parse_front_matter(path, text).body.split())


def body_hash(path: str | Path, text: str) -> str:
    """The marker value of an article: 12 hex digits of the SHA-256 of its normalised body."""
    digest = hashlib.sha256(normalised_body(path, text).encode("utf-8"))
    return digest.hexdigest()[:MARKER_LENGTH]


def read_marker(path: str | Path, text: str) -> str | None:
    """The ``source_hash`` recorded in a translation, or ``None`` when it has none.

    Raises:
        ContentError: The marker is present but is not 12 lowercase hexadecimal digits.
    """
    return marker_in(path, parse_front_matter(path, text))


def marker_in(path: str | Path, front: FrontMatter) -> str | None:
    """:func:`read_marker` for front matter already parsed.

    Raises:
        ContentError: The marker is present but is not 12 lowercase hexadecimal digits.
    """
    if MARKER_KEY not in front.meta:
        return None
    value = front.meta[MARKER_KEY]
    if not isinstance(value, str) or not _MARKER_VALUE.match(value):
        raise ContentError(
            path,
            front.line_of(MARKER_KEY),
            f"'{MARKER_KEY}' must be {MARKER_LENGTH} lowercase hexadecimal digits, not {value!r}",
            "do not edit it by hand: run 'helpcentre translations mark <locale> <article>' "
            "once the translation matches its source",
        )
    return value


def write_marker(path: str | Path, text: str, source_hash: str) -> str:
    """Return ``text`` with its ``source_hash`` set to ``source_hash``.

    Only the marker line changes (or is inserted just before the closing ``---``); line endings,
    comments, key order and the body are kept byte for byte. A file without front matter gets a
    block holding only the marker.

    Args:
        path: The translation's path, for error messages.
        text: The whole translation file.
        source_hash: The value to record (see :func:`body_hash`).

    Raises:
        ContentError: The front matter cannot be parsed, or its marker spans several lines.
    """
    if not _MARKER_VALUE.match(source_hash):
        raise ValueError(f"not a source hash: {source_hash!r}")
    front = parse_front_matter(path, text)
    lines = text.splitlines(keepends=True)
    newline = _newline_of(lines)
    marker = f"{MARKER_KEY}: {source_hash}"
    if not front.meta and not front.lines and front.body_line == 1:
        return f"---{newline}{marker}{newline}---{newline}{text}"
    if MARKER_KEY in front.lines:
        index = front.lines[MARKER_KEY] - 1
        line = lines[index]
        content = line.rstrip("\r\n")
        match = _MARKER_LINE.match(content)
        if (
            match is None
            or not match.group(1)
            or (index + 1 < len(lines) and lines[index + 1][:1] in (" ", "\t"))
        ):
            raise ContentError(
                path,
                index + 1,
                f"'{MARKER_KEY}' must be written on one line as '{MARKER_KEY}: <hash>'",
                f"delete the '{MARKER_KEY}' entry and run 'helpcentre translations mark' again",
            )
        # Only the value changes: a trailing comment and the line ending stay.
        lines[index] = line[: match.start(1)] + source_hash + line[match.end(1) :]
        return "".join(lines)
    # The closing fence is the line just before the body.
    closing = front.body_line - 2
    if closing < 1 or not CLOSING_FENCE.match(lines[closing].rstrip("\r\n")):
        raise ContentError(
            path,
            1,
            "the front matter's closing '---' cannot be found",
            "close the front matter with a line holding only '---'",
        )
    lines.insert(closing, marker + newline)
    return "".join(lines)


def _newline_of(lines: list[str]) -> str:
    """The file's own line ending, so an inserted line does not mix ``\\n`` and ``\\r\\n``."""
    for line in lines:
        if line.endswith("\r\n"):
            return "\r\n"
        if line.endswith("\n"):
            return "\n"
    return "\n"


def mark_translation(
    docs_dir: Path,
    locale: str,
    article: str,
    *,
    default_locale: str = "en",
    source_article: str | None = None,
) -> tuple[str, bool]:
    """Record in ``docs/<locale>/<article>`` the hash of its source's current body.

    Args:
        docs_dir: The docs folder.
        locale: The translation's locale.
        article: Path inside the locale folder (``orders/track-your-order.md``).
        default_locale: The source locale.
        source_article: The original's path, when the translation has a name of its own.

    Returns:
        The recorded hash, and whether the file changed.

    Raises:
        ContentError: The source or the translation does not exist or cannot be parsed.
    """
    source = Path(docs_dir) / default_locale / (source_article or article)
    translation = Path(docs_dir) / locale / article
    for path, what in ((source, "source"), (translation, "translation")):
        if not path.is_file():
            raise ContentError(
                path,
                0,
                f"the {what} does not exist",
                "name the article by its path inside the locale folder, "
                "e.g. 'orders/track-your-order.md'",
            )
    digest = body_hash(source, source.read_text(encoding="utf-8"))
    # Bytes, not text mode: newline translation would turn CRLF files into LF ones.
    original = translation.read_bytes().decode("utf-8")
    updated = write_marker(translation, original, digest)
    if updated != original:
        translation.write_bytes(updated.encode("utf-8"))
    return digest, updated != original
