"""Ways to show a check's flags: text for people, JSON, GitHub Actions annotations, Markdown.

This module never imports MkDocs.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from helpcentre.site.check import CheckResult
from helpcentre.stale.rules import StaleFlag

_GITHUB_COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def _summary_line(result: CheckResult) -> str:
    # "notes" counts what was printed as a note: the check's notes and info-level flags.
    return (
        f"{result.pages} pages checked: {result.count('error')} errors, "
        f"{result.count('warning')} warnings, {result.count('info') + len(result.notes)} notes"
    )


def format_text(result: CheckResult) -> str:
    """One line per flag, ``path:line: level: reason -- fix [rule]``, then a summary."""
    lines = [f"note: {note}" for note in result.notes]
    lines += [
        f"{flag.path}:{flag.line}: {flag.level}: {flag.reason} -- {flag.fix} [{flag.rule}]"
        for flag in result.flags
    ]
    lines.append(_summary_line(result))
    return "\n".join(lines) + "\n"


def format_json(result: CheckResult) -> str:
    """The flags, notes and counts as a JSON document."""
    data = {
        "pages": result.pages,
        "failed": result.failed,
        "counts": {level: result.count(level) for level in ("error", "warning", "info")},
        "notes": result.notes,
        "flags": [flag.to_dict() for flag in result.flags],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _escape_data(text: str) -> str:
    # GitHub's workflow command escaping: the message, then property values.
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _annotation(flag: StaleFlag) -> str:
    command = _GITHUB_COMMANDS.get(flag.level, "notice")
    properties = (
        f"file={_escape_property(flag.path)},line={max(flag.line, 1)},"
        f"title={_escape_property(flag.rule)}"
    )
    return f"::{command} {properties}::{_escape_data(f'{flag.reason} -- {flag.fix}')}"


def format_github(result: CheckResult) -> str:
    """GitHub Actions workflow commands: one annotation per flag on its file and line."""
    lines = [f"::warning::{_escape_data(note)}" for note in result.notes]
    lines += [_annotation(flag) for flag in result.flags]
    lines.append(_summary_line(result))
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def format_markdown(result: CheckResult) -> str:
    """A Markdown summary for a pull-request comment: counts, then a table per level."""
    icon = "❌" if result.failed else ("⚠️" if result.flags else "✅")
    out = [f"### {icon} Help centre check", "", _summary_line(result) + ".", ""]
    for note in result.notes:
        out += [f"> **Note:** {_cell(note)}", ""]
    for level, title in (("error", "Errors"), ("warning", "Warnings"), ("info", "Notes")):
        flags = [flag for flag in result.flags if flag.level == level]
        if not flags:
            continue
        out += [
            f"#### {title} ({len(flags)})",
            "",
            "| Page | Rule | Problem | Fix |",
            "|---|---|---|---|",
        ]
        out += [
            f"| `{_cell(flag.path)}:{flag.line}` | {flag.rule} | {_cell(flag.reason)} | "
            f"{_cell(flag.fix)} |"
            for flag in flags
        ]
        out.append("")
    if not result.flags:
        out += ["No stale pages, broken links or translations behind.", ""]
    return "\n".join(out)


#: Output formats by name.
FORMATS: dict[str, Callable[[CheckResult], str]] = {
    "text": format_text,
    "json": format_json,
    "github": format_github,
    "markdown": format_markdown,
}
