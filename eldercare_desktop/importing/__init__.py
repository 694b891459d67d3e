"""Reading and validating the resident import template (FORMATS.md §1). No Qt, no SQL."""

from .cells import (
    CellError,
    clean_text,
    excel_display,
    make_parser,
    parse_account,
    parse_bool,
    parse_date,
    parse_enum,
    parse_id,
    parse_phone,
)
from .errors_workbook import write_errors_workbook
from .model import ImportCancelled, ImportFileError, ParsedRow, Problem, ReadResult
from .reader import read_import_file

__all__ = [
    "CellError",
    "ImportCancelled",
    "ImportFileError",
    "ParsedRow",
    "Problem",
    "ReadResult",
    "clean_text",
    "excel_display",
    "make_parser",
    "parse_account",
    "parse_bool",
    "parse_date",
    "parse_enum",
    "parse_id",
    "parse_phone",
    "read_import_file",
    "write_errors_workbook",
]
