"""走访花名册 as a printable PDF, drawn with Qt (QPdfWriter + QPainter).

Why Qt: the same painter code draws onto a QPdfWriter (``--out F.pdf``), a QPrinter and the
window's print preview (QPrintPreviewDialog hands a QPrinter to :func:`paint_roster`), so what is
previewed is what prints; PySide6 is already a dependency, no PDF library is added. Qt embeds the
font it draws with (a subset, CID TrueType), so the file prints the same on any PC. This is the
one module of reports/ allowed to import Qt (QtGui/QtCore only, never QtWidgets); it needs a
QGuiApplication, which the caller creates.

Layout: A4 landscape; each community starts a new page; on every page the community and the
month in the page header, the table's header row repeated, and 第 x 页，共 y 页 in the footer.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, Qt
from PySide6.QtGui import (
    QFont, QFontDatabase, QFontMetricsF, QPageLayout, QPageSize, QPagedPaintDevice, QPainter,
    QPdfWriter, QPen, QRawFont,
)

from ..domain.months import Month
from .visit_roster import HEADERS, PRINT_WEIGHTS, RosterRow, RosterSection
from .visit_roster_pdf_text import fix_to_unicode

FONT_CANDIDATES = ("Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "微软雅黑",
                   "SimSun", "宋体", "SimHei", "黑体", "WenQuanYi Micro Hei", "Noto Serif CJK SC")
RESOLUTION = 300
_WRAP = int(Qt.TextFlag.TextWordWrap) | int(Qt.AlignmentFlag.AlignLeft) | int(
    Qt.AlignmentFlag.AlignVCenter)
_CENTER = int(Qt.AlignmentFlag.AlignCenter) | int(Qt.TextFlag.TextWordWrap)
_CENTERED = {0, 2, 3, 7, 8, 9}     # 序号, 性别, 年龄, the dates, 走访方式


class NoChineseFont(RuntimeError):
    """No font able to print Chinese is installed; ``str(err)`` is the Chinese message."""


def chinese_family() -> str:
    families = set(QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese))
    for name in FONT_CANDIDATES:
        if name in families:
            return name
    if families:
        return sorted(families)[0]
    raise NoChineseFont("本机没有可显示中文的字体，无法生成PDF花名册（请安装宋体、微软雅黑或思源黑体）")


def page_layout() -> QPageLayout:
    return QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Landscape,
                       QMarginsF(10, 12, 10, 10), QPageLayout.Unit.Millimeter)


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


@dataclass
class _Page:
    section: RosterSection
    rows: list[tuple[RosterRow, float]]


class _Layout:
    """Fonts, column positions and row heights for one paint device."""

    def __init__(self, device: QPagedPaintDevice, family: str):
        self.area = QRectF(device.pageLayout().paintRectPixels(device.resolution()))
        self.area.moveTo(0, 0)
        self.body_font = QFont(family)
        self.body_font.setPointSizeF(9)
        self.head_font = QFont(family)
        self.head_font.setPointSizeF(9)
        self.head_font.setBold(True)
        self.title_font = QFont(family)
        self.title_font.setPointSizeF(13)
        self.title_font.setBold(True)
        self.small_font = QFont(family)
        self.small_font.setPointSizeF(8.5)
        self.fm = QFontMetricsF(self.body_font, device)
        self.line = self.fm.height()
        self.pad = self.line * 0.25
        total = sum(PRINT_WEIGHTS)
        x, self.cols = 0.0, []
        for w in PRINT_WEIGHTS:
            width = self.area.width() * w / total
            self.cols.append((x, width))
            x += width
        self.title_h = QFontMetricsF(self.title_font, device).height() * 1.6
        self.footer_h = self.line * 1.8
        self.head_h = self._height(HEADERS, QFontMetricsF(self.head_font, device))
        self.body_h = self.area.height() - self.title_h - self.footer_h - self.head_h
        self.blank_h = self.line * 2.4    # room to write by hand

    def _height(self, cells: Sequence[str], fm: QFontMetricsF) -> float:
        tallest = self.line
        for (_, width), text in zip(self.cols, cells):
            if text:
                box = QRectF(0, 0, width - 2 * self.pad, 1e6)
                tallest = max(tallest, fm.boundingRect(box, _WRAP, text).height())
        return tallest + 2 * self.pad

    def row_height(self, row: RosterRow) -> float:
        h = self._height([_text(v) for v in row.cells()], self.fm)
        if not row.visited:
            h = max(h, self.blank_h)
        return min(h, self.body_h)

    def paginate(self, sections: Sequence[RosterSection]) -> list[_Page]:
        pages: list[_Page] = []
        for section in sections:
            page = _Page(section, [])
            used = 0.0
            for row in section.rows:
                h = self.row_height(row)
                if page.rows and used + h > self.body_h:
                    pages.append(page)
                    page, used = _Page(section, []), 0.0
                page.rows.append((row, h))
                used += h
            pages.append(page)
        return pages


def _draw_row(p: QPainter, lay: _Layout, y: float, h: float, cells: Sequence[str]) -> None:
    for col, ((x, w), text) in enumerate(zip(lay.cols, cells)):
        rect = QRectF(x, y, w, h)
        p.drawRect(rect)
        if text:
            inner = rect.adjusted(lay.pad, lay.pad, -lay.pad, -lay.pad)
            p.drawText(inner, _CENTER if col in _CENTERED else _WRAP, text)


def _draw_page(p: QPainter, lay: _Layout, page: _Page, number: int, count: int,
               month: Month) -> None:
    a, s = lay.area, page.section
    p.setFont(lay.title_font)
    title = QRectF(0, 0, a.width(), lay.title_h * 0.75)
    p.drawText(title, int(Qt.AlignmentFlag.AlignCenter), f"{s.place}  {month.label}走访花名册")
    p.setFont(lay.small_font)
    p.drawText(title, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom),
               f"应访{len(s.rows)}人，已访{s.visited}人")
    y = lay.title_h
    p.setFont(lay.head_font)
    _draw_row(p, lay, y, lay.head_h, HEADERS)
    y += lay.head_h
    p.setFont(lay.body_font)
    for row, h in page.rows:
        _draw_row(p, lay, y, h, [_text(v) for v in row.cells()])
        y += h
    if not page.rows:
        p.drawText(QRectF(0, y, a.width(), lay.line * 2), int(Qt.AlignmentFlag.AlignCenter),
                   "本月无应探访对象")
    p.setFont(lay.small_font)
    p.drawText(QRectF(0, a.height() - lay.footer_h, a.width(), lay.footer_h),
               int(Qt.AlignmentFlag.AlignCenter | Qt.AlignmentFlag.AlignBottom),
               f"第 {number} 页，共 {count} 页")


_BMP = "".join(chr(c) for c in range(0x20, 0x10000) if not 0xD800 <= c <= 0xDFFF)


def text_fixes(fonts: Sequence[QFont], drawn: set[str]) -> dict[int, int]:
    """{lowest code point sharing a glyph: the character drawn} for every drawn character
    whose glyph another, lower code point also maps to (see visit_roster_pdf_text)."""
    fixes: dict[int, int] = {}
    chars = sorted(ch for ch in drawn if ord(ch) >= 0x2E80 and ord(ch) <= 0xFFFF)
    for font in fonts:
        raw = QRawFont.fromFont(font)
        lowest: dict[int, int] = {}
        for cp, glyph in zip(range(0x20, 0x10000), _glyphs(raw, _BMP)):
            if glyph:
                lowest.setdefault(glyph, cp)
        for ch, glyph in zip(chars, _glyphs(raw, "".join(chars))):
            low = lowest.get(glyph, ord(ch))
            if glyph and low != ord(ch):
                fixes.setdefault(low, ord(ch))
    return fixes


def _glyphs(raw: QRawFont, text: str) -> list[int]:
    return list(raw.glyphIndexesForString(text))


def paint_roster(device: QPagedPaintDevice, sections: Sequence[RosterSection],
                 month: Month) -> int:
    """Paint the roster onto a QPdfWriter or QPrinter (page layout set by the caller or
    :func:`page_layout`); returns the number of pages."""
    return _paint(device, sections, month)[0]


def _drawn_text(sections: Sequence[RosterSection], month: Month) -> set[str]:
    drawn = set("".join(HEADERS) + month.label + "走访花名册应访已访人，第页共本月无探对象"
                "0123456789-")
    for s in sections:
        drawn.update(s.place)
        for row in s.rows:
            for v in row.cells():
                drawn.update(_text(v))
    return drawn


def _paint(device: QPagedPaintDevice, sections: Sequence[RosterSection],
           month: Month) -> tuple[int, _Layout]:
    lay = _Layout(device, chinese_family())
    pages = lay.paginate(sections) or [_Page(RosterSection("", "", "", month, ()), [])]
    p = QPainter()
    if not p.begin(device):
        raise OSError(f"无法写入：{getattr(device, 'fileName', lambda: '')()}")
    try:
        p.setPen(QPen(Qt.GlobalColor.black, max(1.0, RESOLUTION / 150)))
        for i, page in enumerate(pages):
            if i:
                device.newPage()
            _draw_page(p, lay, page, i + 1, len(pages), month)
    finally:
        p.end()
    return len(pages), lay


def write_roster_pdf(sections: Sequence[RosterSection], out: Path, month: Month) -> int:
    """Write the roster PDF to ``out``; returns the number of pages. Needs a QGuiApplication."""
    out = Path(out)
    tmp = out.with_name(out.name + ".part")
    writer = QPdfWriter(str(tmp))
    writer.setResolution(RESOLUTION)
    writer.setPageLayout(page_layout())
    writer.setTitle(f"{month.label}走访花名册")
    writer.setCreator("社区养老服务台账")
    try:
        pages, lay = _paint(writer, sections, month)
        del writer                      # flush and close the file
        fixes = text_fixes([lay.body_font, lay.head_font, lay.title_font],
                           _drawn_text(sections, month))
        tmp.write_bytes(fix_to_unicode(tmp.read_bytes(), fixes))
        tmp.replace(out)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return pages
