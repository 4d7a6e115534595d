"""The ``helpcentre`` command.

Each capability contributes its sub-commands through a module with an ``add_commands(subparsers)``
function; this file only lists those modules, so that capabilities stay independent.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from helpcentre import __version__

#: Modules that add sub-commands. Each defines ``add_commands(subparsers)`` and sets, on every
#: parser it adds, ``func`` to a callable taking the parsed arguments and returning an exit code.
COMMAND_MODULES: tuple[str, ...] = (
    "helpcentre.collector.commands",
    "helpcentre.content.commands",
    "helpcentre.feedback.commands",
    "helpcentre.i18n.commands",
    "helpcentre.stale.commands",
    "helpcentre.report.commands",
    "helpcentre.scaffold.commands",
)


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser with every capability's sub-commands."""
    parser = argparse.ArgumentParser(
        prog="helpcentre",
        description="Build, check and operate a multilingual help centre.",
    )
    parser.add_argument("--version", action="version", version=f"helpcentre {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).add_commands(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return its exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return 2
    try:
        code = int(args.func(args) or 0)
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader stopped reading (``| head``): what it read was the answer. Python would
        # otherwise complain again while flushing at exit.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    return code


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
