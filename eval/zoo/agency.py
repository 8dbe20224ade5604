"""A fictional Thai local government: its names, people and contact details, made deterministically."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

FIRST_M = [
    "สมชาย",
    "ประเสริฐ",
    "วีระพงษ์",
    "บุญเลิศ",
    "สุรชัย",
    "ธนากร",
    "อุดม",
    "ไพโรจน์",
    "ชาตรี",
    "เกรียงศักดิ์",
    "ณรงค์",
    "สมพงษ์",
    "ทองใบ",
    "ปรีชา",
    "วิเชียร",
]
FIRST_F = ["สุภาพร", "วันเพ็ญ", "กาญจนา", "นิตยา", "อรุณี", "พิมพ์ชนก", "จันทร์เพ็ญ", "ศิริพร", "รัตนา", "ดวงใจ"]
LAST = [
    "ศรีสุข",
    "บุญมา",
    "แก้วประเสริฐ",
    "ทองดี",
    "พรหมวงศ์",
    "จันทร์หอม",
    "สายทอง",
    "มีสุข",
    "คำแก้ว",
    "ใจดี",
    "วงศ์ษา",
    "ภูมิพันธ์",
    "เพชรรัตน์",
    "ศรีวงศ์",
    "นาคสวัสดิ์",
    "อินทร์แก้ว",
]


@dataclass
class Person:
    name: str  # with title: นาย สมชาย ศรีสุข
    position: str
    phone: str
    photo: str  # image path on the site


@dataclass
class Agency:
    key: str
    kind: str  # "abt" (อบต.) or "tambon" (เทศบาลตำบล) or "muang" (เทศบาลเมือง)
    name: str
    amphoe: str
    province: str
    postcode: str
    moo: int
    phone: str
    email: str
    facebook: str
    seed: int
    thai_digits: bool = False  # documents typed with Thai digits
    people: list[Person] = field(default_factory=list)

    @property
    def full(self) -> str:
        return {"abt": "องค์การบริหารส่วนตำบล", "tambon": "เทศบาลตำบล", "muang": "เทศบาลเมือง"}[self.kind] + self.name

    @property
    def short(self) -> str:
        return {"abt": "อบต.", "tambon": "ทต.", "muang": "ทม."}[self.kind] + self.name

    @property
    def top_title(self) -> str:
        return {"abt": "นายกองค์การบริหารส่วนตำบล", "tambon": "นายกเทศมนตรีตำบล", "muang": "นายกเทศมนตรีเมือง"}[
            self.kind
        ] + self.name

    @property
    def deputy_title(self) -> str:
        return "รองนายกองค์การบริหารส่วนตำบล" if self.kind == "abt" else "รองนายกเทศมนตรี"

    @property
    def palad_title(self) -> str:
        return "ปลัดองค์การบริหารส่วนตำบล" if self.kind == "abt" else "ปลัดเทศบาล"

    @property
    def council(self) -> str:
        return "สภาองค์การบริหารส่วนตำบล" if self.kind == "abt" else "สภาเทศบาล"

    @property
    def address(self) -> str:
        office = "ที่ทำการองค์การบริหารส่วนตำบล" if self.kind == "abt" else "สำนักงานเทศบาล"
        return (
            f"{office}{self.name} เลขที่ 99 หมู่ที่ {self.moo} ตำบล{self.name} อำเภอ{self.amphoe} "
            f"จังหวัด{self.province} {self.postcode}"
        )

    def n(self, s: object) -> str:
        """A number as this agency types it in its documents."""
        return str(s).translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")) if self.thai_digits else str(s)

    def by_role(self, word: str) -> Person:
        return next(p for p in self.people if p.position.startswith(word))


def make_agency(
    key: str,
    kind: str,
    name: str,
    amphoe: str,
    province: str,
    postcode: str,
    seed: int,
    domain: str,
    thai_digits: bool = False,
) -> Agency:
    rnd = random.Random(seed)
    a = Agency(
        key,
        kind,
        name,
        amphoe,
        province,
        postcode,
        rnd.randint(1, 12),
        f"0-{rnd.randint(4200, 4599)}-{rnd.randint(1000, 9999)}",
        f"saraban@{domain}",
        f"https://www.facebook.com/{domain.split('.')[0]}",
        seed,
        thai_digits,
    )

    def person(position: str, female: bool = False) -> Person:
        first = rnd.choice(FIRST_F if female else FIRST_M)
        title = rnd.choice(["นาง", "นางสาว"]) if female else rnd.choice(["นาย", "นาย", "ว่าที่ร้อยตรี"])
        phone = f"08{rnd.randint(1, 9)}-{rnd.randint(100, 999)}-{rnd.randint(1000, 9999)}"
        slug = f"/images/people/p{len(a.people) + 1:02d}.jpg"
        return Person(f"{title}{first} {rnd.choice(LAST)}", position, phone, slug)

    a.people = [
        person(a.top_title),
        person(f"{a.deputy_title}คนที่ 1"),
        person(f"{a.deputy_title}คนที่ 2", female=True),
        person("เลขานุการนายก" + ("องค์การบริหารส่วนตำบล" if kind == "abt" else "เทศมนตรี")),
        person(a.palad_title + a.name),
        person("รอง" + a.palad_title, female=True),
        person("หัวหน้าสำนักปลัด", female=True),
        person("ผู้อำนวยการกองคลัง", female=True),
        person("ผู้อำนวยการกองช่าง"),
    ]
    return a
