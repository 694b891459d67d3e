"""Realistic generated residents spread over Fushun's eight counties (``eldercare demo``).

Deterministic: the same ``seed`` and ``today`` give the same residents in the same order (one
``random.Random(seed)``, no global random state, no set iteration).
"""

from __future__ import annotations

import datetime as dt
import random
from bisect import bisect
from collections.abc import Iterator
from itertools import accumulate

from ..domain.enums import (
    Ability,
    Disability,
    Economic,
    Hukou,
    HukouType,
    Living,
    Pension,
    Status,
    TekunMode,
    Veteran,
)
from ..domain.resident import Resident
from .names import random_name
from .places import OTHER_PROVINCE_PREFIXES, STREETS, URBAN_ROADS

MIN_AGE, MAX_AGE = 60, 105

# Share of each age band; inside a band each year is 0.93× the one before.
_AGE_BANDS = ((60, 69, 0.545), (70, 79, 0.305), (80, 89, 0.125), (90, 99, 0.0235),
              (100, 105, 0.0015))


def _age_table() -> tuple[tuple[int, ...], tuple[float, ...]]:
    ages: list[int] = []
    weights: list[float] = []
    for lo, hi, share in _AGE_BANDS:
        raw = [0.93 ** (a - lo) for a in range(lo, hi + 1)]
        total = sum(raw)
        ages.extend(range(lo, hi + 1))
        weights.extend(share * w / total for w in raw)
    return tuple(ages), tuple(accumulate(weights))


AGES, AGE_CUM = _age_table()
_COUNTY_CUM = tuple(accumulate(share for _, share, _, _ in STREETS))

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"


def id_check_digit(first17: str) -> str:
    """The GB 11643 check character of the first 17 digits."""
    total = 0
    for w, ch in zip(_ID_WEIGHTS, first17):
        total += w * (ord(ch) - 48)
    return _ID_CHECK[total % 11]


def _pick(rnd: random.Random, table: tuple[tuple[float, object], ...]) -> object:
    """The first entry whose cumulative probability exceeds a uniform draw (last otherwise)."""
    u = rnd.random()
    for cum, value in table:
        if u < cum:
            return value
    return table[-1][1]


def _cum(*pairs: tuple[object, float]) -> tuple[tuple[float, object], ...]:
    out, acc = [], 0.0
    for value, p in pairs:
        acc += p
        out.append((acc, value))
    return tuple(out)


_ECONOMIC = _cum((Economic.DIBAO, 0.05), (Economic.TEKUN, 0.01), (Economic.NEAR_DIBAO, 0.02),
                 (Economic.HARDSHIP, 0.03), (Economic.ORDINARY, 0.89))
_DISABILITY = _cum((Disability.GRADE_1, 0.08), (Disability.GRADE_2, 0.17),
                   (Disability.GRADE_3, 0.35), (Disability.GRADE_4, 0.40))
_LIVING = _cum((Living.ALONE, 0.10), (Living.EMPTY_NEST, 0.17), (Living.LEFT_BEHIND, 0.03),
               (Living.INSTITUTION, 0.015), (Living.WITH_FAMILY, 0.685))
_VETERAN = _cum((Veteran.RETIRED_SOLDIER, 0.008), (Veteran.DEMOBILIZED, 0.002),
                (Veteran.DISABLED_SOLDIER, 0.001), (Veteran.MARTYR_FAMILY, 0.0008),
                (Veteran.DUTY_DEATH_FAMILY, 0.0004), (Veteran.ILLNESS_DEATH_FAMILY, 0.0008),
                (Veteran.NONE, 1.0))
_PENSION_URBAN = _cum((Pension.EMPLOYEE, 0.66), (Pension.RESIDENT, 0.29), (Pension.NONE, 0.05))
_PENSION_RURAL = _cum((Pension.EMPLOYEE, 0.10), (Pension.RESIDENT, 0.82), (Pension.NONE, 0.08))
# Ability by age: (below 80, 80–89, 90 and over).
_ABILITY = (
    _cum((Ability.MILD, 0.06), (Ability.MODERATE, 0.025), (Ability.SEVERE, 0.01),
         (Ability.TOTAL, 0.005), (Ability.INTACT, 1.0)),
    _cum((Ability.MILD, 0.14), (Ability.MODERATE, 0.07), (Ability.SEVERE, 0.035),
         (Ability.TOTAL, 0.015), (Ability.INTACT, 1.0)),
    _cum((Ability.MILD, 0.22), (Ability.MODERATE, 0.14), (Ability.SEVERE, 0.08),
         (Ability.TOTAL, 0.05), (Ability.INTACT, 1.0)),
)
_DEMENTIA = (0.01, 0.045, 0.10)
_BANKS = _cum(("抚顺农商银行", 0.30), ("中国邮政储蓄银行", 0.25), ("中国工商银行", 0.15),
              ("中国农业银行", 0.10), ("中国建设银行", 0.08), ("中国银行", 0.06),
              ("抚顺银行", 0.06))
_BIN = {"抚顺农商银行": "6231", "中国邮政储蓄银行": "6217", "中国工商银行": "6222",
        "中国农业银行": "6228", "中国建设银行": "6217", "中国银行": "6216", "抚顺银行": "6236"}
_NOTES = ("子女在外地工作", "需定期上门探访", "行动不便需电话预约", "老伴已故", "听力较差",
          "长期服药", "曾申请居家适老化改造", "女儿同城居住")
_FAMILY_CARE = (Ability.SEVERE, Ability.TOTAL)


def _shift_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:                     # 29 February in a common year
        return day.replace(year=day.year - years, day=28)


def _digits(rnd: random.Random, n: int) -> str:
    """``n`` random digits, the first not 0."""
    low = 10 ** (n - 1)
    return str(low + int(rnd.random() * 9 * low))


def generate_residents(n: int, seed: int = 1, today: dt.date | None = None
                       ) -> Iterator[Resident]:
    """``n`` realistic residents aged 60–105 on ``today`` (default: the real today)."""
    today = today or dt.date.today()
    rnd = random.Random(seed)
    rand = rnd.random
    used: set[str] = set()
    today_ord = today.toordinal()

    for _ in range(n):
        # -- where -----------------------------------------------------------------
        county, _share, prefix, streets = STREETS[
            min(bisect(_COUNTY_CUM, rand() * _COUNTY_CUM[-1]), len(STREETS) - 1)]
        street = streets[int(rand() * len(streets))]
        community = street.communities[int(rand() * len(street.communities))]
        rural = street.rural
        outsider = rand() < 0.03
        if outsider:
            prefix = OTHER_PROVINCE_PREFIXES[int(rand() * len(OTHER_PROVINCE_PREFIXES))]
        hukou_type = HukouType.RURAL if (rand() < 0.9) == rural else HukouType.URBAN

        # -- who -------------------------------------------------------------------
        age = AGES[min(bisect(AGE_CUM, rand() * AGE_CUM[-1]), len(AGES) - 1)]
        band = 0 if age < 80 else (1 if age < 90 else 2)
        female_share = (0.51, 0.57, 0.66)[band] if age < 100 else 0.75
        male = rand() >= female_share
        latest = _shift_years(today, age)
        earliest = _shift_years(today, age + 1).toordinal() + 1
        birth = dt.date.fromordinal(earliest + int(rand() * (latest.toordinal() - earliest + 1)))
        head = f"{prefix}{birth.year:04d}{birth.month:02d}{birth.day:02d}"
        while True:
            seq = int(rand() * 1000)
            if (seq & 1) != male:
                seq ^= 1
            body = f"{head}{seq:03d}"
            number = body + id_check_digit(body)
            if number not in used:
                used.add(number)
                break
        name = random_name(rnd, male)

        # -- contact ---------------------------------------------------------------
        if rural:
            address = (f"{county}{street.name}{community}{1 + int(rand() * 9)}组"
                       f"{1 + int(rand() * 120)}号")
        else:
            address = (f"{county}{URBAN_ROADS[int(rand() * len(URBAN_ROADS))]}"
                       f"{1 + int(rand() * 80)}号{1 + int(rand() * 12)}号楼"
                       f"{1 + int(rand() * 6)}单元{1 + int(rand() * 7)}0{1 + int(rand() * 4)}室")
        u = rand()
        if u < 0.78:
            phone = f"1{'3456789'[int(rand() * 7)]}{_digits(rnd, 9)}"
        elif u < 0.90:
            phone = f"024-5{_digits(rnd, 7)}"
        else:
            phone = ""
        bank_name = bank_account = ""
        if rand() < 0.62:
            bank_name = _pick(rnd, _BANKS)
            bank_account = _BIN[bank_name] + _digits(rnd, 15 if rand() < 0.85 else 12)

        # -- situation ---------------------------------------------------------------
        economic = _pick(rnd, _ECONOMIC)
        tekun_mode = None
        has_supporter = rand() >= 0.04
        living = _pick(rnd, _LIVING)
        if living is Living.LEFT_BEHIND and not rural and rand() < 0.7:
            living = Living.EMPTY_NEST
        if economic is Economic.TEKUN:
            tekun_mode = TekunMode.CONCENTRATED if rand() < 0.3 else TekunMode.DISPERSED
            has_supporter = False
            living = (Living.INSTITUTION if tekun_mode is TekunMode.CONCENTRATED
                      else (Living.ALONE if rand() < 0.8 else Living.WITH_FAMILY))
        ability = _pick(rnd, _ABILITY[band])
        dementia = rand() < _DEMENTIA[band]
        disability = _pick(rnd, _DISABILITY) if rand() < 0.08 else Disability.NONE
        long_term_care = ability in _FAMILY_CARE or (dementia and rand() < 0.6) or (
            ability is Ability.MODERATE and rand() < 0.4)
        veteran = _pick(rnd, _VETERAN)
        periodic_pension = veteran is not Veteran.NONE and (
            veteran is not Veteran.RETIRED_SOLDIER or rand() < 0.2)
        pension = _pick(rnd, _PENSION_RURAL if hukou_type is HukouType.RURAL
                        else _PENSION_URBAN)
        if economic is Economic.TEKUN and pension is Pension.EMPLOYEE:
            pension = Pension.RESIDENT

        u = rand()
        if u < 0.010:
            status, status_date = Status.DECEASED, None
        elif u < 0.015:
            status, status_date = Status.MOVED_OUT, None
        else:
            status, status_date = Status.REGISTERED, None
        if status is not Status.REGISTERED:
            status_date = dt.date.fromordinal(today_ord - int(rand() * 730))

        yield Resident(
            name=name,
            id_number=number,
            hukou=Hukou.OTHER if outsider else Hukou.FUSHUN,
            hukou_type=hukou_type,
            county=county,
            street=street.name,
            community=community,
            address=address,
            phone=phone,
            note=_NOTES[int(rand() * len(_NOTES))] if rand() < 0.04 else "",
            bank_name=bank_name,
            bank_account=bank_account,
            living=living,
            ability=ability,
            dementia=dementia,
            disability=disability,
            long_term_care=long_term_care,
            economic=economic,
            tekun_mode=tekun_mode,
            family_planning_special=rand() < 0.005,
            veteran=veteran,
            periodic_pension=periodic_pension,
            has_supporter=has_supporter,
            pension=pension,
            chronic_illness=rand() < 0.22,
            vagrant=rand() < 0.0005,
            voluntary_institution=living is Living.INSTITUTION or rand() < 0.01,
            barrier_free_done=rand() < 0.03,
            status=status,
            status_date=status_date,
        )
