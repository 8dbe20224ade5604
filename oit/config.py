"""config.toml: defaults, crawl politeness and the sites to watch, validated with pydantic.

A wrong key or value is reported with its location (file, table, key) in Thai and English, never as a
traceback. The environment variable OIT_DATABASE overrides the database URL.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from crawler.settings import CrawlSettings

DEFAULT_DATABASE = "sqlite:///oit.sqlite"


class ConfigError(Exception):
    """The configuration cannot be used. The message is for the user, Thai first."""


class SiteConfig(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str
    url: str
    items: dict[str, list[str]] = Field(default_factory=dict, description="item code -> declared evidence URLs")
    encoding: str | None = None
    schedule: str | None = Field(None, description="cron expression, Asia/Bangkok (nightly scans)")
    allow_subdomains: bool | None = None

    @field_validator("url")
    @classmethod
    def _http_url(cls, value: str) -> str:
        if not value.startswith(("http://", "https://")):
            raise ValueError("ต้องขึ้นต้นด้วย http:// หรือ https:// / must start with http:// or https://")
        return value

    @field_validator("items", mode="before")
    @classmethod
    def _listify(cls, value: dict) -> dict:
        if not isinstance(value, dict):
            raise ValueError("ต้องเป็นตาราง รหัสข้อ = URL / must be a table of item code = URL(s)")
        out = {}
        for code, urls in value.items():
            if not isinstance(code, str) or not code.upper().startswith("O"):
                raise ValueError(f"รหัสข้อไม่ถูกต้อง {code!r} / bad item code")
            out[code.upper()] = [urls] if isinstance(urls, str) else urls
        return out


class DatabaseConfig(BaseModel):
    model_config = ConfigDict(extra="forbid")

    url: str = DEFAULT_DATABASE


class ReportConfig(BaseModel):
    model_config = ConfigDict(extra="forbid")

    dir: str = "oit-reports"


class Config(BaseModel):
    model_config = ConfigDict(extra="forbid")

    database: DatabaseConfig = Field(default_factory=DatabaseConfig)
    crawl: CrawlSettings = Field(default_factory=CrawlSettings)
    report: ReportConfig = Field(default_factory=ReportConfig)
    sites: list[SiteConfig] = Field(default_factory=list)

    @property
    def database_url(self) -> str:
        return os.environ.get("OIT_DATABASE") or self.database.url

    def site_for(self, url: str) -> SiteConfig | None:
        key = url.rstrip("/").lower()
        return next((s for s in self.sites if s.url.rstrip("/").lower() == key or s.name == url), None)


def load_config(path: str | Path | None) -> Config:
    """Read a config file; None means built-in defaults (plus ./config.toml when present)."""
    if path is None:
        path = Path("config.toml") if Path("config.toml").is_file() else None
        if path is None:
            return Config()
    path = Path(path)
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ConfigError(f"ไม่พบไฟล์ตั้งค่า {path} / config file not found: {path}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"ไฟล์ตั้งค่า {path} เขียนไม่ถูกต้องตามรูปแบบ TOML: {exc} / invalid TOML") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"อ่านไฟล์ตั้งค่า {path} ไม่ได้: {exc} / cannot read config") from exc
    try:
        return Config(**raw)
    except ValidationError as exc:
        raise ConfigError(_explain(path, exc)) from exc


def _explain(path: Path, exc: ValidationError) -> str:
    lines = [f"ไฟล์ตั้งค่า {path} มีค่าที่ไม่ถูกต้อง / invalid values in {path}:"]
    for error in exc.errors():
        where = ".".join(str(p) for p in error["loc"])
        if error["type"] == "extra_forbidden":
            lines.append(f"  - {where}: ไม่รู้จักชื่อนี้ (สะกดผิด?) / unknown key")
        else:
            lines.append(f"  - {where}: {error['msg']} (ค่า/value: {error.get('input')!r})")
    return "\n".join(lines)
