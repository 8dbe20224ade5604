"""config.toml: the shipped example is valid; mistakes are reported with their location, never a traceback."""

from pathlib import Path

import pytest

from oit.config import ConfigError, load_config

REPO = Path(__file__).resolve().parents[2]


def test_shipped_example_is_valid():
    config = load_config(REPO / "config.toml")
    assert config.crawl.respect_robots is True
    site = config.site_for("อบต.ตัวอย่าง")
    assert site is not None and site.items["O20"][1].endswith("nogift-2569.pdf")
    assert site.items["O1"] == ["https://www.example.go.th/structure.html"]  # a single URL becomes a list


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_unknown_key_is_named_with_its_table(tmp_path):
    with pytest.raises(ConfigError) as info:
        load_config(write(tmp_path, "[crawl]\nconcurency = 3\n"))
    assert "crawl.concurency" in str(info.value)
    assert "ไม่รู้จัก" in str(info.value)


def test_bad_values_are_each_reported(tmp_path):
    text = '[crawl]\ndelay = -1\n[[sites]]\nname = "x"\nurl = "ftp://x.go.th"\n[sites.items]\nX9 = "http://a"\n'
    with pytest.raises(ConfigError) as info:
        load_config(write(tmp_path, text))
    message = str(info.value)
    assert "crawl.delay" in message
    assert "sites.0.url" in message
    assert "sites.0.items" in message


def test_toml_syntax_error_is_explained(tmp_path):
    with pytest.raises(ConfigError) as info:
        load_config(write(tmp_path, "[crawl\ndelay = 1\n"))
    assert "TOML" in str(info.value)


def test_missing_file(tmp_path):
    with pytest.raises(ConfigError) as info:
        load_config(tmp_path / "nope.toml")
    assert "ไม่พบไฟล์ตั้งค่า" in str(info.value)


def test_environment_overrides_database(tmp_path, monkeypatch):
    config = load_config(write(tmp_path, '[database]\nurl = "sqlite:///a.sqlite"\n'))
    assert config.database_url == "sqlite:///a.sqlite"
    monkeypatch.setenv("OIT_DATABASE", "sqlite:///b.sqlite")
    assert config.database_url == "sqlite:///b.sqlite"
