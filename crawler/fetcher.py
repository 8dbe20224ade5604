"""HTTP fetching: one GET with politeness, retries, redirect checks, a byte cap and a TLS fallback.

Redirects are followed by hand so that every hop is checked against the site scope and the private-address
guard. Certificates that fail verification are common on municipal sites: the page is read anyway over an
unverified connection and the failure is reported as a finding, because an assessor's browser would show
the page after a warning.
"""

from __future__ import annotations

import asyncio
import socket
import ssl
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from urllib.parse import urlsplit, urlunsplit

import httpx

from crawler.inflate import ACCEPT_ENCODING, CorruptEncoding, Decoder, UnsupportedEncoding
from crawler.netguard import AddressGuard, BlockedAddress
from crawler.politeness import Gates, retry_after_seconds
from crawler.settings import CrawlSettings
from crawler.transport import transport
from crawler.urls import in_scope, is_hosted_document, normalize
from crawler.viewers import document_url

RETRY_STATUSES = {500, 502, 503, 504, 429}
DRAIN_LIMIT = 65536  # bytes of an unused body read to keep the connection alive


@dataclass
class FetchResult:
    url: str
    final_url: str
    status: int | None = None
    content_type: str = ""
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    truncated: bool = False
    error: str | None = None  # Thai first, English after " / "
    permanent: bool = False  # DNS failure, refused connection: do not try this host again
    tls_error: bool = False
    redirected_off_site: str | None = None  # a redirect left the site: where to (recorded, not fetched)
    duplicate_of: str | None = None  # a redirect led to a URL already crawled or queued: not fetched again
    # 304 to a conditional request, turned into the stored 200 by crawler.revisit: the body was not sent again.
    not_modified: bool = False
    not_asked: bool = False  # no request at all: the stored copy was fresh enough (crawler.revisit.carried)

    def is_html(self) -> bool:
        """An HTML page by its type, or a text answer that opens like one (servers mislabel pages)."""
        ctype = self.content_type.split(";")[0].strip().lower()
        if ctype in ("text/html", "application/xhtml+xml", ""):
            return True
        return ctype.startswith("text/") and b"<html" in self.body[:2048].lower()


class Fetcher:
    def __init__(
        self,
        settings: CrawlSettings,
        start_url: str,
        connect_to: Mapping[str, str] | None = None,
        gates: Gates | None = None,
    ) -> None:
        """`gates`: the politeness gates of an earlier fetcher, so that a later pass keeps its pace (and the
        robots.txt crawl delay). `connect_to` maps a host to the origin its requests are sent to instead
        ({"drive.google.com": "http://127.0.0.1:8001"}): tests serve Google Drive from loopback with it. URLs,
        scope, robots.txt and politeness stay those of the real host; the address guard checks where the
        request really goes."""
        self.settings = settings
        self.start_url = start_url
        self.gates = gates or Gates(settings.concurrency, settings.delay)
        self._connect_to = {host.lower(): origin.rstrip("/") for host, origin in (connect_to or {}).items()}
        self.guard = AddressGuard(start_url)
        self._dead_hosts: dict[str, str] = {}
        self.tls_failed_hosts: set[str] = set()
        # Accept-Encoding names only the codings crawler.inflate decodes (httpx would add br when brotli is installed).
        headers = {"User-Agent": settings.agent(), "Accept-Language": "th,en;q=0.5", "Accept-Encoding": ACCEPT_ENCODING}
        limits = httpx.Limits(max_connections=max(4, settings.concurrency * 2), max_keepalive_connections=32)
        timeout = httpx.Timeout(settings.timeout)
        self._client = _Session(headers, timeout, transport(limits, verify=True))
        self._insecure = _Session(headers, timeout, transport(limits, verify=False))

    async def aclose(self) -> None:
        await self._client.aclose()
        await self._insecure.aclose()

    async def get(
        self,
        url: str,
        max_bytes: int,
        already: Callable[[str], bool] | None = None,
        headers: dict[str, str] | None = None,
    ) -> FetchResult:
        """GET `url`, following on-site redirects; never raises for network trouble.

        `already(target)` tells whether a redirect target was crawled or queued before: such a redirect is
        reported (duplicate_of) instead of fetching the same page twice. `headers` go with every hop (the
        conditional headers of a re-scan: If-None-Match, If-Modified-Since; a 304 comes back as it is).
        """
        seen = {url}
        current = url
        for _ in range(self.settings.max_redirects + 1):
            result = await self._get_with_retries(current, max_bytes, headers)
            result.url = url
            location = result.headers.get("location")
            if result.status not in (301, 302, 303, 307, 308) or not location:
                return result
            target = normalize(location, current)
            # A redirect to a share page or viewer leads to the file it shows (as a link there would).
            target = (document_url(target) or target) if target else None
            if target is None or not self._may_follow(target):
                result.redirected_off_site = target or location
                result.error = _off_site_reason(current, target)
                return result
            if target in seen:
                return _failed(url, current, "เปลี่ยนเส้นทางวนซ้ำ / redirect loop", permanent=False)
            if already is not None and already(target):
                return FetchResult(url=url, final_url=target, status=result.status, duplicate_of=target)
            seen.add(target)
            current = target
        return _failed(url, current, "เปลี่ยนเส้นทางมากเกินไป / too many redirects", permanent=False)

    def _may_follow(self, target: str) -> bool:
        """On the site, or a file on a known document host (Drive downloads hop between Google hosts)."""
        return in_scope(target, self.start_url, self.settings.allow_subdomains) or is_hosted_document(target)

    async def _get_with_retries(self, url: str, max_bytes: int, headers: dict[str, str] | None) -> FetchResult:
        host = urlsplit(url).hostname or ""
        if host in self._dead_hosts:
            return _failed(url, url, self._dead_hosts[host], permanent=True)
        try:
            await self.guard.check(self._wire_url(url))
        except BlockedAddress as exc:
            return _failed(url, url, f"ไม่อนุญาตให้เข้าถึงที่อยู่ภายใน / blocked private address: {exc}", True)
        gate = self.gates.for_host(host)
        result = FetchResult(url=url, final_url=url)
        for attempt in range(self.settings.retries + 1):
            async with gate.slot():
                result = await self._get_once(url, max_bytes, headers)
            if result.permanent:
                self._dead_hosts[host] = result.error or "unreachable"
                return result
            if not _should_retry(result) or attempt == self.settings.retries:
                return result
            wait = self._backoff(result, attempt)
            if wait is None:
                return result
            gate.pause(wait)
        return result

    def _backoff(self, result: FetchResult, attempt: int) -> float | None:
        """Seconds to wait before retrying, or None to give up (the server asked for too long)."""
        if result.status in (429, 503) and "retry-after" in result.headers:
            wait = retry_after_seconds(result.headers["retry-after"])
            if wait > self.settings.max_retry_after:
                result.error = f"เซิร์ฟเวอร์ขอให้รอ {wait:.0f} วินาที / server asked to wait {wait:.0f}s"
                return None
            return wait
        return min(30.0, 0.5 * 2**attempt)

    def _wire_url(self, url: str) -> str:
        """Where the request for `url` is sent: `url` itself, unless connect_to sends its host elsewhere."""
        if not self._connect_to:
            return url
        parts = urlsplit(url)
        origin = self._connect_to.get((parts.hostname or "").lower())
        return url if origin is None else origin + urlunsplit(("", "", parts.path, parts.query, ""))

    async def _get_once(self, url: str, max_bytes: int, headers: dict[str, str] | None = None) -> FetchResult:
        host = urlsplit(url).hostname or ""
        client = self._insecure if host in self.tls_failed_hosts else self._client
        progress = _Progress()
        try:
            # httpx's timeout is per read: a server sending a byte a second never trips it. This deadline covers
            # the whole request (connect, headers, body), so `timeout` is what the settings say, seconds per request.
            async with asyncio.timeout(self.settings.timeout):
                return await self._stream(client, url, max_bytes, client is self._insecure, headers, progress)
        except httpx.ConnectError as exc:
            if _is_certificate_error(exc) and client is self._client:
                self.tls_failed_hosts.add(host)
                return await self._get_once(url, max_bytes, headers)
            return _connect_failure(url, exc)
        except (TimeoutError, httpx.TimeoutException):
            return _timed_out(url, progress, self.settings.timeout)
        except UnsupportedEncoding as exc:
            return _unreadable(progress, url, f"ไม่รองรับการบีบอัดแบบ {exc.coding} / unsupported content encoding")
        except CorruptEncoding:
            return _unreadable(progress, url, "ข้อมูลที่บีบอัดเสียหาย / corrupt compressed body")
        except (httpx.HTTPError, ssl.SSLError, OSError) as exc:
            return _failed(url, url, f"อ่านข้อมูลไม่สำเร็จ / transfer failed: {type(exc).__name__}")

    async def _stream(
        self,
        client: _Session,
        url: str,
        max_bytes: int,
        tls_error: bool,
        headers: dict[str, str] | None,
        progress: _Progress,
    ) -> FetchResult:
        wire = self._wire_url(url)
        response = await client.open(wire, headers)
        try:
            result = FetchResult(
                url=url,
                final_url=str(response.url) if wire == url else url,
                status=response.status_code,
                content_type=response.headers.get("content-type", ""),
                headers={k.lower(): v for k, v in response.headers.items()},
                tls_error=tls_error,
            )
            progress.result = result
            if response.is_redirect or response.status_code >= 400:  # any 3xx (304 too), errors
                await _drain(response)
                return result
            progress.reading_body = True
            codings = response.headers.get_list("content-encoding", split_commas=True)
            result.body, result.truncated = await _read_body(response, Decoder(codings), max_bytes)
            return result
        finally:
            await response.aclose()


class _Session:
    """An httpx client whose requests go straight to its transport, with the client's cookie jar kept.

    `AsyncClient.stream` sends through the client's auth flow, redirect handling, cookie extraction and
    logging. The crawler follows redirects itself (`Fetcher.get`), installs no auth or event hooks, and the
    client's env proxies are off (a transport is given); what is left per response is the cookie jar, which
    httpx feeds through urllib's compat Request/Response objects even when there is no Set-Cookie header
    (~0.45 ms a response). Here the request is built by the client (`build_request`: the same merged headers,
    the jar's Cookie header, the timeout), the response comes from the same transport with the same error
    mapping, and the jar reads it only when it sets a cookie, which is all httpx's jar ever takes from it.
    A URL with a user name or password (httpx turns it into Basic auth) goes the client's whole way.
    """

    def __init__(self, headers: dict[str, str], timeout: httpx.Timeout, transport: httpx.AsyncHTTPTransport) -> None:
        self.client = httpx.AsyncClient(headers=headers, timeout=timeout, transport=transport)
        self._transport = transport

    async def aclose(self) -> None:
        await self.client.aclose()

    async def open(self, url: str, headers: dict[str, str] | None) -> httpx.Response:
        """The response to GET `url`, its body not read yet; the caller closes it."""
        request = self.client.build_request("GET", url, headers=headers)
        if request.url.userinfo:
            return await self.client.send(request, stream=True)
        response = await self._transport.handle_async_request(request)
        response.request = request
        if "set-cookie" in response.headers or "set-cookie2" in response.headers:
            self.client.cookies.extract_cookies(response)
        return response


@dataclass
class _Progress:
    """How far a request got before its deadline: the response head, and whether its body was being read."""

    result: FetchResult | None = None
    reading_body: bool = False


async def _read_body(response: httpx.Response, decoder: Decoder, max_bytes: int) -> tuple[bytes, bool]:
    """The decoded body up to `max_bytes`, and whether there was more. Raw bytes count too: a stream that
    decodes to nothing must not run on."""
    chunks: list[bytes] = []
    size = raw_size = 0
    async for raw in response.aiter_raw():
        raw_size += len(raw)
        for piece in decoder.feed(raw):
            chunks.append(piece)
            size += len(piece)
            if size > max_bytes:
                return b"".join(chunks)[:max_bytes], True
        if raw_size > max_bytes:
            return b"".join(chunks)[:max_bytes], True
    for piece in decoder.finish():
        chunks.append(piece)
        size += len(piece)
        if size > max_bytes:
            return b"".join(chunks)[:max_bytes], True
    return b"".join(chunks), False


def _timed_out(url: str, progress: _Progress, seconds: float) -> FetchResult:
    head = progress.result
    if head is not None and not progress.reading_body:
        return head  # only the unused body of a redirect or an error page was slow: the answer is known
    error = f"หมดเวลารอการตอบกลับ ({seconds:g} วินาที) / timed out after {seconds:g} s"
    if head is None:
        return _failed(url, url, error)  # nothing or only part of the head came: retried like any network error
    # The status line came and the body trickled: the server is up but too slow, and asking again would only
    # wait out another deadline. Kept as that status with an error, which is not retried.
    return FetchResult(url=url, final_url=head.final_url, status=head.status, content_type=head.content_type,
                       headers=head.headers, tls_error=head.tls_error, error=error)  # fmt: skip


def _unreadable(progress: _Progress, url: str, error: str) -> FetchResult:
    """A response whose body cannot be decoded: its head is kept, without a body, and it is not retried."""
    head = progress.result or FetchResult(url=url, final_url=url)
    head.body, head.truncated, head.error = b"", False, error
    return head


async def _drain(response: httpx.Response, limit: int = DRAIN_LIMIT) -> None:
    """Read a body we do not use (a redirect's note, an error page; a 304 has none) so that the connection is
    kept alive for the next request: closing a response mid-body closes its connection. A long one is left."""
    size = 0
    async for chunk in response.aiter_raw():
        size += len(chunk)
        if size > limit:
            return


def _off_site_reason(current: str, target: str | None) -> str:
    host = (urlsplit(target or "").hostname or "").lower()
    if is_hosted_document(current) and host.startswith("accounts."):
        # Drive answers a file that is not shared publicly with a sign-in page.
        return "ไฟล์ไม่ได้เปิดให้ทุกคนเข้าถึง (ต้องลงชื่อเข้าใช้) / the file is not shared publicly (sign-in required)"
    return "เปลี่ยนเส้นทางออกนอกเว็บไซต์ / redirected off the site"


def _should_retry(result: FetchResult) -> bool:
    if result.status is None:
        return result.error is not None and not result.permanent
    return result.status in RETRY_STATUSES


def _failed(url: str, final_url: str, error: str, permanent: bool = False) -> FetchResult:
    return FetchResult(url=url, final_url=final_url, error=error, permanent=permanent)


def _is_certificate_error(exc: BaseException) -> bool:
    text = repr(exc) + repr(exc.__cause__) + repr(exc.__context__)
    return "CERTIFICATE_VERIFY_FAILED" in text or "certificate verify failed" in text.lower()


def _causes(exc: BaseException) -> list[BaseException]:
    """`exc` and everything it was raised from, including each member of an exception group."""
    found: list[BaseException] = []
    stack = [exc]
    while stack:
        current = stack.pop()
        if any(current is seen for seen in found):
            continue
        found.append(current)
        stack.extend(e for e in (current.__cause__, current.__context__) if e is not None)
        if isinstance(current, BaseExceptionGroup):
            stack.extend(current.exceptions)
    return found


def _connect_failure(url: str, exc: httpx.ConnectError) -> FetchResult:
    # httpx (through anyio) only says "All connection attempts failed"; the OS error is further down the chain.
    causes = _causes(exc)
    text = " ".join(str(e) for e in causes).lower()
    dns_words = ("name or service not known", "nodename nor servname", "getaddrinfo")
    if any(isinstance(e, socket.gaierror) for e in causes) or any(w in text for w in dns_words):
        return _failed(url, url, "ไม่พบชื่อโดเมน (DNS) / host not found", permanent=True)
    if any(isinstance(e, ConnectionRefusedError) for e in causes) or "refused" in text:
        return _failed(url, url, "เซิร์ฟเวอร์ปฏิเสธการเชื่อมต่อ / connection refused", permanent=True)
    # Other connect errors (resets, unreachable for a moment) are worth a retry.
    return _failed(url, url, f"เชื่อมต่อไม่สำเร็จ / connection failed: {exc}")
