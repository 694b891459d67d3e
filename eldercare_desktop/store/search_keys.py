"""Search keys of a resident's name: pinyin initials and full pinyin, computed when the record is
written (never at start-up). zsf → 张三丰, zhangsanfeng → 张三丰.

Readings are cached per character, which is ~10× faster than converting whole names, and the
surname's other readings are kept too (单 dan/shan, 曾 ceng/zeng), so a clerk finds 单雄信 by
"sxx" as well as "dxx".
"""

from __future__ import annotations

from functools import lru_cache

from pypinyin import Style, pinyin


@lru_cache(maxsize=20000)
def _readings(char: str) -> tuple[str, ...]:
    if not ("\u3400" <= char <= "\u9fff"):
        return (char.lower(),)
    got = pinyin(char, style=Style.NORMAL, heteronym=True, errors="ignore")
    readings = tuple(dict.fromkeys(r.lower() for r in got[0])) if got else ()
    return readings or (char,)


def search_keys(name: str) -> tuple[str, str]:
    """(initials, full pinyin). Several surname readings are joined with '|'."""
    chars = [c for c in name if not c.isspace() and c not in "·•."]
    if not chars:
        return "", ""
    per_char = [_readings(c) for c in chars]
    rest_initials = "".join(r[0][0] for r in per_char[1:])
    rest_full = "".join(r[0] for r in per_char[1:])
    surname = per_char[0]
    initials = "|".join(dict.fromkeys(s[0] + rest_initials for s in surname))
    full = "|".join(s + rest_full for s in surname)
    return initials, full
