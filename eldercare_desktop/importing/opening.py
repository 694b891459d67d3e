"""Opening an import file: recognise what it is, and read its first sheet's cells.

Every failure becomes an :class:`ImportFileError` with a one-line Chinese message that names
the file; no other exception leaves this module.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .model import ImportFileError

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
_ENCRYPTION_INFO = "EncryptionInfo".encode("utf-16-le")
_WORD_STREAM = "WordDocument".encode("utf-16-le")
PASSWORD_MESSAGE = "文件设置了打开密码，请先在Excel中取消密码后再导入"


@dataclass(frozen=True, slots=True)
class SheetCells:
    kind: str                      # "xlsx" | "xls" | "ods"
    sheet_name: str
    rows: list[list[Any]]          # from A1: rows[i][j] is the cell at Excel row i+1, column j+1


def _fail(path: Path, what: str) -> ImportFileError:
    return ImportFileError(f"文件“{path.name}”{what}")


def sniff(path: Path) -> str:
    """"xlsx", "xls" or "ods", from the file's content (never from its name)."""
    try:
        with open(path, "rb") as f:
            head = f.read(8)
            if head.startswith(OLE_MAGIC):
                f.seek(0)
                data = f.read()
            else:
                data = b""
    except FileNotFoundError:
        raise _fail(path, "不存在") from None
    except IsADirectoryError:
        raise _fail(path, "是一个文件夹，不是Excel表格") from None
    except OSError as err:
        raise _fail(path, f"无法读取（{err.strerror or err}），请确认文件没有被其他程序占用") from None
    if not head:
        raise _fail(path, "是空文件（0字节），不是Excel表格")
    if head.startswith(OLE_MAGIC):
        if _ENCRYPTION_INFO in data:
            raise _fail(path, f"无法打开：{PASSWORD_MESSAGE}")
        if _WORD_STREAM in data:
            raise _fail(path, "是Word文档，不是Excel表格；请用导入模板（.xlsx）填写后再导入")
        return "xls"
    if head.startswith(ZIP_MAGIC):
        return _zip_kind(path)
    raise _fail(path, "不是Excel表格（应为.xlsx、.xls或.ods文件）；请用导入模板填写后再导入")


def _zip_kind(path: Path) -> str:
    try:
        with zipfile.ZipFile(path) as z:
            names = set(z.namelist())
            if "mimetype" in names:
                mime = z.read("mimetype")[:100]
                if b"opendocument.spreadsheet" in mime:
                    return "ods"
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError):
        raise _fail(path, "已损坏（压缩包不完整），无法读取；请重新保存或重新复制该文件") from None
    if any(n.startswith("xl/") for n in names):
        return "xlsx"
    if any(n.startswith("word/") for n in names):
        raise _fail(path, "是Word文档，不是Excel表格；请用导入模板（.xlsx）填写后再导入")
    raise _fail(path, "不是Excel表格（应为.xlsx、.xls或.ods文件）；请用导入模板填写后再导入")


def read_first_sheet(path: Path) -> SheetCells:
    """The first sheet's cells from A1, as python-calamine gives them."""
    kind = sniff(path)
    try:
        from python_calamine import CalamineWorkbook, PasswordError
    except ImportError:  # pragma: no cover - a dependency of the package
        raise _fail(path, "无法读取：缺少python-calamine组件") from None
    try:
        with open(path, "rb") as f:
            workbook = CalamineWorkbook.from_filelike(f)
            names = workbook.sheet_names
            if not names:
                raise _fail(path, "中没有任何工作表")
            sheet = workbook.get_sheet_by_index(0)
            rows = sheet.to_python(skip_empty_area=False)
            name = sheet.name
    except ImportFileError:
        raise
    except PasswordError:
        raise _fail(path, f"无法打开：{PASSWORD_MESSAGE}") from None
    except MemoryError:
        raise _fail(path, "太大，内存不足，无法读取；请把它分成几个较小的文件分别导入") from None
    except Exception as err:  # calamine reports damage as many exception types
        detail = str(err).splitlines()[0][:120] if str(err) else type(err).__name__
        raise _fail(path, f"已损坏或格式无法识别，无法读取（{detail}）；请在Excel中打开并另存为.xlsx后再导入") from None
    return SheetCells(kind, name, rows)
