"""Chinese names as Fushun's elderly carry them: common surnames weighted by frequency,
given names of one or two characters typical of people born 1920–1966."""

from __future__ import annotations

from bisect import bisect
from itertools import accumulate

# (surname, relative weight): north-eastern frequencies, with Manchu-origin surnames
# (关, 佟, 那, 赫, 富, 肇, 金) that are common in 新宾 and 清原.
SURNAMES: tuple[tuple[str, int], ...] = (
    ("王", 95), ("李", 90), ("张", 88), ("刘", 80), ("陈", 30), ("杨", 40), ("赵", 38),
    ("黄", 12), ("周", 22), ("吴", 18), ("徐", 22), ("孙", 34), ("马", 24), ("胡", 14),
    ("朱", 14), ("郭", 18), ("何", 8), ("高", 24), ("林", 10), ("于", 26), ("董", 16),
    ("曲", 8), ("姜", 14), ("崔", 10), ("谭", 6), ("宋", 14), ("韩", 16), ("冯", 10),
    ("曹", 10), ("许", 8), ("邓", 6), ("丁", 8), ("沈", 6), ("付", 10), ("吕", 8),
    ("苏", 8), ("卢", 6), ("蒋", 6), ("蔡", 5), ("贾", 8), ("魏", 10), ("薛", 6), ("叶", 4),
    ("阎", 6), ("潘", 6), ("杜", 8), ("戴", 4), ("夏", 4), ("钟", 4), ("汪", 4), ("田", 12),
    ("任", 8), ("姚", 6), ("范", 6), ("方", 4), ("石", 8), ("金", 10), ("关", 12), ("佟", 10),
    ("那", 4), ("赫", 3), ("富", 3), ("肇", 2), ("孟", 8), ("白", 8), ("单", 4), ("常", 6),
    ("尹", 6), ("邢", 4), ("隋", 4), ("鞠", 3), ("谷", 4), ("邹", 4), ("侯", 6), ("梁", 8),
)
SURNAME_CUM = tuple(accumulate(w for _, w in SURNAMES))
SURNAME_LIST = tuple(s for s, _ in SURNAMES)

MALE_CHARS = (
    "国", "建", "军", "明", "福", "德", "玉", "春", "志", "文", "树", "宝", "成", "海", "金",
    "贵", "山", "林", "庆", "永", "长", "胜", "喜", "全", "友", "广", "振", "吉", "顺", "清",
    "洪", "立", "忠", "义", "占", "学", "连", "殿", "富", "财", "有", "恩", "万", "中", "华",
    "平", "新", "启", "凤", "才",
)
FEMALE_CHARS = (
    "秀", "淑", "玉", "桂", "凤", "兰", "英", "芝", "珍", "琴", "华", "霞", "梅", "荣", "芬",
    "云", "香", "敏", "丽", "娟", "素", "艳", "春", "金", "翠", "萍", "贤", "静", "洁", "莲",
    "杰", "清", "彩", "月", "菊", "环",
)
# Whole given names that generations of Fushun's grandmothers and grandfathers carry.
MALE_GIVEN = (
    "国庆", "建国", "建华", "振华", "玉山", "长海", "德福", "宝贵", "树林", "志刚", "文学",
    "庆丰", "永生", "金山", "福生", "广发", "占山", "殿臣", "连生", "忠良",
)
FEMALE_GIVEN = (
    "秀兰", "淑芬", "桂珍", "玉兰", "凤英", "桂兰", "秀珍", "淑珍", "玉珍", "秀英", "淑兰",
    "桂芝", "凤兰", "秀芝", "玉芬", "素珍", "淑华", "桂荣", "秀芳", "玉梅",
)


def random_name(rnd, male: bool) -> str:
    """A full name: weighted surname, then a 1- or 2-character given name."""
    surname = SURNAME_LIST[min(bisect(SURNAME_CUM, rnd.random() * SURNAME_CUM[-1]),
                               len(SURNAME_LIST) - 1)]
    u = rnd.random()
    if male:
        chars, whole = MALE_CHARS, MALE_GIVEN
    else:
        chars, whole = FEMALE_CHARS, FEMALE_GIVEN
    if u < 0.25:
        given = chars[int(rnd.random() * len(chars))]
    elif u < 0.55:
        given = whole[int(rnd.random() * len(whole))]
    else:
        a = chars[int(rnd.random() * len(chars))]
        b = chars[int(rnd.random() * len(chars))]
        given = a + b if a != b else a
    return surname + given
