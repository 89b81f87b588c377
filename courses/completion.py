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
# and open the next module. A registration gives subquery(learner=...), a boolean
# expression on OuterRef("pk") of a Page queryset, so that the outline reads it in its own
# query (courses.selectors.outlines_build).
_completed_pages: dict[str, Callable[..., object]] = {}


# The models whose rows make a learner's progress (each with a `learner` key): a row saved
# or deleted gives the learner's outline a new version (courses/caching.py).
_progress_models: list = []


def completed_pages_register(name: str, *, subquery, source) -> None:
    """`source`: the model whose rows the subquery reads (QuizGrade), with a `learner` key."""
    _completed_pages[name] = subquery
    if source not in _progress_models:
        _progress_models.append(source)


def progress_models() -> tuple:
    """The registered models of `completed_pages_register`, besides the courses' own
    (LessonCompletion, Enrollment)."""
    return tuple(_progress_models)


def completed_pages_subqueries(*, learner) -> list:
    return [subquery(learner=learner) for subquery in _completed_pages.values()]


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


def progress_compute(*, enrollment, outline) -> Progress:
    """Progress of `enrollment` from its learner's outline (courses.selectors.outline_for):
    the published lessons it ticks, then the registered requirements."""
    lessons = [item for item in outline.items if item.kind == "lessonpage"]
    done = sum(1 for item in lessons if item.completed)
    total = len(lessons)
    if enrollment.course.completion_rule == "all_requirements":
        for requirement in _requirements.values():
            extra_done, extra_total = requirement(enrollment=enrollment, outline=outline)
            done += extra_done
            total += extra_total
    return Progress(done=done, total=total)
