"""What a writer, translator or operator can fix: the one error type every layer reports with.

It sits below every capability (catalogs, content, the site model), so each can name a file, a
line and the fix without importing another.
"""

from __future__ import annotations

from pathlib import Path


class ContentError(ValueError):
    """A problem in an article that its writer can fix.

    Attributes:
        path: The article's path, as the writer knows it (relative to the repository when possible).
        line: 1-based line number of the problem, or 0 when it concerns the whole file.
        problem: What is wrong.
        fix: What to write instead.
    """

    def __init__(self, path: str | Path, line: int, problem: str, fix: str) -> None:
        self.path = str(path)
        self.line = line
        self.problem = problem
        self.fix = fix
        super().__init__(self.message)

    def __reduce__(self) -> tuple[type, tuple[str, int, str, str]]:
        # Sent to the locale builds' worker processes with the site model.
        return (type(self), (self.path, self.line, self.problem, self.fix))

    @property
    def message(self) -> str:
        """The error as ``path:line: problem -- fix``."""
        return f"{self.path}:{self.line}: {self.problem} -- {self.fix}"
