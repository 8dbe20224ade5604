"""Delivery of queued alerts (oit.watch.alerts) to webhooks (JSON POST) and by e-mail (SMTP).

Each channel of each message is tried once per run; what went through is remembered, what failed is logged
and tried again on the next run (up to MAX_ATTEMPTS runs). A failing channel never stops the others, never
raises into the scan, and never loses the alert.
"""

from __future__ import annotations

import logging
import smtplib
import ssl
from datetime import timedelta
from email.message import EmailMessage
from email.utils import formatdate, make_msgid

import httpx

from oit import __version__
from oit.config import AlertsConfig, EmailConfig
from oit.store import Engine
from oit.store.alerts import AlertMessage, claim_message, pending_messages, record_delivery
from oit.watch.alerts import Alert

log = logging.getLogger("oit.delivery")  # the name printed in the log lines, kept as it was before oit/watch/

MAX_ATTEMPTS = 10  # nightly runs: about ten days of retries before a message is given up


def channels(config: AlertsConfig) -> list[str]:
    return [f"webhook:{url}" for url in config.webhooks] + (["email"] if config.email else [])


def deliver_pending(engine: Engine, config: AlertsConfig, site_url: str | None = None) -> int:
    """Send every queued message (of one site, or all) on every channel it has not gone through yet; returns
    how many sends worked. Each message is claimed first (claimed_until): of two runs at once (two fleet workers,
    or a worker beside `oit schedule`), one sends it and the other leaves it."""
    targets = channels(config)
    sent = 0
    for message_id in pending_messages(engine, site_url):
        row = _claim(engine, message_id, len(targets), config.timeout)
        if row is None:
            continue
        delivered = list(row.delivered or [])
        errors = []
        for target in targets:
            if target in delivered:
                continue
            error = _send(target, Alert.model_validate(row.body), config)
            if error is None:
                delivered.append(target)
                sent += 1
            else:
                errors.append(f"{_redact(target)}: {error}")
        attempts = row.attempts + 1
        done = not errors or attempts >= MAX_ATTEMPTS
        if errors and done:
            log.error("เลิกส่งการแจ้งเตือน %d หลังลอง %d ครั้ง / alert given up: %s", row.id, attempts, errors)
        last_error = "; ".join(errors) or None
        # per message: a later failure cannot undo what was already sent
        record_delivery(engine, row.id, attempts, delivered, last_error, done)
    return sent


def _claim(engine: Engine, message_id: int, channels: int, timeout: float) -> AlertMessage | None:
    """Hold the message for as long as its sends may take (every channel timing out, twice over) and read it
    again (another run may have sent it on some channels since); None when another run holds or finished it."""
    return claim_message(engine, message_id, timedelta(seconds=2 * timeout * max(1, channels) + 60))


def _send(target: str, alert: Alert, config: AlertsConfig) -> str | None:
    """None when sent, else the reason (logged)."""
    try:
        if target == "email" and config.email is not None:
            send_email(config.email, alert, config.timeout)
        else:
            send_webhook(target.removeprefix("webhook:"), alert, config.timeout)
    except httpx.HTTPStatusError as exc:
        reason = f"HTTP {exc.response.status_code}"  # the exception's text holds the URL and its secret
    except (httpx.HTTPError, OSError, smtplib.SMTPException, ValueError) as exc:
        reason = f"{type(exc).__name__}: {exc}".replace(target.removeprefix("webhook:"), _redact(target))[:500]
    else:
        return None
    log.warning("ส่งการแจ้งเตือนไม่สำเร็จ / alert delivery failed (%s): %s", _redact(target), reason)
    return reason


def send_webhook(url: str, alert: Alert, timeout: float) -> None:
    headers = {"User-Agent": f"oit/{__version__} (alerts)"}
    response = httpx.post(url, json=alert.model_dump(mode="json"), headers=headers, timeout=timeout)
    response.raise_for_status()


def send_email(config: EmailConfig, alert: Alert, timeout: float) -> None:
    message = EmailMessage()
    message["Subject"] = " ".join(alert.subject.split())  # one line: a page title cannot add headers
    message["From"] = config.sender
    message["To"] = ", ".join(config.to)
    message["Date"] = formatdate(localtime=False)
    message["Message-ID"] = make_msgid(domain=config.sender.rsplit("@", 1)[-1] or None)
    message.set_content(_plain(alert.text), charset="utf-8")
    smtp_class = smtplib.SMTP_SSL if config.ssl else smtplib.SMTP
    with smtp_class(config.host, config.port, timeout=timeout) as smtp:
        if config.starttls and not config.ssl:
            smtp.starttls(context=ssl.create_default_context())
        if config.user:
            smtp.login(config.user, config.password or "")
        smtp.send_message(message)


def _plain(text: str) -> str:
    """The chat text without its Slack escaping: an e-mail shows it as it is."""
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def _redact(target: str) -> str:
    """Webhook URLs carry their secret in the path or query (Slack, Teams): log the host only."""
    if target.startswith("webhook:"):
        url = httpx.URL(target.removeprefix("webhook:"))
        return f"webhook:{url.scheme}://{url.host}/…"
    return target
