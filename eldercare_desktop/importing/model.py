"""What reading an import file produces: parsed rows, problems, and the two exceptions."""

from __future__ import annotations

from dataclasses import dataclass

from ..domain.resident import Resident


@dataclass(frozen=True, slots=True)
class Problem:
    """One problem found in the file, located as the user sees it in Excel.

    ``row`` is the sheet's own 1-based Excel row number, ``column`` the Chinese header
    ("" when the problem concerns the whole file), ``value`` the cell as text, ``message``
    the Chinese explanation.
    """

    row: int
    column: str
    value: str
    message: str


@dataclass(frozen=True, slots=True)
class ParsedRow:
    excel_row: int
    resident: Resident


@dataclass(frozen=True, slots=True)
class ReadResult:
    rows: list[ParsedRow]          # valid residents in sheet order (meaningful only without problems)
    problems: list[Problem]        # errors: any one rejects the whole file
    warnings: list[Problem]        # accepted, but worth telling (unknown column, 15-digit ID …)
    header_row: int                # Excel row number of the header
    sheet_name: str

    @property
    def ok(self) -> bool:
        return not self.problems


class ImportFileError(Exception):
    """The file cannot be read at all; ``str(err)`` is a one-line Chinese message."""


class ImportCancelled(Exception):
    """Raised by :func:`read_import_file` when its ``cancelled`` callback returns True."""
