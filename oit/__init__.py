"""oit: checks an agency website against the ITA open-data assessment (OIT)."""

__version__ = "0.1.0"
