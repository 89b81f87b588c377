"""The geometry of every SVG chart of Kalan, computed here so that templates only print it.

Charts are inline SVG without JavaScript; each page also gives the figures in a table, the
chart's text equivalent. Every coordinate a template writes (bars, labels, notes, axes, the
drawing's size) comes from these functions: a template never adds an offset itself. Three
kinds serve the supervisor's dashboard (`tracking`), the quiz statistics of the admin
(`quizzes`) and the workshop report (`workshops`):

- `bars`: horizontal bars, one row per label, each with one or more bars (tracks, notes);
- `columns`: vertical columns spanning the width of their section (x in percent);
- `paired_dots`: a « before » and an « after » dot per row, joined by a segment.

Like `lms/design.py`, this module imports nothing of Kalan's, so any app may use it.
"""

from dataclasses import dataclass

# --- Horizontal bars ------------------------------------------------------------------------

# Labels sit above the bars rather than beside them, so that long names fit on phones.
BAR_HEIGHT = 14
BAR_GAP = 4  # between two bars of a row
LABEL_BASELINE = 14  # a row's label, from the top of the row
FIRST_BAR = 20  # a row's first bar, from the top of the row
ROW_GAP = 6  # below a row's last bar
NOTE_GAP = 6  # between the end of the track and the note
NOTE_BASELINE = 12  # the note's baseline, from the top of its bar


@dataclass(frozen=True)
class Bar:
    value: float | None  # the percentage drawn (None: nothing to draw, the note says why)
    note: str  # the figure written after the track
    variant: str  # "" or a class added to the bar's (« chart__bar--before »)
    y: float
    width: float  # the filled part; the track is the chart's `track_width`
    height: float
    note_x: float
    note_y: float


@dataclass(frozen=True)
class BarRow:
    label: str
    label_y: float
    bars: list[Bar]


@dataclass(frozen=True)
class BarChart:
    width: float  # the drawing's width (track and notes): its viewBox
    height: float
    track_width: float
    rows: list[BarRow]


def bars(
    rows: list[tuple[str, list[tuple[float | None, str, str]]]],
    *,
    track_width: int = 320,
    note_width: int = 110,
) -> BarChart:
    """One row per (label, [(percent, note, variant), …]): the label above, then each bar on
    its track, as long as the percentage of `track_width`, its note after it."""
    per_row = max((len(values) for _label, values in rows), default=1)
    row_height = FIRST_BAR + per_row * BAR_HEIGHT + (per_row - 1) * BAR_GAP + ROW_GAP
    result = []
    for index, (label, values) in enumerate(rows):
        top = index * row_height
        drawn = []
        for position, (percent, note, variant) in enumerate(values):
            y = top + FIRST_BAR + position * (BAR_HEIGHT + BAR_GAP)
            clamped = 0.0 if percent is None else max(0.0, min(100.0, float(percent)))
            drawn.append(
                Bar(
                    value=percent,
                    note=note,
                    variant=variant,
                    y=y,
                    width=track_width * clamped / 100,
                    height=BAR_HEIGHT,
                    note_x=track_width + NOTE_GAP,
                    note_y=y + NOTE_BASELINE,
                )
            )
        result.append(BarRow(label=label, label_y=top + LABEL_BASELINE, bars=drawn))
    return BarChart(
        width=track_width + note_width,
        height=max(row_height, len(result) * row_height),
        track_width=track_width,
        rows=result,
    )


# --- Columns --------------------------------------------------------------------------------

# A label is about 40 px wide at 12 px: six of them fit side by side on a 320 px phone.
COLUMN_TICKS_MAX = 6
COLUMN_HEADROOM = 16  # above the tallest column, for its figure
NOTE_LIFT = 3  # a column's figure sits this far above its top
TICK_BASELINE = 16  # the labels' baseline, below the axis
TICKS_HEIGHT = 22  # the band of labels under the axis


@dataclass(frozen=True)
class Column:
    label: str
    value: int
    x: float  # percent of the chart's width, so that the chart spans its section
    width: float  # percent
    y: float  # px
    height: float  # px
    center: float  # percent
    note_y: float  # px: the figure above the column
    tick: bool  # whether the label is written under the axis
    anchor: str  # text-anchor of the label: the first and last stay inside the drawing
    label_x: float  # percent


@dataclass(frozen=True)
class ColumnChart:
    height: int  # the columns' area; the axis is at its bottom
    columns: list[Column]
    baseline: float
    tick_y: float  # the labels' baseline
    svg_height: int  # the whole drawing, labels included


def columns(
    items: list[tuple[str, int]], *, height: int = 120, ticks_max: int = COLUMN_TICKS_MAX
) -> ColumnChart:
    """One column per (label, count), scaled to the largest count. Horizontal positions are
    percentages (the SVG has no viewBox: it takes the section's whole width and its text keeps
    its size on a phone as on a desktop); at most `ticks_max` labels, counted back from the
    last column, so that the last one is always named and no two labels meet."""
    tick_y = height + TICK_BASELINE
    svg_height = height + TICKS_HEIGHT
    if not items:
        return ColumnChart(height, [], baseline=height, tick_y=tick_y, svg_height=svg_height)
    top = max(count for _label, count in items) or 1
    slot = 100 / len(items)
    step = -(-len(items) // ticks_max)
    last = len(items) - 1
    result = []
    for index, (label, count) in enumerate(items):
        bar_height = (height - COLUMN_HEADROOM) * count / top
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
                note_y=height - bar_height - NOTE_LIFT,
                tick=(last - index) % step == 0,
                anchor=anchor,
                label_x=label_x,
            )
        )
    return ColumnChart(height, result, baseline=height, tick_y=tick_y, svg_height=svg_height)


# --- Paired dots ----------------------------------------------------------------------------

DOT_LABEL_WIDTH = 140  # the names' column
DOT_PLOT_WIDTH = 250  # 0 to 100 %
DOT_ROW = 24
DOT_TOP = 8
DOT_LABEL_DROP = 5  # a row's label baseline, below the dots' centre
AXIS_GAP = 4  # between the last row and the axis
AXIS_LABELS = 22  # the band of percentages under the axis
TICK_LABEL_DROP = 16  # their baseline, below the axis


@dataclass(frozen=True)
class DotRow:
    label: str
    before: float
    after: float
    y: float
    label_y: float
    x_before: float
    x_after: float
    improved: bool


@dataclass(frozen=True)
class Tick:
    label: int  # percent
    x: float


@dataclass(frozen=True)
class DotPlot:
    width: int
    height: int
    rows: list[DotRow]
    ticks: list[Tick]
    axis_top: float
    axis_y: float
    tick_label_y: float


def _dot_x(percent: float) -> float:
    return DOT_LABEL_WIDTH + DOT_PLOT_WIDTH * max(0.0, min(100.0, percent)) / 100


def paired_dots(rows: list[tuple[str, float, float]]) -> DotPlot:
    """One line per (label, before, after): a hollow dot for « before », a full one for
    « after », joined by a segment, on a 0–100 % axis."""
    result = []
    for index, (label, before, after) in enumerate(rows):
        y = DOT_TOP + index * DOT_ROW + DOT_ROW / 2
        result.append(
            DotRow(
                label=label,
                before=before,
                after=after,
                y=y,
                label_y=y + DOT_LABEL_DROP,
                x_before=_dot_x(before),
                x_after=_dot_x(after),
                improved=after > before,
            )
        )
    axis_y = DOT_TOP + len(result) * DOT_ROW + AXIS_GAP
    return DotPlot(
        width=DOT_LABEL_WIDTH + DOT_PLOT_WIDTH + 16,
        height=int(axis_y + AXIS_LABELS),
        rows=result,
        ticks=[Tick(p, _dot_x(p)) for p in (0, 25, 50, 75, 100)],
        axis_top=AXIS_GAP,
        axis_y=axis_y,
        tick_label_y=axis_y + TICK_LABEL_DROP,
    )


def truncated(text: str, limit: int) -> str:
    """`text` cut to `limit` characters with an ellipsis, for a label in a drawing."""
    return text if len(text) <= limit else text[: limit - 1] + "…"
