"""Help widget contexts as a site configures them, checked as part of the site model's verdict.

A site names contexts in ``mkdocs.yml`` under ``plugins > helpcentre/widget > contexts``
(``billing``, ``checkout``) and says, for each, which articles belong to it: by category, by tag,
or by article path pattern (``billing/*``). A product page asks for one with
``data-context="billing"``, or the widget picks the first context whose ``host_paths`` pattern
matches the product page's path. The model checks the rules against the categories and tags its
articles have, so ``mkdocs build`` and ``helpcentre check`` report the same problems, all at once;
:func:`helpcentre.widget.contexts.suggested_articles` applies them.

This module never imports MkDocs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from helpcentre.records import CONTEXT_PATTERN

_CONTEXT_ID = re.compile(CONTEXT_PATTERN)
#: Keys a context may have.
RULE_KEYS = ("categories", "tags", "pages", "host_paths", "limit")
#: Suggestions shown when a context does not say.
DEFAULT_LIMIT = 5


class ContextError(ValueError):
    """The widget's contexts are wrong.

    Attributes:
        problems: Every problem as ``(what is wrong, what to write instead)``; what is wrong
            starts with the context's id (``billing > tags: ...``).
    """

    def __init__(self, where: str, problems: list[tuple[str, str]]) -> None:
        self.problems = problems
        super().__init__("\n".join(f"{where} > {reason} -- {fix}" for reason, fix in problems))


@dataclass(frozen=True)
class ContextRule:
    """One context: the articles it suggests and the product pages it applies to.

    Attributes:
        id: What ``data-context`` says.
        categories: Category ids whose articles belong to the context.
        tags: Tags whose articles belong to the context.
        pages: Glob patterns of article paths (``billing/*``, with or without ``.md``).
        host_paths: Glob patterns of product-page paths (``/settings/billing*``) that choose
            this context when the page's tag names none.
        limit: Most suggestions shown.
    """

    id: str
    categories: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    pages: tuple[str, ...] = ()
    host_paths: tuple[str, ...] = ()
    limit: int = DEFAULT_LIMIT


def _texts(value: Any, where: str, problems: list[tuple[str, str]]) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(item, str) and item for item in value):
        problems.append((f"{where}: must be a list of texts", "write e.g. [billing, invoices]"))
        return ()
    return tuple(value)


def parse_contexts(
    raw: Any,
    *,
    where: str,
    categories: Iterable[str] | None = None,
    tags: Iterable[str] | None = None,
) -> list[ContextRule]:
    """Check the ``contexts`` option and return its rules, in the order written.

    Args:
        raw: The option as written: a mapping of context id to its rules.
        where: How the option is named in messages (``mkdocs.yml: plugins > helpcentre/widget
            > contexts``).
        categories: Category ids the site knows (configured, or used by an article); None:
            not checked.
        tags: Tags some article has; None: not checked.

    Raises:
        ContextError: Every problem of every context, each with its fix.
    """
    problems: list[tuple[str, str]] = []
    rules: list[ContextRule] = []
    if raw in (None, {}):
        return rules
    if not isinstance(raw, Mapping):
        raise ContextError(
            where,
            [("must map context ids to rules", "write e.g. billing: {categories: [billing]}")],
        )
    known_categories = None if categories is None else set(categories)
    known_tags = None if tags is None else set(tags)
    for key, value in raw.items():
        name = str(key)
        if not _CONTEXT_ID.fullmatch(name):
            problems.append(
                (
                    f"{name}: a context id is lowercase letters, digits, '-' or '_' (at most 40)",
                    "rename it as product pages will write it in data-context",
                )
            )
        if not isinstance(value, Mapping):
            problems.append(
                (f"{name}: must be rules", "write e.g. {categories: [billing], tags: [payment]}")
            )
            continue
        for unknown in sorted(set(map(str, value)) - set(RULE_KEYS)):
            problems.append((f"{name} > {unknown}: unknown key", f"use {', '.join(RULE_KEYS)}"))
        rule_categories = _texts(value.get("categories"), f"{name} > categories", problems)
        for category in rule_categories:
            if known_categories is not None and category not in known_categories:
                problems.append(
                    (
                        f"{name} > categories: unknown category '{category}'",
                        f"use one of {', '.join(sorted(known_categories))}",
                    )
                )
        rule_tags = _texts(value.get("tags"), f"{name} > tags", problems)
        for tag in rule_tags:
            if known_tags is not None and tag not in known_tags:
                problems.append(
                    (
                        f"{name} > tags: no article has the tag '{tag}'",
                        "check its spelling or add it to an article's 'tags:'",
                    )
                )
        pages = _texts(value.get("pages"), f"{name} > pages", problems)
        host_paths = _texts(value.get("host_paths"), f"{name} > host_paths", problems)
        for pattern in host_paths:
            if not pattern.startswith("/"):
                problems.append(
                    (
                        f"{name} > host_paths: '{pattern}' is not a path of the product's pages",
                        "start it with '/', e.g. /settings/billing*",
                    )
                )
        limit = value.get("limit", DEFAULT_LIMIT)
        if isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit <= 20:
            problems.append(
                (f"{name} > limit: must be a whole number from 1 to 20", "write e.g. limit: 5")
            )
            limit = DEFAULT_LIMIT
        if not (rule_categories or rule_tags or pages):
            problems.append((f"{name}: names no articles", "give categories, tags or pages"))
        rules.append(ContextRule(name, rule_categories, rule_tags, pages, host_paths, int(limit)))
    if problems:
        raise ContextError(where, problems)
    return rules


def glob_matches(pattern: str, text: str) -> bool:
    """Whether ``text`` matches ``pattern``: ``*`` any characters, ``?`` one, nothing else
    special (the widget's script reads ``host_paths`` the same way)."""
    expression = "".join(
        ".*" if char == "*" else "." if char == "?" else re.escape(char) for char in pattern
    )
    return re.fullmatch(expression, text, re.DOTALL) is not None


def context_for_path(rules: Iterable[ContextRule], path: str) -> str | None:
    """The first context whose ``host_paths`` match a product page's path, or None.

    The widget's script applies the same patterns in the browser; this is their reference.
    """
    for rule in rules:
        if any(glob_matches(pattern, path) for pattern in rule.host_paths):
            return rule.id
    return None
