import datetime as dt
from decimal import Decimal

import pytest

from eldercare_desktop.domain.months import Month
from eldercare_desktop.reports.visit_roster import (
    HEADERS, RosterRow, RosterSection, mask_phone, sheet_name,
)
from eldercare_desktop.reports.visit_roster_pdf_text import fix_to_unicode
from eldercare_desktop.services.visits import RateRow

CMAP = b"""/CIDInit /ProcSet findresource begin
begincmap
1 begincodespacerange
<0000> <FFFF>
endcodespacerange
2 beginbfrange
<0000> <0000> <0000>
<0001> <0004> [<2F9B> <8BBF> <0009> <2F49> ]
<0005> <0007> <0041>
endbfrange
1 beginbfchar
<0008> <2F9B>
endbfchar
endcmap"""


def test_radical_forms_in_the_text_map_become_the_characters_drawn():
    pdf = b"%PDF-1.4\n" + CMAP + b"\nxref"
    fixed = fix_to_unicode(pdf, {0x2F9B: 0x8D70, 0x2F49: 0x6708})
    assert len(fixed) == len(pdf)
    assert b"[<8D70> <8BBF> <0020> <6708> ]" in fixed
    assert b"<0008> <8D70>" in fixed
    assert b"<0005> <0007> <0041>" in fixed            # a real range is left alone
    assert b"<0000> <FFFF>" in fixed


@pytest.mark.parametrize("phone, masked", [
    ("13912345678", "139****5678"),
    ("024-5712345", "***-***2345"),
    ("1234", "1234"),
    ("", ""),
])
def test_phones_are_masked(phone, masked):
    assert mask_phone(phone) == masked


def test_sheet_names_are_valid_and_unique():
    used: set[str] = set()
    assert sheet_name("新华社区", used) == "新华社区"
    assert sheet_name("新华社区", used) == "新华社区(2)"
    assert sheet_name("一/二[村]", used) == "一_二_村_"
    long = sheet_name("很" * 40, used)
    assert len(long) == 31


def test_rate_is_visited_over_due_rounded_half_up():
    assert RateRow("社区", "", "", "x", 3, 2).rate == Decimal("0.6667")
    assert RateRow("社区", "", "", "x", 3, 2).rate_text == "66.7%"
    assert RateRow("社区", "", "", "x", 8, 8).rate_text == "100.0%"
    assert RateRow("社区", "", "", "x", 0, 0).rate is None


def test_a_roster_row_gives_cells_in_header_order_and_the_section_counts_visits():
    seen = RosterRow(1, "张三", "男", 81, "某街1号", "139****0001", "独居", None,
                     dt.date(2027, 1, 5), "电话", "风险低", "王芳")
    blank = RosterRow(2, "李四", "女", 75, "", "", "失智", dt.date(2026, 12, 2), None, "", "", "")
    assert len(seen.cells()) == len(HEADERS)
    section = RosterSection("新抚区", "站前街道", "新华社区", Month(2027, 1), (seen, blank))
    assert section.visited == 1
    assert section.title == "新抚区站前街道新华社区 2027年1月走访花名册（应访2人，已访1人）"
