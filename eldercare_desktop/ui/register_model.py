"""The register table: a QAbstractTableModel over the service's plain row tuples.

Searching and filtering happen here, in Python over keys precomputed once per load
(PERFORMANCE.md: a list comprehension over lower-case keys + a model reset is ~50× faster
than QSortFilterProxyModel). One search box matches the name, the pinyin initials (every
surname reading), the full pinyin, an ID number fragment and the phone.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from dataclasses import dataclass
from operator import itemgetter
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from ..bulk import release_in_background
from ..domain.enums import Ability, Disability, Living
from ..domain.idnumber import mask_id
from ..services.register import (  # the service's row layout (store/register_rows.py)
    ABILITY,
    COMMUNITY,
    COUNTY,
    DEMENTIA,
    DISABILITY,
    ECONOMIC,
    FAMILY_PLANNING,
    ID,
    LIVING,
    NAME,
    PHONE,
    SEARCH,
    SEARCH_PINYIN,
    SEARCH_SEPARATOR,
    STATUS,
    STREET,
    area_labels,
    code,
    label,
)

# (header, tuple position)
COLUMNS: tuple[tuple[str, int], ...] = (
    ("姓名", NAME),
    ("身份证号", ID),
    ("县区", COUNTY),
    ("街道", STREET),
    ("社区", COMMUNITY),
    ("联系电话", PHONE),
    ("经济状况", ECONOMIC),
    ("居住状况", LIVING),
    ("能力等级", ABILITY),
    ("状态", STATUS),
)
ID_COLUMN = 1
ELDERLY_AGE = 80
DETAILS_CHUNK = 5000

# what the rows hold for the 特殊困难 values (codes: see store/register_rows.py)
_SPECIAL_LIVING = {code(LIVING, v) for v in (Living.ALONE, Living.EMPTY_NEST, Living.LEFT_BEHIND)}
_SPECIAL_ABILITY = {code(ABILITY, v) for v in (Ability.SEVERE, Ability.TOTAL)}
_SPECIAL_DISABILITY = {code(DISABILITY, v) for v in (Disability.GRADE_1, Disability.GRADE_2)}

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True, slots=True)
class RegisterFilter:
    county: str | None = None
    street: str | None = None
    community: str | None = None
    economic: str | None = None
    status: str | None = None
    special: bool = False        # 特殊困难
    elderly: bool = False        # 高龄: 80 or older in the current month


def search_key(row: tuple[Any, ...]) -> str:
    """Everything the search box matches (name, initials, full pinyin, ID number, phone),
    lower-case, joined by a character nobody types: the row's search text without its
    leading separator."""
    return row[SEARCH][1:]


def name_pinyin(row: tuple[Any, ...]) -> str:
    """The name's full pinyin: what 姓名 sorts by."""
    return row[SEARCH].split(SEARCH_SEPARATOR, SEARCH_PINYIN + 1)[SEARCH_PINYIN]


def is_special(row: tuple[Any, ...]) -> bool:
    """特殊困难 (POLICY.md): 独居/空巢/留守, 重度/完全失能, 失智, 残疾一级/二级,
    计划生育特殊家庭."""
    return (row[LIVING] in _SPECIAL_LIVING or row[ABILITY] in _SPECIAL_ABILITY
            or bool(row[DEMENTIA]) or row[DISABILITY] in _SPECIAL_DISABILITY
            or bool(row[FAMILY_PLANNING]))


def normalize_query(text: str) -> str:
    return "".join(text.split()).lower()


def elderly_birth_limit(today: dt.date, age: int = ELDERLY_AGE) -> int:
    """Born on or before this yyyymmdd ⇒ at least ``age`` on the month's first day."""
    return (today.year - age) * 10000 + today.month * 100 + 1


@dataclass(slots=True)
class PreparedRows:
    """Rows with their search keys (and, once computed, birth dates and 特殊困难 flags),
    built off the GUI thread."""

    rows: list[tuple[Any, ...]]
    keys: list[str]
    births: list[int] | None = None
    special: list[bool] | None = None
    areas: set[tuple[str, str, str]] | None = None


def search_keys_of(rows: list[tuple[Any, ...]]) -> list[str]:
    """search_key of every row. The slice drops the leading separator and copies the text
    into fresh strings that lie together in memory, which a keystroke's scan over 200,000 of
    them needs (3× faster than scanning the strings scattered among the rows)."""
    return [r[SEARCH][1:] for r in rows]


def compact_keys(keys: list[str], start: int, stop: int) -> None:
    """Replace keys[start:stop] taken straight from the rows (see prepare_rows) by their
    search_keys_of copies, in place: a search finds the same rows either way."""
    keys[start:stop] = [k[1:] if k[:1] == SEARCH_SEPARATOR else k for k in keys[start:stop]]


def areas_of(rows: list[tuple[Any, ...]], *, grouped: bool = False) -> set[tuple[str, str, str]]:
    """Every (county, street, community), as text. ``grouped``: the rows come in area order
    (as the service gives them), so one look per area suffices (a few hundred, not 200,000)."""
    area = itemgetter(COUNTY, STREET, COMMUNITY)
    if not grouped:
        return set(map(area_labels, set(map(area, rows))))
    def labelled(row: tuple[Any, ...]) -> tuple[str, str, str]:
        return area_labels(area(row))        # what the rows are ordered by

    found: set[tuple[str, str, str]] = set()
    i, n = 0, len(rows)
    while i < n:
        key = labelled(rows[i])
        found.add(key)
        i = bisect_right(rows, key, lo=i, key=labelled)
    return found


def filter_details(rows: list[tuple[Any, ...]]) -> tuple[list[int], list[bool]]:
    """Birth dates (yyyymmdd, 0 if unreadable) and is_special of every row, inlined."""
    births = [int(b) if b.isdigit() else 0 for b in [r[ID][6:14] for r in rows]]
    living, ability, disability = _SPECIAL_LIVING, _SPECIAL_ABILITY, _SPECIAL_DISABILITY
    special = [bool(r[LIVING] in living or r[ABILITY] in ability or r[DEMENTIA]
                    or r[DISABILITY] in disability or r[FAMILY_PLANNING]) for r in rows]
    return births, special


def prepare_rows(rows: list[tuple[Any, ...]], *, details: bool = True,
                 grouped: bool = False) -> PreparedRows:
    """Search keys and areas (``grouped``: see areas_of), and with ``details`` the filters'
    birth dates and 特殊困难 flags too. Without ``details`` (the window, so that the register
    shows sooner) those come later, in idle time (RegisterModel.details_step), and so do the
    keys' compact copies: meanwhile the keys are the rows' own search texts, which find the
    same rows (the leading separator is never typed), only slower (0.1 s saved at start)."""
    if details:
        prepared = PreparedRows(rows, search_keys_of(rows), areas=areas_of(rows, grouped=grouped))
        prepared.births, prepared.special = filter_details(rows)
    else:
        prepared = PreparedRows(rows, [r[SEARCH] for r in rows],
                                areas=areas_of(rows, grouped=grouped))
    return prepared


class RegisterModel(QAbstractTableModel):
    def __init__(self, parent: Any = None, *, today: dt.date | None = None) -> None:
        super().__init__(parent)
        self._today = today
        self._all: list[tuple[Any, ...]] = []
        self._keys: list[str] = []
        self._births: list[int] | None = []      # None: not computed yet (see _details)
        self._special: list[bool] | None = []
        self._visible: list[int] = []
        self._base: list[int] = []          # indexes passing the structured filters
        self._base_keys: list[str] = []
        self._query = ""
        self._last: tuple[str, list[int]] = ("", [])   # narrowing cache for typed-on queries
        self._filter = RegisterFilter()
        self._sort: tuple[int, Qt.SortOrder] | None = None
        self._areas: set[tuple[str, str, str]] | None = set()
        self._partial: tuple[list[int], list[bool]] = ([], [])   # details computed so far

    # -- loading ---------------------------------------------------------------------------
    def set_rows(self, rows: list[tuple[Any, ...]] | PreparedRows) -> None:
        self.beginResetModel()
        # copies of the references only: what they alone keep alive is freed in the background
        old = [list(self._all), list(self._keys)]
        self._areas = rows.areas if isinstance(rows, PreparedRows) else None
        self._partial = ([], [])
        if isinstance(rows, PreparedRows) and self._sort is None:
            self._all, self._keys = rows.rows, rows.keys
            self._births, self._special = rows.births, rows.special
        else:
            self._all = list(rows.rows if isinstance(rows, PreparedRows) else rows)
            if self._sort is not None:
                self._sort_rows(*self._sort)
            self._derive()
        self._apply_filter()
        self._visible = self._search(self._query)
        self.endResetModel()
        # the replaced rows (200,000 tuples of text): freed here at once they would keep the
        # GUI thread busy for ~50 ms; the copies let them go a slice at a time on a thread
        release_in_background(*old)

    def _derive(self) -> None:
        prepared = prepare_rows(self._all)
        self._keys, self._births, self._special = prepared.keys, prepared.births, prepared.special

    @property
    def details_ready(self) -> bool:
        """Whether the filters' details (details_step) are computed for every row."""
        return self._births is not None

    def details_step(self, chunk: int = DETAILS_CHUNK) -> bool:
        """Compute the filters' birth dates and 特殊困难 flags (and the compact search keys:
        see prepare_rows) for the next ``chunk`` rows, on the GUI thread in idle time (short
        slices: a worker would contend for the GIL with every call the GUI thread makes into
        Python). True once every row has them."""
        if self._births is not None:
            return True
        births, special = self._partial
        start = len(births)
        compact_keys(self._keys, start, start + chunk)
        more_births, more_special = filter_details(self._all[start:start + chunk])
        births.extend(more_births)
        special.extend(more_special)
        if len(births) >= len(self._all):
            self._births, self._special = births, special
            self._partial = ([], [])
            if self._base_keys is not self._keys:     # a filter's keys: the compact ones now
                keys = self._keys
                self._base_keys = [keys[i] for i in self._base]
            return True
        return False

    def _details(self) -> tuple[list[int], list[bool]]:
        while not self.details_step(len(self._all)):   # a filter needs them now
            pass
        assert self._births is not None and self._special is not None
        return self._births, self._special

    # -- searching and filtering -----------------------------------------------------------
    @property
    def query(self) -> str:
        return self._query

    def set_query(self, text: str) -> None:
        query = normalize_query(text)
        if query == self._query:
            return
        self.beginResetModel()
        self._query = query
        self._visible = self._search(query)
        self.endResetModel()

    def set_filter(self, flt: RegisterFilter) -> None:
        if flt == self._filter:
            return
        self.beginResetModel()
        self._filter = flt
        self._apply_filter()
        self._visible = self._search(self._query)
        self.endResetModel()

    def _apply_filter(self) -> None:
        f, rows = self._filter, self._all
        self._last = ("", [])
        if f == RegisterFilter():
            self._base = list(range(len(rows)))
            self._base_keys = self._keys
            return
        limit = elderly_birth_limit(self._today or dt.date.today())
        births, special = self._details() if f.special or f.elderly else ([], [])
        tests = [(pos, code(pos, value)) for pos, value in (
            (COUNTY, f.county), (STREET, f.street), (COMMUNITY, f.community),
            (ECONOMIC, f.economic), (STATUS, f.status)) if value]
        base = []
        for i, r in enumerate(rows):
            if any(r[pos] != value for pos, value in tests):
                continue
            if f.special and not special[i]:
                continue
            if f.elderly and not (0 < births[i] <= limit):
                continue
            base.append(i)
        self._base = base
        keys = self._keys
        self._base_keys = [keys[i] for i in base]

    def _search(self, query: str) -> list[int]:
        if not query:
            self._last = ("", [])
            return self._base
        last_query, last_hits = self._last
        if last_query and query.startswith(last_query):
            keys = self._keys
            hits = [i for i in last_hits if query in keys[i]]
        else:
            hits = [i for i, k in zip(self._base, self._base_keys) if query in k]
        self._last = (query, hits)
        return hits

    # -- sorting ---------------------------------------------------------------------------
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        old_rows = [self._all[self._visible[i.row()]] if i.row() < len(self._visible) else None
                    for i in old]
        self._sort = (column, order)
        self._sort_rows(column, order)
        self._derive()
        self._apply_filter()
        self._visible = self._search(self._query)
        where = {id(self._all[j]): n for n, j in enumerate(self._visible)}
        new = []
        for idx, row in zip(old, old_rows):
            n = where.get(id(row)) if row is not None else None
            new.append(self.index(n, idx.column()) if n is not None else QModelIndex())
        self.changePersistentIndexList(old, new)
        self.layoutChanged.emit()

    def _sort_rows(self, column: int, order: Qt.SortOrder) -> None:
        pos = COLUMNS[column][1]
        key: Any = name_pinyin if pos == NAME else (lambda r: label(pos, r[pos]) or "")
        self._all.sort(key=key, reverse=order == Qt.SortOrder.DescendingOrder)

    # -- reading ---------------------------------------------------------------------------
    @property
    def rows(self) -> list[tuple[Any, ...]]:
        return self._all

    @property
    def total(self) -> int:
        return len(self._all)

    def row_tuple(self, row: int) -> tuple[Any, ...]:
        return self._all[self._visible[row]]

    def id_number_at(self, row: int) -> str:
        return self.row_tuple(row)[ID]

    def row_of_id(self, id_number: str) -> int | None:
        for n, j in enumerate(self._visible):
            if self._all[j][ID] == id_number:
                return n
        return None

    def areas(self) -> set[tuple[str, str, str]]:
        if self._areas is None:
            self._areas = areas_of(self._all)
        return self._areas

    # -- QAbstractTableModel ---------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._visible)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole,
                                                Qt.ItemDataRole.ToolTipRole):
            return None
        row = self._all[self._visible[index.row()]]
        pos = COLUMNS[index.column()][1]
        if index.column() == ID_COLUMN:
            return mask_id(row[pos])
        if role == Qt.ItemDataRole.ToolTipRole:
            return None
        return label(pos, row[pos])

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return COLUMNS[section][0] if 0 <= section < len(COLUMNS) else None
        return section + 1 if 0 <= section < len(self._visible) else None
