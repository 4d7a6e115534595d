"""Page history from one pass over ``git log``: creation, last content change, commits per path.

The core never imports MkDocs; the stale plugin and the reports read dates through it.
"""

from helpcentre.history.git import (
    SHALLOW_WARNING,
    Commit,
    HistoryError,
    PathHistory,
    RepositoryHistory,
    find_repository_root,
    read_history,
)

__all__ = [
    "SHALLOW_WARNING",
    "Commit",
    "HistoryError",
    "PathHistory",
    "RepositoryHistory",
    "find_repository_root",
    "read_history",
]
