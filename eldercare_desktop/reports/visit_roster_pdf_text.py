"""Make a PDF's Chinese text extractable as the characters that were printed.

CJK fonts (Noto Sans CJK, Source Han…) draw a Kangxi radical (U+2F00–U+2FDF) and the ordinary
ideograph with the same glyph: ⾛ U+2F9B and 走 U+8D70 share one (so do ⻚ and 页, 戶 and 户 in
the SC fonts). Qt writes each glyph's text in the PDF's ToUnicode map as the *lowest* character
using it, so copying, searching or extracting 走访 from the PDF would give ⾛访. The renderer knows
which characters it drew; this rewrites those entries in place to them. Each entry keeps its
length, so no offset in the file moves. Tabs become spaces likewise.
"""

from __future__ import annotations

import re

_CMAP = re.compile(rb"(/CIDInit /ProcSet findresource begin.*?endcmap)", re.S)
_RANGE = re.compile(rb"^(<[0-9A-Fa-f]{4}> <[0-9A-Fa-f]{4}> )(.*)$", re.M)
_CHAR = re.compile(rb"^(<[0-9A-Fa-f]{4}> )(<[0-9A-Fa-f]{4}>)\s*$", re.M)
_HEX4 = re.compile(rb"<([0-9A-Fa-f]{4})>")


def _fixer(fixes: dict[int, int]):  # type: ignore[no-untyped-def]
    def fix(m: re.Match[bytes]) -> bytes:
        cp = int(m.group(1), 16)
        return b"<%04X>" % fixes.get(cp, cp)
    return fix


def fix_to_unicode(pdf: bytes, fixes: dict[int, int]) -> bytes:
    """The PDF with its (uncompressed) ToUnicode maps corrected: each code point in ``fixes``
    (the lowest one sharing a glyph) becomes the one that was drawn; tabs become spaces.
    The result has the same length as ``pdf``."""
    fix_hex = _fixer({0x09: 0x20, **fixes})

    def fix_range(m: re.Match[bytes]) -> bytes:
        head, dest = m.group(1), m.group(2)
        lo, hi = head.split()[:2]
        # <lo> <hi> [<d1> …] is rewritten entry by entry; <lo> <hi> <dst> only if lo == hi
        if dest.lstrip().startswith(b"[") or lo == hi:
            return head + _HEX4.sub(fix_hex, dest)
        return m.group(0)

    def fix_cmap(m: re.Match[bytes]) -> bytes:
        text = _RANGE.sub(fix_range, m.group(1))
        return _CHAR.sub(lambda c: c.group(1) + _HEX4.sub(fix_hex, c.group(2)), text)

    out = _CMAP.sub(fix_cmap, pdf)
    if len(out) != len(pdf):
        raise RuntimeError("ToUnicode rewrite changed the file length")
    return out
