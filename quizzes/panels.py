from django.utils.functional import cached_property
from wagtail.admin.panels import HelpPanel


class ReviewLeakPanel(HelpPanel):
    """Warns, in the quiz's review settings, when the policy lets learners harvest the answers
    of questions that come back (quizzes.models.ANSWER_PARTS)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("template", "quizzes/admin/review_leak_panel.html")
        super().__init__(**kwargs)

    class BoundPanel(HelpPanel.BoundPanel):
        @cached_property
        def message(self) -> str:
            from . import selectors
            from .forms import review_leak_message

            if self.form.is_bound:
                # The form's own check, on what was just posted; a refusal shows on the fields.
                return getattr(self.form, "review_warning", "")
            early, repeated = selectors.review_leak(
                quiz=self.instance, slots=list(self.instance.slots.all())
            )
            return review_leak_message(early, repeated) if early else ""

        def is_shown(self):
            return bool(self.message)
