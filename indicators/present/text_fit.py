"""Text measured in a real font, so a layout holds before anything is drawn.

The press pack's PNGs are drawn in DejaVu Sans, and DejaVu is also the widest font a .pptx may be
shown in when Calibri is missing (LibreOffice substitutes Carlito, which has Calibri's widths, or
DejaVu). So every text box is sized for DejaVu Sans: wider fonts are not in play, narrower ones
leave room. Widths come from the font's own advances through Pillow's FreeType binding; without
the font file, a conservative 0.65 em a character is used.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu"))
LINE_HEIGHT = 1.3          # plotly's line spacing (em); PowerPoint's single spacing is ~1.2 em
_FALLBACK_EM = 0.65
_REFERENCE_SIZE = 100      # the font is loaded once at this size and widths scaled


def font_file(name: str) -> Path | None:
    """The path of a DejaVu font file ("DejaVuSans.ttf", ...) or None when it is not installed."""
    return next((d / name for d in FONT_DIRS if (d / name).exists()), None)


@lru_cache(maxsize=4)
def _font(bold: bool):
    path = font_file("DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf")
    if path is None:
        return None
    from PIL import ImageFont
    return ImageFont.truetype(str(path), _REFERENCE_SIZE)


def width(text: str, size: float, *, bold: bool = False) -> float:
    """The advance width of one line of `text` at font size `size`, in the unit of `size` (px or pt)."""
    font = _font(bold)
    if font is None:
        return len(text) * _FALLBACK_EM * size
    return font.getlength(text) * size / _REFERENCE_SIZE


def wrap(text: str, size: float, max_width: float, *, bold: bool = False) -> list[str]:
    """`text` broken at spaces into lines no wider than `max_width` (same unit as `size`).

    A single word wider than `max_width` gets a line of its own. Empty text gives [].
    """
    lines: list[str] = []
    for paragraph in (text or "").split("\n"):
        line = ""
        for word in paragraph.split():
            candidate = f"{line} {word}" if line else word
            if line and width(candidate, size, bold=bold) > max_width:
                lines.append(line)
                line = word
            else:
                line = candidate
        if line:
            lines.append(line)
    return lines


def widest(lines: list[str], size: float, *, bold: bool = False) -> float:
    """The width of the widest of `lines` (0 for none)."""
    return max((width(line, size, bold=bold) for line in lines), default=0.0)
