"""The site over time."""
