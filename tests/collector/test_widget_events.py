"""The help widget's events: a context beside the contact-page fields, stored on both backends,
counted per context in the summary, and refused when the context is not one."""

from __future__ import annotations

import datetime as dt

import pytest

from helpcentre.collector.migrations import LATEST_VERSION
from helpcentre.collector.storage import open_store
from helpcentre.collector.summaries import load_summary
from helpcentre.feedback.summary import FeedbackSummary, build_summary
from helpcentre.records import ContactRecord, VoteRecord

from .test_contact_events import SHOWN, api, create_previous_release, post, settings, stored

__all__ = ["api", "settings"]  # fixtures, used by name

DAY = "2025-03-01"


def widget(session: str, kind: str, context: str | None, page: str | None = None) -> ContactRecord:
    return ContactRecord(DAY, 1, session, "fr", kind, page, 3, context)


def test_the_context_is_stored_and_counted_apart_from_the_contact_page(api, settings) -> None:  # noqa: ANN001
    body = {**SHOWN, "context": "billing"}
    assert post(api, body, origin="https://help.example.com").status_code == 202
    assert post(api, {**SHOWN, "session": "contactpage1"}).status_code == 202
    events = sorted(stored(settings.database_url), key=lambda e: e.context or "")
    assert [(e.event, e.context) for e in events] == [("shown", None), ("shown", "billing")]
    summary = load_summary(settings.database_url)
    assert summary.contact is not None and summary.contact["fr"].shown == 1
    assert summary.widget is not None and list(summary.widget) == ["billing"]
    assert summary.widget["billing"].shown == 1


@pytest.mark.parametrize(
    ("context", "detail"),
    [
        ("Billing", "context: 'Billing' is not a widget context"),
        ("", "context: '' is not a widget context"),
        (7, "context: must be a string, not a number"),
        ("x" * 41, "is not a widget context"),
    ],
)
def test_a_wrong_context_is_refused_naming_the_field(api, settings, context, detail) -> None:  # noqa: ANN001
    response = post(api, {**SHOWN, "context": context})
    assert response.status_code == 422
    assert detail in response.json()["detail"]
    assert stored(settings.database_url) == []


def test_deflection_per_context() -> None:
    events = [
        widget("a", "shown", "billing"),
        widget("a", "clicked", "billing", "billing/double-charge"),
        widget("b", "shown", "billing"),
        widget("b", "contacted", "billing"),
        widget("c", "shown", "checkout"),
        widget("d", "shown", None),  # the contact page
    ]
    day = dt.date.fromisoformat(DAY)
    summary = build_summary([], [], since=day, until=day, contact_events=events)
    assert summary.widget is not None and summary.contact is not None
    billing, checkout = summary.widget["billing"], summary.widget["checkout"]
    assert (billing.shown, billing.clicked, billing.contacted, billing.avoided) == (2, 1, 1, 1)
    assert billing.clicked_pages[0].page == "billing/double-charge"
    assert (checkout.shown, checkout.avoided) == (1, 1)
    assert summary.contact["fr"].shown == 1
    again = FeedbackSummary.from_json(summary.to_json())
    assert again.widget == summary.widget
    # A summary written before the widget existed has no widget section: no data.
    data = summary.to_dict()
    del data["widget"]
    assert FeedbackSummary.from_dict(data).widget is None


def test_step_4_upgrades_a_database_of_the_previous_release(database_url) -> None:  # noqa: ANN001
    vote = VoteRecord(DAY, 1, "r", "fr", "index", True, None, None)
    create_previous_release(database_url, [vote], before=4)
    with open_store(database_url) as store:
        assert store.schema_version() == LATEST_VERSION
        store.record([widget("s1", "shown", None), widget("s2", "shown", "billing")])
        events = sorted(store.fetch_contact_events(DAY), key=lambda e: e.session)
    assert [e.context for e in events] == [None, "billing"]
