"""Git once: one ``git log`` pass serves a whole build, every locale included, and each command."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import mkdocs_build


@pytest.fixture
def git_calls(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A ``git`` on PATH that records each call (one line of arguments) and runs the real one."""
    real = shutil.which("git")
    assert real is not None
    folder = tmp_path / "bin"
    folder.mkdir()
    log = tmp_path / "git-calls.txt"
    wrapper = folder / "git"
    wrapper.write_text(
        f'#!/bin/sh\nprintf "%s\\n" "$*" >> "{log}"\nexec "{real}" "$@"\n', encoding="utf-8"
    )
    wrapper.chmod(wrapper.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", f"{folder}{os.pathsep}{os.environ['PATH']}")
    log.write_text("", encoding="utf-8")
    return log


def calls(log: Path) -> list[str]:
    """The git sub-command of each recorded call (``-c name=value`` options skipped)."""
    found = []
    for line in log.read_text("utf-8").splitlines():
        words = line.split()
        while words[:1] == ["-c"]:
            words = words[2:]
        found.append(words[0] if words else "")
    return found


def test_one_build_of_every_locale_runs_git_log_once(small_project: Path, git_calls: Path) -> None:
    result = mkdocs_build(small_project)
    assert result.returncode == 0, result.stderr
    made = calls(git_calls)
    # The history pass; no git log per locale build, per page or per translation.
    assert made.count("log") == 1, made
    assert len(made) <= 8, made


@pytest.mark.parametrize(
    "command",
    [
        ["check"],
        ["report", "--output", "report.json"],
        ["translations", "status"],
    ],
)
def test_each_command_runs_git_log_once(
    small_project: Path, git_calls: Path, command: list[str]
) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "helpcentre.cli", *command],
        cwd=small_project,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode in (0, 1), result.stderr
    made = calls(git_calls)
    assert made.count("log") == 1, made
    assert len(made) <= 8, made
