"""DESIGN.md's import directions, enforced by walking every module's imports."""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "eldercare_desktop"

# layer → packages (inside eldercare_desktop, or third-party top-level names) it must never import
FORBIDDEN = {
    "domain": {"rules", "store", "services", "importing", "reports", "ui", "cli", "app",
               "sqlalchemy", "PySide6", "openpyxl", "xlsxwriter", "python_calamine"},
    "rules": {"store", "services", "importing", "reports", "ui", "cli", "app",
              "sqlalchemy", "PySide6"},
    "store": {"rules", "services", "importing", "reports", "ui", "cli", "app", "PySide6"},
    "services": {"ui", "cli", "app", "PySide6"},
    "importing": {"store", "services", "ui", "cli", "app", "sqlalchemy", "PySide6"},
    "reports": {"store", "services", "ui", "cli", "app", "sqlalchemy", "PySide6"},
    "demo": {"store", "services", "ui", "cli", "app", "sqlalchemy", "PySide6"},
    "ui": {"store", "sqlalchemy", "cli"},
}
# the one permitted exception: a Qt roster renderer in reports/ may use QtGui, never QtWidgets
QT_RENDERER_ALLOWED = {"PySide6.QtGui", "PySide6.QtCore", "PySide6.QtPrintSupport"}


def imported_names(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    layer_parts = path.relative_to(PACKAGE).with_suffix("").parts
    names = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = list(("eldercare_desktop",) + layer_parts[:-1])
                base = base[: len(base) - (node.level - 1)]
                mod = ".".join(base + ([node.module] if node.module else []))
                names.append(mod)
                if not node.module:
                    names += [f"{mod}.{a.name}" for a in node.names]
            else:
                names.append(node.module or "")
    return names


def layer_of(name: str) -> str:
    parts = name.split(".")
    if parts[0] == "eldercare_desktop":
        return parts[1] if len(parts) > 1 else ""
    return parts[0]


def modules():
    return sorted(p for p in PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_module_respects_the_import_directions(path):
    layer = path.relative_to(PACKAGE).parts[0]
    forbidden = FORBIDDEN.get(layer)
    if not forbidden:
        return
    qt_renderer = layer == "reports" and "qt" in path.stem
    bad = []
    for name in imported_names(path):
        if qt_renderer and name in QT_RENDERER_ALLOWED:
            continue
        if layer_of(name) in forbidden:
            bad.append(name)
    assert not bad, f"{path.name} ({layer}) imports {bad}"


def test_the_walker_sees_a_forbidden_import(tmp_path):
    # guard against a walker that silently finds nothing
    names = imported_names(PACKAGE / "store" / "residents.py")
    assert "sqlalchemy" in names
    assert any(n.startswith("eldercare_desktop.domain") for n in names)
