"""SQLAlchemy 2 typed models. Dialect-neutral: the same models run on SQLite and PostgreSQL.

Closed-list fields are stored as their Chinese words (the enum values); the domain validates them.
Edited rows carry ``version`` (optimistic locking) and who/when columns.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, Date, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column


class Base(DeclarativeBase):
    pass


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class Audited:
    """Columns every edited row carries."""

    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
    created_by: Mapped[str] = mapped_column(String(64), default="")
    updated_by: Mapped[str] = mapped_column(String(64), default="")
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, object]:  # noqa: N805
        # optimistic locking: an UPDATE names the version it read
        return {"version_id_col": cls.__table__.c.version}  # type: ignore[attr-defined]


class ResidentRow(Audited, Base):
    __tablename__ = "residents"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    id_number: Mapped[str] = mapped_column(String(18), unique=True, nullable=False)
    name: Mapped[str] = mapped_column(String(64), nullable=False)
    hukou: Mapped[str] = mapped_column(String(8), nullable=False)
    hukou_type: Mapped[str] = mapped_column(String(8), nullable=False)
    county: Mapped[str] = mapped_column(String(16), nullable=False, index=True)
    street: Mapped[str] = mapped_column(String(64), nullable=False)
    community: Mapped[str] = mapped_column(String(64), nullable=False)
    address: Mapped[str] = mapped_column(Text, default="")
    phone: Mapped[str] = mapped_column(String(32), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    bank_name: Mapped[str] = mapped_column(String(64), default="")
    bank_account: Mapped[str] = mapped_column(String(32), default="")
    living: Mapped[str] = mapped_column(String(16), nullable=False)
    ability: Mapped[str] = mapped_column(String(16), nullable=False)
    dementia: Mapped[bool] = mapped_column(Boolean, nullable=False)
    disability: Mapped[str] = mapped_column(String(8), nullable=False)
    long_term_care: Mapped[bool] = mapped_column(Boolean, nullable=False)
    economic: Mapped[str] = mapped_column(String(8), nullable=False)
    tekun_mode: Mapped[str | None] = mapped_column(String(8), nullable=True)
    family_planning_special: Mapped[bool] = mapped_column(Boolean, nullable=False)
    veteran: Mapped[str] = mapped_column(String(16), nullable=False)
    periodic_pension: Mapped[bool] = mapped_column(Boolean, nullable=False)
    has_supporter: Mapped[bool] = mapped_column(Boolean, nullable=False)
    pension: Mapped[str] = mapped_column(String(8), nullable=False)
    chronic_illness: Mapped[bool] = mapped_column(Boolean, nullable=False)
    vagrant: Mapped[bool] = mapped_column(Boolean, nullable=False)
    voluntary_institution: Mapped[bool] = mapped_column(Boolean, nullable=False)
    barrier_free_done: Mapped[bool] = mapped_column(Boolean, nullable=False)
    status: Mapped[str] = mapped_column(String(8), nullable=False)
    status_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    # search keys, computed when the record is written
    search_initials: Mapped[str] = mapped_column(String(64), default="")
    search_pinyin: Mapped[str] = mapped_column(String(255), default="")


class PolicyLoadRow(Base):
    """Every policy file ever loaded, verbatim: the history behind the periods."""

    __tablename__ = "policy_loads"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    loaded_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    loaded_by: Mapped[str] = mapped_column(String(64), default="")
    source_name: Mapped[str] = mapped_column(String(255), default="")
    content: Mapped[str] = mapped_column(Text, nullable=False)


class PolicyPeriodRow(Audited, Base):
    """One dated period of parameters (FORMATS.md §2), as JSON; the newest load of a date wins."""

    __tablename__ = "policy_periods"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    effective_from: Mapped[dt.date] = mapped_column(Date, unique=True, nullable=False)
    values_json: Mapped[str] = mapped_column(Text, nullable=False)
    load_id: Mapped[int] = mapped_column(ForeignKey("policy_loads.id"), nullable=False)


# -- visits (探访关爱, issue 5) -----------------------------------------------------------------
from sqlalchemy import Index, UniqueConstraint  # noqa: E402


class VisitPlanRow(Audited, Base):
    """A resident due a visit in a month (``month`` is 'YYYY-MM'). Planning only ever adds rows:
    a resident who later died or moved keeps the plan rows and visits already recorded.
    ``created_at``/``created_by`` say when and by whom the resident was planned."""

    __tablename__ = "visit_plans"
    __table_args__ = (UniqueConstraint("month", "resident_id", name="uq_visit_plans_month_resident"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    month: Mapped[str] = mapped_column(String(7), nullable=False)  # indexed by the unique key
    resident_id: Mapped[int] = mapped_column(ForeignKey("residents.id"), nullable=False,
                                             index=True)
    # a 高 risk finding this month asks for a second visit in the same month
    second_visit_needed: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)


class VisitRecordRow(Audited, Base):
    """One visit: when, who, how, the risk level and what was found and done."""

    __tablename__ = "visits"
    __table_args__ = (Index("ix_visits_month_resident", "month", "resident_id"),
                      Index("ix_visits_resident_date", "resident_id", "visit_date"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    resident_id: Mapped[int] = mapped_column(ForeignKey("residents.id"), nullable=False)
    month: Mapped[str] = mapped_column(String(7), nullable=False)
    visit_date: Mapped[dt.date] = mapped_column(Date, nullable=False)
    visitor: Mapped[str] = mapped_column(String(64), nullable=False)
    method: Mapped[str] = mapped_column(String(8), nullable=False)
    risk: Mapped[str] = mapped_column(String(4), nullable=False)
    health: Mapped[str] = mapped_column(Text, default="")
    living: Mapped[str] = mapped_column(Text, default="")
    safety: Mapped[str] = mapped_column(Text, default="")
    mental: Mapped[str] = mapped_column(Text, default="")
    needs: Mapped[str] = mapped_column(Text, default="")
    problems: Mapped[str] = mapped_column(Text, default="")
    action: Mapped[str] = mapped_column(Text, default="")
    next_visit_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")
