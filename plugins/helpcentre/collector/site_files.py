"""The built site as the collector serves it: no dotfiles, no internal files, no Host echo.

Starlette's :class:`~starlette.staticfiles.StaticFiles` serves every file under the directory and
redirects ``/en`` to an absolute ``http://<Host header>/en/``, so a forged ``Host`` was copied
into ``Location`` (a cache in front would store the poisoned redirect for everyone). Here:

- any path with a segment starting with ``.`` (``.git/config``, ``.env``, ``.htpasswd``) and the
  site's internal files (``feedback-manifest.json``) are 404;
- the trailing-slash redirect is relative (``Location: /en/``), built from the request path
  alone, with leading slashes collapsed so that ``//evil.example`` cannot become a
  protocol-relative redirect to another host.
"""

from __future__ import annotations

from pathlib import PurePath

from starlette.exceptions import HTTPException
from starlette.responses import RedirectResponse, Response
from starlette.staticfiles import StaticFiles
from starlette.types import Scope

from helpcentre.feedback.manifest import MANIFEST_NAME

#: Files of a built site that are for the collector, not for readers.
INTERNAL_FILES = frozenset({MANIFEST_NAME})


def is_private(path: str) -> bool:
    """Whether the site-relative ``path`` names a dotfile, a file in a dot-folder or an internal
    file."""
    parts = PurePath(path).parts
    if any(part.startswith(".") and part not in {".", ".."} for part in parts):
        return True
    return bool(parts) and parts[-1] in INTERNAL_FILES


class SiteFiles(StaticFiles):
    """:class:`StaticFiles` without private files and with relative redirects."""

    async def get_response(self, path: str, scope: Scope) -> Response:
        """Serve ``path`` unless it is private; make a directory redirect relative."""
        raw = scope.get("path", "")
        if is_private(path) or is_private(raw.lstrip("/")):
            raise HTTPException(404)
        response = await super().get_response(path, scope)
        if isinstance(response, RedirectResponse):
            location = "/" + raw.lstrip("/") + "/"
            query = scope.get("query_string", b"").decode("latin-1")
            return RedirectResponse(location + (f"?{query}" if query else ""), response.status_code)
        return response
