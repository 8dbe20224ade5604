"""oit: checks an agency website against the ITA open-data assessment (OIT)."""

from crawler.settings import installed_version

# One source, pyproject.toml's [project] version, as the installed metadata carries it (crawler/settings.py).
__version__ = installed_version()
