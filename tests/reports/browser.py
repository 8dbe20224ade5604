"""Opens a report in Debian's real Chromium (playwright, never a downloaded browser) and records what happened.

Every console message, page error, dialog (alert/confirm/prompt) and network request is kept, so a test can
assert that nothing ran and nothing left the file. Chromium missing follows tests/requires.py: in CI it fails the
test (a report that was never opened in a browser is not tested), elsewhere it skips it with the install command.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

from tests.requires import chromium_path, need

CHROMIUM = Path(chromium_path())  # the browser the crawler starts
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "build" / "test-artifacts"
A4_VIEWPORT = {"width": 1000, "height": 1400}


@dataclass
class Visit:
    page: Page
    console: list[str] = field(default_factory=list)  # "type: text"
    errors: list[str] = field(default_factory=list)  # uncaught page errors
    dialogs: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)


@contextmanager
def open_report(path: Path) -> Iterator[Visit]:
    """Load `path` from file:// in a fresh headless Chromium and yield the page with its recorded events."""
    need("chromium")  # the tests mark it too, so that their fixtures do not run first
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        try:
            context = browser.new_context(viewport=A4_VIEWPORT, locale="th-TH", java_script_enabled=True)
            page = context.new_page()
            visit = Visit(page)
            page.on("console", lambda msg: visit.console.append(f"{msg.type}: {msg.text}"))
            page.on("pageerror", lambda exc: visit.errors.append(str(exc)))
            page.on("dialog", lambda dialog: (visit.dialogs.append(dialog.message), dialog.dismiss()))
            page.on("request", lambda request: visit.requests.append(request.url))
            page.goto(path.resolve().as_uri(), wait_until="load")
            page.wait_for_timeout(300)  # let any (injected) timer or onerror handler fire before we look
            yield visit
        finally:
            browser.close()


def artifact(name: str) -> Path:
    """Where a test saves a screenshot or PDF for people to look at (build/ is gitignored)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS / name


# Runs in the page: elements and attributes that could run script or load something. The one image allowed is
# an evidence screenshot: an inline JPEG in its figure (reports/screenshots.py).
ACTIVE_CONTENT_JS = """() => {
  const bad = [];
  const screenshot = el => el.tagName === 'IMG' && el.parentElement.matches('figure.shot')
    && (el.getAttribute('src') || '').startsWith('data:image/jpeg;base64,');
  for (const el of document.querySelectorAll('*')) {
    const tag = el.tagName.toLowerCase();
    if (['script', 'img', 'iframe', 'object', 'embed', 'link', 'base', 'video', 'audio', 'source',
         'form', 'frame'].includes(tag) && !screenshot(el)) bad.push(tag);
    for (const attr of el.attributes) {
      if (attr.name.toLowerCase().startsWith('on')) bad.push(tag + '@' + attr.name);
    }
  }
  for (const a of document.querySelectorAll('a[href]')) {
    const href = a.getAttribute('href');
    if (!href.startsWith('#') && !['http:', 'https:', 'file:'].includes(a.protocol)) bad.push('href ' + href);
  }
  return bad;
}"""

# Runs in the page: heading levels in document order.
HEADINGS_JS = "() => [...document.querySelectorAll('h1,h2,h3,h4,h5,h6')].map(h => Number(h.tagName[1]))"

# Runs in the page: text whose colour contrast against its background is below WCAG AA (4.5:1).
CONTRAST_JS = """() => {
  const rgb = s => (s.match(/[\\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => {
    const f = c => { c /= 255; return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const background = el => {
    for (let node = el; node; node = node.parentElement) {
      const c = rgb(getComputedStyle(node).backgroundColor);
      if (c.length === 3 || (c.length === 4 && c[3] > 0.5)) return c.slice(0, 3);
    }
    return [255, 255, 255];
  };
  const low = [];
  for (const el of document.body.querySelectorAll('*')) {
    const own = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
    if (!own || el.closest('svg') || !el.getClientRects().length) continue;
    const fg = lum(rgb(getComputedStyle(el).color).slice(0, 3)), bg = lum(background(el));
    const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
    if (ratio < 4.5) low.push(el.tagName + '.' + el.className + ' ' + ratio.toFixed(2));
  }
  return low;
}"""
