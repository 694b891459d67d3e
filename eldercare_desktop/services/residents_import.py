"""Importing a register: compare the checked rows with the database and write them, all or nothing."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..bulk import gc_paused, release_gradually
from ..domain.resident import Resident
from ..store import residents as repo
from ..store.convert import resident_to_tuple
from .context import ServiceContext


class Cancelled(Exception):
    """The user cancelled; nothing was written."""


@dataclass(frozen=True, slots=True)
class ImportSummary:
    inserted: int
    updated: int
    unchanged: int
    dry_run: bool

    @property
    def text(self) -> str:
        verb = "将" if self.dry_run else "已"
        return (f"{verb}新增 {self.inserted} 人，{verb}更新 {self.updated} 人，"
                f"无变化 {self.unchanged} 人")


def import_residents(ctx: ServiceContext, residents: Sequence[Resident], *, dry_run: bool = False,
                     cancelled: Callable[[], bool] | None = None) -> ImportSummary:
    """Insert new ID numbers and update changed ones in ONE transaction. With ``dry_run`` the
    same comparison is made and nothing is written. ``cancelled`` is polled between steps; a
    cancel rolls everything back."""
    existing: dict[str, repo.StoredKey] = {}
    updates: list[tuple[repo.StoredKey, Resident]] = []
    # Hundreds of thousands of acyclic tuples: full collections would walk them again and
    # again (up to 70 ms each, holding the GIL), so the collector rests meanwhile. They are
    # released before it resumes: its first collection then has little to walk.
    with gc_paused():
        try:
            with ctx.db.engine.begin() as conn:
                existing = repo.existing_by_id_number(conn)
                inserts: list[Resident] = []
                unchanged = 0
                for r in residents:
                    key = existing.get(r.id_number)
                    if key is None:
                        inserts.append(r)
                    elif key.values != resident_to_tuple(r):
                        updates.append((key, r))
                    else:
                        unchanged += 1
                summary = ImportSummary(len(inserts), len(updates), unchanged, dry_run)
                if dry_run:
                    return summary
                if cancelled is not None and cancelled():
                    raise Cancelled
                repo.insert_many(conn, inserts, ctx.actor)
                repo.update_many(conn, updates, ctx.actor)
                if cancelled is not None and cancelled():
                    raise Cancelled  # leaving the with-block by an exception rolls back
            return summary
        finally:
            # every stored resident's values: freed in one go they would hold the GIL for
            # ~0.15 s with 200,000 residents, and the window would freeze though this runs
            # on a worker
            release_gradually(updates)
            release_gradually(existing)
