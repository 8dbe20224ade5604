"""oit.watch.diff: what changed between two results of one อบต. site, item by item."""

from __future__ import annotations

from datetime import date

from oit.watch.diff import diff_results
from rules.results import ComponentResult, Gap
from tests.oit.sample import EXEC_PAGE, NO_PHOTO, NO_QA, NOGIFT_2569, NOGIFT_PAGE, NOT_SIGNED, SITE, item, result


def test_identical_results_have_no_changes():
    items = [item("O2", "pass", evidence=[EXEC_PAGE]), item("O20", "gap", [NOT_SIGNED], [NOGIFT_2569])]
    diff = diff_results(result(1, items), result(2, items))
    assert diff.is_empty and diff.changes == []
    assert (diff.old_scan_id, diff.new_scan_id) == (1, 2)
    assert diff.new_gaps_count == diff.fixed_gaps_count == 0


def test_new_and_fixed_gaps_per_item_in_code_order():
    old = result(
        1, [item("O2", "pass", evidence=[EXEC_PAGE]), item("O3", "gap", [NO_QA]), item("O10", "pass")], score=70.0
    )
    new = result(2, [item("O2", "gap", [NO_PHOTO], [EXEC_PAGE]), item("O3", "pass"), item("O10", "pass")], score=66.67)
    diff = diff_results(old, new)
    assert [c.code for c in diff.changes] == ["O2", "O3"]  # O10 did not change
    o2, o3 = diff.changes
    assert (o2.before, o2.after) == ("pass", "gap")
    assert o2.new_gaps == [NO_PHOTO] and o2.fixed_gaps == []
    assert o3.fixed_gaps == [NO_QA] and o3.new_gaps == []
    assert (diff.new_gaps_count, diff.fixed_gaps_count) == (1, 1)
    assert (diff.score_before, diff.score_after) == (70.0, 66.67)
    assert (diff.grade_before, diff.grade_after) == ("C", "C")


def test_items_are_ordered_by_number_not_text():
    old = result(1, [item("O10", "pass"), item("O2", "pass")])
    new = result(2, [item("O2", "missing"), item("O10", "missing")])
    assert [c.code for c in diff_results(old, new).changes] == ["O2", "O10"]


def test_same_finding_quoting_another_signer_is_not_new():
    """A re-uploaded announcement signed by another officer: same gap, not "fixed" plus "new"."""
    other_signer = NOT_SIGNED.model_copy(
        update={"text_th": NOT_SIGNED.text_th.replace("นางวิไลวรรณ จันทร์หอม ปลัด อบต.", "นายสมชาย ใจดี รองปลัด อบต.")}
    )
    old = result(1, [item("O20", "gap", [NOT_SIGNED], [NOGIFT_2569])])
    new = result(2, [item("O20", "gap", [other_signer], [NOGIFT_2569])])
    assert diff_results(old, new).is_empty


def test_a_different_finding_in_the_same_component_is_new():
    out_of_date = Gap(
        kind="time",
        component="nogift.announcement",
        text_th="ไม่เป็นไปตามกรอบระยะเวลา - ประกาศเจตนารมณ์เป็นของปี พ.ศ. 2568",
        text_en="Out of date - the announcement is for 2568",
    )
    old = result(1, [item("O20", "gap", [NOT_SIGNED], [NOGIFT_2569])])
    new = result(2, [item("O20", "gap", [NOT_SIGNED, out_of_date], [NOGIFT_2569])])
    (change,) = diff_results(old, new).changes
    assert change.new_gaps == [out_of_date] and change.fixed_gaps == []


def test_evidence_added_removed_and_broken_when_known():
    new_pdf = SITE + "docs/ita/2569/nogift-announcement-2569-signed.pdf"
    old = result(1, [item("O20", "pass", evidence=[NOGIFT_PAGE, NOGIFT_2569])])
    new = result(2, [item("O20", "pass", evidence=[NOGIFT_PAGE, new_pdf])])
    (change,) = diff_results(old, new).changes
    assert change.evidence_added == [new_pdf] and change.evidence_removed == [NOGIFT_2569]
    assert change.evidence_broken == []  # nobody said it failed to load: not guessed
    (change,) = diff_results(old, new, {NOGIFT_2569: "HTTP 404", SITE + "other.pdf": "HTTP 500"}).changes
    assert change.evidence_broken == [NOGIFT_2569] and change.broken_reasons == {NOGIFT_2569: "HTTP 404"}
    # Already failing in the older scan: not newly broken.
    assert diff_results(old, old, {NOGIFT_2569: "HTTP 404"}, {NOGIFT_2569: "HTTP 404"}).is_empty


def test_broken_evidence_alone_is_a_change():
    items = [item("O20", "gap", [NOT_SIGNED], [NOGIFT_2569])]
    (change,) = diff_results(result(1, items), result(2, items), {NOGIFT_2569: "ConnectTimeout"}).changes
    assert change.before == change.after == "gap" and change.evidence_broken == [NOGIFT_2569]


def test_component_evidence_urls_count_as_evidence():
    comp = ComponentResult(id="exec.photo", status="present", evidence_url=SITE + "img/nayok.jpg")
    old = result(1, [item("O2", "pass", evidence=[EXEC_PAGE], components=[comp])])
    new = result(2, [item("O2", "pass", evidence=[EXEC_PAGE], components=[comp])])
    (change,) = diff_results(old, new, {SITE + "img/nayok.jpg": "HTTP 404"}).changes
    assert change.evidence_broken == [SITE + "img/nayok.jpg"]


def test_went_unknown_only_on_the_way_in():
    reason = "ไฟล์ PDF เป็นภาพสแกนที่อ่านข้อความไม่ได้ / scanned PDF without text"
    known = result(1, [item("O20", "gap", [NOT_SIGNED], [NOGIFT_2569])])
    unknown = result(2, [item("O20", "unknown", evidence=[NOGIFT_2569], reason=reason)])
    still = result(3, [item("O20", "unknown", evidence=[NOGIFT_2569], reason=reason)])
    (change,) = diff_results(known, unknown).changes
    assert change.went_unknown and change.unknown_reason == reason
    assert change.fixed_gaps == [NOT_SIGNED]  # listed, and the status change says why
    assert diff_results(unknown, still).is_empty


def test_component_status_changes_are_listed():
    before = ComponentResult(id="exec.photo", label_th="รูปถ่าย", status="present")
    after = ComponentResult(id="exec.photo", label_th="รูปถ่าย", status="missing")
    old = result(1, [item("O2", "pass", components=[before])])
    new = result(2, [item("O2", "gap", [NO_PHOTO], components=[after])])
    (change,) = diff_results(old, new).changes
    assert [(c.id, c.before, c.after) for c in change.components] == [("exec.photo", "present", "missing")]


def test_item_only_in_one_scan():
    old = result(1, [item("O2", "pass")])
    new = result(2, [item("O2", "pass"), item("O20", "missing")], as_of=date(2026, 6, 1))
    (change,) = diff_results(old, new).changes
    assert (change.code, change.before, change.after) == ("O20", None, "missing")
    diff = diff_results(old, new)
    assert (diff.old_as_of, diff.new_as_of) == (date(2026, 5, 15), date(2026, 6, 1))
