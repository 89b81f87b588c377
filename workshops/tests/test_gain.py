"""The gain figures against an example computed by hand."""

import pytest

from workshops.gain import facility_compare, gain_compute


def test_a_hand_computed_class():
    # Four participants with both tests:
    #   pre  40, 50, 60, 70 → mean 220 / 4 = 55
    #   post 70, 50, 90, 65 → mean 275 / 4 = 68.75
    #   mean gain 68.75 - 55 = 13.75 points
    #   Hake's class-average g = 13.75 / (100 - 55) = 13.75 / 45 = 0.30555…
    #   improved: 40→70 and 60→90 (50→50 equal, 70→65 lower) = 2
    gain = gain_compute([(40, 70), (50, 50), (60, 90), (70, 65)])
    assert gain.count == 4
    assert gain.mean_pre == 55
    assert gain.mean_post == 68.75
    assert gain.mean_gain == 13.75
    assert gain.hake_g == pytest.approx(0.305556, abs=1e-6)
    assert gain.improved == 2


def test_class_average_g_is_not_the_mean_of_individual_gains():
    # Individual g: (60-50)/50 = 0.2 and (100-90)/10 = 1.0, mean 0.6; the class-average g
    # is (80 - 70) / (100 - 70) = 1/3: the page states the latter.
    assert gain_compute([(50, 60), (90, 100)]).hake_g == pytest.approx(1 / 3)


def test_no_pair_and_a_perfect_pre_test():
    empty = gain_compute([])
    assert (empty.count, empty.mean_pre, empty.hake_g, empty.improved) == (0, None, None, 0)
    perfect = gain_compute([(100, 100), (100, 90)])
    assert perfect.hake_g is None  # nothing left to gain: undefined, not a division by zero
    assert perfect.mean_gain == -5


def test_facility_before_and_after_per_question():
    rows = facility_compare(
        before={1: [0, 1, 0, 0], 2: [1, 1]},
        after={1: [1, 1, 1, 0], 3: [0.5]},
        names={1: "Garde à vue", 2: "Torture", 3: "Confiance"},
    )
    first, second, third = rows
    assert (first.before, first.after, first.change) == (25, 75, 50)
    assert (first.answered_before, first.answered_after) == (4, 4)
    assert (second.before, second.after, second.change) == (100, None, None)
    assert (third.before, third.after) == (None, 50)
