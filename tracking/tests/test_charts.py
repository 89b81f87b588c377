from tracking import charts


def test_columns_name_at_most_six_weeks_always_the_last_and_keep_labels_inside():
    chart = charts.columns([(f"s{i}", i % 4) for i in range(12)])
    ticks = [column for column in chart.columns if column.tick]
    assert [t.label for t in ticks] == ["s1", "s3", "s5", "s7", "s9", "s11"]
    assert ticks[-1].anchor == "end" and ticks[-1].label_x == 100
    assert chart.columns[0].anchor == "start" and chart.columns[0].label_x == 0
    assert all(c.x >= 0 and c.x + c.width <= 100 for c in chart.columns)
    assert max(c.height for c in chart.columns) == chart.height - 16


def test_few_columns_are_all_named_and_none_is_empty():
    assert [c.tick for c in charts.columns([("a", 1), ("b", 0), ("c", 2)]).columns] == [True] * 3
    assert charts.columns([]).columns == []
