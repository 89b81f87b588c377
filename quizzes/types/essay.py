"""The essay: a free text graded by a person (quizzes.services.essay_grade)."""

from .base import (
    NEEDS_GRADING,
    Grade,
    QuestionType,
    Response,
    Snapshot,
    clean_text,
    is_blank,
    max_score_of,
    register,
)

ESSAY_MAX_LENGTH = 10_000


@register
class EssayType(QuestionType):
    """``{"response_template": str, "grader_info": str}``: ``grader_info`` is the graders'
    rubric and never reaches the learner (quizzes.selectors copies the fields a learner may
    see one by one, and never this one).

    Response ``{"text": "…"}``, stripped, 1 to ``ESSAY_MAX_LENGTH`` characters; the response
    template left as it was (whitespace aside) is no answer. `grade` does not decide: an
    answered essay gets the state ``"needs_grading"`` with 0 points until a person grades it
    (quizzes.grading.manual_grade); an unanswered essay scores 0 (``"unanswered"``), as in
    Moodle. No right answer."""

    kind = "essay"
    template = "quizzes/types/essay.html"
    uses_essay_fields = True
    graded_by_person = True

    def freeze(self, question, choices, pairs) -> Snapshot:
        return {
            "response_template": question.response_template,
            "grader_info": question.grader_info,
        }

    def clean(self, snapshot, raw) -> Response | None:
        value = raw.get("text")
        text = None if is_blank(value) else clean_text(value, ESSAY_MAX_LENGTH)
        if text is None:
            return None
        template = snapshot.get("response_template") or ""
        if template and " ".join(text.split()) == " ".join(template.split()):
            return None  # the template as given is no answer
        return {"text": text}

    def grade(self, snapshot, response) -> Grade:
        max_score = max_score_of(snapshot)
        response = self.response_clean(snapshot, response)
        state = "unanswered" if response is None else NEEDS_GRADING
        return Grade(0.0, max_score, 0.0, state, [])

    def answer_text(self, snapshot, response) -> str:
        return response["text"]

    def from_post(self, post, field, snapshot, order) -> object:
        return {"text": post.get(field, "")}

    def to_post(self, field, response, order) -> dict:
        return {field: response["text"]}

    def view(self, snapshot, response, order, posted, field) -> dict:
        if posted is not None:
            value = posted.get(field, "").replace("\x00", "")
        else:
            value = response.get("text", snapshot.get("response_template", ""))
        return {"max_length": ESSAY_MAX_LENGTH, "value": value}
