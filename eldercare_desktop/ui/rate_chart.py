"""探访率 per community as horizontal bars, painted with QPainter (PySide6-Essentials has no
QtCharts). Long Chinese community names read best on the left of horizontal bars; each bar
carries its numbers, so the chart needs no axis to be read."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from decimal import Decimal

from PySide6.QtCore import QPoint, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QHelpEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from ..domain.visit import RateRow

BAR = QColor("#1565c0")
TRACK = QColor("#e3e9f0")
TEXT = QColor("#222222")
ROW_HEIGHT = 30
MARGIN = 10


class RateChart(QWidget):
    """One bar per community: the visited share of those due, with 已访/应访 and the rate."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rateChart")
        self.rows: list[RateRow] = []
        self._twice: set[str] = set()       # community names found in two streets
        self._numbers_width = 0
        self.setMinimumWidth(320)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        self.setAutoFillBackground(True)

    def set_rows(self, rows: Sequence[RateRow]) -> None:
        self.rows = [r for r in rows if r.level == "社区"]
        seen = Counter(r.community for r in self.rows)
        self._twice = {n for n, k in seen.items() if k > 1}
        fm = self.fontMetrics()
        self._numbers_width = max((fm.horizontalAdvance(self._numbers(r)) for r in self.rows),
                                  default=0)
        self.updateGeometry()
        self.update()

    def label(self, row: RateRow) -> str:
        return f"{row.street} {row.community}" if row.community in self._twice else row.community

    def sizeHint(self) -> QSize:
        return QSize(420, self.minimumSizeHint().height())

    def minimumSizeHint(self) -> QSize:
        return QSize(320, 2 * MARGIN + max(1, len(self.rows)) * ROW_HEIGHT)

    def _label_width(self, fm: QFontMetrics) -> int:
        widest = max((fm.horizontalAdvance(self.label(r)) for r in self.rows), default=0)
        return min(max(widest + 8, 60), self.width() // 3)

    def _numbers(self, row: RateRow) -> str:
        return f"{row.rate_text}  （{row.visited}/{row.due}）"

    def bar_rect(self, n: int) -> QRectF:
        """Where the n-th bar's full track is drawn (the visited part starts at its left)."""
        fm = self.fontMetrics()
        left = MARGIN + self._label_width(fm)
        numbers = self._numbers_width + 8
        width = max(40, self.width() - left - numbers - MARGIN)
        top = MARGIN + n * ROW_HEIGHT + 6
        return QRectF(left, top, width, ROW_HEIGHT - 12)

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        try:
            p.setRenderHint(QPainter.RenderHint.Antialiasing)
            fm = self.fontMetrics()
            if not self.rows:
                p.setPen(QColor("#666666"))
                p.drawText(self.rect(), int(Qt.AlignmentFlag.AlignCenter), "本月还没有走访计划")
                return
            label_w = self._label_width(fm)
            for n, row in enumerate(self.rows):
                track = self.bar_rect(n)
                y = MARGIN + n * ROW_HEIGHT
                p.setPen(TEXT)
                name = fm.elidedText(self.label(row), Qt.TextElideMode.ElideRight, label_w - 8)
                p.drawText(QRectF(MARGIN, y, label_w - 8, ROW_HEIGHT),
                           int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), name)
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(TRACK)
                p.drawRoundedRect(track, 3, 3)
                rate = row.rate or Decimal(0)
                if rate > 0:
                    done = QRectF(track)
                    done.setWidth(max(2.0, track.width() * float(rate)))
                    p.setBrush(BAR)
                    p.drawRoundedRect(done, 3, 3)
                p.setPen(TEXT)
                p.drawText(QRectF(track.right() + 8, y, self.width() - track.right() - 8,
                                  ROW_HEIGHT),
                           int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                           self._numbers(row))
        finally:
            p.end()

    def row_at(self, pos: QPoint) -> int:
        n = (pos.y() - MARGIN) // ROW_HEIGHT
        return n if 0 <= n < len(self.rows) and pos.y() >= MARGIN else -1

    def event(self, event) -> bool:  # type: ignore[no-untyped-def]
        if isinstance(event, QHelpEvent) and event.type() == event.Type.ToolTip:
            n = self.row_at(event.pos())
            if n >= 0:
                r = self.rows[n]
                QToolTip.showText(event.globalPos(),
                                  f"{r.county}{r.street}{r.community}\n应访{r.due}人，已访"
                                  f"{r.visited}人，探访率{r.rate_text}", self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)
