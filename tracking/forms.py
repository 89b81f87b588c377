import re

from django import forms
from django.http import Http404, QueryDict
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _

from accounts.selectors import learner_list_in_scope, unit_list_in_scope
from courses.models import CoursePage, Enrollment

from .selectors import SORTS, STATUS_OVERDUE, Filters

STATUS_CHOICES = [
    ("", _("Tous les statuts")),
    *Enrollment.Status.choices,
    (STATUS_OVERDUE, _("En retard")),
]
SORT_CHOICES = [
    ("-activity", _("Activité la plus récente")),
    ("activity", _("Activité la plus ancienne")),
    ("-progress", _("Progression décroissante")),
    ("progress", _("Progression croissante")),
    ("name", _("Nom")),
]
assert {key for key, _label in SORT_CHOICES} == set(SORTS)


def _unit_choices(user, labels: dict[int, str]) -> list[tuple[int, str]]:
    ids = unit_list_in_scope(user=user).values_list("pk", flat=True)
    return sorted(((pk, labels[pk]) for pk in ids), key=lambda choice: choice[1])


def _course_choices() -> list[tuple[int, str]]:
    return list(CoursePage.objects.live().order_by("title").values_list("pk", "title"))


class DashboardFilterForm(forms.Form):
    """The dashboard's filters, read from the query string. Each field is optional; the unit
    is checked against the supervisor's scope by the view (out of scope answers 404)."""

    unit = forms.TypedChoiceField(label=_("Unité"), required=False, coerce=int, empty_value=None)
    course = forms.TypedChoiceField(
        label=_("Formation"), required=False, coerce=int, empty_value=None
    )
    status = forms.ChoiceField(label=_("Statut"), required=False, choices=STATUS_CHOICES)
    due_from = forms.DateField(
        label=_("Échéance à partir du"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    due_to = forms.DateField(
        label=_("Échéance jusqu’au"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    q = forms.CharField(
        label=_("Nom ou matricule"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    sort = forms.ChoiceField(label=_("Trier par"), required=False, choices=SORT_CHOICES)

    def __init__(self, *args, user, labels: dict[int, str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].choices = [("", _("Toutes mes unités")), *_unit_choices(user, labels)]
        courses = _course_choices()
        self.fields["course"].choices = [("", _("Toutes les formations")), *courses]
        # Course id → title, in title order: the dashboard's course table reuses them.
        self.course_titles = dict(courses)

    def clean(self):
        data = super().clean()
        if data.get("due_from") and data.get("due_to") and data["due_from"] > data["due_to"]:
            raise forms.ValidationError(
                _("La date de début de l’échéance doit précéder la date de fin.")
            )
        return data


ASCII_ID = re.compile(r"[0-9]{1,18}")  # fits PostgreSQL's bigint


def dashboard_filters(
    *, user, query: QueryDict, labels: dict[int, str]
) -> tuple[DashboardFilterForm, Filters]:
    """The dashboard's filters from a query string, for the page and for its exports (which
    run later, in a task, with the query saved). A unit out of the user's scope raises Http404,
    as for any other object out of scope."""
    form = DashboardFilterForm(query or None, user=user, labels=labels)
    raw_unit = query.get("unit", "")
    # A unit the user may not see is a 404, as for any other object out of scope, and so is
    # one that cannot be an id. ASCII digits only: str.isdigit() also accepts "²" or "⑤",
    # which int() refuses.
    unit = None
    if raw_unit:
        if not ASCII_ID.fullmatch(raw_unit):
            raise Http404
        unit = get_object_or_404(unit_list_in_scope(user=user), pk=int(raw_unit))
    if not form.is_bound or not form.is_valid():
        data = {}
        if form.is_bound:  # keep the valid filters, show the errors for the others
            data = {k: v for k, v in form.cleaned_data.items() if k not in form.errors}
    else:
        data = form.cleaned_data
    course = CoursePage.objects.get(pk=data["course"]) if data.get("course") else None
    return form, Filters(
        unit=unit,
        course=course,
        status=data.get("status") or "",
        due_from=data.get("due_from"),
        due_to=data.get("due_to"),
        q=(data.get("q") or "").strip(),
        sort=data.get("sort") or "-activity",
    )


class AssignmentForm(forms.Form):
    """Assign a course to a unit (and every unit below it) or to learners by matricule."""

    TARGET_UNIT = "unit"
    TARGET_LEARNERS = "learners"

    course = forms.TypedChoiceField(label=_("Formation"), coerce=int)
    target = forms.ChoiceField(
        label=_("Affecter à"),
        choices=[
            (TARGET_UNIT, _("Une unité et toutes les unités qui en dépendent")),
            (TARGET_LEARNERS, _("Des apprenants choisis")),
        ],
        initial=TARGET_UNIT,
        widget=forms.RadioSelect,
    )
    unit = forms.TypedChoiceField(label=_("Unité"), required=False, coerce=int, empty_value=None)
    matricules = forms.CharField(
        label=_("Matricules"),
        required=False,
        max_length=20000,
        help_text=_("Un matricule par ligne, ou séparés par des virgules."),
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    due_date = forms.DateField(label=_("Échéance"), widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, user, labels: dict[int, str], **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["unit"].choices = [("", "—"), *_unit_choices(user, labels)]
        self.fields["course"].choices = [("", "—"), *_course_choices()]

    def clean(self):
        data = super().clean()
        target = data.get("target")
        data["learners"] = []
        if target == self.TARGET_UNIT:
            if not data.get("unit"):
                self.add_error("unit", _("Choisissez l’unité."))
        elif target == self.TARGET_LEARNERS:
            wanted = {m.upper() for m in re.split(r"[\s,;]+", data.get("matricules", "")) if m}
            if not wanted:
                self.add_error("matricules", _("Indiquez au moins un matricule."))
                return data
            found = list(learner_list_in_scope(user=self.user).filter(matricule__in=wanted))
            # One message for unknown and out-of-scope: it says nothing about other units.
            missing = sorted(wanted - {u.matricule for u in found})
            if missing:
                self.add_error(
                    "matricules",
                    _("Matricules inconnus ou hors de votre périmètre : %(list)s")
                    % {"list": ", ".join(missing)},
                )
            data["learners"] = found
            data["unit"] = None
        return data
