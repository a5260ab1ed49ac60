"""Colour contrast as WCAG 2 measures it, so chosen things stay readable in every theme."""

from __future__ import annotations

from textual.color import Color

BLACK = Color(0, 0, 0)
WHITE = Color(255, 255, 255)
READABLE = 4.5  # WCAG AA for normal text


def luminance(color: Color) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(color.r) + 0.7152 * channel(color.g) + 0.0722 * channel(color.b)


def contrast(a: Color, b: Color) -> float:
    """From 1 (the same) to 21 (black on white)."""
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def text_on(background: Color) -> Color:
    """Black or white, whichever reads better on `background` (always at least 4.5:1)."""
    return max((BLACK, WHITE), key=lambda c: contrast(c, background))
