"""helpcentre: a multilingual help-centre generator on MkDocs and Material for MkDocs.

The capability packages (``content``, ``history``, ``i18n``, ``stale``, ``search``, ``feedback``,
``collector``, ``report``) each hold a core that never imports MkDocs, plus, where the build needs
one, a thin MkDocs plugin in ``plugin.py`` with its options in ``config.py``.
"""

__version__ = "0.1.0"
