"""The register table's start-up read. It runs before the window is usable, so it needs no ORM
(the models and sqlalchemy.orm are imported later, when something is written): a light Core
``table()`` names the columns, and the rows come from the driver's cursor."""

from __future__ import annotations

from operator import itemgetter
from typing import Any

from sqlalchemy import Connection, column, func, literal, select, table

from ..bulk import gc_paused

REGISTER_COLUMNS = ("id", "name", "id_number", "county", "street", "community", "phone",
                    "economic", "living", "ability", "status", "search_initials", "search_pinyin",
                    "dementia", "disability", "family_planning_special")
SEARCH_SEPARATOR = "\x01"

# the residents table as far as this read needs it (models.ResidentRow is the full definition)
T = table("residents", *(column(name) for name in REGISTER_COLUMNS))


def _search_text() -> Any:
    """What the register's one search box matches, each part after SEARCH_SEPARATOR: name,
    initials, full pinyin, the ID number in lower case, phone. Built by the database (in C),
    not per row in Python; ui.register_model.search_key is the same without the leading
    separator (the window drops it by slicing, which also gives it strings that lie together
    in memory: scanning them is ~4× faster than scanning strings scattered among the rows)."""
    parts = [T.c.name, func.coalesce(T.c.search_initials, ""), func.coalesce(T.c.search_pinyin, ""),
             func.lower(T.c.id_number), func.coalesce(T.c.phone, "")]
    text = literal(SEARCH_SEPARATOR) + parts[0]
    for part in parts[1:]:
        text = text + SEARCH_SEPARATOR + part
    return text


def register_table_rows(conn: Connection) -> list[tuple[Any, ...]]:
    """Plain tuples for the register table, ordered by county, street, community, id: the
    REGISTER_COLUMNS in that order (the columns it shows, the search keys, then what 特殊困难
    needs; booleans as the driver gives them: 0/1 or bool), then the search text (_search_text).

    This is the start-up path, so it skips SQLAlchemy's row objects: the driver's cursor gives
    tuples directly, with the collector paused (it would otherwise walk the growing list again
    and again), and rows read in rowid order are sorted here (stable, so id order within a
    community) — much cheaper than SQLite's ORDER BY over an unindexed triple."""
    sql = str(select(*(T.c[name] for name in REGISTER_COLUMNS), _search_text()).order_by(T.c.id)
              .compile(dialect=conn.dialect, compile_kwargs={"literal_binds": True}))
    cursor = conn.connection.cursor()
    try:
        with gc_paused():
            cursor.execute(sql)
            rows = cursor.fetchall()
            # a stable sort by area: a few hundred areas, so grouping is 4× faster than list.sort
            groups: dict[tuple[Any, ...], list[tuple[Any, ...]]] = {}
            area = itemgetter(3, 4, 5)
            for row in rows:
                key = area(row)
                group = groups.get(key)
                if group is None:
                    groups[key] = [tuple(row)]
                else:
                    group.append(tuple(row))
            out: list[tuple[Any, ...]] = []
            for key in sorted(groups):
                out.extend(groups[key])
            return out
    finally:
        cursor.close()


