"""Front matter: read the YAML block at the top of an article, keeping line numbers for errors.

MkDocs silently drops a front matter block it cannot parse; a help centre cannot afford that, so
articles are read here first and every problem is reported as ``path:line: problem -- fix``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from helpcentre.problems import ContentError

__all__ = ["CLOSING_FENCE", "OPENING_FENCE", "ContentError", "FrontMatter", "parse_front_matter"]

# libyaml's loader when PyYAML was built with it: front matter is read for every page.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
#: The line that opens a front matter block, and the lines that may close it. Every module that
#: looks for front matter uses these.
OPENING_FENCE = re.compile(r"^---[ \t]*$")
CLOSING_FENCE = re.compile(r"^(---|\.\.\.)[ \t]*$")


@dataclass
class FrontMatter:
    """An article's front matter and body.

    Attributes:
        meta: The parsed keys (an empty dict when the article has no front matter).
        lines: 1-based line number of each top-level key in the file.
        body: The Markdown after the front matter.
        body_line: 1-based line number of the body's first line in the file.
    """

    meta: dict[str, Any] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)
    body: str = ""
    body_line: int = 1

    def line_of(self, key: str) -> int:
        """Line of ``key`` in the file, or the front matter's first line when it is absent."""
        return self.lines.get(key, 1)


def parse_front_matter(path: str | Path, text: str) -> FrontMatter:
    """Split ``text`` into front matter and body.

    Args:
        path: The file's path, used in error messages.
        text: The whole file.

    Returns:
        The parsed front matter with key line numbers.

    Raises:
        ContentError: The block is not closed, is not valid YAML, or is not a mapping.
    """
    lines = text.splitlines(keepends=True)
    if not lines or not OPENING_FENCE.match(lines[0].rstrip("\r\n")):
        return FrontMatter(body=text, body_line=1)
    end = next(
        (i for i in range(1, len(lines)) if CLOSING_FENCE.match(lines[i].rstrip("\r\n"))), None
    )
    if end is None:
        raise ContentError(
            path,
            1,
            "front matter is opened with '---' but never closed",
            "add a line with '---' after the last front matter key",
        )
    source = "".join(lines[1:end])
    loader = _LOADER(source)
    try:
        # One parse gives both the key nodes (for line numbers) and the values.
        node = loader.get_single_node()
        meta = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as error:
        # Where the construct started (an unclosed '[' or quote) beats where parsing gave up.
        mark = getattr(error, "context_mark", None) or getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        raise ContentError(
            path,
            line,
            f"front matter is not valid YAML: {problem}",
            "write 'key: value' pairs; quote values that contain ':' "
            "or start with '[', '{', '@' or '*'",
        ) from error
    except ValueError as error:
        # A value YAML parses but cannot construct, such as the date 2026-02-30.
        line, key, raw = _bad_value(source)
        raise ContentError(
            path,
            line,
            f"'{key}': '{raw}' is not a date ({error})",
            "write a date that exists, as YYYY-MM-DD (e.g. 2026-02-28)",
        ) from error
    finally:
        loader.dispose()
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise ContentError(
            path,
            2,
            "front matter must be a mapping of keys to values",
            "write one 'key: value' per line between the '---' lines",
        )
    key_lines: dict[str, int] = {}
    if isinstance(node, yaml.MappingNode):
        for key_node, _ in node.value:
            key_lines[str(key_node.value)] = key_node.start_mark.line + 2
    body = "".join(lines[end + 1 :])
    return FrontMatter(meta=meta, lines=key_lines, body=body, body_line=end + 2)


def _bad_value(source: str) -> tuple[int, str, str]:
    """Line (in the file), key and text of the first top-level value that fails to construct."""
    loader = _LOADER(source)
    try:
        node = loader.get_single_node()
        for key_node, value_node in getattr(node, "value", []):
            try:
                loader.construct_object(value_node, deep=True)
            except ValueError:
                raw = value_node.value if isinstance(value_node.value, str) else "..."
                return value_node.start_mark.line + 2, str(key_node.value), raw
    finally:
        loader.dispose()
    return 1, "?", "?"
