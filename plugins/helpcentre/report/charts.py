"""Charts as inline SVG, drawn when the report is written: no JavaScript, no external file.

Each chart is an ``<svg role="img">`` with an ``aria-label`` and a ``<title>`` saying what it
shows, and carries its figures as text (axis labels, values beside bars, a ``<title>`` on every
point), so a screen reader or a text browser still gets the numbers. Colours come from CSS
classes the HTML page defines, with fallbacks inline so a chart stays readable on its own.

This module never imports MkDocs.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape

Format = Callable[[float], str]


def percent(value: float) -> str:
    """``0.734`` -> ``73%``."""
    return f"{round(value * 100):d}%"


def share_or_dash(value: float | None) -> str:
    """A share as a percentage, or ``–`` when there is none."""
    return "–" if value is None else percent(value)


def helpful_share(votes: int, share: float | None, lower_bound: float) -> tuple[str, str]:
    """The helpful share of a set of votes and its lower bound, as two texts.

    Without votes there is nothing to bound: ``("no votes yet", "")`` rather than ``– (≥ 0%)``.
    """
    if not votes:
        return "no votes yet", ""
    return share_or_dash(share), f"(≥ {percent(lower_bound)})"


def fitted(text: str, width: float, *, char_width: float = 7.0) -> str:
    """``text`` as it fits ``width`` pixels: whole, or cut at the end with an ellipsis."""
    room = max(int(width // char_width), 2)
    return text if len(text) <= room else text[: room - 1] + "…"


def integer(value: float) -> str:
    """``12.0`` -> ``12``."""
    return f"{round(value):d}"


def _open(width: int, height: int, label: str, kind: str) -> str:
    text = escape(label)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart {kind}" role="img" '
        f'width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        f'aria-label="{text}"><title>{text}</title>'
    )


def _segments(points: Sequence[tuple[float, float] | None]) -> list[list[tuple[float, float]]]:
    """Split a series at missing values, so a gap is drawn as a gap."""
    runs: list[list[tuple[float, float]]] = [[]]
    for point in points:
        if point is None:
            if runs[-1]:
                runs.append([])
        else:
            runs[-1].append(point)
    return [run for run in runs if run]


def _polylines(points: Sequence[tuple[float, float] | None], css: str) -> str:
    parts = []
    for run in _segments(points):
        if len(run) == 1:
            x, y = run[0]
            parts.append(f'<circle class="{css}" cx="{x:.1f}" cy="{y:.1f}" r="2" fill="#00796b"/>')
            continue
        coords = " ".join(f"{x:.1f},{y:.1f}" for x, y in run)
        parts.append(
            f'<polyline class="{css}" points="{coords}" fill="none" stroke="#00796b" '
            'stroke-width="2" stroke-linejoin="round"/>'
        )
    return "".join(parts)


def sparkline(
    values: Sequence[float | None],
    *,
    label: str,
    fmt: Format = integer,
    empty: str = "no data",
    maximum: float | None = None,
    width: int = 180,
    height: int = 36,
) -> str:
    """A small line for a trend, its last known value written beside it.

    Args:
        values: One value per period, oldest first; None where there is no value.
        label: What the line shows, for the title and ``aria-label``.
        fmt: How the value label is written.
        empty: What is written where there is no value.
        maximum: Top of the scale (the largest value by default).
        width: Width in pixels, the value label included.
        height: Height in pixels.
    """
    known = [v for v in values if v is not None]
    top = maximum if maximum is not None else max(known, default=0.0)
    top = top or 1.0
    plot_width = width - 48
    step = plot_width / max(len(values) - 1, 1)
    points = [
        None if v is None else (2 + i * step, 2 + (height - 4) * (1 - v / top))
        for i, v in enumerate(values)
    ]
    last = fmt(known[-1]) if known else empty
    return (
        _open(width, height, label, "sparkline")
        + f'<line x1="2" y1="{height - 2}" x2="{plot_width + 2}" y2="{height - 2}" '
        'class="axis" stroke="#bbb"/>'
        + _polylines(points, "line")
        + f'<text x="{width - 2}" y="{height / 2 + 4:.1f}" text-anchor="end" class="value" '
        f'font-size="12" fill="#333">{escape(last)}</text></svg>'
    )


def line_chart(
    points: Sequence[tuple[str, float | None]],
    *,
    label: str,
    fmt: Format = integer,
    empty: str = "no data",
    maximum: float | None = None,
    width: int = 520,
    height: int = 180,
) -> str:
    """A line chart over time with a labelled scale and a tooltip on every point.

    Args:
        points: ``(period label, value)`` pairs, oldest first; None where there is no value.
        label: What the chart shows, for the title and ``aria-label``.
        fmt: How values are written on the scale and in tooltips.
        empty: What is written where there is no value.
        maximum: Top of the scale (the largest value by default).
        width: Width in pixels.
        height: Height in pixels.
    """
    left, right, top_pad, bottom = 44, 10, 10, 24
    known = [v for _, v in points if v is not None]
    top = maximum if maximum is not None else max(known, default=0.0)
    top = top or 1.0
    plot_w, plot_h = width - left - right, height - top_pad - bottom
    step = plot_w / max(len(points) - 1, 1)

    def y_of(value: float) -> float:
        return top_pad + plot_h * (1 - value / top)

    parts = [_open(width, height, label, "line-chart")]
    for fraction in (0.0, 0.5, 1.0):
        y = y_of(top * fraction)
        parts.append(
            f'<line x1="{left}" y1="{y:.1f}" x2="{width - right}" y2="{y:.1f}" class="grid" '
            'stroke="#ddd"/>'
            f'<text x="{left - 4}" y="{y + 4:.1f}" text-anchor="end" font-size="11" '
            f'fill="#555">{escape(fmt(top * fraction))}</text>'
        )
    coords = [None if v is None else (left + i * step, y_of(v)) for i, (_, v) in enumerate(points)]
    parts.append(_polylines(coords, "line"))
    for (period, value), coord in zip(points, coords, strict=True):
        if coord is None or value is None:
            continue
        parts.append(
            f'<circle cx="{coord[0]:.1f}" cy="{coord[1]:.1f}" r="3" class="point" '
            f'fill="#00796b"><title>{escape(period)}: {escape(fmt(value))}</title></circle>'
        )
    if points:
        baseline = height - 6
        parts.append(
            f'<text x="{left}" y="{baseline}" font-size="11" fill="#555">'
            f"{escape(points[0][0])}</text>"
            f'<text x="{width - right}" y="{baseline}" text-anchor="end" font-size="11" '
            f'fill="#555">{escape(points[-1][0])}</text>'
        )
    else:
        parts.append(
            f'<text x="{width / 2}" y="{height / 2}" text-anchor="middle" font-size="12" '
            f'fill="#555">{escape(empty)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def bar_chart(
    bars: Sequence[tuple[str, float]],
    *,
    label: str,
    fmt: Format = integer,
    empty: str = "no data",
    maximum: float | None = None,
    width: int = 520,
    bar_height: int = 20,
) -> str:
    """Horizontal bars, one per row, the row's name on the left and its value on the right.

    Args:
        bars: ``(row name, value)`` pairs in display order.
        label: What the chart shows, for the title and ``aria-label``.
        fmt: How values are written.
        empty: What is written where there is no value.
        maximum: Value of a full-width bar (the largest value by default).
        width: Width in pixels.
        bar_height: Height of one row in pixels.
    """
    # Names take the room they need (up to a third of the chart) and are cut at the end, never
    # at the start; the whole name stays in each bar's <title>.
    longest = max((len(name) for name, _ in bars), default=0)
    name_w, value_w, gap = int(min(max(60, 7 * longest + 12), width / 3)), 70, 6
    top = maximum if maximum is not None else max((v for _, v in bars), default=0.0)
    top = top or 1.0
    height = max(len(bars), 1) * (bar_height + gap) + gap
    plot_w = width - name_w - value_w
    parts = [_open(width, height, label, "bar-chart")]
    for index, (name, value) in enumerate(bars):
        y = gap + index * (bar_height + gap)
        length = max(plot_w * min(value / top, 1.0), 0.0)
        text_y = y + bar_height / 2 + 4
        parts.append(
            f"<g><title>{escape(name)}: {escape(fmt(value))}</title>"
            f'<text x="{name_w - 6}" y="{text_y:.1f}" text-anchor="end" font-size="12" '
            f'fill="#333">{escape(fitted(name, name_w - 12))}</text>'
            f'<rect x="{name_w}" y="{y}" width="{plot_w}" height="{bar_height}" class="track" '
            'fill="#eee"/>'
            f'<rect x="{name_w}" y="{y}" width="{length:.1f}" height="{bar_height}" class="bar" '
            'fill="#00796b"/>'
            f'<text x="{width - 4}" y="{text_y:.1f}" text-anchor="end" font-size="12" '
            f'class="value" fill="#333">{escape(fmt(value))}</text></g>'
        )
    if not bars:
        parts.append(
            f'<text x="{width / 2}" y="{height / 2 + 4}" text-anchor="middle" font-size="12" '
            f'fill="#555">{escape(empty)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)
