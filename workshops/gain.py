"""Knowledge gain between a workshop's pre-test and post-test, as pure functions.

Only participants who took both tests count. Definitions:

- mean pre, mean post: arithmetic means of the percentages of those participants;
- mean gain: mean post - mean pre, in percentage points (equal to the mean of each
  participant's own gain);
- normalised gain g: Hake's class-average gain (R. R. Hake, « Interactive-engagement versus
  traditional methods », Am. J. Phys. 66, 64, 1998), computed on the class means:
  g = (mean post - mean pre) / (100 - mean pre), the share of the possible gain achieved.
  It is undefined when the mean pre-test score is already 100 %;
- improved: how many scored strictly higher on the post-test than on the pre-test;
- facility of a question: the mean score obtained on it as a % of its maximum (Moodle's
  facility index, quizzes/statistics.py), before and after."""

import statistics
from dataclasses import dataclass


@dataclass(frozen=True)
class Gain:
    count: int  # participants with both tests
    mean_pre: float | None
    mean_post: float | None
    mean_gain: float | None
    hake_g: float | None
    improved: int


def gain_compute(pairs: list[tuple[float, float]]) -> Gain:
    """`pairs`: one (pre %, post %) per participant who took both tests."""
    if not pairs:
        return Gain(0, None, None, None, None, 0)
    mean_pre = statistics.fmean(float(pre) for pre, _post in pairs)
    mean_post = statistics.fmean(float(post) for _pre, post in pairs)
    hake = None if mean_pre >= 100 else (mean_post - mean_pre) / (100 - mean_pre)
    return Gain(
        count=len(pairs),
        mean_pre=mean_pre,
        mean_post=mean_post,
        mean_gain=mean_post - mean_pre,
        hake_g=hake,
        improved=sum(1 for pre, post in pairs if post > pre),
    )


@dataclass(frozen=True)
class QuestionFacility:
    key: int | str
    name: str
    before: float | None  # % of the maximum, or None if nobody answered it before
    after: float | None
    answered_before: int
    answered_after: int

    @property
    def change(self) -> float | None:
        if self.before is None or self.after is None:
            return None
        return self.after - self.before


def facility_compare(
    before: dict[int | str, list[float]],
    after: dict[int | str, list[float]],
    names: dict[int | str, str],
) -> list[QuestionFacility]:
    """`before` and `after`: question key → the fractions (0 to 1) obtained on it in the
    pre-test and post-test attempts. One row per question, in the order of `names`."""
    rows = []
    for key, name in names.items():
        pre, post = before.get(key, []), after.get(key, [])
        rows.append(
            QuestionFacility(
                key=key,
                name=name,
                before=100 * statistics.fmean(pre) if pre else None,
                after=100 * statistics.fmean(post) if post else None,
                answered_before=len(pre),
                answered_after=len(post),
            )
        )
    return rows
