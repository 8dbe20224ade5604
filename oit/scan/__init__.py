"""One scan, end to end."""
