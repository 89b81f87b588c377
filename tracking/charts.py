"""Geometry for the dashboard's two charts, drawn as inline SVG by templates (no JS library).
Each chart also has a data table in the page, which is its text equivalent."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Bar:
    label: str
    value: int  # what the bar shows (a percentage or a count)
    note: str  # the figure written next to the bar
    x: float
    y: float
    width: float
    height: float
    label_y: float = 0  # where the label's baseline sits (above a horizontal bar)


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    bars: list[Bar]
    baseline: float = 0


# Labels sit above the bars rather than beside them, so that long unit names fit on phones.
ROW_HEIGHT = 40


def horizontal_bars(items: list[tuple[str, int, str]], *, width: int = 320) -> Chart:
    """One bar per (label, percent, note); the bar's length is the percentage of `width`."""
    bars = []
    for index, (label, percent, note) in enumerate(items):
        length = width * max(0, min(100, percent)) / 100
        bars.append(
            Bar(
                label,
                percent,
                note,
                x=0,
                y=index * ROW_HEIGHT + 20,
                width=length,
                height=14,
                label_y=index * ROW_HEIGHT + 14,
            )
        )
    return Chart(width=width, height=max(ROW_HEIGHT, len(items) * ROW_HEIGHT), bars=bars)


def columns(items: list[tuple[str, int]], *, width: int = 320, height: int = 120) -> Chart:
    """One column per (label, count), scaled to the largest count."""
    if not items:
        return Chart(width=width, height=height, bars=[])
    top = max(count for _label, count in items) or 1
    slot = width / len(items)
    bars = []
    for index, (label, count) in enumerate(items):
        bar_height = (height - 16) * count / top
        bars.append(
            Bar(
                label,
                count,
                str(count),
                x=index * slot + slot * 0.15,
                y=height - bar_height,
                width=slot * 0.7,
                height=bar_height,
            )
        )
    return Chart(width=width, height=height, bars=bars, baseline=height)
