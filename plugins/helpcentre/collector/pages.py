"""The pages that accept votes, from the build's manifest, reloaded when the file changes."""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Mapping
from pathlib import Path

from helpcentre.feedback.manifest import ManifestError, load_manifest

logger = logging.getLogger(__name__)

#: Seconds between two checks of the manifest's modification time.
CHECK_INTERVAL = 1.0


class KnownPages:
    """Page ids per locale, as listed by ``feedback-manifest.json``."""

    def __init__(self, manifest: Path) -> None:
        """Load ``manifest``.

        Raises:
            ManifestError: The manifest is missing or invalid.
        """
        self.manifest = manifest
        self._stamp = self._stat()
        self._pages = load_manifest(manifest)
        self._checked = time.monotonic()

    def _stat(self) -> tuple[int, int, int]:
        try:
            status = os.stat(self.manifest)
        except OSError:
            return (0, 0, 0)
        return (status.st_mtime_ns, status.st_size, status.st_ino)

    @property
    def locales(self) -> Mapping[str, frozenset[str]]:
        """Page ids per locale; re-read when the file changed since the last check."""
        now = time.monotonic()
        if now - self._checked >= CHECK_INTERVAL:
            self._checked = now
            stamp = self._stat()
            if stamp != self._stamp:
                self._stamp = stamp
                try:
                    self._pages = load_manifest(self.manifest)
                except ManifestError as error:
                    # A rebuild in progress must not take the collector down: keep the last
                    # good list until the file is valid again.
                    logger.warning("keeping the previous page list: %s", error)
                else:
                    logger.info("reloaded %s", self.manifest)
        return self._pages

    def count(self) -> int:
        """Number of pages over all locales."""
        return sum(len(pages) for pages in self.locales.values())
