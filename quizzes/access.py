"""Who may take a quiz outside its course's order: the extension point.

In a sequential course, a quiz of a later module is locked until the modules before it are
complete (courses.selectors.outline_for). Another app may open a quiz to a learner for a
reason of its own: the workshops open their pre-test and post-test to their participants on
the workshop's days, whatever their progress in the course. `quizzes` knows no workshop: such
an app registers a provider in its AppConfig.ready(); a provider answers True when it opens
the quiz to the learner now. Only the order is lifted: enrollment, dates, the number of
attempts and the delay between them still hold."""

from collections.abc import Callable

_providers: dict[str, Callable[..., bool]] = {}


def unlock_provider_register(name: str, provider: Callable[..., bool]) -> None:
    """`provider(*, learner, quiz, today)` -> bool. Registered once per name."""
    _providers[name] = provider


def unlocked_for(*, learner, quiz, today) -> bool:
    """Whether a registered provider opens `quiz` to `learner` on `today`, outside the
    course's order."""
    return any(
        provider(learner=learner, quiz=quiz, today=today) for provider in _providers.values()
    )
