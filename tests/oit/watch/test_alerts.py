"""Alerts: only confirmed changes, flapping suppressed, stale warnings, delivered to a real HTTP receiver and a
real SMTP server (aiosmtpd) on 127.0.0.1, with the state in a real SQLite database."""

from __future__ import annotations

import logging
import socket
import threading
import time
from collections.abc import Iterator
from datetime import timedelta
from email import message_from_bytes, policy
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
from sqlalchemy import func, select, update
from sqlalchemy.engine import Engine, Row

from crawler.models import Document
from oit.config import AlertsConfig, ConfigError, load_config
from oit.store.database import ALERT_MESSAGES, ScanStore, now, open_engine
from oit.watch.alerts import check_stale, weigh_scan
from oit.watch.delivery import MAX_ATTEMPTS, deliver_pending
from reports.models import ScanResult
from rules.results import Gap, ItemResult
from tests.oit.receivers import Mailbox, Receiver, free_port
from tests.oit.sample import NO_PHOTO, NO_QA, NOGIFT_2569, NOT_SIGNED, SITE, item, result

# The local SMTP server asks for AUTH without TLS (it is 127.0.0.1); aiosmtpd rightly warns about that.
pytestmark = pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")

SCANNED_PDF = "ไฟล์ PDF เป็นภาพสแกนที่อ่านข้อความไม่ได้ / scanned PDF without text"


@pytest.fixture
def engine(tmp_path) -> Engine:
    return open_engine(f"sqlite:///{tmp_path / 'oit.sqlite'}")


def store(engine: Engine, items: list[ItemResult], broken: tuple[str, ...] = (), failed: bool = False) -> int:
    """Write one scan the way run_scan does: evidence documents (404 for `broken`), then the result."""
    scan = ScanStore(engine, SITE, "อบต.หนองบัวแดง", 2569, result(0, []).as_of)
    if failed:
        scan.fail("เปิดหน้าแรกของเว็บไซต์ไม่ได้: ConnectTimeout / cannot open the site's home page")
        return scan.scan_id
    urls = {e.url for i in items for e in i.evidence}
    for url in sorted(urls):
        status = 404 if url in broken else 200
        scan.add_document(
            Document(url=url, final_url=url, status=status, error=f"HTTP {status}" if url in broken else None)
        )
    done: ScanResult = result(scan.scan_id, items)
    scan.finish(done.model_dump_json(), [i.model_dump(mode="json") for i in items], 10, len(urls), len(broken), 1.0)
    return scan.scan_id


def messages(engine: Engine) -> list[Row]:
    with engine.connect() as conn:
        return list(conn.execute(select(ALERT_MESSAGES).order_by(ALERT_MESSAGES.c.id)))


BASE = [item("O2", "pass"), item("O3", "gap", [NO_QA]), item("O20", "gap", [NOT_SIGNED], [NOGIFT_2569])]
CHANGED = [item("O2", "gap", [NO_PHOTO]), item("O3", "pass"), item("O20", "gap", [NOT_SIGNED], [NOGIFT_2569])]


def test_a_change_is_alerted_once_after_two_scans_show_it(engine):
    assert weigh_scan(engine, store(engine, BASE)) is None  # the first scan is the baseline
    assert weigh_scan(engine, store(engine, CHANGED)) is None  # seen once: not yet
    alert = weigh_scan(engine, store(engine, CHANGED))  # seen twice: confirmed
    assert alert is not None and alert.type == "changes"
    assert [(c.code, c.kind) for c in alert.changes] == [("O2", "new_gap"), ("O3", "fixed_gap")]
    assert alert.changes[0].text_th == NO_PHOTO.text_th and alert.changes[0].kind_th == "พบประเด็นใหม่"
    assert "O2 พบประเด็นใหม่" in alert.text and "O3 แก้ไขแล้ว" in alert.text and "2 ครั้งติดกัน" in alert.text
    assert weigh_scan(engine, store(engine, CHANGED)) is None  # told already
    assert len(messages(engine)) == 1


def test_flapping_is_suppressed(engine):
    weigh_scan(engine, store(engine, BASE))
    assert weigh_scan(engine, store(engine, CHANGED)) is None  # A -> B
    assert weigh_scan(engine, store(engine, BASE)) is None  # -> A
    assert weigh_scan(engine, store(engine, BASE)) is None  # A is what was confirmed: nothing to say
    assert weigh_scan(engine, store(engine, CHANGED)) is None  # B once more: still once
    assert messages(engine) == []


def test_a_failed_scan_between_does_not_break_the_pair(engine):
    weigh_scan(engine, store(engine, BASE))
    weigh_scan(engine, store(engine, CHANGED))
    store(engine, BASE, failed=True)
    alert = weigh_scan(engine, store(engine, CHANGED))
    assert alert is not None and {c.code for c in alert.changes} == {"O2", "O3"}


def test_weighing_is_idempotent_and_in_order(engine):
    first = store(engine, BASE)
    second = store(engine, CHANGED)
    third = store(engine, CHANGED)
    weigh_scan(engine, first)
    weigh_scan(engine, second)
    assert weigh_scan(engine, third) is not None
    assert weigh_scan(engine, third) is None and weigh_scan(engine, second) is None
    assert len(messages(engine)) == 1


def test_item_going_unknown_is_not_a_fixed_gap(engine):
    unknown = [*BASE[:2], item("O20", "unknown", evidence=[NOGIFT_2569], reason=SCANNED_PDF)]
    weigh_scan(engine, store(engine, BASE))
    weigh_scan(engine, store(engine, unknown))
    alert = weigh_scan(engine, store(engine, unknown))
    assert [(c.code, c.kind, c.text_th) for c in alert.changes] == [("O20", "went_unknown", SCANNED_PDF)]
    # Readable again with the same gap: "checkable again", and the gap is not news.
    weigh_scan(engine, store(engine, BASE))
    alert = weigh_scan(engine, store(engine, BASE))
    assert [(c.code, c.kind) for c in alert.changes] == [("O20", "known_again")]
    assert "ไม่ครบองค์ประกอบ" in alert.changes[0].text_th


def test_broken_evidence_is_alerted_when_it_stays_broken(engine):
    weigh_scan(engine, store(engine, BASE))
    weigh_scan(engine, store(engine, BASE, broken=(NOGIFT_2569,)))
    alert = weigh_scan(engine, store(engine, BASE, broken=(NOGIFT_2569,)))
    assert [(c.code, c.kind, c.url) for c in alert.changes] == [("O20", "evidence_broken", NOGIFT_2569)]
    weigh_scan(engine, store(engine, BASE))
    alert = weigh_scan(engine, store(engine, BASE))
    assert [(c.code, c.kind) for c in alert.changes] == [("O20", "evidence_restored")]


def test_stale_warning_once_per_last_good_scan(engine):
    scan_id = store(engine, BASE)
    assert check_stale(engine, SITE, 36) is None  # fresh
    later = now() + timedelta(hours=40)
    alert = check_stale(engine, SITE, 36, at=later)
    assert alert is not None and alert.type == "stale" and alert.scan_id == scan_id
    assert "เก่าเกิน 36 ชั่วโมง" in alert.text and "oit schedule" in alert.text
    assert check_stale(engine, SITE, 36, at=later + timedelta(hours=1)) is None  # said already
    store(engine, BASE, failed=True)  # failures do not re-arm it
    assert check_stale(engine, SITE, 36, at=later + timedelta(hours=2)) is None
    newer = store(engine, BASE)  # a new good scan, then stale again: warned again
    assert check_stale(engine, SITE, 36, at=later + timedelta(hours=80)).scan_id == newer
    assert check_stale(engine, "https://never-scanned.go.th/", 36, at=later) is None


def test_only_failed_scans_become_stale(engine):
    store(engine, BASE, failed=True)
    alert = check_stale(engine, SITE, 36, at=now() + timedelta(hours=37))
    assert alert is not None and alert.scan_id is None and "ยังไม่เคยสแกนสำเร็จ" in alert.text


# --- delivery ------------------------------------------------------------------------------------------------
@pytest.fixture
def receiver() -> Iterator[Receiver]:
    r = Receiver()
    yield r
    r.close()


@pytest.fixture
def smtp() -> Iterator[tuple[Mailbox, int]]:
    """A local SMTP server that requires AUTH LOGIN/PLAIN as oit / s3cret-Nbd (no TLS on 127.0.0.1)."""

    def authenticate(server, session, envelope, mechanism, auth_data):  # type: ignore[no-untyped-def]
        ok = isinstance(auth_data, LoginPassword) and (auth_data.login, auth_data.password) == (
            b"oit",
            b"s3cret-Nbd",
        )
        return AuthResult(success=ok, handled=False)  # not handled: the server answers 235 or 535 itself

    mailbox = Mailbox()
    port = free_port()
    controller = Controller(
        mailbox, hostname="127.0.0.1", port=port, authenticator=authenticate, auth_require_tls=False, auth_required=True
    )
    controller.start()
    yield mailbox, port
    controller.stop()


def alerts_config(webhooks: list[str], smtp_port: int | None = None) -> AlertsConfig:
    email = None
    if smtp_port is not None:
        email = {
            "host": "127.0.0.1",
            "port": smtp_port,
            "starttls": False,
            "user": "oit",
            "from": "oit@nongbuadaeng.go.th",
            "to": ["nayok@nongbuadaeng.go.th", "it@nongbuadaeng.go.th"],
        }
    return AlertsConfig(webhooks=webhooks, email=email, timeout=5)


def confirmed_change(engine: Engine, extra_gap: Gap | None = None) -> None:
    changed = [*CHANGED]
    if extra_gap:
        changed[0] = item("O2", "gap", [NO_PHOTO, extra_gap])
    weigh_scan(engine, store(engine, BASE))
    weigh_scan(engine, store(engine, changed))
    assert weigh_scan(engine, store(engine, changed)) is not None


def test_webhook_and_email_receive_the_thai_alert(engine, receiver, smtp, monkeypatch):
    mailbox, port = smtp
    monkeypatch.setenv("OIT_SMTP_PASSWORD", "s3cret-Nbd")
    confirmed_change(engine)
    assert deliver_pending(engine, alerts_config([receiver.url], port)) == 2
    (body,) = receiver.bodies
    assert body["type"] == "changes" and body["site_url"] == SITE and body["site_name"] == "องค์การบริหารส่วนตำบลหนองบัวแดง"
    assert [(c["code"], c["kind"]) for c in body["changes"]] == [("O2", "new_gap"), ("O3", "fixed_gap")]
    assert body["text"].startswith("oit: องค์การบริหารส่วนตำบลหนองบัวแดง มีการเปลี่ยนแปลงที่ยืนยันแล้ว 2 รายการ")
    assert body["score"] == 66.67 and body["scan_id"] == 3 and body["previous_scan_id"] == 2
    assert receiver.headers[0]["Content-Type"] == "application/json"
    assert body["text"].splitlines()[1:3] == [f"เว็บไซต์: {SITE}", "คะแนน OIT โดยประมาณล่าสุด: 66.67 ระดับ C"]
    (raw,) = mailbox.messages
    mail = message_from_bytes(raw, policy=policy.default)
    assert mail["Subject"] == "[oit] องค์การบริหารส่วนตำบลหนองบัวแดง: การเปลี่ยนแปลง 2 รายการ"
    assert "O3 แก้ไขแล้ว" in mail.get_content() and mail.get_content_charset() == "utf-8"
    assert mailbox.envelopes == [("oit@nongbuadaeng.go.th", ["nayok@nongbuadaeng.go.th", "it@nongbuadaeng.go.th"])]
    assert deliver_pending(engine, alerts_config([receiver.url], port)) == 0  # nothing sent twice
    assert [m.done for m in messages(engine)] == [True]


def test_two_deliveries_at_once_send_each_alert_once(engine):
    """Two runs of one site at once (two fleet workers, or a worker beside `oit schedule`): the second finds the
    message held by the first, which is still waiting on a slow relay, and leaves it."""
    slow = Receiver(delay=1.0)
    try:
        confirmed_change(engine)
        config = alerts_config([slow.url])
        first = threading.Thread(target=deliver_pending, args=(engine, config))
        first.start()
        time.sleep(0.3)  # the first run is inside its POST
        assert deliver_pending(engine, config) == 0
        first.join(10)
        assert len(slow.bodies) == 1
        assert [(m.done, m.claimed_until) for m in messages(engine)] == [(True, None)]
        assert deliver_pending(engine, config) == 0 and len(slow.bodies) == 1
    finally:
        slow.close()


def test_a_claim_left_by_a_run_that_died_runs_out(engine, receiver):
    confirmed_change(engine)
    with engine.begin() as conn:  # a run claimed the message, then its process was killed
        conn.execute(ALERT_MESSAGES.update().values(claimed_until=now() + timedelta(minutes=5)))
    assert deliver_pending(engine, alerts_config([receiver.url])) == 0
    with engine.begin() as conn:
        conn.execute(ALERT_MESSAGES.update().values(claimed_until=now() - timedelta(seconds=1)))
    assert deliver_pending(engine, alerts_config([receiver.url])) == 1 and len(receiver.bodies) == 1


def test_website_text_cannot_ping_a_chat_or_add_mail_headers(engine, receiver, smtp, monkeypatch):
    mailbox, port = smtp
    monkeypatch.setenv("OIT_SMTP_PASSWORD", "s3cret-Nbd")
    hostile = Gap(
        kind="data",
        component="exec.contact",
        text_th="ติดต่อ <!channel> <https://evil.example|คลิก> & ดู\n- O9 แก้ไขแล้ว: ปลอม",
    )
    confirmed_change(engine, hostile)
    deliver_pending(engine, alerts_config([receiver.url], port))
    text = receiver.bodies[0]["text"]
    assert "<!channel>" not in text and "&lt;!channel&gt;" in text and "&amp; ดู" in text
    assert "\n- O9" not in text and "ดู - O9 แก้ไขแล้ว" in text  # a line break of the site's cannot fake a line
    assert receiver.bodies[0]["changes"][1]["text_th"] == hostile.text_th  # structured fields stay exact
    mail = message_from_bytes(mailbox.messages[0], policy=policy.default)
    assert "ติดต่อ <!channel>" in mail.get_content()  # plain text e-mail: shown as it is


def test_a_failing_channel_is_retried_and_loses_nothing(engine, smtp, monkeypatch, caplog):
    mailbox, port = smtp
    monkeypatch.setenv("OIT_SMTP_PASSWORD", "s3cret-Nbd")
    flaky = Receiver(fail_first=1)
    try:
        confirmed_change(engine)
        config = alerts_config([flaky.url], port)
        with caplog.at_level(logging.WARNING, logger="oit.delivery"):
            assert deliver_pending(engine, config) == 1  # e-mail went, the webhook answered 500
        assert "alert delivery failed" in caplog.text and "SECRET" not in caplog.text  # webhook secret not logged
        (row,) = messages(engine)
        assert (
            not row.done and row.delivered == ["email"] and "500" in row.last_error and "SECRET" not in row.last_error
        )
        assert deliver_pending(engine, config) == 1  # next run: only the webhook, which now works
        assert len(flaky.bodies) == 1 and len(mailbox.messages) == 1
        assert messages(engine)[0].done
    finally:
        flaky.close()


def test_wrong_smtp_password_keeps_the_alert_until_given_up(engine, smtp, monkeypatch):
    mailbox, port = smtp
    monkeypatch.setenv("OIT_SMTP_PASSWORD", "wrong")
    confirmed_change(engine)
    for attempt in (1, 2):
        assert deliver_pending(engine, alerts_config([], port)) == 0
        (row,) = messages(engine)
        assert not row.done and row.attempts == attempt and "SMTPAuthenticationError" in row.last_error
    with engine.begin() as conn:  # as after MAX_ATTEMPTS - 1 nights of failures
        conn.execute(update(ALERT_MESSAGES).where(ALERT_MESSAGES.c.id == row.id).values(attempts=MAX_ATTEMPTS - 1))
    deliver_pending(engine, alerts_config([], port))
    (row,) = messages(engine)
    assert row.done and "SMTPAuthenticationError" in row.last_error and mailbox.messages == []  # given up, reason kept


def test_starttls_is_used_and_the_certificate_checked(engine, tmp_path, monkeypatch):
    """A mail server that requires STARTTLS, with a certificate of its own: trusted (SSL_CERT_FILE) the alert
    goes through encrypted with the login; untrusted, nothing (not even the password) is sent."""
    from tests.crawler.test_tls import self_signed_context

    mailbox, port = Mailbox(), free_port()
    controller = Controller(
        mailbox,
        hostname="127.0.0.1",
        port=port,
        tls_context=self_signed_context(tmp_path),
        require_starttls=True,
        authenticator=lambda *args: AuthResult(success=args[-1].password == b"s3cret-Nbd", handled=False),
        auth_required=True,
    )
    controller.start()
    try:
        monkeypatch.setenv("OIT_SMTP_PASSWORD", "s3cret-Nbd")
        config = alerts_config([], port)
        config.email.starttls = True
        confirmed_change(engine)
        assert deliver_pending(engine, config) == 0  # the certificate is not trusted
        assert "CERTIFICATE_VERIFY_FAILED" in messages(engine)[0].last_error and mailbox.messages == []
        monkeypatch.setenv("SSL_CERT_FILE", str(tmp_path / "cert.pem"))  # now it is (OpenSSL's default paths)
        assert deliver_pending(engine, config) == 1
        assert len(mailbox.messages) == 1 and messages(engine)[0].done
    finally:
        controller.stop()


def test_unreachable_webhook_is_an_error_not_a_crash(engine):
    confirmed_change(engine)
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        closed = f"http://127.0.0.1:{sock.getsockname()[1]}/hook"
    assert deliver_pending(engine, alerts_config([closed])) == 0
    assert "ConnectError" in messages(engine)[0].last_error


def test_without_channels_alerts_are_recorded_only(engine):
    confirmed_change(engine)
    deliver_pending(engine, AlertsConfig())
    (row,) = messages(engine)
    assert row.done and row.body["type"] == "changes"
    with engine.connect() as conn:
        assert conn.scalar(select(func.count()).select_from(ALERT_MESSAGES)) == 1


# --- configuration ---------------------------------------------------------------------------------------------
def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_alerts_config_from_toml(tmp_path):
    config = load_config(
        write(
            tmp_path,
            '[alerts]\nwebhooks = "https://relay.example/oit"\nstale_hours = 48\n'
            '[alerts.email]\nhost = "smtp.example"\nfrom = "oit@a.go.th"\nto = "it@a.go.th"\n',
        )
    )
    assert config.alerts.webhooks == ["https://relay.example/oit"] and config.alerts.stale_hours == 48
    assert config.alerts.email.port == 587 and config.alerts.email.starttls is True
    assert config.alerts.email.sender == "oit@a.go.th" and config.alerts.email.to == ["it@a.go.th"]


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("[alerts]\nwebhooks = ['ftp://x']\n", "alerts.webhooks"),
        ("[alerts]\nstale_hours = 0\n", "alerts.stale_hours"),
        ("[alerts]\nslack = 'x'\n", "alerts.slack"),
        ("[alerts.email]\nhost = 'h'\nto = 'a@b'\n", "alerts.email.from"),
        ("[alerts.email]\nhost = 'h'\nfrom = 'a@b'\nto = 'not mail'\n", "alerts.email.to"),
        ("[alerts.email]\nhost = 'h'\nfrom = 'a@b'\nto = 'a@b'\npassword = 'x'\n", "alerts.email.password"),
    ],
)
def test_bad_alerts_config_is_located(tmp_path, text, where):
    with pytest.raises(ConfigError) as info:
        load_config(write(tmp_path, text))
    assert where in str(info.value)


def test_a_long_alert_text_is_cut_but_changes_are_complete(engine):
    passing = [item(f"O{n}", "pass") for n in range(1, 41)]
    failing = [item(f"O{n}", "gap", [NO_PHOTO]) for n in range(1, 41)]
    weigh_scan(engine, store(engine, passing))
    weigh_scan(engine, store(engine, failing))
    alert = weigh_scan(engine, store(engine, failing))
    assert len(alert.changes) == 40 and [c.code for c in alert.changes[:3]] == ["O1", "O2", "O3"]
    assert alert.text.count("\n- O") == 30 and "และอีก 10 รายการ" in alert.text
