"""The funders' report's SVG charts, drawn by templates without JavaScript, each with its
figures in a table beside it: the gain of each workshop (lms/charts.py's paired dots, as the
report page's plot with one line per workshop) and the people trained by corps and by region
(horizontal bars, their labels above them so that long unit names fit on phones)."""

from dataclasses import dataclass

from django.utils import formats

from lms import charts

BAR_WIDTH = 300
ROW = 40


@dataclass(frozen=True)
class ShareBar:
    label: str
    note: str
    label_y: float
    y: float
    width: float


@dataclass(frozen=True)
class ShareChart:
    width: int
    bar_width: int
    height: int
    bars: list[ShareBar]


def share_bars(shares) -> ShareChart:
    """One bar per reports.Share: its length is the share of the people trained."""
    bars = []
    for index, share in enumerate(shares):
        label = share.label if len(share.label) <= 48 else share.label[:47] + "…"
        bars.append(
            ShareBar(
                label=label,
                note=f"{share.count} ({formats.number_format(share.percent, 0)} %)",
                label_y=index * ROW + 14,
                y=index * ROW + 20,
                width=BAR_WIDTH * max(0.0, min(100.0, share.percent)) / 100,
            )
        )
    return ShareChart(
        width=BAR_WIDTH + 80, bar_width=BAR_WIDTH, height=max(ROW, len(bars) * ROW), bars=bars
    )


def workshop_label(workshop) -> str:
    """A workshop's short name in a chart: its region and first day (« Mopti, 08/11/2022 »)."""
    return f"{workshop.region}, {workshop.start_date:%d/%m/%Y}"


def workshop_gains(lines) -> charts.DotPlot:
    """Mean pre-test and post-test of each workshop with participations that took both."""
    return charts.paired_dots(
        [
            (
                charts.truncated(workshop_label(line.workshop), 17),
                line.gain.mean_pre,
                line.gain.mean_post,
            )
            for line in lines
            if line.gain.count
        ]
    )
