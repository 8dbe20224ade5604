"""The demo site's content as data (content/*.toml) and its pydantic models; tools/make_demo_site.py renders it."""
