"""ITA 2569 O8 คู่มือการปฏิบัติงานของเจ้าหน้าที่ (the task, who does it, the steps) and O9 คู่มือสำหรับประชาชน,
whose six parts are reported one by one (manual.service.name … manual.service.documents): one manual must hold
them all. A citizen's manual is not a staff manual, nor the other way round."""

from __future__ import annotations

import pytest

from tests.rules import koksawang as k
from tests.rules.sitebuilder import DATA_GAP, assert_pass, item, statuses

FIELDS = ["name", "steps", "duration", "channel", "fee", "documents"]
O9 = ["manual.service", *(f"manual.service.{f}" for f in FIELDS)]


# --- O8 ---------------------------------------------------------------------------------------------
def test_o8_staff_manual_passes() -> None:
    result = item(k.site(k.o8()), "O8")
    assert_pass(result, ["manual.work"])
    assert (result.components[0].evidence_url or "").endswith("/files/manual/sop-land-tax.pdf")


def test_o8_page_of_citizens_manuals_only_is_a_data_gap() -> None:
    # The agency links its O8 item to the page of คู่มือสำหรับประชาชน.
    citizens = k.html_page("o9_service.html", "คู่มือสำหรับประชาชน", {"staffonly"})
    result = item(k.site(k.o8(), k.o9(), pages={"/manual/staff.html": citizens}), "O8")
    k.assert_one_gap(result, "data", "manual.work", DATA_GAP + "คู่มือหรือแนวทางการปฏิบัติงานของเจ้าหน้าที่")


def test_o8_manual_without_steps_is_a_data_gap_naming_them() -> None:
    result = item(k.site(k.o8(drop={"steps"})), "O8")
    text = k.assert_one_gap(result, "data", "manual.work", DATA_GAP + "คู่มือหรือแนวทางการปฏิบัติงานของเจ้าหน้าที่")
    assert text.endswith("(ขั้นตอนการปฏิบัติงาน)")


# --- O9 ---------------------------------------------------------------------------------------------
def test_o9_service_manuals_pass_with_every_field() -> None:
    result = item(k.site(k.o9()), "O9")
    assert_pass(result, O9)
    fee = next(c for c in result.components if c.id == "manual.service.fee")
    assert (fee.evidence_url or "").endswith(".pdf") and "ค่าธรรมเนียม" in (fee.snippet or "")


@pytest.mark.parametrize(
    ("field", "label"),
    [
        ("name", "ชื่องานบริการ"),
        ("steps", "ขั้นตอนการให้บริการ"),
        ("duration", "ระยะเวลาการให้บริการ"),
        ("channel", "ช่องทางหรือสถานที่ให้บริการ"),
        ("fee", "ค่าธรรมเนียม"),
        ("documents", "รายการเอกสารหลักฐานประกอบ"),
    ],
)
def test_o9_each_missing_field_is_its_own_data_gap(field: str, label: str) -> None:
    # Both manuals lack the field; the other five fields and the manual itself are there.
    result = item(k.site(k.o9(drop={field})), "O9")
    text = k.assert_one_gap(result, "data", f"manual.service.{field}", DATA_GAP + label)
    assert text.endswith("ในคู่มือการขอรับบริการ")


def test_o9_fields_must_be_in_one_manual() -> None:
    # One manual lacks its fee, the other its documents list: neither is complete.
    pages, documents = k.o9()
    elderly, building = "/files/manual/citizen-elderly.pdf", "/files/manual/citizen-building.pdf"
    documents[elderly] = k.text_document("o9_citizen_elderly.txt", {"fee"})
    documents[building] = k.text_document("o9_citizen_building.txt", {"documents"})
    result = item(k.site((pages, documents)), "O9")
    assert result.status == "gap"
    assert len(result.gaps) == 1 and result.gaps[0].component in ("manual.service.fee", "manual.service.documents")


def test_o9_staff_manuals_only_is_one_gap_for_the_manual() -> None:
    # The O9 link leads to the staff manuals page: the manual is absent, and its six fields are not
    # reported as six more gaps.
    staff = k.html_page("o8_staff.html", "คู่มือการปฏิบัติงาน", {"citizenlink"})
    result = item(k.site(k.o8(), k.o9(), pages={"/manual/service.html": staff}), "O9")
    assert result.status == "gap"
    assert [(g.kind, g.component) for g in result.gaps] == [("data", "manual.service")]
    assert result.gaps[0].text_th == DATA_GAP + "คู่มือการขอรับบริการ"
    assert statuses(result) == dict.fromkeys(O9, "missing")
