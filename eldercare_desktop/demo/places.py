"""Fushun's counties, streets/townships and communities/villages for generated residents.

Street and township names are real where known; community and village names are plausible,
built from common local name stems. Everything is a tuple so that iteration order is fixed.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..domain.enums import County


@dataclass(frozen=True, slots=True)
class Street:
    county: County
    name: str                    # 站前街道, 石文镇, 汤图满族乡
    communities: tuple[str, ...]

    @property
    def rural(self) -> bool:
        """A township (镇/乡): its people mostly hold rural hukou and live in villages."""
        return not self.name.endswith("街道")


# County → (share of the elderly population, ID prefix, street/township names).
# 高新区 has no ID prefix of its own: its people were registered in 顺城区 (210411).
COUNTIES: tuple[tuple[County, float, str, tuple[str, ...]], ...] = (
    (County.XINFU, 0.14, "210402", (
        "站前街道", "福民街道", "永安台街道", "榆林街道", "南花园街道", "千金街道", "新抚街道",
        "东公园街道", "刘山街道")),
    (County.DONGZHOU, 0.12, "210403", (
        "新屯街道", "东洲街道", "张甸街道", "搭连街道", "龙凤街道", "万新街道", "哈达镇",
        "碾盘乡")),
    (County.WANGHUA, 0.16, "210404", (
        "和平街道", "建设街道", "光明街道", "朴屯街道", "古城子街道", "新民街道", "工农街道",
        "田屯街道", "望花街道", "塔峪镇")),
    (County.SHUNCHENG, 0.17, "210411", (
        "新华街道", "将军街道", "长春街道", "葛布街道", "河北街道", "抚顺城街道", "临江街道",
        "前甸镇", "会元乡")),
    (County.FUSHUN_COUNTY, 0.07, "210421", (
        "石文镇", "后安镇", "章党镇", "救兵镇", "上马镇", "马圈子乡", "峡河乡", "汤图满族乡",
        "海浪乡", "兰山乡")),
    (County.XINBIN, 0.12, "210422", (
        "新宾镇", "永陵镇", "旺清门镇", "木奇镇", "上夹河镇", "南杂木镇", "平顶山镇", "大四平镇",
        "苇子峪镇", "红升乡", "榆树乡", "响水河子乡", "北四平乡", "下夹河乡", "红庙子乡")),
    (County.QINGYUAN, 0.14, "210423", (
        "清原镇", "红透山镇", "英额门镇", "南口前镇", "草市镇", "湾甸子镇", "大孤家镇",
        "夏家堡镇", "北三家镇", "土口子乡", "敖家堡乡", "大苏河乡", "枸乃甸乡")),
    (County.HIGH_TECH, 0.08, "210411", (
        "李石街道", "胜利街道", "高湾街道", "河北乡")),
)

_COMMUNITY_STEMS = (
    "和平", "幸福", "光明", "东风", "胜利", "前进", "新华", "友谊", "民主", "团结", "永安",
    "富民", "育才", "春城", "朝阳", "新兴", "长青", "安居", "康乐", "建设", "红星", "天湖",
    "欣园", "锦绣", "向阳", "丽景", "繁荣", "繁华", "龙泉", "河畔", "南站", "北站", "西苑",
    "东苑", "新城", "华山", "劳动", "工农", "兴业", "立新",
)
_VILLAGE_STEMS = (
    "前进", "红旗", "大堡", "小堡", "东升", "新立", "三道沟", "二道河", "腰站", "南沟", "北沟",
    "马家", "王家堡", "李家", "太平", "五龙", "黄旗", "蓝旗", "老营", "关门", "夹河", "榆树",
    "下营子", "上营子", "大甸", "小甸", "河西", "河东", "双河", "四道沟", "高家", "孙家",
    "柳树", "杨木", "石门", "南台", "北台", "城子", "庙后", "砬子",
)


def _communities(index: int, rural: bool) -> tuple[str, ...]:
    """4–7 community (社区) or village (村) names for the street at ``index``, fixed."""
    stems = _VILLAGE_STEMS if rural else _COMMUNITY_STEMS
    suffix = "村" if rural else "社区"
    count = 4 + index % 4
    step = 7 if rural else 11
    chosen: list[str] = []
    k = index * 3
    while len(chosen) < count:
        name = stems[k % len(stems)] + suffix
        if name not in chosen:
            chosen.append(name)
        k += step
    return tuple(chosen)


def _streets() -> tuple[tuple[County, float, str, tuple[Street, ...]], ...]:
    out = []
    index = 0
    for county, share, prefix, names in COUNTIES:
        streets = []
        for name in names:
            streets.append(Street(county, name, _communities(index, not name.endswith("街道"))))
            index += 1
        out.append((county, share, prefix, tuple(streets)))
    return tuple(out)


STREETS = _streets()

URBAN_ROADS = (
    "东一路", "东二路", "西一路", "西三路", "中央大街", "裕民路", "浑河南路", "浑河北路",
    "临江路", "新华大街", "将军路", "高山路", "雷锋路", "葛布路", "东公园路", "站前街",
    "西十路", "永安路", "南阳路", "和平路", "光明路", "建设街", "新屯路", "搭连路", "万新路",
    "榆林大街", "千金路", "河北路", "抚顺城路",
)

# Places of registration in other provinces (~3% of the register: 户籍 非抚顺).
OTHER_PROVINCE_PREFIXES = (
    "220102", "220202", "230102", "230202", "130102", "370102", "150102", "410102",
    "140105", "320102",
)
