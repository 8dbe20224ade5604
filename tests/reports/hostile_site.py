"""A small Thai agency site whose titles, link texts and URLs carry markup and script, for the escaping tests.

Served on 127.0.0.1 and scanned for real, so the hostile strings reach the report the way a real site's would:
the home page title becomes the site name, link texts and page titles become evidence titles.
"""

from __future__ import annotations

from pathlib import Path

TITLE_SCRIPT = '<script>alert("title")</script>'
TITLE_IMG = "<img src=x onerror=alert('title-img')>"
FORMULA = '=HYPERLINK("http://evil.example/","อบต.")'
LINK_SCRIPT = '<script>alert("link")</script>'
LINK_IMG = '"><img src=x onerror=alert("link-img")>'
PAGE_SCRIPT = "<script>document.title='pwned'</script>"

_HEAD = (
    '<!doctype html><html lang="th"><head><meta charset="utf-8"><title>{title}</title></head><body>{body}</body></html>'
)

PAGES = {
    # RCDATA: inside <title> the markup is text, exactly as a hostile CMS would emit it.
    "index.html": _HEAD.format(
        title=f"{FORMULA} องค์การบริหารส่วนตำบลทดสอบ {TITLE_SCRIPT}{TITLE_IMG}",
        body=(
            "<h1>องค์การบริหารส่วนตำบลทดสอบ</h1>"
            '<nav><a href="/ita/nogift.html">ประกาศเจตนารมณ์ No Gift Policy &lt;script&gt;alert("link")&lt;/script&gt;</a> '
            '<a href="/about/structure.html">โครงสร้างส่วนราชการ &quot;&gt;&lt;img src=x onerror=alert("link-img")&gt;</a> '
            "<a href=\"javascript:alert('href')\">ข้อมูลการติดต่อ</a> "
            '<a href="/contact.html?q=%22%3E%3Cscript%3Ealert(1)%3C/script%3E">ติดต่อเรา</a> '
            '<a href="/news/index.html">ข่าวประชาสัมพันธ์</a></nav>'
            "<p>ยินดีต้อนรับ <b onmouseover=\"alert('b')\">สู่เว็บไซต์</b></p>"
        ),
    ),
    "ita/nogift.html": _HEAD.format(
        title=f"No Gift Policy {PAGE_SCRIPT}",
        body=(
            "<h1>ประกาศเจตนารมณ์การต่อต้านการรับสินบน (No Gift Policy) ประจำปีงบประมาณ พ.ศ. 2569</h1>"
            "<p>องค์การบริหารส่วนตำบลทดสอบ ขอประกาศเจตนารมณ์ไม่รับของขวัญและของกำนัลทุกชนิดจากการปฏิบัติหน้าที่ "
            "&lt;script&gt;alert(&quot;snippet&quot;)&lt;/script&gt;</p>"
            "<p>ประกาศ ณ วันที่ 1 ตุลาคม พ.ศ. 2568 (นายสมชาย ใจดี) นายกองค์การบริหารส่วนตำบลทดสอบ</p>"
        ),
    ),
    "about/structure.html": _HEAD.format(
        title=f"โครงสร้างส่วนราชการ {TITLE_IMG}",
        body="<h1>โครงสร้างส่วนราชการ</h1><p>สำนักปลัด กองคลัง กองช่าง &lt;iframe src=//evil.example&gt;</p>",
    ),
    "contact.html": _HEAD.format(
        title="ติดต่อเรา",
        body="<h1>ติดต่อเรา</h1><p>ที่อยู่ หมู่ 1 ตำบลทดสอบ อำเภอเมือง จังหวัดขอนแก่น 40000 โทร. 0-4300-0000</p>",
    ),
    "news/index.html": _HEAD.format(
        title="ข่าวประชาสัมพันธ์",
        body='<h1>ข่าวประชาสัมพันธ์</h1><ul><li><a href="/ita/nogift.html">=HYPERLINK("http://evil.example","คลิก")</a></li></ul>',
    ),
}


def write_site(root: Path) -> Path:
    for name, html in PAGES.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(html, encoding="utf-8")
    return root


def scan_hostile_site(root: Path) -> dict[str, Path]:
    """Serve the site on 127.0.0.1, run `oit scan` on it with every report format; returns the report paths."""
    from typer.testing import CliRunner

    from oit.cli import app
    from oit.demo.server import serve

    site = write_site(root / "site")
    paths = {fmt: root / f"hostile.{fmt}" for fmt in ("html", "xlsx", "csv", "md", "json")}
    config = root / "config.toml"
    database = root / "oit.sqlite"
    config.write_text(f'[database]\nurl = "sqlite:///{database}"\n', encoding="utf-8")
    with serve(site) as url:
        args = ["scan", url, "--year", "2569", "--as-of", "2026-05-15", "--delay", "0", "--config", str(config)]
        for fmt, path in paths.items():
            args += [f"--{fmt}", str(path)]
        result = CliRunner().invoke(app, args, env={"OIT_DATABASE": None})
    assert result.exit_code == 0, result.output
    return paths
