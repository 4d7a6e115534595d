"""The ``--locales`` option of the search benchmark picks which reference locales it measures."""

from __future__ import annotations

import argparse
import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def load_search_bench():  # noqa: ANN201 - a module
    # Loaded from its file: its module name, "search", is also the name of this test package.
    spec = importlib.util.spec_from_file_location("search_bench", ROOT / "bench" / "search.py")
    module = importlib.util.module_from_spec(spec)
    # Registered before it runs: its dataclasses look their module up.
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_locales_option_keeps_the_order_given() -> None:
    bench = load_search_bench()
    assert bench.reference_locales("ko, id") == ("ko", "id")
    assert set(bench.LOCALES) == {p.name for p in (ROOT / "docs").iterdir() if p.is_dir()}


def test_locales_option_names_every_unknown_locale() -> None:
    bench = load_search_bench()
    with pytest.raises(argparse.ArgumentTypeError, match=r"xx, zz; choose from en, fr"):
        bench.reference_locales("ko,xx,zz")
    with pytest.raises(argparse.ArgumentTypeError, match=r"\(none given\)"):
        bench.reference_locales(" , ")


def test_a_set_without_any_chosen_locale_is_reported_not_measured(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # --locales pl builds no Arduino site (that set is English only): the set says so, and no
    # browser is needed for it.
    bench = load_search_bench()
    bench.print_relevance(None, {"arduino": {}}, {"arduino": []})
    out = capsys.readouterr().out
    assert out.count("(none of the chosen locales)") == 2
