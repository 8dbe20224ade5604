"""config.toml: defaults, crawl politeness and the sites to watch, validated with pydantic.

A wrong key or value is reported with its location (file, table, key) in Thai and English, never as a
traceback. The environment variable OIT_DATABASE overrides the database URL.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

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

    @field_validator("schedule")
    @classmethod
    def _cron(cls, value: str | None) -> str | None:
        return check_cron(value) if value is not None else None

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


def check_cron(value: str, timezone: str = "Asia/Bangkok") -> str:
    """A five-field cron expression (minute hour day month weekday), as APScheduler reads it."""
    from apscheduler.triggers.cron import CronTrigger  # imported here: only schedules need it

    try:
        CronTrigger.from_crontab(value, timezone=timezone)
    except ValueError as exc:
        raise ValueError(
            f'นิพจน์ cron ไม่ถูกต้อง ต้องมี 5 ช่อง นาที ชั่วโมง วัน เดือน วันในสัปดาห์ เช่น "0 2 * * *" ({exc})'
            " / invalid cron expression (minute hour day month weekday)"
        ) from None
    return value


class ScheduleConfig(BaseModel):
    """`oit schedule`: when sites without their own `schedule` are scanned, and how runs are kept in line."""

    model_config = ConfigDict(extra="forbid")

    cron: str = Field("0 2 * * *", description="default for every site: nightly at 02:00")
    timezone: str = "Asia/Bangkok"
    misfire_grace_hours: float = Field(6.0, gt=0, description="a run missed (machine off, busy) still runs this late")
    stop_timeout: float = Field(60.0, ge=0, description="seconds a running scan gets to stop on SIGTERM")

    @field_validator("timezone")
    @classmethod
    def _zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"ไม่รู้จักเขตเวลา {value!r} เช่น Asia/Bangkok / unknown time zone") from None
        return value

    @field_validator("cron")
    @classmethod
    def _cron(cls, value: str) -> str:
        return check_cron(value)


class FleetConfig(BaseModel):
    """[fleet]: many machines scanning many sites each night (`oit fleet`): a Redis queue beside a shared database."""

    model_config = ConfigDict(extra="forbid")

    redis_url: str = Field("redis://127.0.0.1:6379/0", description="the queue's Redis (OIT_REDIS overrides it)")
    threads: int = Field(4, ge=1, le=64, description="scans one worker runs at once (--threads)")
    lease_seconds: float = Field(90.0, ge=10, description="a worker silent this long has its scans handed on")
    max_attempts: int = Field(3, ge=1, le=20, description="tries per site and night before it is failed")
    retry_minutes: float = Field(15.0, ge=0, description="wait before a failed site is tried again")
    retry_after_error_seconds: float = Field(
        60.0, ge=1, description="wait before an order that met a database error is tried again"
    )
    late_after_hours: float = Field(6.0, gt=0, description="a site not done this long after queueing is reported late")

    @field_validator("redis_url")
    @classmethod
    def _redis(cls, value: str) -> str:
        if not value.startswith(("redis://", "rediss://", "unix://")):
            raise ValueError("ต้องขึ้นต้นด้วย redis:// หรือ rediss:// / must be a redis:// URL")
        return value


class EmailConfig(BaseModel):
    """[alerts.email]: alerts by SMTP. The password is read from an environment variable, never the file."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    host: str
    port: int = Field(587, ge=1, le=65535)
    starttls: bool = True
    ssl: bool = False  # SMTP over TLS from the start (port 465); starttls is then not used
    user: str | None = None
    password_env: str = "OIT_SMTP_PASSWORD"
    sender: str = Field(alias="from")
    to: list[str] = Field(min_length=1)

    @field_validator("to", mode="before")
    @classmethod
    def _listify(cls, value: object) -> object:
        return [value] if isinstance(value, str) else value

    @field_validator("sender", "to")
    @classmethod
    def _address(cls, value: str | list[str]) -> str | list[str]:
        for address in [value] if isinstance(value, str) else value:
            if "@" not in address or any(c.isspace() for c in address.strip()):
                raise ValueError(f"ที่อยู่อีเมลไม่ถูกต้อง {address!r} / not an e-mail address")
        return value

    @property
    def password(self) -> str | None:
        return os.environ.get(self.password_env) or None


class AlertsConfig(BaseModel):
    """[alerts]: where confirmed changes and stale-scan warnings go (see README, "Nightly scans")."""

    model_config = ConfigDict(extra="forbid")

    webhooks: list[str] = Field(default_factory=list)
    email: EmailConfig | None = None
    stale_hours: float = Field(36.0, gt=0, description="warn when the latest finished scan is older than this")
    timeout: float = Field(15.0, gt=0, description="seconds per delivery attempt")

    @field_validator("webhooks", mode="before")
    @classmethod
    def _listify(cls, value: object) -> object:
        return [value] if isinstance(value, str) else value

    @field_validator("webhooks")
    @classmethod
    def _http_urls(cls, value: list[str]) -> list[str]:
        for url in value:
            if not url.startswith(("http://", "https://")):
                raise ValueError(f"URL ของ webhook ต้องขึ้นต้นด้วย http:// หรือ https:// ({url!r}) / not an http(s) URL")
        return value


class Config(BaseModel):
    model_config = ConfigDict(extra="forbid")

    database: DatabaseConfig = Field(default_factory=DatabaseConfig)
    crawl: CrawlSettings = Field(default_factory=CrawlSettings)
    report: ReportConfig = Field(default_factory=ReportConfig)
    sites: list[SiteConfig] = Field(default_factory=list)
    schedule: ScheduleConfig = Field(default_factory=ScheduleConfig)
    alerts: AlertsConfig = Field(default_factory=AlertsConfig)
    fleet: FleetConfig = Field(default_factory=FleetConfig)

    @property
    def database_url(self) -> str:
        return os.environ.get("OIT_DATABASE") or self.database.url

    @property
    def redis_url(self) -> str:
        return os.environ.get("OIT_REDIS") or self.fleet.redis_url

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
