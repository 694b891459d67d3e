"""探访关爱 tables: the month's plan (every due resident with 已走访 / 未走访 / 需再访) and the
visit rates. Read-only QAbstractTableModels over plain rows, sorted and filtered in the model."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from ..domain.idnumber import mask_id
from ..domain.visit import OverdueRow, RateRow, VisitRow
from ..reports.visit_roster import RosterSection, mask_phone

Index = QModelIndex | QPersistentModelIndex

VISITED, NOT_VISITED, AGAIN = "已走访", "未走访", "需再访"
STATUSES = (NOT_VISITED, AGAIN, VISITED)          # the plan's order: overdue first
STATUS_COLORS = {NOT_VISITED: "#c62828", AGAIN: "#a15c00", VISITED: "#2e7d32"}


@dataclass(frozen=True, slots=True)
class PlanRow:
    """One due resident of the month; ``id_number`` is whole (masked only on screen)."""

    status: str
    id_number: str
    name: str
    sex: str
    age: int | None
    county: str
    street: str
    community: str
    difficulty: str
    last_visit: dt.date | None      # the latest visit: this month's when visited
    months_since: int | None        # whole months since it; None: never visited
    method: str
    visitor: str
    phone: str

    @property
    def place(self) -> str:
        return f"{self.county}{self.street}{self.community}"

    @property
    def gap_text(self) -> str:
        if self.status != NOT_VISITED:
            return "本月已访"
        if self.months_since is None:
            return "从未走访"
        return f"{self.months_since}个月"


def compose_plan(sections: Sequence[RosterSection], overdue: Sequence[OverdueRow],
                 second_visits: Sequence[VisitRow]) -> list[PlanRow]:
    """Every planned resident with a status: the unvisited in the service's overdue order
    (never visited first, then the longest since the last visit), then 需再访, then 已走访.

    ``sections`` must carry whole ID numbers (``roster(..., full_id=True)``)."""
    again = {v.id_number for v in second_visits}
    by_id = {row.id_number: (section, row) for section in sections for row in section.rows}
    unvisited: list[PlanRow] = []
    for o in overdue:
        section, row = by_id.pop(o.id_number, (None, None))
        unvisited.append(PlanRow(
            NOT_VISITED, o.id_number, o.name, row.sex if row else "", row.age if row else None,
            o.county, o.street, o.community, row.difficulty if row else "", o.last_visit,
            o.months_since, "", "", o.phone))
    visited: list[PlanRow] = []
    for section, row in by_id.values():
        status = (AGAIN if row.id_number in again else VISITED) if row.visited else NOT_VISITED
        item = PlanRow(status, row.id_number, row.name, row.sex, row.age, section.county,
                       section.street, section.community, row.difficulty,
                       row.visit_date or row.last_visit, 0 if row.visited else None, row.method,
                       row.visitor, row.phone)
        (unvisited if status == NOT_VISITED else visited).append(item)
    visited.sort(key=lambda p: STATUSES.index(p.status))     # stable: place order kept
    return unvisited + visited


def _date(d: dt.date | None) -> str:
    return "" if d is None else d.isoformat()


@dataclass(frozen=True)
class Column:
    header: str
    text: Callable[[Any], str]
    key: Callable[[Any], Any]
    right: bool = False
    width: int = 90


def _none_last(value: Any) -> tuple[bool, Any]:
    return (value is None, value if value is not None else 0)


PLAN_COLUMNS = (
    Column("状态", lambda r: r.status, lambda r: STATUSES.index(r.status), width=62),
    Column("姓名", lambda r: r.name, lambda r: r.name, width=70),
    Column("性别", lambda r: r.sex, lambda r: r.sex, width=44),
    Column("年龄", lambda r: "" if r.age is None else str(r.age), lambda r: _none_last(r.age),
           right=True, width=44),
    Column("街道", lambda r: r.street, lambda r: (r.county, r.street), width=84),
    Column("社区", lambda r: r.community, lambda r: (r.county, r.street, r.community), width=84),
    Column("最近走访", lambda r: _date(r.last_visit), lambda r: (r.last_visit is not None,
                                                             r.last_visit or dt.date.min),
           width=92),
    Column("距今", lambda r: r.gap_text,
           lambda r: (-1 if r.months_since is None else 0, -(r.months_since or 0)), width=72),
    Column("困难类型", lambda r: r.difficulty, lambda r: r.difficulty, width=150),
    Column("走访方式", lambda r: r.method, lambda r: r.method, width=72),
    Column("走访人", lambda r: r.visitor, lambda r: r.visitor, width=64),
    Column("身份证号", lambda r: mask_id(r.id_number), lambda r: r.id_number, width=150),
    Column("联系电话", lambda r: mask_phone(r.phone), lambda r: r.phone, width=110),
)

SUMMARY_PLACE = {"街道": "（街道合计）", "县区": "（县区合计）", "合计": "（全部合计）"}
RATE_COLUMNS = (
    Column("县区", lambda r: r.county or "全部", lambda r: r.county, width=62),
    Column("街道", lambda r: r.street, lambda r: r.street, width=80),
    Column("社区", lambda r: r.community or SUMMARY_PLACE.get(r.level, ""),
           lambda r: r.community, width=88),
    Column("应访", lambda r: str(r.due), lambda r: r.due, right=True, width=46),
    Column("已访", lambda r: str(r.visited), lambda r: r.visited, right=True, width=46),
    Column("探访率", lambda r: r.rate_text, lambda r: _none_last(r.rate), right=True, width=64),
)


class RowsModel(QAbstractTableModel):
    """Rows described by Columns; ``accept`` filters, sort() reorders in the model."""

    columns: tuple[Column, ...] = ()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._all: list[Any] = []
        self._rows: list[Any] = []
        self._sort: tuple[int, Qt.SortOrder] | None = None

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._all = list(rows)
        self._rows = self._visible()
        self.endResetModel()

    def refilter(self) -> None:
        self.beginResetModel()
        self._rows = self._visible()
        self.endResetModel()

    def _visible(self) -> list[Any]:
        rows = [r for r in self._all if self.accept(r)]
        if self._sort is not None:
            rows = self._sorted(rows, *self._sort)
        return rows

    def accept(self, row: Any) -> bool:
        return True

    def row(self, n: int) -> Any:
        return self._rows[n]

    def rows(self) -> list[Any]:
        return list(self._rows)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        column, row = self.columns[index.column()], self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return column.text(row)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return self.style(row, index.column(), role)

    def style(self, row: Any, column: int, role: int) -> Any:
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal
                or not 0 <= section < len(self.columns)):
            return None
        return self.columns[section].header

    def _sorted(self, rows: list[Any], column: int, order: Qt.SortOrder) -> list[Any]:
        key = self.columns[column].key
        return sorted(rows, key=key, reverse=order == Qt.SortOrder.DescendingOrder)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns):
            self._sort = None
            return
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        old_rows = [self._rows[i.row()] for i in old]
        self._rows = self._sorted(self._rows, column, order)
        where = {id(r): n for n, r in enumerate(self._rows)}
        self.changePersistentIndexList(
            old, [self.index(where[id(r)], i.column()) for i, r in zip(old, old_rows)])
        self.layoutChanged.emit()


class PlanModel(RowsModel):
    """The plan; filtered by status and by a name / ID number fragment."""

    columns = PLAN_COLUMNS

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.status_filter: str | None = None
        self.text_filter = ""

    def set_filter(self, status: str | None, text: str = "") -> None:
        self.status_filter, self.text_filter = status, text.strip().upper()
        self.refilter()

    def accept(self, row: PlanRow) -> bool:
        if self.status_filter and row.status != self.status_filter:
            return False
        t = self.text_filter
        return not t or t in row.name or t in row.id_number or t in row.community

    def counts(self) -> dict[str, int]:
        out = dict.fromkeys(STATUSES, 0)
        for r in self._all:
            out[r.status] += 1
        return out

    def find(self, id_number: str) -> int:
        return next((n for n, r in enumerate(self._rows) if r.id_number == id_number), -1)

    def style(self, row: PlanRow, column: int, role: int) -> Any:
        if column == 0 and role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor(STATUS_COLORS[row.status]))
        if column == 0 and role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        return None


class RateModel(RowsModel):
    """Rates per community, then the street, county and overall rows (bold, always last)."""

    columns = RATE_COLUMNS

    def _sorted(self, rows: list[RateRow], column: int, order: Qt.SortOrder) -> list[RateRow]:
        communities = [r for r in rows if r.level == "社区"]
        return super()._sorted(communities, column, order) + [r for r in rows
                                                                if r.level != "社区"]

    def community(self, county: str, street: str, community: str) -> RateRow | None:
        return next((r for r in self._all if r.level == "社区"
                     and (r.county, r.street, r.community) == (county, street, community)), None)

    def total(self) -> RateRow | None:
        return next((r for r in self._all if r.level == "合计"), None)

    def style(self, row: RateRow, column: int, role: int) -> Any:
        if row.level == "社区":
            return None
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor("#eef3f8" if row.level != "合计" else "#dbe8f6"))
        return None
