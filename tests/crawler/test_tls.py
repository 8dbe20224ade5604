"""A self-signed HTTPS site on 127.0.0.1: the page is read anyway and the bad certificate becomes a finding."""

from __future__ import annotations

import datetime
import ipaddress
import ssl
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.crawler.support import LocalServer, crawl, page

pytestmark = pytest.mark.requires("cryptography")  # it makes the test certificate (a test extra; tests/requires.py)


def self_signed_context(directory: Path) -> ssl.SSLContext:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), False)
        .sign(key, hashes.SHA256())
    )
    cert_file, key_file = directory / "cert.pem", directory / "key.pem"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))  # fmt: skip
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert_file, key_file)
    return context


def test_self_signed_certificate_is_read_and_reported(tmp_path: Path, make_server: Callable[..., LocalServer]) -> None:
    server = make_server(tls=self_signed_context(tmp_path))
    server.routes["/"] = page('<a href="/ita.html">ITA</a>', title="เทศบาลตำบลนากลาง")
    server.routes["/ita.html"] = page("<p>การเปิดเผยข้อมูลสาธารณะ</p>")
    result, sink = crawl(server.url())

    assert server.url().startswith("https://127.0.0.1:")
    assert {p.url for p in sink.pages} == {server.url(), server.url("/ita.html")}
    assert all(p.tls_error and p.error is None for p in sink.pages)
    assert "การเปิดเผยข้อมูลสาธารณะ" in {p.text for p in sink.pages}
    tls_notes = [f for f in result.findings if "TLS" in f]
    assert len(tls_notes) == 1
    assert "invalid TLS certificate on 127.0.0.1" in tls_notes[0]
    assert server.count("/robots.txt") == 1  # robots.txt was read over the fallback connection too
    assert result.start_error is None
