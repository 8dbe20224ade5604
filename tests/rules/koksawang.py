"""The example agency of the rule tests: องค์การบริหารส่วนตำบลโคกสว่าง, อำเภอพล จังหวัดขอนแก่น.

Each `oN()` returns the pages and documents that answer item ON of ITA 2569 on a well-kept site, as
(pages, documents) keyed by path; `site()` puts the chosen items together with a home page and the ITA 2569
index page, which is how most อปท. sites link their evidence.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from rules.results import ItemResult
from rules.site import MemorySite
from tests.rules.sitebuilder import Content, Read, build_site, fixture, home, page

Parts = tuple[dict[str, Content], dict[str, Content]]

MONTHS = {  # part name in o11_monthly.html -> (document path, month as written, day the summary was signed)
    "m2510": ("/files/procurement/2569/skr1-2568-10.pdf", "ตุลาคม 2568", "31"),
    "m2511": ("/files/procurement/2569/skr1-2568-11.pdf", "พฤศจิกายน 2568", "30"),
    "m2512": ("/files/procurement/2569/skr1-2568-12.pdf", "ธันวาคม ๒๕๖๘", "๓๑"),
    "m2601": ("/files/procurement/2569/skr1-2569-01.pdf", "มกราคม 2569", "31"),
    "m2602": ("/files/procurement/2569/skr1-2569-02.pdf", "กุมภาพันธ์ 2569", "28"),
    "m2603": ("/files/procurement/2569/skr1-2569-03.pdf", "มีนาคม 2569", "31"),
}
NO_PURCHASES = {"m2512"}  # December 2568: nothing bought, and the summary says so

_PURCHASES = {
    "m2510": [
        "1 | จัดซื้อวัสดุสำนักงาน (กระดาษ หมึกพิมพ์) สำนักปลัด | 8,450.00 | 8,450.00 | เฉพาะเจาะจง"
        " | ร้านโคกสว่างพาณิชย์ 8,450.00 | ร้านโคกสว่างพาณิชย์ 8,450.00"
        " | เป็นผู้มีอาชีพขายและเสนอราคาไม่เกินวงเงินงบประมาณ | ใบสั่งซื้อเลขที่ 3/2569 ลว. 9 ต.ค. 2568",
        "2 | จ้างเหมาบริการจัดเก็บขยะมูลฝอย เดือนตุลาคม | 9,000.00 | 9,000.00 | เฉพาะเจาะจง"
        " | นายบุญมี ทองดี 9,000.00 | นายบุญมี ทองดี 9,000.00"
        " | เป็นผู้มีคุณสมบัติครบถ้วนและเสนอราคาไม่เกินวงเงิน | ใบสั่งจ้างเลขที่ 1/2569 ลว. 1 ต.ค. 2568",
    ],
    "m2511": [
        "1 | จ้างก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ 7 บ้านหนองไผ่ | 490,000.00 | 489,600.00 | เฉพาะเจาะจง"
        " | หจก.ขอนแก่นรุ่งเรืองการโยธา 487,000.00 | หจก.ขอนแก่นรุ่งเรืองการโยธา 487,000.00"
        " | เสนอราคาต่ำสุดและเป็นประโยชน์ต่อทางราชการ | สัญญาจ้างเลขที่ 2/2569 ลว. 25 พ.ย. 2568",
    ],
    "m2601": [
        "1 | จัดซื้ออาหารเสริม (นม) โรงเรียน ภาคเรียนที่ 2/2568 | 412,380.00 | 412,380.00 | เฉพาะเจาะจง"
        " | สหกรณ์โคนมขอนแก่น จำกัด 412,380.00 | สหกรณ์โคนมขอนแก่น จำกัด 412,380.00"
        " | เป็นผู้ผลิตที่ได้รับสิทธิ์ตามหลักเกณฑ์ | สัญญาซื้อขายเลขที่ 5/2569 ลว. 6 ม.ค. 2569",
    ],
    "m2602": [
        "1 | จัดซื้อน้ำมันเชื้อเพลิงรถบรรทุกน้ำอเนกประสงค์ | 15,000.00 | 15,000.00 | เฉพาะเจาะจง"
        " | หจก.พลปิโตรเลียม 14,820.00 | หจก.พลปิโตรเลียม 14,820.00"
        " | เสนอราคาไม่เกินวงเงินงบประมาณ | ใบสั่งซื้อเลขที่ 21/2569 ลว. 3 ก.พ. 2569",
    ],
    "m2603": [
        "1 | จ้างซ่อมแซมไฟฟ้าส่องสว่างสาธารณะ หมู่ที่ 1, 4, 8 | 36,500.00 | 36,500.00 | เฉพาะเจาะจง"
        " | ร้านพลการไฟฟ้า 36,000.00 | ร้านพลการไฟฟ้า 36,000.00"
        " | เป็นผู้มีอาชีพรับจ้างและเสนอราคาต่ำสุด | ใบสั่งจ้างเลขที่ 30/2569 ลว. 12 มี.ค. 2569",
    ],
}

INDEX_2569 = "/ita/index.html"
INDEX_2568 = "/ita/2568/index.html"


def o1() -> Parts:
    return (
        {
            "/about/structure.html": page("o1_structure.html", "โครงสร้างส่วนราชการ"),
            "/about/authority.html": page("o1_authority.html", "อำนาจหน้าที่"),
        },
        {"/files/law/act-sapha-tambon-2537.pdf": fixture("act_sapha_tambon_2537.txt")},
    )


def o2() -> Parts:
    return {"/about/executives.html": page("o2_executives.html", "คณะผู้บริหาร")}, {}


def o3() -> Parts:
    return (
        {
            "/contact.html": page("o3_contact.html", "ติดต่อเรา"),
            "/webboard/index.php": page("o3_webboard.html", "กระดานถาม-ตอบ"),
        },
        {},
    )


def o10() -> Parts:
    return (
        {"/eservice/index.html": page("o10_eservice.html", "E-Service บริการออนไลน์")},
        {
            "/files/eservice/form-garbage.pdf": fixture("form_garbage.txt"),
            "/files/eservice/form-disaster.pdf": fixture("form_disaster.txt"),
        },
    )


def monthly_summary(part: str) -> str:
    _, month, day = MONTHS[part]
    if part in NO_PURCHASES:
        return fixture("skr1_none.txt", month=month)
    return fixture("skr1.txt", month=month, day=day, rows="\n".join(_PURCHASES[part]))


def o11() -> Parts:
    documents: dict[str, Content] = {path: monthly_summary(part) for part, (path, _, _) in MONTHS.items()}
    documents.update(
        {
            "/files/procurement/2569/winner-road-m7.pdf": fixture("announce_winner.txt"),
            "/files/procurement/2569/refprice-drain-m2.pdf": fixture("announce_refprice.txt"),
            "/files/procurement/2569/invite-ebidding-road-m9.pdf": fixture("announce_invite.txt"),
        }
    )
    pages: dict[str, Content] = {
        "/procurement/monthly-2569.html": page("o11_monthly.html", "สรุปผลการจัดซื้อจัดจ้างรายเดือน"),
        "/procurement/announce-2569.html": page("o11_announce.html", "ประกาศจัดซื้อจัดจ้าง"),
    }
    return pages, documents


MAYOR = ("นายสมชาย ใจดี", "นายกองค์การบริหารส่วนตำบลโคกสว่าง")
PALAD = ("นางสาวพิมพ์ชนก แสนคำ", "ปลัดองค์การบริหารส่วนตำบลโคกสว่าง")
PALAD_ACTING = (
    "นางสาวพิมพ์ชนก แสนคำ",
    "ปลัดองค์การบริหารส่วนตำบล ปฏิบัติหน้าที่\nนายกองค์การบริหารส่วนตำบลโคกสว่าง",
)


def nogift_announcement(fy: int = 2569, signer: tuple[str, str] = MAYOR) -> str:
    date = {2569: "๑ ตุลาคม พ.ศ. ๒๕๖๘", 2568: "๒ ตุลาคม พ.ศ. ๒๕๖๗"}[fy]
    return fixture("o20_announcement.txt", fy=str(fy), date=date, signer_name=signer[0], signer_title=signer[1])


def o20(announcement_fy: int = 2569, signer: tuple[str, str] = MAYOR) -> Parts:
    return (
        {
            "/ita/nogift-2569.html": page("o20_nogift.html", "No Gift Policy", announcement_fy=str(announcement_fy)),
            "/news/nogift-activity-2569.html": page("o20_activity.html", "ข่าวกิจกรรม"),
        },
        {
            f"/files/ita/2569/nogift-announcement-{announcement_fy}.pdf": nogift_announcement(announcement_fy, signer),
            "/files/ita/2569/nogift-report-6m-2569.pdf": fixture("o20_report.txt"),
        },
    )


def index_2569() -> dict[str, Content]:
    return {INDEX_2569: page("ita2569.html", "ITA 2569 การประเมินคุณธรรมและความโปร่งใส")}


def index_2568() -> dict[str, Content]:
    return {
        INDEX_2568: page("ita2568.html", "ITA 2568 การประเมินคุณธรรมและความโปร่งใส"),
        "/ita/2568/participation-2568.html": page("ita2568_participation.html", "การมีส่วนร่วม ปี 2568"),
    }


def site(
    *items: Parts,
    drop: Iterable[str] = (),
    index: Mapping[str, Content] | None = None,
    pages: Mapping[str, Content] | None = None,
    documents: Mapping[str, Content] | None = None,
    menu: Iterable[tuple[str, str]] = (),
) -> MemorySite:
    """The home page, an ITA index (2569 unless given; pass {} for none) and the given items' evidence.

    `pages`/`documents` are added last, so they can replace an item's page or document."""
    index = index_2569() if index is None else index
    all_pages: dict[str, Content] = {}
    all_docs: dict[str, Content] = {}
    for item_pages, item_docs in items:
        all_pages.update(item_pages)
        all_docs.update(item_docs)
    all_pages.update(index)
    all_pages.update(pages or {})
    all_docs.update(documents or {})
    links = [("หน้าแรก", "/"), *menu]
    if INDEX_2569 in index:
        links.append(("ITA 2569", INDEX_2569))
    if INDEX_2568 in index:
        links.append(("ITA 2568", INDEX_2568))
    all_pages.setdefault("/", home(links))
    return build_site(all_pages, all_docs, drop=drop)


# --- O16-O19 complaints and participation, O21-O26 risk, anti-corruption and integrity -------------------
# Evidence paths are those the ITA 2569 index page (ita2569.html) links for each item.
COMPLAINT_MANUAL = "/files/ita/complaint-manual.pdf"
COMPLAINT_PAGE = "/complaint/corruption.html"
COMPLAINT_STATS = "/files/ita/complaint-stats-2569.pdf"
PARTICIPATION = "/ita/participation-2569.html"
RISK_ASSESSMENT = "/files/ita/risk-2569.pdf"
RISK_REPORT = "/files/ita/risk-report-2568.pdf"
ANTICORRUPTION_PLAN = "/files/ita/anticorruption-plan-2569.pdf"
ANTICORRUPTION_REPORT = "/files/ita/anticorruption-report-2568.pdf"
ITA_ANALYSIS = "/files/ita/ita-analysis-2568.pdf"
INTEGRITY_REPORT = "/files/ita/integrity-report-2568.pdf"

_THAI_MONTHS = ["ตุลาคม", "พฤศจิกายน", "ธันวาคม", "มกราคม", "กุมภาพันธ์", "มีนาคม"]


def thai_digits(value: int | str) -> str:
    return str(value).translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙"))


def o16() -> Parts:
    return {}, {COMPLAINT_MANUAL: fixture("o16_complaint_manual.txt")}


def o17(general_only: bool = False) -> Parts:
    """The corruption complaint page; `general_only`: the agency links its general complaints page instead."""
    if general_only:
        return {COMPLAINT_PAGE: page("o17_general.html", "ร้องเรียน/ร้องทุกข์")}, {}
    return {COMPLAINT_PAGE: page("o17_channel.html", "แจ้งเรื่องร้องเรียนการทุจริต")}, {}


# period of the statistics -> (fiscal year, period as written, months listed, "as of" line)
STATS_PERIODS = {
    "first_half_2569": (2569, "รอบ 6 เดือน (1 ตุลาคม 2568 – 31 มีนาคม 2569)", 6, "31 มีนาคม 2569"),
    "q1_2569": (2569, "ไตรมาสที่ 1 (1 ตุลาคม – 31 ธันวาคม 2568)", 3, "31 ธันวาคม 2568"),
    "first_half_2568": (2568, "รอบ 6 เดือน (1 ตุลาคม 2567 – 31 มีนาคม 2568)", 6, "31 มีนาคม 2568"),
    "year_2568": (2568, "", 0, ""),  # a yearly total that names no month
}


def complaint_stats(period: str = "first_half_2569") -> str:
    fy, written, months, as_of = STATS_PERIODS[period]
    counts = [1, 0, 0, 1, 0, 0]
    rows = [
        f"{name} {fy - 1 if i < 3 else fy} | {counts[i]} | {counts[i]} | 0 | {'แบบฟอร์มออนไลน์' if counts[i] else '-'}"
        for i, name in enumerate(_THAI_MONTHS[:months])
    ] or ["ตลอดปีงบประมาณ | 2 | 2 | 0 | แบบฟอร์มออนไลน์ และด้วยตนเอง"]
    total = str(sum(counts[:months]) if months else 2)
    return fixture("o18_complaint_stats.txt", fy=str(fy), period=written, rows="\n".join(rows), total=total, asof=as_of)


def o18(period: str = "first_half_2569", no_complaints: bool = False) -> Parts:
    text = fixture("o18_no_complaints.txt") if no_complaints else complaint_stats(period)
    return {}, {COMPLAINT_STATS: text}


def o19(fy: int = 2569) -> Parts:
    dates = f"10 – 21 พฤศจิกายน {fy - 1}"
    return {PARTICIPATION: page("o19_participation.html", "การมีส่วนร่วม", fy=str(fy), dates=dates)}, {}


def o21(fy: int = 2569) -> Parts:
    return {}, {RISK_ASSESSMENT: fixture("o21_risk_assessment.txt", fy=str(fy), meeting=f"15 ตุลาคม {fy - 1}")}


def o22(fy: int = 2568) -> Parts:
    period = f"1 ตุลาคม {fy - 1} – 30 กันยายน {fy}"
    return {}, {RISK_REPORT: fixture("o22_risk_report.txt", fy=str(fy), period=period, signed=f"20 ตุลาคม {fy}")}


def anticorruption_plan(fy: int = 2569, heading: str | None = None, period: str | None = None) -> str:
    return fixture(
        "o23_anticorruption_plan.txt",
        heading=heading or f"ประจำปีงบประมาณ พ.ศ. {fy}",
        period=period or f"1 ตุลาคม {fy - 1} – 30 กันยายน {fy}",
        q1="ทุกปี" if heading else f"ต.ค. – ธ.ค. {fy - 1}",
        q2="ทุกปี" if heading else f"ม.ค. – มี.ค. {fy}",
        year="ทุกปี" if heading else f"ต.ค. {fy - 1} – ก.ย. {fy}",
    )


def o23(fy: int = 2569) -> Parts:
    return {}, {ANTICORRUPTION_PLAN: anticorruption_plan(fy)}


def o24(fy: int = 2568) -> Parts:
    period = f"1 ตุลาคม {fy - 1} – 30 กันยายน {fy}"
    text = fixture("o24_anticorruption_report.txt", fy=str(fy), period=period, signed=f"25 ตุลาคม {fy}")
    return {}, {ANTICORRUPTION_REPORT: text}


def o25(fy: int = 2569) -> Parts:
    """The analysis of ITA fy-1 and the measures of fiscal year fy, in one document (seeds 000 and 004)."""
    text = fixture(
        "o25_ita_analysis.txt",
        ita_year=str(fy - 1),
        fy=str(fy),
        p1=f"ต.ค. {fy - 1} – มี.ค. {fy}",
        p2=f"ต.ค. {fy - 1} – ก.ย. {fy}",
    )
    return {}, {ITA_ANALYSIS: text}


def o26(fy: int = 2568) -> Parts:
    """The report on fiscal year fy's integrity measures (seed 002), written in Thai digits."""
    text = fixture(
        "o26_integrity_report.txt",
        fy=thai_digits(fy),
        fy_prev=thai_digits(fy - 1),
        ita=thai_digits(fy - 1),
        memo_date=f"๑๘ ตุลาคม {thai_digits(fy)}",
    )
    return {}, {INTEGRITY_REPORT: text}


def assert_one_gap(result: ItemResult, kind: str, cid: str, prefix: str) -> str:
    """sitebuilder.assert_only_gap for items of any size (also one component): status gap, exactly one gap, of
    `kind` on `cid`, its Thai text starting with `prefix`, every other component present. Returns the text."""
    assert result.status == "gap", (result.status, result.unknown_reason)
    assert [(g.kind, g.component) for g in result.gaps] == [(kind, cid)], [
        (g.kind, g.component, g.text_th) for g in result.gaps
    ]
    text = result.gaps[0].text_th
    assert text.startswith(prefix), text
    assert all(c.status == "present" for c in result.components if c.id != cid), [
        (c.id, c.status) for c in result.components
    ]
    return text


# --- O4-O9, O12-O15: news, plans, reports, manuals, annual procurement report, HR, ethics -------------
# Their documents are text fixtures whose optional parts are marked like the pages'; `drop` removes parts
# and a document's other markers are removed too (a PDF's extracted text has no HTML comments).
def text_document(name: str, drop: Iterable[str] = (), **subs: str) -> str:
    import re

    from tests.rules.sitebuilder import drop_parts

    return re.sub(r"<!--\s*/?part:[\w-]+\s*-->", "", drop_parts(fixture(name, **subs), drop))


def html_page(name: str, title: str, drop: Iterable[str] = (), **subs: str) -> str:
    from tests.rules.sitebuilder import drop_parts

    return drop_parts(page(name, title, **subs), drop)


NEWS_DATES = {  # fiscal year -> the four posts' dates (the tax post's date last but one)
    2569: ("๗ พ.ค. ๒๕๖๙", "2 ก.พ. 2569", "9 ม.ค. 2569", "18 ธันวาคม 2568"),
    2568: ("๘ พ.ค. ๒๕๖๘", "25 ก.ย. 2568", "10 ม.ค. 2568", "19 ธันวาคม 2567"),
}


def o4(fy: int = 2569, drop: Iterable[str] = ()) -> Parts:
    """The news page: four posts of fiscal year `fy`, procurement notices and letters from สถ. In the 2568
    version the tax post announces the 2569 tax (its title names 2569) but was posted on 25 ก.ย. 2568."""
    d1, d2, d3, d4 = NEWS_DATES[fy]
    html = html_page("o4_news.html", "ข่าวประชาสัมพันธ์", drop, fy=str(fy), d1=d1, d2=d2, d3=d3, d4=d4)
    return {"/news/index.html": html}, {}


def o5(first: int = 2566, drop: Iterable[str] = ()) -> Parts:
    """แผนพัฒนาท้องถิ่น of the five years from `first` (2566 -> พ.ศ. ๒๕๖๖ – ๒๕๗๐)."""
    years = {f"y{i + 1}": thai_digits(first + i) for i in range(5)}
    plan = text_document(
        "o5_local_plan.txt",
        drop,
        period=f"พ.ศ. {thai_digits(first)} – {thai_digits(first + 4)}",
        amend=thai_digits(first + 2),
        **years,
    )
    return {}, {"/files/plan/local-plan-2566-2570.pdf": plan}


def o6(fy: int = 2569, drop: Iterable[str] = (), timeline: int | None = None) -> Parts:
    """แผนการดำเนินงาน of fiscal year `fy` (แบบ ผด.02 as pdftotext -raw gives it: the row number alone on a line,
    cells wrapped). With `timeline`, the header names the twelve months and that many rows have a period drawn
    under them (arrows: no text; crawler.pdftext.timeline_rows counts them)."""
    months = f"พ.ศ. {thai_digits(fy - 1)} พ.ศ. {thai_digits(fy)}\nต.ค. พ.ย. ธ.ค. ม.ค. ก.พ. มี.ค. เม.ย. พ.ค. มิ.ย. ก.ค. ส.ค. ก.ย.\n"
    plan = text_document(
        "o6_action_plan.txt",
        drop,
        fy=thai_digits(fy),
        y1=str(fy - 1),
        y2=str(fy),
        fy_start=thai_digits(fy - 1),
        timeline=months if timeline is not None else "",
    )
    return {}, {"/files/plan/action-plan-2569.pdf": Read(plan, timeline) if timeline is not None else plan}


def _annual(fy: int) -> dict[str, str]:
    """Placeholders of an annual report of fiscal year `fy`, signed in the following fiscal year."""
    return {
        "fy": thai_digits(fy),
        "fy_range": f"๑ ตุลาคม {thai_digits(fy - 1)} – ๓๐ กันยายน {thai_digits(fy)}",
        "y1": str(fy - 1),
        "y2": str(fy),
        "next": thai_digits(fy + 1),
        "fy_next_cal": thai_digits(fy),
    }


def o7(fy: int = 2568, drop: Iterable[str] = ()) -> Parts:
    """รายงานผลการดำเนินงาน of fiscal year `fy`: a strategy summary, then per project its budget, spending, dates
    (day, month and year of start and end) and result; problems and suggestions (one names next year)."""
    return {}, {"/files/plan/report-2568.pdf": text_document("o7_annual_report.txt", drop, **_annual(fy))}


def o8(drop: Iterable[str] = ()) -> Parts:
    """Staff manuals: the land-tax SOP; the page also lists a citizen's manual."""
    return (
        {"/manual/staff.html": html_page("o8_staff.html", "คู่มือการปฏิบัติงาน", drop)},
        {
            "/files/manual/sop-land-tax.pdf": text_document("o8_sop_land_tax.txt", drop),
            "/files/manual/citizen-elderly.pdf": text_document("o9_citizen_elderly.txt", drop),
        },
    )


def o9(drop: Iterable[str] = ()) -> Parts:
    """คู่มือสำหรับประชาชน: two service manuals (parts: name, steps, duration, channel, fee, documents)."""
    return (
        {"/manual/service.html": html_page("o9_service.html", "คู่มือสำหรับประชาชน", drop)},
        {
            "/files/manual/citizen-elderly.pdf": text_document("o9_citizen_elderly.txt", drop),
            "/files/manual/citizen-building.pdf": text_document("o9_citizen_building.txt", drop),
            "/files/manual/sop-land-tax.pdf": text_document("o8_sop_land_tax.txt", drop),
        },
    )


def o12(fy: int = 2568, drop: Iterable[str] = ()) -> Parts:
    """รายงานสรุปผลการจัดซื้อจัดจ้าง of fiscal year `fy` (pdftotext -raw layout): counts and values per method,
    four contracts with ราคากลาง and the vendor's 13-digit number, problems, suggestions."""
    return {}, {"/files/procurement/annual-2568.pdf": text_document("o12_annual_report.txt", drop, **_annual(fy))}


def o13(fy: int = 2569, drop: Iterable[str] = ()) -> Parts:
    plan = text_document("o13_hr_plan.txt", drop, fy=thai_digits(fy), fy_start=thai_digits(fy - 1))
    return {}, {"/files/hr/hr-plan-2569.pdf": plan}


def o14(fy: int = 2568, drop: Iterable[str] = ()) -> Parts:
    report = text_document("o14_hr_report.txt", drop, fy=thai_digits(fy), fy_next_cal=thai_digits(fy))
    return {}, {"/files/hr/hr-report-2568.pdf": report}


ETHICS_ACTIVITY_DATES = {2569: "วันศุกร์ที่ 16 มกราคม 2569", 2568: "วันศุกร์ที่ 14 กุมภาพันธ์ 2568"}


def o15(activity_fy: int = 2569, drop: Iterable[str] = ()) -> Parts:
    """The O15 page: the code of ethics (PDF, issued 2565) and the ethics training of fiscal year `activity_fy`."""
    date = ETHICS_ACTIVITY_DATES[activity_fy]
    return (
        {
            "/ita/ethics.html": html_page("o15_ethics.html", "ประมวลจริยธรรม", drop, fy=str(activity_fy)),
            "/news/ethics-training.html": html_page(
                "o15_activity.html", "ข่าวกิจกรรม", drop, fy=str(activity_fy), date=date
            ),
        },
        {"/files/ita/ethics-code.pdf": text_document("o15_ethics_code.txt", drop)},
    )
