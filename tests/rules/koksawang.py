"""The example agency of the rule tests: องค์การบริหารส่วนตำบลโคกสว่าง, อำเภอพล จังหวัดขอนแก่น.

Each `oN()` returns the pages and documents that answer item ON of ITA 2569 on a well-kept site, as
(pages, documents) keyed by path; `site()` puts the chosen items together with a home page and the ITA 2569
index page, which is how most อปท. sites link their evidence.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from rules.site import MemorySite
from tests.rules.sitebuilder import Content, build_site, fixture, home, page

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
