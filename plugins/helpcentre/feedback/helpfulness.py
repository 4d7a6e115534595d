"""What the build learns from readers' votes: helpfulness per page, and which pages ask for votes.

This module never imports MkDocs; :mod:`helpcentre.feedback.plugin` hands it pages' front matter
and the :class:`~helpcentre.feedback.summary.FeedbackSummary` it loaded.

Each page that readers voted on gets a :class:`Helpfulness` in ``page.meta["helpfulness"]``
(``None`` when nobody voted or no summary is configured). Its numbers are copied from the summary,
never recomputed, so the widget's "N% found this helpful", the templates and the stale rule "low
helpfulness" (which reads the same summary through
:func:`~helpcentre.feedback.summary.load_summary`) always agree.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from babel import Locale, UnknownLocaleError
from babel.numbers import format_percent

from helpcentre.feedback.summary import FeedbackSummary
from helpcentre.records import REASONS

#: Longest comment the collector accepts (``helpcentre.collector.validation.MAX_COMMENT``).
MAX_COMMENT = 1000
#: Article types that never carry the widget: the contact page is where readers already go for help.
NO_FEEDBACK_TYPES = frozenset({"contact"})

_URL = re.compile(r"^https?://[^/\s]+(/\S*)?$")


@dataclass(frozen=True)
class Helpfulness:
    """Readers' votes on one page of one locale, as the build sees them.

    Attributes:
        votes: Helpful plus not-helpful votes in the summary's window.
        helpful: "Yes" votes.
        not_helpful: "No" votes.
        helpful_share: ``helpful / votes`` (0..1).
        wilson_lower_bound: 95 % lower bound of the helpful share; rank pages by this.
        top_reasons: The most frequent reasons given with "No", ``(reason, count)``, most frequent
            first, reasons nobody gave left out.
        reasons: Count of every reason (all of ``REASONS``, zeros included).
    """

    votes: int
    helpful: int
    not_helpful: int
    helpful_share: float
    wilson_lower_bound: float
    top_reasons: tuple[tuple[str, int], ...]
    reasons: Mapping[str, int]

    @property
    def percent(self) -> int:
        """The helpful share as a whole percentage (what readers are shown)."""
        return round(self.helpful_share * 100)

    def to_dict(self) -> dict[str, Any]:
        """Plain data, e.g. for a JSON report."""
        return {
            "votes": self.votes,
            "helpful": self.helpful,
            "not_helpful": self.not_helpful,
            "helpful_share": self.helpful_share,
            "wilson_lower_bound": self.wilson_lower_bound,
            "top_reasons": [list(item) for item in self.top_reasons],
            "reasons": dict(self.reasons),
        }


def page_helpfulness(
    summary: FeedbackSummary | None, locale: str, page_id: str, *, top: int = 3
) -> Helpfulness | None:
    """Return what readers said about ``page_id`` in ``locale``, or None without votes.

    Args:
        summary: The loaded summary, or None when none is configured.
        locale: The locale code of the build.
        page_id: The page's path inside the locale folder without ``.md``.
        top: How many reasons ``top_reasons`` keeps.
    """
    if summary is None:
        return None
    entry = summary.page(locale, page_id)
    if entry is None or entry.votes == 0:
        return None
    reasons = {reason: int(entry.reasons.get(reason, 0)) for reason in REASONS}
    # Ties keep the order of REASONS, which is the order the widget offers them in.
    ranked = sorted(
        ((reason, count) for reason, count in reasons.items() if count > 0),
        key=lambda item: (-item[1], REASONS.index(item[0])),
    )
    return Helpfulness(
        votes=entry.votes,
        helpful=entry.helpful,
        not_helpful=entry.not_helpful,
        helpful_share=entry.helpful_share,
        wilson_lower_bound=entry.wilson_lower_bound,
        top_reasons=tuple(ranked[: max(0, top)]),
        reasons=reasons,
    )


def wants_feedback(meta: Mapping[str, Any], page_id: str) -> bool:
    """Whether a page shows the widget.

    Articles do; the home page (``index`` of the locale), contact pages (``type: contact``) and
    pages that opt out with ``feedback: false`` or Material's ``hide: [feedback]`` do not.

    Raises:
        ValueError: ``feedback`` is not true or false (the message says what to write).
    """
    choice = meta.get("feedback")
    if choice is not None and not isinstance(choice, bool):
        raise ValueError(
            f"'feedback' must be true or false, not {choice!r} -- write 'feedback: false' to "
            'leave the "Was this article helpful?" widget out of this page'
        )
    if choice is False:
        return False
    hide = meta.get("hide")
    if isinstance(hide, list | tuple) and "feedback" in hide:
        return False
    if page_id == "index" or meta.get("type") in NO_FEEDBACK_TYPES:
        return choice is True
    return True


def check_endpoint(endpoint: str) -> str:
    """Return the collector's API base without a trailing ``/``.

    Raises:
        ValueError: ``endpoint`` is neither an absolute path nor an http(s) URL.
    """
    value = endpoint.strip()
    if not (value.startswith("/") and not value.startswith("//")) and not _URL.match(value):
        raise ValueError(
            f"endpoint {endpoint!r} is neither a path on this site nor an http(s) URL -- write "
            "e.g. 'endpoint: /api/v1' or 'endpoint: https://feedback.example.com/api/v1'"
        )
    return value.rstrip("/") or "/"


def format_helpful_share(helpfulness: Helpfulness, locale: str) -> str:
    """The helpful share written as readers of ``locale`` write percentages (``75%``, ``75 %``)."""
    try:
        babel_locale = Locale.parse(locale.replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        babel_locale = Locale("en")
    return format_percent(helpfulness.percent / 100, locale=babel_locale)
