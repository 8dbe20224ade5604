"""Generate a deterministic static "Thai municipality" website for crawl benchmarks.

    python bench/gen_site.py OUT_DIR [--pages 2000] [--seed 2567]

Every page is UTF-8 HTML of about 40 KB (36–44 KB): a header with a 100-link mega menu (Thai labels,
pointing at the site's static pages), a body of Thai news/announcement prose with Buddhist-era dates and
tables, 5–15 in-body links to other pages of the site and a footer with address and phone numbers. Paths
look like a typical municipal CMS: ``/news/123.html``, ``/announce/7.html``, ``/procurement/88.html``,
``/activity/5.html``, ``/page/45.html``; the home page is ``/`` (``index.html``). Every page is reachable
from ``/``: besides the menu, page number k (in a shuffled order, the home page first) always links to
pages 4k+1 … 4k+4, a 4-ary spanning tree, and the rest of its body links are random.

There are a few links that a crawler must *not* follow or count as pages: ``#top`` anchors, ``tel:`` and
``mailto:`` links, ``javascript:void(0)`` menu toggles and links to other (external) government sites.
A ``robots.txt`` allows everything. Only the standard library is used; the same seed always gives
byte-identical output.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

GENERATOR_VERSION = 1
DEFAULT_PAGES = 2000
DEFAULT_SEED = 2567

# --------------------------------------------------------------------------------------------------------
# Built-in vocabulary (no downloads)
# --------------------------------------------------------------------------------------------------------

MONTHS = [
    "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
    "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม",
]  # fmt: skip
MONTHS_SHORT = [
    "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.",
]  # fmt: skip
WEEKDAYS = ["วันจันทร์", "วันอังคาร", "วันพุธ", "วันพฤหัสบดี", "วันศุกร์", "วันเสาร์", "วันอาทิตย์"]

TOWNS = ["บ้านหนองบัว", "ท่าข้าม", "หนองแวง", "โนนสูง", "บ้านเหล่า", "วังน้ำเย็น", "ดอนมูล", "นาดี", "ห้วยยาง"]
DISTRICTS = [
    ("เมืองขอนแก่น", "ขอนแก่น", "40000", "043"),
    ("บ้านไผ่", "ขอนแก่น", "40110", "043"),
    ("เมืองอุดรธานี", "อุดรธานี", "41000", "042"),
    ("พิมาย", "นครราชสีมา", "30110", "044"),
    ("สันทราย", "เชียงใหม่", "50210", "053"),
    ("บางปลาม้า", "สุพรรณบุรี", "72150", "035"),
]

# The mega menu: 10 groups x 10 labels = 100 links, each to one static page (/page/N.html).
MENU: list[tuple[str, list[str]]] = [
    ("เกี่ยวกับเทศบาล", [
        "ประวัติความเป็นมา", "สภาพทั่วไปและข้อมูลพื้นฐาน", "วิสัยทัศน์ พันธกิจ", "ตราสัญลักษณ์",
        "แผนที่ตั้งสำนักงาน", "ข้อมูลการติดต่อ", "ทำเนียบผู้บริหาร", "ทำเนียบผู้บริหารในอดีต",
        "อำนาจหน้าที่", "ยุทธศาสตร์การพัฒนา",
    ]),
    ("บุคลากร", [
        "โครงสร้างส่วนราชการ", "คณะผู้บริหาร", "สมาชิกสภาเทศบาล", "สำนักปลัดเทศบาล", "กองคลัง", "กองช่าง",
        "กองการศึกษา", "กองสาธารณสุขและสิ่งแวดล้อม", "กองสวัสดิการสังคม", "หน่วยตรวจสอบภายใน",
    ]),
    ("ข่าวสาร", [
        "ข่าวประชาสัมพันธ์", "ข่าวกิจกรรม", "ประกาศเทศบาล", "ประกาศรับสมัครงาน", "ภาพกิจกรรม",
        "วารสารเทศบาล", "ปฏิทินกิจกรรม", "คลังวิดีโอ", "ข่าวสารจากจังหวัด",
        "ข่าวสารจากกรมส่งเสริมการปกครองท้องถิ่น",
    ]),
    ("แผนงาน", [
        "แผนพัฒนาท้องถิ่น", "แผนดำเนินงานประจำปี", "แผนการจัดซื้อจัดจ้าง", "แผนอัตรากำลัง 3 ปี",
        "แผนพัฒนาบุคลากร", "แผนปฏิบัติการป้องกันการทุจริต", "แผนการใช้จ่ายงบประมาณ",
        "แผนป้องกันและบรรเทาสาธารณภัย", "แผนแม่บทเทคโนโลยีสารสนเทศ", "แผนบริหารความเสี่ยง",
    ]),
    ("งบประมาณ", [
        "เทศบัญญัติงบประมาณรายจ่าย", "รายงานการเงิน", "งบแสดงฐานะการเงิน",
        "รายงานผลการใช้จ่ายงบประมาณ", "รายงานกำกับติดตามการใช้จ่ายงบประมาณ",
        "รายงานผลการดำเนินงานประจำปี", "รายงานการติดตามประเมินผลแผนพัฒนา", "รายงานรับ-จ่ายเงินสะสม",
        "ข้อมูลรายรับรายจ่าย", "รายงานการตรวจสอบของ สตง.",
    ]),
    ("จัดซื้อจัดจ้าง", [
        "ประกาศจัดซื้อจัดจ้าง", "ผลการจัดซื้อจัดจ้าง", "สรุปผลการจัดซื้อจัดจ้างรายเดือน", "ราคากลาง",
        "รายงานผลการจัดซื้อจัดจ้างประจำปี", "ประกาศผู้ชนะการเสนอราคา", "ร่างขอบเขตของงาน (TOR)",
        "ประกาศยกเลิกการจัดซื้อจัดจ้าง", "การวิเคราะห์ผลการจัดซื้อจัดจ้าง", "ระบบ e-GP",
    ]),
    ("บริการประชาชน", [
        "คู่มือสำหรับประชาชน", "บริการออนไลน์ (E-Service)", "ช่องทางร้องเรียนร้องทุกข์", "แบบฟอร์มดาวน์โหลด",
        "ภาษีที่ดินและสิ่งปลูกสร้าง", "ขออนุญาตก่อสร้างอาคาร", "ลงทะเบียนเบี้ยยังชีพผู้สูงอายุ",
        "ศูนย์ข้อมูลข่าวสาร", "สถิติการให้บริการ", "กระดานถามตอบ (Q&A)",
    ]),
    ("ความโปร่งใส (ITA)", [
        "การเปิดเผยข้อมูลสาธารณะ (OIT)", "นโยบายไม่รับของขวัญ (No Gift Policy)", "เจตจำนงสุจริตของผู้บริหาร",
        "ประมวลจริยธรรม", "มาตรการส่งเสริมคุณธรรมและความโปร่งใส", "การประเมินความเสี่ยงการทุจริต",
        "รายงานผลการดำเนินการเรื่องร้องเรียนการทุจริต", "การขับเคลื่อนจริยธรรม",
        "นโยบายการบริหารทรัพยากรบุคคล", "การเสริมสร้างวัฒนธรรมองค์กร",
    ]),
    ("กฎหมายและระเบียบ", [
        "เทศบัญญัติ", "กฎหมายที่เกี่ยวข้อง", "ระเบียบและข้อบังคับ", "คำสั่งเทศบาล", "รายงานการประชุมสภา",
        "ประกาศสภาเทศบาล", "มติคณะรัฐมนตรี", "หนังสือสั่งการ", "พระราชบัญญัติข้อมูลข่าวสาร",
        "คู่มือการปฏิบัติงาน",
    ]),
    ("ชุมชนและท่องเที่ยว", [
        "ข้อมูลชุมชน", "สถานที่ท่องเที่ยว", "ผลิตภัณฑ์ OTOP", "ปราชญ์ชาวบ้าน", "ประเพณีท้องถิ่น",
        "ศูนย์พัฒนาเด็กเล็ก", "กองทุนหลักประกันสุขภาพ", "ศูนย์ป้องกันและบรรเทาสาธารณภัย",
        "ธนาคารขยะชุมชน", "ลิงก์หน่วยงานภายนอก",
    ]),
]  # fmt: skip

PROJECTS = [
    "ฝึกอบรมอาสาสมัครป้องกันภัยฝ่ายพลเรือน", "ส่งเสริมสุขภาพผู้สูงอายุ", "รณรงค์ป้องกันโรคไข้เลือดออก",
    "คัดแยกขยะมูลฝอยในชุมชน", "ปลูกต้นไม้เฉลิมพระเกียรติ", "แข่งขันกีฬาต้านยาเสพติด",
    "อบรมคุณธรรมจริยธรรมพนักงาน", "สืบสานประเพณีสงกรานต์", "สืบสานประเพณีลอยกระทง", "ท้องถิ่นสัญจร",
    "จัดเก็บภาษีนอกสถานที่", "ฝึกอาชีพให้แก่ประชาชน", "พัฒนาศักยภาพผู้นำชุมชน", "ขุดลอกคลองส่งน้ำ",
    "ซ่อมแซมถนนลูกรังเพื่อการเกษตร", "ฉีดวัคซีนป้องกันโรคพิษสุนัขบ้า", "ศูนย์พัฒนาเด็กเล็กปลอดภัย",
    "ตลาดนัดชุมชนสีเขียว", "ธนาคารขยะรีไซเคิล", "เยี่ยมบ้านผู้ป่วยติดเตียง", "ซ้อมแผนอพยพหนีไฟ",
    "ส่งเสริมการเรียนรู้ตามหลักปรัชญาเศรษฐกิจพอเพียง", "เทศบาลเคลื่อนที่พบประชาชน", "วันเด็กแห่งชาติ",
]  # fmt: skip
PLACES = [
    "หอประชุมเทศบาล", "ศาลาประชาคมหมู่ที่ {moo}", "วัดโพธิ์ศรีสว่าง", "โรงเรียนบ้านหนองบัว",
    "ศูนย์พัฒนาเด็กเล็กเทศบาล", "สนามกีฬาเทศบาล", "สวนสาธารณะหนองน้ำใหญ่",
    "โรงพยาบาลส่งเสริมสุขภาพตำบล", "ลานอเนกประสงค์หน้าสำนักงาน", "ศูนย์การเรียนรู้ชุมชน",
]  # fmt: skip
PERSONS = [
    "นายกเทศมนตรี", "รองนายกเทศมนตรี", "ปลัดเทศบาล", "รองปลัดเทศบาล", "ผู้อำนวยการกองช่าง",
    "ประธานสภาเทศบาล", "นายอำเภอ", "ผู้อำนวยการกองสาธารณสุขและสิ่งแวดล้อม", "หัวหน้าสำนักปลัดเทศบาล",
]  # fmt: skip
GROUPS = [
    "ประชาชน", "ผู้สูงอายุ", "เด็กและเยาวชน", "ผู้พิการ", "กลุ่มสตรี", "อาสาสมัครสาธารณสุขประจำหมู่บ้าน",
    "ผู้นำชุมชน", "พนักงานเทศบาล", "ผู้ประกอบการร้านค้า", "เกษตรกร", "นักเรียน", "คณะกรรมการชุมชน",
]  # fmt: skip
PURPOSES = [
    "ส่งเสริมคุณภาพชีวิตที่ดีของประชาชน", "สร้างความเข้มแข็งให้แก่ชุมชน",
    "ป้องกันและลดความเสี่ยงจากสาธารณภัย", "อนุรักษ์ศิลปวัฒนธรรมและประเพณีท้องถิ่น",
    "เพิ่มประสิทธิภาพการให้บริการประชาชน", "ส่งเสริมการมีส่วนร่วมของประชาชน", "ลดปริมาณขยะมูลฝอยต้นทาง",
    "พัฒนาโครงสร้างพื้นฐานให้ได้มาตรฐาน", "ส่งเสริมความโปร่งใสในการปฏิบัติงาน",
    "ป้องกันการทุจริตและประพฤติมิชอบ", "ยกระดับคุณภาพการศึกษาของเด็กปฐมวัย",
]  # fmt: skip
DIVISIONS = [
    "สำนักปลัดเทศบาล", "กองคลัง", "กองช่าง", "กองการศึกษา", "กองสาธารณสุขและสิ่งแวดล้อม",
    "กองสวัสดิการสังคม", "งานประชาสัมพันธ์", "งานนิติการ", "งานการเจ้าหน้าที่", "งานป้องกันและบรรเทาสาธารณภัย",
]  # fmt: skip
BUDGETS = ["เทศบัญญัติงบประมาณรายจ่าย", "เงินอุดหนุนเฉพาะกิจ", "เงินสะสม", "กองทุนหลักประกันสุขภาพระดับท้องถิ่น"]
NOTICES = [
    "จะมีการปิดปรับปรุงระบบประปาหมู่บ้านเป็นการชั่วคราว", "ได้กำหนดให้ชำระภาษีที่ดินและสิ่งปลูกสร้างภายในเดือน{month}",
    "เปิดรับสมัครบุคคลเพื่อสรรหาและเลือกสรรเป็นพนักงานจ้างทั่วไป", "ขอเชิญร่วมแสดงความคิดเห็นต่อร่างแผนพัฒนาท้องถิ่น",
    "ขอความร่วมมืองดการเผาในที่โล่งเพื่อลดปัญหาหมอกควันและฝุ่นละออง", "ขอเชิญชวนร่วมบริจาคโลหิตกับเหล่ากาชาดจังหวัด",
    "ขยายเวลาการลงทะเบียนรับเงินเบี้ยยังชีพผู้สูงอายุและผู้พิการ", "จะดำเนินการพ่นหมอกควันกำจัดยุงลายทุกหมู่บ้าน",
]  # fmt: skip
ITEMS = [
    "จัดซื้อวัสดุสำนักงาน", "จ้างเหมาซ่อมแซมรถบรรทุกขยะ", "จัดซื้อน้ำมันเชื้อเพลิงและหล่อลื่น",
    "จ้างก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ {moo}", "จัดซื้ออาหารเสริม (นม) โรงเรียน",
    "จ้างเหมาบริการทำความสะอาดอาคาร", "จัดซื้อวัสดุก่อสร้าง", "จ้างเหมาจัดทำป้ายประชาสัมพันธ์",
    "จัดซื้อครุภัณฑ์คอมพิวเตอร์", "จ้างวางท่อระบายน้ำ คสล. หมู่ที่ {moo}", "จัดซื้อวัสดุการเกษตร",
    "จ้างซ่อมแซมไฟฟ้าส่องสว่างสาธารณะ", "จัดซื้อวัสดุวิทยาศาสตร์หรือการแพทย์",
]  # fmt: skip
VENDORS = [
    "ร้านรุ่งเรืองพาณิชย์", "ห้างหุ้นส่วนจำกัด ศรีสมบูรณ์ก่อสร้าง", "บริษัท สยามออฟฟิศ จำกัด", "ร้านเจริญวัสดุ",
    "สหกรณ์โคนมขอนแก่น จำกัด", "ร้านโชคดีการช่าง", "ห้างหุ้นส่วนจำกัด ทวีทรัพย์ปิโตรเลียม", "ร้านมิตรภาพการพิมพ์",
]  # fmt: skip
METHODS = ["เฉพาะเจาะจง", "ประกวดราคาอิเล็กทรอนิกส์ (e-bidding)", "คัดเลือก"]
REASONS = ["เป็นผู้มีคุณสมบัติตามเงื่อนไขและเสนอราคาต่ำสุด", "ราคาเหมาะสมและอยู่ในวงเงินงบประมาณ", "เป็นผู้ประกอบการในพื้นที่"]
CLOSINGS = [
    "จึงประกาศมาเพื่อทราบโดยทั่วกัน", "จึงประชาสัมพันธ์มาเพื่อทราบและถือปฏิบัติ",
    "ทั้งนี้ ผู้สนใจสามารถสอบถามรายละเอียดเพิ่มเติมได้ในวันและเวลาราชการ",
    "หากมีข้อสงสัยโปรดติดต่อเจ้าหน้าที่ผู้รับผิดชอบ", "ขอขอบคุณทุกภาคส่วนที่ให้ความร่วมมือเป็นอย่างดี",
]  # fmt: skip
EXTERNAL = [
    ("https://www.dla.go.th/", "กรมส่งเสริมการปกครองท้องถิ่น"),
    ("https://www.nacc.go.th/", "สำนักงาน ป.ป.ช."),
    ("https://www.gprocurement.go.th/", "ระบบการจัดซื้อจัดจ้างภาครัฐ"),
    ("https://www.oic.go.th/", "สำนักงานคณะกรรมการข้อมูลข่าวสารของราชการ"),
    ("https://www.facebook.com/", "Facebook เทศบาล"),
    ("https://www.moi.go.th/", "กระทรวงมหาดไทย"),
]  # fmt: skip

CSS = """
body{font-family:'Sarabun','Tahoma',sans-serif;margin:0;color:#333;background:#f7f7f7}
.topbar{background:#0b4f8a;color:#fff;font-size:14px;padding:4px 16px}
.header{background:#fff;padding:12px 16px;border-bottom:3px solid #d4a017}
.header .site-name{font-size:26px;font-weight:bold;color:#0b4f8a}
.megamenu{background:#0b4f8a;position:relative}.megamenu>ul{list-style:none;margin:0;padding:0;display:flex}
.megamenu li.dropdown{position:relative}.megamenu .dropdown-menu{display:none;position:absolute;z-index:99}
.megamenu li.dropdown:hover .dropdown-menu{display:block;background:#fff;min-width:260px}
.megamenu a{color:#fff;text-decoration:none;padding:10px 12px;display:block}
.dropdown-menu a{color:#0b4f8a!important;border-bottom:1px solid #eee}
.container{max-width:1170px;margin:0 auto;display:flex;gap:16px}.content{flex:3;background:#fff;padding:16px}
.sidebar{flex:1}.sidebar .box{background:#fff;margin-bottom:16px;padding:12px}
table.data{border-collapse:collapse;width:100%}table.data td,table.data th{border:1px solid #ccc;padding:4px}
.footer{background:#222;color:#ddd;padding:24px 16px;font-size:14px}.footer a{color:#fff}
"""

JS = """
window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments);}
gtag('js',new Date());gtag('config','G-XXXXXXXXXX');
document.addEventListener('DOMContentLoaded',function(){var t=document.querySelectorAll('.dropdown-toggle');
for(var i=0;i<t.length;i++){t[i].addEventListener('click',function(e){e.preventDefault();
this.parentNode.classList.toggle('open');});}var c=document.getElementById('counter');
if(c){c.textContent=(Math.floor(Math.random()*100000)+100000).toLocaleString('th-TH');}});
"""


# --------------------------------------------------------------------------------------------------------
# Site model
# --------------------------------------------------------------------------------------------------------


@dataclass
class PageSpec:
    path: str  # URL path, e.g. /news/12.html ("/" for the home page)
    kind: str  # home, page, news, announce, procurement, activity
    title: str
    links: list[int] = field(default_factory=list)  # indexes of other pages linked from the body

    @property
    def file(self) -> str:
        return "index.html" if self.path == "/" else self.path.lstrip("/")


class Vocab:
    """Sentence generator over the built-in vocabulary, driven by one seeded Random."""

    def __init__(self, rng: random.Random, org: str) -> None:
        self.rng = rng
        self.org = org

    def date(self) -> str:
        r = self.rng
        return f"{r.randint(1, 28)} {r.choice(MONTHS)} {r.randint(2565, 2568)}"

    def short_date(self) -> str:
        r = self.rng
        return f"{r.randint(1, 28):02d}/{r.randint(1, 12):02d}/{r.randint(2565, 2568)}"

    def money(self, lo: int = 5_000, hi: int = 2_500_000) -> str:
        return f"{self.rng.randint(lo, hi):,}.00"

    def fill(self, template: str) -> str:
        r = self.rng
        return template.format(moo=r.randint(1, 15), month=r.choice(MONTHS))

    def sentence(self) -> str:
        r = self.rng
        c = r.choice
        templates = [
            lambda: (
                f"{self.org}ได้ดำเนินโครงการ{c(PROJECTS)} ณ {self.fill(c(PLACES))} เมื่อ{c(WEEKDAYS)}ที่ "
                f"{self.date()} โดยมี{c(PERSONS)}เป็นประธานในพิธีเปิด"
            ),
            lambda: f"เพื่อ{c(PURPOSES)} และ{c(PURPOSES)}ให้แก่{c(GROUPS)}ในเขตพื้นที่เทศบาล",
            lambda: f"มีผู้เข้าร่วมโครงการจำนวน {r.randint(20, 450)} คน ประกอบด้วย{c(GROUPS)} {c(GROUPS)} และ{c(GROUPS)}",
            lambda: (
                f"โดยใช้งบประมาณจาก{c(BUDGETS)} ประจำปีงบประมาณ พ.ศ. {r.randint(2565, 2568)} "
                f"เป็นเงินทั้งสิ้น {self.money()} บาท"
            ),
            lambda: f"{self.org}ขอประชาสัมพันธ์ให้{c(GROUPS)}ทราบว่า {self.fill(c(NOTICES))}",
            lambda: (
                f"ทั้งนี้ ผู้สนใจสามารถติดต่อสอบถามรายละเอียดเพิ่มเติมได้ที่{c(DIVISIONS)} {self.org} "
                f"ในวันและเวลาราชการ ตั้งแต่เวลา 08.30 น. ถึง 16.30 น."
            ),
            lambda: f"{c(PERSONS)}ได้กล่าวขอบคุณ{c(GROUPS)}และ{c(GROUPS)}ที่ให้ความร่วมมือในการ{c(PURPOSES)}",
            lambda: (
                f"ในการนี้ {c(DIVISIONS)}ได้ร่วมกับ{c(DIVISIONS)}จัดเจ้าหน้าที่ออกให้บริการ ณ "
                f"{self.fill(c(PLACES))} ระหว่างวันที่ {self.date()} ถึงวันที่ {self.date()}"
            ),
            lambda: c(CLOSINGS),
        ]
        return c(templates)()

    def paragraph(self) -> str:
        return " ".join(self.sentence() for _ in range(self.rng.randint(3, 7)))

    def headline(self, kind: str) -> str:
        r = self.rng
        c = r.choice
        if kind == "news":
            return f"{self.org}จัดโครงการ{c(PROJECTS)} ประจำปี {r.randint(2565, 2568)}"
        if kind == "announce":
            return f"ประกาศ{self.org} เรื่อง {self.fill(c(NOTICES))}"
        if kind == "procurement":
            return f"ประกาศผู้ชนะการเสนอราคา{self.fill(c(ITEMS))} โดยวิธี{c(METHODS)}"
        return f"ภาพกิจกรรม{c(PROJECTS)} ณ {self.fill(c(PLACES))}"

    def table(self) -> str:
        r = self.rng
        rows = []
        if r.random() < 0.5:
            head = ["ลำดับ", "งานที่จัดซื้อจัดจ้าง", "วงเงินงบประมาณ (บาท)", "ราคากลาง (บาท)", "วิธีซื้อ/จ้าง",
                    "ผู้ได้รับการคัดเลือกและราคา", "เหตุผลที่คัดเลือก", "เลขที่และวันที่ของสัญญา"]  # fmt: skip
            for i in range(r.randint(3, 10)):
                price = self.money(2_000, 900_000)
                rows.append([str(i + 1), self.fill(r.choice(ITEMS)), price, price, r.choice(METHODS),
                             f"{r.choice(VENDORS)} ราคา {price} บาท", r.choice(REASONS),
                             f"{r.randint(1, 400)}/{r.randint(2565, 2568)} ลงวันที่ {self.short_date()}"])  # fmt: skip
            caption = f"สรุปผลการดำเนินการจัดซื้อจัดจ้างประจำเดือน{r.choice(MONTHS)} {r.randint(2565, 2568)}"
        else:
            head = ["ลำดับ", "หมู่บ้าน", "จำนวนครัวเรือน", "ชาย", "หญิง", "รวม (คน)"]
            for i in range(r.randint(5, 15)):
                m, f = r.randint(150, 900), r.randint(150, 900)
                rows.append([str(i + 1), f"หมู่ที่ {i + 1} บ้าน{r.choice(TOWNS)}", f"{r.randint(80, 500):,}",
                             f"{m:,}", f"{f:,}", f"{m + f:,}"])  # fmt: skip
            caption = f"ข้อมูลจำนวนประชากร ณ วันที่ {self.date()} (ข้อมูลจากสำนักทะเบียนท้องถิ่น)"
        out = [f'<table class="data table table-bordered"><caption>{caption}</caption><thead><tr>']
        out += [f"<th>{h}</th>" for h in head]
        out.append("</tr></thead><tbody>\n")
        for row in rows:
            out.append("<tr>" + "".join(f"<td>{v}</td>" for v in row) + "</tr>\n")
        out.append("</tbody></table>\n")
        return "".join(out)


def plan_site(n_pages: int, rng: random.Random, vocab: Vocab) -> list[PageSpec]:
    """Decide every page's path, title and body links."""
    if n_pages < 2:
        raise ValueError("need at least 2 pages")
    rest = n_pages - 1
    menu_labels = [label for _, labels in MENU for label in labels]
    n_static = min(rest, max(len(menu_labels), round(rest * 0.075)))
    shares = {"news": 0.45, "announce": 0.225, "procurement": 0.175}
    counts = {"page": n_static}
    left = rest - n_static
    for kind, share in shares.items():
        counts[kind] = min(left, round(rest * share))
        left -= counts[kind]
    counts["activity"] = left

    pages = [PageSpec("/", "home", f"หน้าหลัก - {vocab.org}")]
    for kind, count in counts.items():
        ids = sorted(rng.sample(range(1, count * 3 + 10), count))
        for i, pid in enumerate(ids):
            if kind == "page":
                if i < len(menu_labels):
                    title = menu_labels[i]
                else:
                    title = f"{rng.choice(menu_labels)} ({rng.choice(DIVISIONS)})"
            else:
                title = vocab.headline(kind)
            pages.append(PageSpec(f"/{kind}/{pid}.html", kind, title))

    # Reachability: a 4-ary spanning tree over a shuffled order with the home page at the root.
    order = [0, *rng.sample(range(1, n_pages), n_pages - 1)]
    for k, idx in enumerate(order):
        tree = [order[j] for j in range(4 * k + 1, min(4 * k + 5, n_pages))]
        want = rng.randint(5, 15)
        extra: list[int] = []
        # At most n - 2: the home page and the page itself are never drawn (n - 1 hung sites under 17 pages).
        while len(tree) + len(extra) < min(want, n_pages - 2):
            cand = rng.randrange(1, n_pages)
            if cand != idx and cand not in tree and cand not in extra:
                extra.append(cand)
        links = tree + extra
        rng.shuffle(links)
        pages[idx].links = links
    return pages


def render_menu(pages: list[PageSpec]) -> str:
    static = [p for p in pages if p.kind == "page"]
    out = ['<nav class="megamenu navbar" id="mainmenu"><ul class="nav navbar-nav">\n',
           '<li class="home"><a href="/" title="หน้าหลัก">หน้าหลัก</a></li>\n']  # fmt: skip
    k = 0
    for group, labels in MENU:
        out.append(f'<li class="dropdown mega-dropdown"><a href="javascript:void(0)" class="dropdown-toggle" '
                   f'data-toggle="dropdown">{group} <span class="caret"></span></a>\n'
                   '<ul class="dropdown-menu mega-dropdown-menu row"><li class="col-sm-12"><ul>\n')  # fmt: skip
        for label in labels:
            if k < len(static):
                out.append(f'<li><a href="{static[k].path}" title="{label}">'
                           f'<i class="fa fa-angle-right"></i> {label}</a></li>\n')  # fmt: skip
            k += 1
        out.append("</ul></li></ul></li>\n")
    out.append("</ul></nav>\n")
    return "".join(out)


@dataclass
class Site:
    org: str
    address: str
    phone: str
    fax: str
    domain: str


def render_page(spec: PageSpec, pages: list[PageSpec], site: Site, menu: str, vocab: Vocab) -> bytes:
    r = vocab.rng
    target = r.randint(34_000, 42_000)
    head = (
        '<!DOCTYPE html>\n<html lang="th">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{spec.title}</title>\n"
        f'<meta name="description" content="{site.org} {site.address}">\n'
        f'<meta name="keywords" content="{site.org},ข่าวประชาสัมพันธ์,ประกาศ,จัดซื้อจัดจ้าง,ITA,OIT">\n'
        '<link rel="stylesheet" href="/assets/style.css">\n'
        f"<style>{CSS}</style>\n<script>{JS}</script>\n</head>\n"
        '<body id="top">\n'
        f'<div class="topbar">ยินดีต้อนรับสู่เว็บไซต์{site.org} | โทร. {site.phone} | '
        f'<a href="mailto:saraban@{site.domain}">saraban@{site.domain}</a></div>\n'
        f'<header class="header"><a href="/" class="logo"><span class="site-name">{site.org}</span></a>'
        f'<div class="slogan">{site.address}</div></header>\n'
    )
    crumbs = (
        f'<ol class="breadcrumb"><li><a href="/">หน้าหลัก</a></li><li>{spec.kind}</li>'
        f'<li class="active">{spec.title}</li></ol>\n'
    )
    posted = (
        f'<p class="meta">เผยแพร่เมื่อ {vocab.date()} โดย {r.choice(DIVISIONS)} | เข้าชม {r.randint(10, 5000):,} ครั้ง</p>\n'
    )

    # Body links: about half inline in the prose, the rest in a "related" list.
    links = list(spec.links)
    split = len(links) // 2
    inline, related = links[:split], links[split:]
    related_html = ['<div class="related"><h3>ข่าวที่เกี่ยวข้อง</h3><ul>\n']
    for i in related:
        related_html.append(f'<li><a href="{pages[i].path}">{pages[i].title}</a> '
                            f'<small>({vocab.date()})</small></li>\n')  # fmt: skip
    related_html.append("</ul></div>\n")

    ext_url, ext_label = r.choice(EXTERNAL)
    sidebar = (
        '<aside class="sidebar"><div class="box"><h4>ผู้บริหาร</h4>'
        f"<p>{r.choice(PERSONS)}<br>สายตรงผู้บริหาร {site.phone}</p></div>\n"
        '<div class="box"><h4>ลิงก์หน่วยงาน</h4><ul>'
        + "".join(f'<li><a href="{u}" target="_blank" rel="noopener">{t}</a></li>' for u, t in EXTERNAL[:4])
        + "</ul></div>\n"
        '<div class="box"><h4>สถิติผู้เข้าชม</h4><p>ผู้เข้าชมทั้งหมด <span id="counter">-</span> คน</p></div>'
        "</aside>\n"
    )
    footer = (
        '<footer class="footer"><div class="container"><div>'
        f"<h4>{site.org}</h4><p>{site.address}</p>"
        f'<p>โทรศัพท์ <a href="tel:{site.phone.replace("-", "")}">{site.phone}</a> โทรสาร {site.fax}</p>'
        f'<p>อีเมล <a href="mailto:saraban@{site.domain}">saraban@{site.domain}</a></p>'
        "<p>เวลาทำการ วันจันทร์ - วันศุกร์ เวลา 08.30 - 16.30 น. (เว้นวันหยุดราชการ)</p></div>"
        f'<div><p><a href="{ext_url}">{ext_label}</a></p><p><a href="#top">กลับขึ้นด้านบน</a></p></div></div>'
        f"<p>© สงวนลิขสิทธิ์ {r.randint(2566, 2568)} {site.org} | นโยบายเว็บไซต์ | นโยบายคุ้มครองข้อมูลส่วนบุคคล</p>"
        "</footer>\n</body>\n</html>\n"
    )

    fixed = head + menu + crumbs + posted + "".join(related_html) + sidebar + footer
    size = len(fixed.encode())
    blocks: list[str] = [f'<div class="container"><main class="content"><h1>{spec.title}</h1>\n']
    size += len(blocks[0].encode()) + 20
    n_blocks = 0
    while size < target:
        if n_blocks % 4 == 3:
            block = vocab.table()
        else:
            para = vocab.paragraph()
            if inline:
                i = inline.pop()
                para += f' (อ่านเพิ่มเติม: <a href="{pages[i].path}">{pages[i].title}</a>)'
            block = f"<p>{para}</p>\n"
        blocks.append(block)
        size += len(block.encode())
        n_blocks += 1
    if inline:  # links the prose had no room for
        more = "".join(f'<li><a href="{pages[i].path}">{pages[i].title}</a></li>' for i in inline)
        blocks.append(f'<p>อ่านเพิ่มเติม</p><ul class="see-also">{more}</ul>\n')
    blocks.append("</main>\n")
    html = head + menu + crumbs + "".join(blocks[:1]) + posted + "".join(blocks[1:])
    html += "".join(related_html) + sidebar + "</div>\n" + footer
    return html.encode("utf-8")


def generate(out: Path, n_pages: int = DEFAULT_PAGES, seed: int = DEFAULT_SEED) -> dict:
    """Write the site into ``out`` (which is emptied first); returns a small manifest."""
    rng = random.Random(seed)
    if out.exists():
        if any(out.iterdir()) and not (out / "manifest.json").exists():
            raise ValueError(f"{out} is not empty and not a generated site: refusing to empty it")
        shutil.rmtree(out)
    out.mkdir(parents=True)
    district, province, postcode, area = rng.choice(DISTRICTS)
    town = rng.choice(TOWNS)
    org = f"เทศบาลตำบล{town}"
    phone = f"0-{area[1:]}{rng.randint(1, 9)}-{rng.randint(1000, 9999)}"
    site = Site(
        org=org,
        address=f"เลขที่ {rng.randint(1, 299)} หมู่ที่ {rng.randint(1, 12)} ตำบล{town} อำเภอ{district} "
        f"จังหวัด{province} {postcode}",
        phone=phone,
        fax=phone[:-1] + str(rng.randint(0, 9)),
        domain=f"tambon{rng.randint(100, 999)}.go.th",
    )
    vocab = Vocab(rng, org)
    pages = plan_site(n_pages, rng, vocab)
    menu = render_menu(pages)
    total = 0
    for spec in pages:
        data = render_page(spec, pages, site, menu, vocab)
        path = out / spec.file
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        total += len(data)
    (out / "robots.txt").write_text("User-agent: *\nAllow: /\n", encoding="ascii")
    (out / "assets").mkdir(exist_ok=True)
    (out / "assets" / "style.css").write_text(CSS, encoding="ascii")
    manifest = {
        "generator_version": GENERATOR_VERSION,
        "pages": n_pages,
        "seed": seed,
        "bytes": total,
        "avg_page_bytes": round(total / n_pages),
        "org": org,
    }
    (out / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    return manifest


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", type=Path, help="output directory (emptied first)")
    ap.add_argument("--pages", type=int, default=DEFAULT_PAGES)
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    try:
        m = generate(args.out, args.pages, args.seed)
    except ValueError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    print(
        f"{m['pages']} pages, {m['bytes'] / 1e6:.1f} MB (avg {m['avg_page_bytes'] / 1024:.1f} KiB/page) "
        f"in {args.out} [{time.perf_counter() - t0:.1f} s]"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
