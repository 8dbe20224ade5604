"""The flat rows every tabular format shares: items, gaps, and what to type into ITAS."""

from __future__ import annotations

from reports.models import ScanResult
from reports.rows import evidence_links, gap_rows, itas_rows
from rules.results import EvidenceRef


def test_evidence_links_keep_only_openable_urls(hostile_result: ScanResult) -> None:
    assert evidence_links(hostile_result.items[0]) == ['https://www.nakhlang.go.th/news?q="><script>alert(1)</script>']


def test_gap_rows_point_at_the_component_evidence(scored_result: ScanResult) -> None:
    rows = gap_rows(scored_result)
    assert len(rows) == sum(len(i.gaps) for i in scored_result.items) == 5
    o10 = next(r for r in rows if r.code == "O10")
    assert o10.component_label == "รายละเอียดวิธีการใช้งานระบบการให้บริการ"
    assert o10.evidence_url == "https://www.nakhlang.go.th/eservice"  # component has none: the item's evidence
    assert next(r for r in rows if r.code == "O20").evidence_url is None


def test_itas_rows_in_item_number_order_with_one_url_each(scored_result: ScanResult) -> None:
    shuffled = scored_result.model_copy(update={"items": list(reversed(scored_result.items))})
    rows = itas_rows(shuffled)
    assert [r.code for r in rows] == ["O1", "O3", "O10", "O12", "O20", "O26"]
    by_code = {r.code: r for r in rows}
    assert by_code["O12"].url == "https://www.nakhlang.go.th/files/สรุปผลจัดซื้อจัดจ้าง2568.pdf"
    assert by_code["O12"].description_th == (
        "O12 รายงานสรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุประจำปี – รายงานสรุปผลการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. 2567"
    )
    assert "2 ประเด็น" in by_code["O12"].note_th
    assert by_code["O20"].url is None and by_code["O20"].answer_th == "ไม่มี"


def test_itas_description_is_short_and_one_line(scored_result: ScanResult) -> None:
    item = scored_result.items[0]
    long_title = "หัวข้อ\nยาวมาก " * 100
    ref = EvidenceRef(url=item.evidence[0].url, title=long_title)
    row = itas_rows(scored_result.model_copy(update={"items": [item.model_copy(update={"evidence": [ref]})]}))[0]
    assert len(row.description_th) == 250 and row.description_th.endswith("…") and "\n" not in row.description_th
