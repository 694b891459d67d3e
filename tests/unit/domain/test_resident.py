import dataclasses

import pytest
from stdnum.cn import ric

from eldercare_desktop.domain.enums import County, Economic, Hukou, HukouType, TekunMode
from eldercare_desktop.domain.resident import RESIDENT_FIELDS, Resident, build_resident


def sample() -> Resident:
    body = "21040219461215002"
    return Resident(name="王秀英", id_number=body + ric.calc_check_digit(body + "0"),
                    hukou=Hukou.FUSHUN, hukou_type=HukouType.URBAN, county=County.XINFU,
                    street="站前街道", community="站前社区", economic=Economic.TEKUN,
                    tekun_mode=TekunMode.DISPERSED)


def test_the_fast_builder_gives_an_ordinary_frozen_equal_resident():
    r = sample()
    built = build_resident([getattr(r, f) for f in RESIDENT_FIELDS])
    assert type(built) is Resident
    assert built == r and hash(built) == hash(r)
    assert dataclasses.replace(built, name="李") == dataclasses.replace(r, name="李")
    with pytest.raises(dataclasses.FrozenInstanceError):
        built.name = "改"  # type: ignore[misc]
