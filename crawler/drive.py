"""The Google Drive confirm step: past the "Virus scan warning" page to the file.

Drive answers the download of a file too large for its virus scan with a warning page; its "Download anyway"
target (crawler/viewers.py, drive_confirm_url) gives the file. That one step may go to
drive.usercontent.google.com; it is fetched like any request (robots.txt, the private-address guard,
politeness). Other answers pass through unchanged.
"""

from __future__ import annotations

from crawler.decode import decode_html
from crawler.fetcher import Fetcher, FetchResult
from crawler.frontier import Frontier
from crawler.robots import RobotsPolicy
from crawler.urls import is_hosted_document, normalize
from crawler.viewers import drive_confirm_url

DRIVE_ROBOTS = (
    "robots.txt ของ Google Drive ไม่อนุญาตให้ดาวน์โหลดไฟล์ขนาดใหญ่นี้"
    " / robots.txt of Google Drive disallows downloading this large file"
)


class DriveConfirm:
    """One per pass: it asks through the pass's fetcher and robots.txt policy, marks the target seen in the
    pass's frontier, and lists a target robots.txt forbids in `disallowed` (the crawl result's list)."""

    def __init__(self, fetcher: Fetcher, robots: RobotsPolicy, frontier: Frontier, disallowed: list[str]) -> None:
        self.fetcher, self.robots, self.frontier, self.disallowed = fetcher, robots, frontier, disallowed

    async def past_warning(self, fetched: FetchResult, limit: int) -> FetchResult:
        """The file behind the warning page, or `fetched` itself when it is no warning (or leads off Drive: the
        crawl then says "got a web page, not the file")."""
        if fetched.error or fetched.status != 200 or not fetched.is_html():
            return fetched
        html, _ = decode_html(fetched.body, fetched.content_type)
        target = normalize(drive_confirm_url(html, fetched.final_url) or "")
        if target is None or not is_hosted_document(target):
            return fetched
        if not await self.robots.allowed(target):
            self.disallowed.append(target)
            return FetchResult(url=fetched.url, final_url=target, error=DRIVE_ROBOTS)
        self.frontier.mark_seen(target)
        confirmed = await self.fetcher.get(target, limit, already=self.frontier.seen)
        confirmed.url = fetched.url
        return confirmed
