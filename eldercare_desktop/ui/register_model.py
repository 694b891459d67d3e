"""The register table: a QAbstractTableModel over plain row tuples (never item widgets)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from ..domain.idnumber import mask_id

# (header, index into the service's row tuple)
COLUMNS: tuple[tuple[str, int], ...] = (
    ("姓名", 1),
    ("身份证号", 2),
    ("县区", 3),
    ("街道", 4),
    ("社区", 5),
    ("联系电话", 6),
    ("经济状况", 7),
    ("居住状况", 8),
    ("能力等级", 9),
    ("状态", 10),
)
ID_COLUMN = 1

Index = QModelIndex | QPersistentModelIndex


class RegisterModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[Any, ...]] = []

    def set_rows(self, rows: list[tuple[Any, ...]]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def row_tuple(self, row: int) -> tuple[Any, ...]:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        value = self._rows[index.row()][COLUMNS[index.column()][1]]
        if index.column() == ID_COLUMN:
            return mask_id(value)
        return value

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return COLUMNS[section][0] if 0 <= section < len(COLUMNS) else None
        return section + 1
