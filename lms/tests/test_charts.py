from lms import charts


def test_columns_name_at_most_six_weeks_always_the_last_and_keep_labels_inside():
    chart = charts.columns([(f"s{i}", i % 4) for i in range(12)])
    ticks = [column for column in chart.columns if column.tick]
    assert [t.label for t in ticks] == ["s1", "s3", "s5", "s7", "s9", "s11"]
    assert ticks[-1].anchor == "end" and ticks[-1].label_x == 100
    assert chart.columns[0].anchor == "start" and chart.columns[0].label_x == 0
    assert all(c.x >= 0 and c.x + c.width <= 100 for c in chart.columns)
    assert max(c.height for c in chart.columns) == chart.height - charts.COLUMN_HEADROOM


def test_few_columns_are_all_named_and_none_is_empty():
    assert [c.tick for c in charts.columns([("a", 1), ("b", 0), ("c", 2)]).columns] == [True] * 3
    assert charts.columns([]).columns == []


def test_columns_place_figures_and_labels_inside_the_drawing():
    """What the templates once added themselves: the figure above each column, the labels'
    band under the axis, the drawing's height with it."""
    chart = charts.columns([("a", 4), ("b", 0), ("c", 2)], height=100)
    tallest = chart.columns[0]
    assert tallest.y == charts.COLUMN_HEADROOM and tallest.note_y == tallest.y - 3 > 0
    assert chart.columns[1].height == 0 and chart.columns[1].y == chart.baseline == 100
    assert chart.baseline < chart.tick_y < chart.svg_height == 122
    assert charts.columns([("a", 1)] * 10, ticks_max=10).columns[0].tick


def test_bars_stack_each_rows_bars_under_its_label_and_clamp_the_percentages():
    chart = charts.bars(
        [("Gao", [(50, "50 %", "")]), ("Mopti", [(140, "140 %", ""), (None, "—", "before")])],
        track_width=200,
        note_width=60,
    )
    assert chart.width == 260 and chart.track_width == 200
    first, second = chart.rows
    # Every row is as tall as the tallest (two bars), so the rows line up.
    assert second.label_y - first.label_y == chart.height / 2
    assert first.label_y < first.bars[0].y
    full, empty = second.bars
    assert full.width == 200 and empty.width == 0 and empty.note == "—"
    assert empty.y == full.y + full.height + charts.BAR_GAP
    assert full.note_x == 206 and full.note_y == full.y + charts.NOTE_BASELINE
    assert chart.height >= empty.y + empty.height


def test_bars_without_rows_still_have_a_size():
    chart = charts.bars([])
    assert chart.rows == [] and chart.height > 0


def test_paired_dots_put_each_row_on_the_axis_from_0_to_100():
    plot = charts.paired_dots([("Awa", 40, 80), ("Moussa", 90, 70)])
    awa, moussa = plot.rows
    assert awa.x_before == charts.DOT_LABEL_WIDTH + charts.DOT_PLOT_WIDTH * 0.4
    assert awa.improved and not moussa.improved
    assert [t.label for t in plot.ticks] == [0, 25, 50, 75, 100]
    assert plot.ticks[-1].x == charts.DOT_LABEL_WIDTH + charts.DOT_PLOT_WIDTH
    assert moussa.y < plot.axis_y < plot.tick_label_y < plot.height
    assert awa.label_y == awa.y + charts.DOT_LABEL_DROP


def test_truncated_labels_keep_their_limit():
    assert charts.truncated("Brigade de Gao", 20) == "Brigade de Gao"
    assert charts.truncated("Brigade territoriale de Sévaré", 10) == "Brigade t…"
