from django.core.exceptions import ValidationError
from wagtail.admin.forms import WagtailAdminModelForm

from .snapshots import QuestionStructureError, structure_check


class QuestionForm(WagtailAdminModelForm):
    """Checks that the answers make a gradable question of the chosen type."""

    def clean(self):
        cleaned = super().clean()
        question_type = cleaned.get("question_type")
        if not question_type:
            return cleaned

        def rows(name, fields):
            formset = self.formsets.get(name)
            if formset is None:
                return []
            return [
                {field: form.cleaned_data.get(field) for field in fields}
                for form in formset.forms
                if form.is_valid() and form.cleaned_data and not form.cleaned_data.get("DELETE")
            ]

        choices = rows("choices", ("text", "fraction_percent", "tolerance", "feedback"))
        pairs = rows("pairs", ("prompt", "answer"))
        for pair in pairs:
            pair["answer"] = pair["answer"] or ""
        try:
            structure_check(question_type, choices, pairs)
        except QuestionStructureError as error:
            raise ValidationError(str(error)) from error
        return cleaned
