"""The report's charts, empty states and "fix first" order on the cases writers met."""

from __future__ import annotations

import re

from helpcentre.report import charts
from helpcentre.report.ranking import Candidate, page_score, rank


def test_bar_labels_are_whole_or_cut_at_the_end() -> None:
    svg = charts.bar_chart(
        [("missing-information", 3), ("outdated", 2), ("a" * 80, 1)], label="Reasons"
    )
    texts = re.findall(r'text-anchor="end" font-size="12" fill="#333">([^<]+)</text>', svg)
    assert texts[0] == "missing-information" and texts[1] == "outdated"
    assert texts[2].startswith("aaaa") and texts[2].endswith("…")
    name_width = int(re.search(r'<rect x="(\d+)"', svg).group(1))
    # The longest whole label fits left of the bars: nothing is drawn at a negative x.
    assert name_width >= 7 * len("missing-information")
    assert "<title>" + "a" * 80 + ": 1</title>" in svg


def test_no_votes_is_said_not_drawn_as_a_bound() -> None:
    assert charts.helpful_share(0, None, 0.0) == ("no votes yet", "")
    assert charts.helpful_share(40, 0.75, 0.6) == ("75%", "(≥ 60%)")


def candidate(name: str, score: float) -> Candidate:
    return Candidate("page", "en", name, None, score, 0, "votes")


def test_a_page_a_year_overdue_ranks_above_a_translation_outdated_today() -> None:
    overdue = page_score(
        traffic=0, votes=0, not_helpful=0, outdated=False, flag_levels=["warning"],
        years_unchanged=1.0,
    )  # fmt: skip
    outdated_today = page_score(
        traffic=0, votes=0, not_helpful=0, outdated=True, flag_levels=[], days_behind=0
    )
    order = rank([candidate("fr-outdated", outdated_today), candidate("billing", overdue)])
    assert [item.page for item in order] == ["billing", "fr-outdated"]
    long_outdated = page_score(
        traffic=0, votes=0, not_helpful=0, outdated=True, flag_levels=[], days_behind=200
    )
    assert long_outdated > outdated_today


def test_a_page_most_readers_call_helpful_is_not_listed() -> None:
    helpful = page_score(traffic=50, votes=50, not_helpful=6, outdated=False, flag_levels=[])
    assert helpful == 0 and rank([candidate("88-percent", helpful)]) == []
    unhelpful = page_score(traffic=50, votes=50, not_helpful=30, outdated=False, flag_levels=[])
    assert unhelpful > 0
