"""The course completion rule's extension point.

`courses` counts lessons itself. Other apps add requirements (quizzes: "every required quiz is
passed") by registering a function in their AppConfig.ready(); courses never imports them.
A requirement returns (done, total) for an enrollment; the course is complete when every
part is done, and progress is the sum of all parts."""

from collections.abc import Callable
from dataclasses import dataclass

Requirement = Callable[..., tuple[int, int]]
_requirements: dict[str, Requirement] = {}
# Pages other than lessons that a learner completes (passed quizzes): they tick the outline
# and open the next module. Each registration gives two forms of the same fact:
# - finder(learner=..., course_ids=...) -> set of page ids;
# - subquery(learner=...) -> a boolean expression on OuterRef("pk") of a Page queryset, so
#   that the outline reads it in its own query.


@dataclass(frozen=True)
class CompletedPages:
    finder: Callable[..., set[int]]
    subquery: Callable[..., object]


_completed_pages: dict[str, CompletedPages] = {}


def completed_pages_register(name: str, *, finder, subquery) -> None:
    _completed_pages[name] = CompletedPages(finder=finder, subquery=subquery)


def completed_pages_extra(*, learner, course_ids: list[int]) -> set[int]:
    pages: set[int] = set()
    for registration in _completed_pages.values():
        pages |= registration.finder(learner=learner, course_ids=course_ids)
    return pages


def completed_pages_subqueries(*, learner) -> list:
    return [registration.subquery(learner=learner) for registration in _completed_pages.values()]


def requirement_register(name: str, requirement: Requirement) -> None:
    """`requirement(enrollment=..., outline=...)` returns (done, total)."""
    _requirements[name] = requirement


def requirement_unregister(name: str) -> None:
    _requirements.pop(name, None)


@dataclass(frozen=True)
class Progress:
    done: int
    total: int

    @property
    def percent(self) -> int:
        return 100 if self.total == 0 else min(100, (100 * self.done) // self.total)

    @property
    def complete(self) -> bool:
        return self.total > 0 and self.done >= self.total


def progress_compute(*, enrollment, outline, completed_lesson_ids: set[int]) -> Progress:
    lesson_ids = outline.lesson_ids
    done = len(lesson_ids & completed_lesson_ids)
    total = len(lesson_ids)
    if enrollment.course.completion_rule == "all_requirements":
        for requirement in _requirements.values():
            extra_done, extra_total = requirement(enrollment=enrollment, outline=outline)
            done += extra_done
            total += extra_total
    return Progress(done=done, total=total)


# The score a completed course shows on its completion page: the grade of the course's final
# evaluation, which `quizzes` knows (courses does not). A provider takes (enrollment=...,
# outline=...) and returns a FinalScore or None; the first provider to answer wins.


@dataclass(frozen=True)
class FinalScore:
    percent: object  # a Decimal
    title: str  # what was graded, e.g. the final quiz's title
    url: str  # where the learner reviews it


_final_score_providers: dict[str, Callable[..., FinalScore | None]] = {}


def final_score_register(name: str, provider: Callable[..., FinalScore | None]) -> None:
    _final_score_providers[name] = provider


def final_score_compute(*, enrollment, outline) -> FinalScore | None:
    for provider in _final_score_providers.values():
        score = provider(enrollment=enrollment, outline=outline)
        if score is not None:
            return score
    return None
