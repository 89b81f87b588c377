"""Geometry of the report's two SVG charts, drawn by the template without JavaScript; each
has the figures in a table next to it, its text equivalent."""

from dataclasses import dataclass

LABEL_WIDTH = 140  # the names' column
PLOT_WIDTH = 250  # 0 to 100 %
ROW = 24
TOP = 8


@dataclass(frozen=True)
class DotRow:
    label: str
    pre: float
    post: float
    y: float
    x_pre: float
    x_post: float
    improved: bool


@dataclass(frozen=True)
class DotPlot:
    width: int
    height: int
    plot_x: int
    plot_width: int
    rows: list[DotRow]
    ticks: list[tuple[int, float]]  # (percent, x)
    axis_y: float


def _x(percent: float) -> float:
    return LABEL_WIDTH + PLOT_WIDTH * max(0.0, min(100.0, percent)) / 100


def paired_dots(rows) -> DotPlot:
    """One line per participant with both tests: a hollow dot for the pre-test, a full one
    for the post-test, joined by a segment."""
    return paired_dots_of(
        [(row.participant.learner.full_name, row.pre.percent, row.post.percent) for row in rows]
    )


def paired_dots_of(items: list[tuple[str, float, float]]) -> DotPlot:
    """The same plot for any (label, before %, after %): the funders' report draws one line
    per workshop, its mean scores."""
    result = []
    for index, (name, pre, post) in enumerate(items):
        label = name if len(name) <= 17 else name[:16] + "…"
        result.append(
            DotRow(
                label=label,
                pre=pre,
                post=post,
                y=TOP + index * ROW + ROW / 2,
                x_pre=_x(pre),
                x_post=_x(post),
                improved=post > pre,
            )
        )
    axis_y = TOP + len(result) * ROW + 4
    return DotPlot(
        width=LABEL_WIDTH + PLOT_WIDTH + 16,
        height=int(axis_y + 22),
        plot_x=LABEL_WIDTH,
        plot_width=PLOT_WIDTH,
        rows=result,
        ticks=[(p, _x(p)) for p in (0, 25, 50, 75, 100)],
        axis_y=axis_y,
    )


BAR_WIDTH = 300
Q_ROW = 64


@dataclass(frozen=True)
class QuestionBar:
    label: str
    before: float | None
    after: float | None
    label_y: float
    before_y: float
    after_y: float
    before_width: float
    after_width: float


@dataclass(frozen=True)
class BarChart:
    width: int
    bar_width: int
    height: int
    bars: list[QuestionBar]


def question_bars(questions) -> BarChart:
    """Per question, its name above two bars: facility before (muted) and after (brand)."""
    bars = []
    for index, question in enumerate(questions):
        top = index * Q_ROW
        name = question.name if len(question.name) <= 44 else question.name[:43] + "…"
        bars.append(
            QuestionBar(
                label=name,
                before=question.before,
                after=question.after,
                label_y=top + 14,
                before_y=top + 22,
                after_y=top + 40,
                before_width=BAR_WIDTH * (question.before or 0) / 100,
                after_width=BAR_WIDTH * (question.after or 0) / 100,
            )
        )
    return BarChart(
        width=BAR_WIDTH + 70, bar_width=BAR_WIDTH, height=max(Q_ROW, len(bars) * Q_ROW), bars=bars
    )
