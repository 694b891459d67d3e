"""The register table's rows: one query whose result the window keeps for the whole session.

It runs before the window is usable, so it is shaped for speed: no SQLAlchemy (the SQL is a
plain string, standard enough for SQLite and PostgreSQL, run on the driver's own cursor), and
the columns with a closed list of values (县区, 经济状况, 居住状况, 能力等级, 状态, 残疾等级)
come back as one-character codes ("0", "1", …: the value's place in its list). Python keeps
one shared string for every single ASCII character, so these cost no decoding and no new
object per row, unlike the Chinese text (200,000 residents: 0.55 s instead of 0.82 s). A value
outside its list (there should be none: every write checks it) comes back as its own text,
which no code can be mistaken for (every listed value is Chinese). ``label`` turns either into
the text, ``code`` the text into what a row holds.
"""

from __future__ import annotations

from enum import StrEnum
from operator import itemgetter
from typing import TYPE_CHECKING, Any

from ..bulk import gc_paused
from ..domain.enums import Ability, County, Disability, Economic, Living, Status

if TYPE_CHECKING:
    from sqlalchemy import Connection

# positions in a register row
PK, NAME, ID, COUNTY, STREET, COMMUNITY, PHONE, ECONOMIC, LIVING, ABILITY, STATUS = range(11)
DEMENTIA, DISABILITY, FAMILY_PLANNING = 11, 12, 13     # what 特殊困难 needs besides the above
SEARCH = 14       # SEARCH_SEPARATOR + name, initials, full pinyin, ID in lower case, phone
SEARCH_SEPARATOR = "\x01"
# parts of row[SEARCH].split(SEARCH_SEPARATOR) (the first is the empty string before it)
SEARCH_NAME, SEARCH_INITIALS, SEARCH_PINYIN, SEARCH_ID, SEARCH_PHONE = 1, 2, 3, 4, 5

_ENUMS: dict[int, type[StrEnum]] = {COUNTY: County, ECONOMIC: Economic, LIVING: Living,
                                    ABILITY: Ability, STATUS: Status, DISABILITY: Disability}
# position → {code: text} and {text: code}
LABELS: dict[int, dict[str, str]] = {pos: {str(i): m.value for i, m in enumerate(enum)}
                                     for pos, enum in _ENUMS.items()}
CODES: dict[int, dict[str, str]] = {pos: {text: c for c, text in labels.items()}
                                    for pos, labels in LABELS.items()}

# (column, position) in row order
_COLUMNS = (("id", PK), ("name", NAME), ("id_number", ID), ("county", COUNTY),
            ("street", STREET), ("community", COMMUNITY), ("phone", PHONE),
            ("economic", ECONOMIC), ("living", LIVING), ("ability", ABILITY), ("status", STATUS),
            ("dementia", DEMENTIA), ("disability", DISABILITY),
            ("family_planning_special", FAMILY_PLANNING))


def label(pos: int, value: Any) -> Any:
    """The text of a row's value at ``pos`` (a coded column's code → its text)."""
    labels = LABELS.get(pos)
    return labels.get(value, value) if labels is not None else value


def code(pos: int, text: str) -> str:
    """What a row holds at ``pos`` for this text (the inverse of ``label``)."""
    codes = CODES.get(pos)
    return codes.get(text, text) if codes is not None else text


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _select_item(column: str, pos: int) -> str:
    labels = LABELS.get(pos)
    if labels is None:
        return column
    whens = " ".join(f"WHEN {_quote(text)} THEN {_quote(c)}" for c, text in labels.items())
    return f"CASE {column} {whens} ELSE {column} END"


def _search_text() -> str:
    """What the register's one search box matches, each part after SEARCH_SEPARATOR: name,
    initials, full pinyin, the ID number in lower case, phone. Built by the database (in C),
    not per row in Python."""
    sep = _quote(SEARCH_SEPARATOR)
    parts = ["name", "coalesce(search_initials, '')", "coalesce(search_pinyin, '')",
             "lower(id_number)", "coalesce(phone, '')"]
    return " || ".join(f"{sep} || {part}" for part in parts)


REGISTER_SQL = ("SELECT " + ", ".join(_select_item(c, pos) for c, pos in _COLUMNS)
                + ", " + _search_text() + " FROM residents ORDER BY id")


def area_labels(key: tuple[str, str, str]) -> tuple[str, str, str]:
    """(county, street, community) as text, from a row's three area values."""
    return (label(COUNTY, key[0]), key[1], key[2])


def read_register(dbapi_connection: Any) -> list[tuple[Any, ...]]:
    """Plain tuples for the register table (the positions above), ordered by county, street,
    community, id.

    The driver's cursor gives tuples directly, with the collector paused (it would otherwise
    walk the growing list again and again); rows read in id order are grouped here by area
    (stable, so id order within a community): a few hundred areas, so grouping is 4× faster
    than list.sort and much cheaper than the database's ORDER BY over an unindexed triple."""
    cursor = dbapi_connection.cursor()
    try:
        with gc_paused():
            cursor.execute(REGISTER_SQL)
            rows = cursor.fetchall()
            groups: dict[tuple[Any, ...], list[tuple[Any, ...]]] = {}
            area = itemgetter(COUNTY, STREET, COMMUNITY)
            for row in rows:
                key = area(row)
                group = groups.get(key)
                if group is None:
                    groups[key] = [tuple(row)]
                else:
                    group.append(tuple(row))
            out: list[tuple[Any, ...]] = []
            for key in sorted(groups, key=area_labels):
                out.extend(groups[key])
            return out
    finally:
        cursor.close()


def register_table_rows(conn: Connection) -> list[tuple[Any, ...]]:
    """read_register on a SQLAlchemy connection's driver connection."""
    return read_register(conn.connection)
