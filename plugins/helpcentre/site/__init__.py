"""The site model: one reading of the help centre that every plugin and command shares."""

from helpcentre.site.model import LocaleContent, SiteModel, load_site
from helpcentre.site.settings import SiteSettings, site_settings

__all__ = ["LocaleContent", "SiteModel", "SiteSettings", "load_site", "site_settings"]
