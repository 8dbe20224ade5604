"""The second crawl-benchmark site: Thai pages of ~40 KB of prose behind a 100-link mega menu.

    python bench/make_site.py OUT_DIR [--pages 2000] [--seed 7]

Origin: ``shared/bench/make_site.py`` of the project's shared material (the site of issue 14's figures,
"2,000 pages of about 40 KB Thai text with a 100-link menu"), vendored here so that ``make bench`` runs from
a fresh clone, where that directory is not beside the checkout. The page template, the word list, the
menu and the order of the random draws are unchanged, so a given seed writes byte-identical pages; only
``generate()`` (a manifest, like ``gen_site.generate``) and the formatting are new.

``N`` pages at ``/page/0.html`` … ``/page/N-1.html`` plus the home page (``index.html``, served at ``/``),
each with a mega menu of 100 links to the same 100 random pages, breadcrumbs back to ``/index.html``,
eight paragraphs of 120 Thai words, 20 random related links and a "next" link (page i links to i+1, so
every page is reachable from the home page). A crawler sees ``/`` and ``/index.html`` as two URLs: the site
has N + 2 pages to fetch. A ``robots.txt`` allows everything; ``/css/style.css`` and ``/img/logo.png`` are
referenced but absent (no crawler here follows them).
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
from pathlib import Path

GENERATOR_VERSION = 1
DEFAULT_PAGES = 2000
DEFAULT_SEED = 7

_WORDS = (
    "องค์การบริหารส่วนตำบล เทศบาล ประกาศ ข่าวประชาสัมพันธ์ โครงการ กิจกรรม งบประมาณ "
    "จัดซื้อจัดจ้าง ราคากลาง ประชาชน บริการ สำนักปลัด กองคลัง กองช่าง การศึกษา สาธารณสุข "
    "ผู้สูงอายุ เบี้ยยังชีพ ภาษีที่ดินและสิ่งปลูกสร้าง ถนน คอนกรีตเสริมเหล็ก หมู่ที่ ตำบล อำเภอ จังหวัด "
    "ประจำปีงบประมาณ พ.ศ. ๒๕๖๙ ตุลาคม พฤศจิกายน ธันวาคม มกราคม การประชุม สภา คณะกรรมการ"
)
WORDS = _WORDS.split()
MENU = [
    "หน้าหลัก", "ประวัติความเป็นมา", "วิสัยทัศน์", "โครงสร้างส่วนราชการ", "คณะผู้บริหาร", "สภาตำบล",
    "สำนักปลัด", "กองคลัง", "กองช่าง", "กองการศึกษา", "ข่าวประชาสัมพันธ์", "กิจกรรม", "ประกาศจัดซื้อจัดจ้าง",
    "แผนพัฒนาท้องถิ่น", "งบประมาณรายจ่าย", "ITA 2569", "E-Service", "ติดต่อเรา", "กระดานถามตอบ", "ร้องเรียนทุจริต",
]  # fmt: skip


def page(i: int, n: int, rnd: random.Random, menu_targets: list[int]) -> str:
    menu = "".join(
        f'<li class="dropdown"><a href="/page/{t}.html">{MENU[k % len(MENU)]} {k}</a></li>'
        for k, t in enumerate(menu_targets)
    )
    links = "".join(
        f'<li><a href="/page/{rnd.randrange(n)}.html">{" ".join(rnd.choices(WORDS, k=6))}</a></li>' for _ in range(20)
    )
    nxt = f'<a href="/page/{(i + 1) % n}.html">ถัดไป</a>'
    paras = "".join(f"<p>{' '.join(rnd.choices(WORDS, k=120))}</p>" for _ in range(8))
    return f"""<!DOCTYPE html><html lang="th"><head><meta charset="utf-8">
<title>หน้า {i} - องค์การบริหารส่วนตำบลตัวอย่าง</title>
<link rel="stylesheet" href="/css/style.css"></head><body>
<header><img src="/img/logo.png" alt="ตราสัญลักษณ์"><h1>องค์การบริหารส่วนตำบลตัวอย่าง</h1></header>
<nav><ul class="mega-menu">{menu}</ul></nav>
<div class="breadcrumb"><a href="/index.html">หน้าหลัก</a> &gt; หน้า {i}</div>
<main><h2>{" ".join(rnd.choices(WORDS, k=8))}</h2>{paras}<ul class="related">{links}</ul>{nxt}</main>
<footer>ที่ทำการ อบต.ตัวอย่าง หมู่ที่ 1 ตำบลตัวอย่าง อำเภอเมือง จังหวัดเลย 42000 โทรศัพท์ 0-4203-9209</footer>
</body></html>"""


def generate(out: Path, n_pages: int = DEFAULT_PAGES, seed: int = DEFAULT_SEED) -> dict:
    """Write the site into ``out`` (emptied first when it is a generated site); returns a small manifest."""
    if out.exists():
        if any(out.iterdir()) and not (out / "manifest.json").exists():
            raise ValueError(f"{out} is not empty and not a generated site: refusing to empty it")
        shutil.rmtree(out)
    rnd = random.Random(seed)
    (out / "page").mkdir(parents=True)
    menu_targets = [rnd.randrange(n_pages) for _ in range(100)]
    total = 0
    for i in range(n_pages):
        data = page(i, n_pages, rnd, menu_targets).encode("utf-8")
        (out / "page" / f"{i}.html").write_bytes(data)
        total += len(data)
    home = page(0, n_pages, rnd, menu_targets).replace("หน้า 0", "หน้าหลัก").encode("utf-8")
    (out / "index.html").write_bytes(home)
    (out / "robots.txt").write_text("User-agent: *\nAllow: /\n")
    manifest = {
        "generator": "make_site",
        "generator_version": GENERATOR_VERSION,
        "pages": n_pages + 2,  # the N pages, "/" and "/index.html" (the same file under two URLs)
        "files": n_pages + 1,
        "seed": seed,
        "bytes": total + len(home),
        "avg_page_bytes": round((total + len(home)) / (n_pages + 1)),
    }
    (out / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    return manifest


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--pages", type=int, default=DEFAULT_PAGES)
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    args = ap.parse_args(argv)
    try:
        m = generate(args.out, args.pages, args.seed)
    except ValueError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    print(
        f"{m['files']} files, {m['bytes'] / 1e6:.1f} MB (avg {m['avg_page_bytes'] / 1024:.1f} KiB/page) in {args.out}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
