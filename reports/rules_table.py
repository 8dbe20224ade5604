"""`oit rules`: a year's item catalog in Thai (item, components, time rule, confidence)."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from rules.catalog import Catalog, components

CONFIDENCE_TH = {"C": "อ้างอิงคู่มือ/ประกาศ ป.ป.ช.", "S": "พบจากหลายแหล่ง", "1": "แหล่งเดียว", "I": "อนุมาน"}


def time_rule_th(rule: str, fiscal_year: int) -> str:
    """A time rule in the assessors' terms, for the assessed fiscal year."""
    return {
        "current": "ข้อมูลเป็นปัจจุบัน",
        "current_fy": f"ข้อมูลปีงบประมาณ พ.ศ. {fiscal_year}",
        "previous_fy": f"ข้อมูลปีงบประมาณ พ.ศ. {fiscal_year - 1} (ปีที่ผ่านมา)",
        "first_half_current_fy": f"ครอบคลุม ต.ค. {fiscal_year - 1} – มี.ค. {fiscal_year} (6 เดือนแรก)",
        "covers_current_fy": f"แผนที่มีระยะเวลาครอบคลุมปีงบประมาณ พ.ศ. {fiscal_year}",
        "none": "ไม่มีองค์ประกอบด้านเวลา",
    }.get(rule, rule)


def catalog_table(catalog: Catalog, fiscal_year: int) -> Table:
    vocabulary = components()
    table = Table(title=Text(f"เกณฑ์ OIT ปี {fiscal_year} (รายการจากเกณฑ์ปี {catalog.year})"), show_lines=True)
    table.add_column("ข้อ", no_wrap=True)
    table.add_column("รายการ", ratio=2, overflow="fold")
    table.add_column("องค์ประกอบ", ratio=5, overflow="fold")
    table.add_column("ด้านเวลา", ratio=2, overflow="fold")
    table.add_column("ความเชื่อมั่น", no_wrap=True)
    for item in catalog.items:
        parts = Text()
        for cid in item.components:
            rule = vocabulary[cid].rule_th
            parts.append(f"• {vocabulary[cid].label_th}")
            parts.append(f" ({cid})\n", style="dim")
            for sub in vocabulary[cid].fields:
                parts.append(f"    ◦ {sub.label_th}")
                parts.append(f" ({sub.id})\n", style="dim")
            if rule:
                parts.append(f"  ไม่ผ่านเมื่อ: {rule}\n", style="cyan")
        title = Text(item.title)
        if not item.implemented:
            title.append("\n(ยังไม่รองรับการตรวจอัตโนมัติ)", style="magenta")
        table.add_row(item.code, title, parts, time_rule_th(item.time, fiscal_year),
                      f"{item.confidence} {CONFIDENCE_TH[item.confidence]}")  # fmt: skip
    return table


def print_catalog(catalog: Catalog, fiscal_year: int, console: Console | None = None) -> None:
    console = console or Console()
    if catalog.provisional and catalog.note_th:
        console.print(Text(catalog.note_th, style="bold yellow"))
    console.print(catalog_table(catalog, fiscal_year))
    console.print(Text(f"การจัดกลุ่มตัวชี้วัดย่อย: ความเชื่อมั่น {catalog.subindicator_confidence}"
                       f" ({CONFIDENCE_TH[catalog.subindicator_confidence]})"))  # fmt: skip
