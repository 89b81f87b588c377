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


# Week labels are about 40 px wide at 12 px: six of them fit side by side on a 320 px phone.
COLUMN_TICKS_MAX = 6


@dataclass(frozen=True)
class Column:
    label: str
    value: int
    x: float  # percent of the chart's width, so that the chart spans its section
    width: float  # percent
    y: float  # px
    height: float  # px
    center: float  # percent
    tick: bool  # whether the label is written under the axis
    anchor: str  # text-anchor of the label: the first and last stay inside the drawing
    label_x: float  # percent


@dataclass(frozen=True)
class ColumnChart:
    height: int
    columns: list[Column]
    baseline: float


def columns(items: list[tuple[str, int]], *, height: int = 120) -> ColumnChart:
    """One column per (label, count), scaled to the largest count. Horizontal positions are
    percentages (the SVG has no viewBox: it takes the section's whole width and its text keeps
    its size on a phone as on a desktop); at most COLUMN_TICKS_MAX labels, counted back from
    the last column, so that the latest week is always named and no two labels meet."""
    if not items:
        return ColumnChart(height=height, columns=[], baseline=height)
    top = max(count for _label, count in items) or 1
    slot = 100 / len(items)
    step = -(-len(items) // COLUMN_TICKS_MAX)
    last = len(items) - 1
    result = []
    for index, (label, count) in enumerate(items):
        bar_height = (height - 16) * count / top
        anchor, label_x = (
            ("end", (index + 1) * slot)
            if index == last
            else ("start", index * slot)
            if index == 0
            else ("middle", (index + 0.5) * slot)
        )
        result.append(
            Column(
                label,
                count,
                x=index * slot + slot * 0.15,
                width=slot * 0.7,
                y=height - bar_height,
                height=bar_height,
                center=(index + 0.5) * slot,
                tick=(last - index) % step == 0,
                anchor=anchor,
                label_x=label_x,
            )
        )
    return ColumnChart(height=height, columns=result, baseline=height)
