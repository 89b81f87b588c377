import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm

from .snapshots import (
    CHOICE_TYPES,
    ESSAY_TYPES,
    PAIR_ANSWER_TYPES,
    PAIR_TYPES,
    TOLERANCE_TYPES,
    QuestionStructureError,
    structure_check,
)


class QuestionForm(WagtailAdminModelForm):
    """Checks that the answers make a gradable question of the chosen type."""

    def clean(self):
        cleaned = super().clean()
        question_type = cleaned.get("question_type")
        if not question_type:
            return cleaned

        # What the type does not use is dropped here, not refused: the form hides those inputs
        # when the type changes, so a value left in them must not block the save, and it must
        # not be stored either (a later change of type would bring it back to life).
        def kept(name, used: bool):
            formset = self.formsets.get(name)
            if formset is None:
                return []
            forms = []
            for form in formset.forms:
                if not form.is_valid() or not form.cleaned_data:
                    continue
                if not used:
                    form.cleaned_data["DELETE"] = True
                if not form.cleaned_data.get("DELETE"):
                    forms.append(form)
            return forms

        def blank(form, field, value):
            form.cleaned_data[field] = value
            setattr(form.instance, field, value)  # the instance was built before this clean

        if question_type not in ESSAY_TYPES:
            for field in ("response_template", "grader_info"):
                if field in cleaned:
                    cleaned[field] = ""
        choice_forms = kept("choices", question_type in CHOICE_TYPES)
        pair_forms = kept("pairs", question_type in PAIR_TYPES)
        for form in choice_forms:
            if question_type not in TOLERANCE_TYPES:
                blank(form, "tolerance", None)
        for form in pair_forms:
            if question_type not in PAIR_ANSWER_TYPES:
                blank(form, "answer", "")
        choices = [
            {
                f: form.cleaned_data.get(f)
                for f in ("text", "fraction_percent", "tolerance", "feedback")
            }
            for form in choice_forms
        ]
        pairs = [{f: form.cleaned_data.get(f) for f in ("prompt", "answer")} for form in pair_forms]
        for pair in pairs:
            pair["answer"] = pair["answer"] or ""
        try:
            structure_check(question_type, choices, pairs)
        except QuestionStructureError as error:
            raise ValidationError(str(error)) from error
        return cleaned


def review_leak_message(early: set[str], repeated: list[dict]) -> str:
    """The editor's explanation of a review policy that lets answers be harvested
    (`repeated` as quizzes.selectors.repeated_slots gives it)."""
    from .models import REVIEW_PARTS

    parts = " ; ".join(str(label) for key, label in REVIEW_PARTS if key in early)
    items = []
    for slot in repeated[:5]:
        if "question" in slot:
            items.append(gettext("la question « %(name)s »") % {"name": slot["question"]})
        else:
            items.append(
                ngettext(
                    "la catégorie « %(name)s » : %(pool)d question pour un tirage de %(draw)d",
                    "la catégorie « %(name)s » : %(pool)d questions pour un tirage de %(draw)d",
                    slot["pool"],
                )
                % {"name": slot["category"], "pool": slot["pool"], "draw": slot["draw"]}
            )
    return gettext(
        "La relecture montre %(parts)s alors qu’il reste des tentatives, et des questions "
        "reviennent à chaque tentative (%(items)s) : on peut relever les bonnes réponses lors "
        "d’une tentative, même blanche, et obtenir 100 %% à la suivante. Réservez ces "
        "éléments à « relecture après la dernière tentative » ou « relecture après "
        "fermeture », ou tirez les questions d’une catégorie plus grande que le tirage."
    ) % {"parts": parts, "items": " ; ".join(items)}


class QuizPageForm(WagtailAdminPageForm):
    """Checks that the review policy does not hand out the answers of questions that come back
    at the next attempt: refused for a certifying quiz, a warning otherwise
    (quizzes.models.ANSWER_PARTS)."""

    review_warning = ""

    def clean(self):
        from . import selectors
        from .models import REVIEW_PARTS, QuizPage, QuizSlot

        cleaned = super().clean()
        if cleaned.get("offline_late_hours") and cleaned.get("required"):
            self.add_error(
                "offline_late_hours",
                gettext(
                    "Refusé pour un quiz obligatoire, qui compte pour l’attestation : ses "
                    "réponses arrivent avant l’échéance ou ne comptent pas. Mettez 0, ou "
                    "décochez « obligatoire »."
                ),
            )
        known = {key for key, _label in REVIEW_PARTS}
        for field in ("review_after", "review_open", "review_final", "review_closed"):
            value = cleaned.get(field)
            if value is not None and (
                not isinstance(value, list) or not set(map(str, value)) <= known
            ):
                self.add_error(field, gettext("Choisissez parmi les éléments proposés."))
        formset = self.formsets.get("slots")
        if formset is None or not formset.is_valid():
            return cleaned
        slots = [
            QuizSlot(
                question=form.cleaned_data.get("question"),
                category=form.cleaned_data.get("category"),
                random_count=form.cleaned_data.get("random_count") or 0,
                include_subcategories=bool(form.cleaned_data.get("include_subcategories")),
            )
            for form in formset.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]
        policy = QuizPage(
            review_after=cleaned.get("review_after") or [],
            review_open=cleaned.get("review_open") or [],
            attempts_allowed=cleaned.get("attempts_allowed"),
        )
        if policy.attempts_allowed is None:
            return cleaned
        early, repeated = selectors.review_leak(quiz=policy, slots=slots)
        if not early:
            return cleaned
        message = review_leak_message(early, repeated)
        if cleaned.get("required"):
            error = gettext(
                "Refusé pour un quiz obligatoire, qui compte pour terminer la formation et "
                "pour l’attestation. %(message)s"
            ) % {"message": message}
            for field in ("review_after", "review_open"):
                if early & set(cleaned.get(field) or []):
                    self.add_error(field, error)
        else:
            self.review_warning = message
        return cleaned


GRADER_FEEDBACK_MAX_LENGTH = 5000
_SCORE = re.compile(r"[0-9]{1,6}(?:[.,][0-9]{1,4})?")


class EssayGradeForm(forms.Form):
    """A person's grade for one essay: points from 0 to the question's, and plain-text
    feedback that the learner reads in the review once the attempt is final."""

    score = forms.CharField(
        label=_("Note"),
        max_length=12,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
    )
    feedback = forms.CharField(
        label=_("Commentaire (montré avec la note)"),
        required=False,
        max_length=GRADER_FEEDBACK_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
    )

    def __init__(self, *args, max_score: float, **kwargs):
        super().__init__(*args, **kwargs)
        self.max_score = max_score
        label = f"{max_score:g}".replace(".", ",")
        self.fields["score"].help_text = gettext("Entre 0 et %(max)s points, par exemple 2,5.") % {
            "max": label
        }

    def clean_score(self) -> float:
        text = self.cleaned_data["score"].strip().replace("\u202f", "").replace(" ", "")
        negative = text.startswith("-") and _SCORE.fullmatch(text[1:])
        if not _SCORE.fullmatch(text) and not negative:
            raise ValidationError(gettext("Saisissez un nombre, par exemple 3 ou 3,5."))
        value = float(text.replace(",", "."))
        if negative or value > self.max_score:
            raise ValidationError(
                gettext("La note doit être comprise entre 0 et %(max)s.")
                % {"max": f"{self.max_score:g}".replace(".", ",")}
            )
        return value

    def clean_feedback(self) -> str:
        text = self.cleaned_data["feedback"].strip()
        # PostgreSQL stores no NUL character; lone surrogates cannot be encoded.
        if "\x00" in text or _has_surrogates(text):
            raise ValidationError(gettext("Le commentaire contient un caractère non valide."))
        return text


def _has_surrogates(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False
