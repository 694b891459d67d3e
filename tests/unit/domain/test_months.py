import datetime as dt

import pytest

from eldercare_desktop.domain.months import Month, age_in_month, age_on

D = dt.date


@pytest.mark.parametrize("birth,month,age", [
    (D(1946, 12, 15), Month(2026, 12), 79),   # POLICY.md example: birthday after the 1st
    (D(1946, 12, 15), Month(2027, 1), 80),
    (D(1946, 12, 1), Month(2026, 12), 80),    # birthday on the 1st counts that month
    (D(1946, 12, 2), Month(2026, 12), 79),
    (D(1944, 2, 29), Month(2024, 2), 79),     # leap-year birthday, leap year: not yet on 1 Feb
    (D(1944, 2, 29), Month(2024, 3), 80),
    (D(1944, 2, 29), Month(2025, 2), 80),     # non-leap year: new age on 1 March
    (D(1944, 2, 29), Month(2025, 3), 81),
])
def test_age_is_full_years_on_the_first_day_of_the_month(birth, month, age):
    assert age_in_month(birth, month) == age


def test_twenty_ninth_of_february_in_a_non_leap_year_turns_on_the_first_of_march():
    birth = D(1964, 2, 29)
    assert age_on(birth, D(2025, 2, 28)) == 60
    assert age_on(birth, D(2025, 3, 1)) == 61


def test_month_parsing_and_arithmetic():
    m = Month.parse("2026-12")
    assert str(m) == "2026-12" and m.label == "2026年12月"
    assert m.next() == Month(2027, 1) and m.previous() == Month(2026, 11)
    assert Month(2027, 1).previous() == Month(2026, 12)
    assert Month(2024, 2).last_day == D(2024, 2, 29)
    for bad in ("2026-13", "2026/12", "26-12", ""):
        with pytest.raises(ValueError):
            Month.parse(bad)
