"""The demo generator: deterministic, valid and realistic residents."""

import datetime as dt
import unicodedata
from collections import Counter

import pytest

from eldercare_desktop.demo.generator import generate_residents, id_check_digit
from eldercare_desktop.demo.places import STREETS
from eldercare_desktop.domain.enums import (
    Ability,
    County,
    Disability,
    Economic,
    Hukou,
    HukouType,
    Living,
    Pension,
    Status,
    Veteran,
)
from eldercare_desktop.domain.idnumber import parse_id_number
from eldercare_desktop.domain.months import age_on

TODAY = dt.date(2026, 12, 4)
FUSHUN_PREFIXES = {"210402", "210403", "210404", "210411", "210421", "210422", "210423"}
PREFIX_OF = {County.XINFU: "210402", County.DONGZHOU: "210403", County.WANGHUA: "210404",
             County.SHUNCHENG: "210411", County.FUSHUN_COUNTY: "210421",
             County.XINBIN: "210422", County.QINGYUAN: "210423"}


@pytest.fixture(scope="module")
def many():
    return list(generate_residents(20_000, seed=7, today=TODAY))


def share(residents, predicate):
    return sum(1 for r in residents if predicate(r)) / len(residents)


def test_same_seed_gives_the_same_residents():
    assert list(generate_residents(300, seed=3, today=TODAY)) == \
        list(generate_residents(300, seed=3, today=TODAY))


def test_a_different_seed_gives_different_residents():
    a = [r.id_number for r in generate_residents(300, seed=3, today=TODAY)]
    b = [r.id_number for r in generate_residents(300, seed=4, today=TODAY)]
    assert a != b
    assert len(set(a) & set(b)) < 5


def test_asks_for_exactly_n():
    assert sum(1 for _ in generate_residents(123, today=TODAY)) == 123
    assert list(generate_residents(0, today=TODAY)) == []


def test_check_digit_agrees_with_the_standard():
    assert id_check_digit("11010519491231002") == "X"
    assert id_check_digit("21040219520315122") == "8"


def test_every_id_is_valid_and_unique(many):
    numbers = [r.id_number for r in many]
    assert len(set(numbers)) == len(numbers)
    for number in numbers:
        parsed = parse_id_number(number)
        assert parsed.number == number and not parsed.upgraded_from_15


def test_id_prefix_matches_the_county_or_another_province(many):
    for r in many:
        prefix = r.id_number[:6]
        if r.hukou is Hukou.OTHER:
            assert not prefix.startswith("2104")
        elif r.county is County.HIGH_TECH:
            assert prefix in FUSHUN_PREFIXES
        else:
            assert prefix == PREFIX_OF[r.county]
    assert 0.02 <= share(many, lambda r: r.hukou is Hukou.OTHER) <= 0.04


def test_ages_run_from_60_to_105_skewed_young(many):
    ages = [age_on(r.birth_date, TODAY) for r in many]
    assert min(ages) >= 60 and max(ages) <= 105
    n = len(ages)
    assert sum(a < 70 for a in ages) / n > 0.45
    assert 0.12 <= sum(a >= 80 for a in ages) / n <= 0.18
    assert 0.01 <= sum(a >= 90 for a in ages) / n <= 0.04
    assert 0 < sum(a >= 100 for a in ages) / n <= 0.005


def test_every_county_and_many_streets_are_used(many):
    assert set(r.county for r in many) == set(County)
    known = {(s.county, s.name, c) for _, _, _, streets in STREETS
             for s in streets for c in s.communities}
    assert all((r.county, r.street, r.community) in known for r in many)
    assert len({r.street for r in many}) >= 60


def test_townships_are_mostly_rural_and_streets_urban(many):
    in_town = [r for r in many if not r.street.endswith("街道")]
    in_city = [r for r in many if r.street.endswith("街道")]
    assert share(in_town, lambda r: r.hukou_type is HukouType.RURAL) > 0.8
    assert share(in_city, lambda r: r.hukou_type is HukouType.URBAN) > 0.8
    assert all(r.community.endswith("村") for r in in_town)
    assert all(r.community.endswith("社区") for r in in_city)


def test_economic_situation_proportions(many):
    assert 0.04 <= share(many, lambda r: r.economic is Economic.DIBAO) <= 0.06
    assert 0.005 <= share(many, lambda r: r.economic is Economic.TEKUN) <= 0.015
    assert share(many, lambda r: r.economic is Economic.NEAR_DIBAO) > 0.01
    assert share(many, lambda r: r.economic is Economic.HARDSHIP) > 0.01


def test_tekun_has_a_mode_and_nobody_else_does(many):
    for r in many:
        assert (r.economic is Economic.TEKUN) == (r.tekun_mode is not None)


def test_status_date_exactly_for_the_dead_and_moved(many):
    gone = [r for r in many if r.status is not Status.REGISTERED]
    assert 0.01 <= len(gone) / len(many) <= 0.02
    assert {r.status for r in gone} == {Status.DECEASED, Status.MOVED_OUT}
    for r in many:
        if r.status is Status.REGISTERED:
            assert r.status_date is None
        else:
            assert r.status_date is not None
            assert r.birth_date < r.status_date <= TODAY
            assert (TODAY - r.status_date).days <= 731


def test_health_and_living_proportions(many):
    disabled = [r for r in many if r.disability is not Disability.NONE]
    assert 0.06 <= len(disabled) / len(many) <= 0.10
    assert share(disabled, lambda r: r.disability in (Disability.GRADE_3, Disability.GRADE_4)) > 0.6
    assert 0.08 <= share(many, lambda r: r.living is Living.ALONE) <= 0.13
    assert share(many, lambda r: r.living is Living.EMPTY_NEST) > 0.05
    assert share(many, lambda r: r.living is Living.LEFT_BEHIND) > 0.003
    assert share(many, lambda r: r.ability is Ability.INTACT) > 0.75
    assert share(many, lambda r: r.ability is not Ability.INTACT) > 0.05
    assert 0.01 <= share(many, lambda r: r.dementia) <= 0.035
    assert 0 < share(many, lambda r: r.veteran is not Veteran.NONE) < 0.03
    assert share(many, lambda r: r.pension in (Pension.EMPLOYEE, Pension.RESIDENT)) > 0.85


def test_contacts_look_real(many):
    names = Counter(r.name[0] for r in many)
    assert names.most_common(1)[0][0] in "王李张刘"
    assert all(2 <= len(r.name) <= 3 for r in many)
    phones = [r.phone for r in many if r.phone]
    assert len(phones) / len(many) > 0.8
    for phone in phones:
        digits = phone.replace("-", "")
        assert digits.isdigit() and 7 <= len(digits) <= 12
        assert not phone.startswith("1") or (len(phone) == 11 and phone[1] in "3456789")
    with_account = [r for r in many if r.bank_account]
    assert 0.3 < len(with_account) / len(many) < 0.9
    for r in many:
        assert bool(r.bank_account) == bool(r.bank_name)
        if r.bank_account:
            assert r.bank_account.isdigit() and 10 <= len(r.bank_account) <= 25
        assert r.address


def test_defaults_to_the_real_today():
    r = next(generate_residents(1))
    assert 60 <= age_on(r.birth_date, dt.date.today()) <= 105


def test_text_is_already_in_the_form_an_import_keeps(many):
    """The importer NFKC-normalises and trims text: generated text must survive that unchanged,
    so that demo residents exported and re-imported compare equal."""
    for r in many[:5000]:
        for text in (r.name, r.street, r.community, r.address, r.phone, r.note, r.bank_name):
            assert text == unicodedata.normalize("NFKC", text).strip()
