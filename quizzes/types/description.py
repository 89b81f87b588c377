"""The description: information shown in the attempt, never answered nor graded."""

from .base import INFO, Grade, QuestionType, register


@register
class DescriptionType(QuestionType):
    """No key of its own; ``max_score`` is frozen as 0 whatever the question's points say.
    Every response cleans to None; the grade is 0 of 0 points, state ``"info"``."""

    kind = "description"
    information = True

    def grade(self, snapshot, response) -> Grade:
        return Grade(0.0, 0.0, 0.0, INFO, [])
