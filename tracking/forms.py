import re

from django import forms
from django.db.models import Q
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


PICKER_LIMIT = 100


class AssignmentForm(forms.Form):
    """Assign a course to a unit (and every unit below it) or to learners picked in a list.

    The list holds the learners of the supervisor's scope that match `learner_search` (name or
    matricule, searched by the « Rechercher » button, which posts the form without saving it),
    at most PICKER_LIMIT of them, plus those already picked. Whatever the list shows, the
    field accepts only learners of the scope: any other id is refused as an invalid choice."""

    TARGET_UNIT = "unit"
    TARGET_LEARNERS = "learners"
    PICKER_LIMIT = PICKER_LIMIT

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
    learner_search = forms.CharField(
        label=_("Rechercher des apprenants"),
        required=False,
        max_length=100,
        help_text=_("Nom ou matricule, puis « Rechercher »."),
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    learners = forms.ModelMultipleChoiceField(
        label=_("Apprenants"),
        required=False,
        queryset=None,
        help_text=_(
            "Sur ordinateur, maintenez Ctrl (ou ⌘) pour en choisir plusieurs. "
            "Les apprenants choisis restent cochés après une nouvelle recherche."
        ),
        widget=forms.SelectMultiple(attrs={"size": 10}),
    )
    due_date = forms.DateField(label=_("Échéance"), widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, user, labels: dict[int, str], **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["unit"].choices = [("", "—"), *_unit_choices(user, labels)]
        self.fields["course"].choices = [("", "—"), *_course_choices()]
        scope = learner_list_in_scope(user=user).order_by("full_name", "matricule")
        self.fields["learners"].queryset = scope
        self._picker_build(scope)

    def _raw(self, name: str, many: bool = False):
        source = self.data if self.is_bound else self.initial
        if many:
            values = source.getlist(name) if hasattr(source, "getlist") else source.get(name)
            return [v for v in (values or []) if isinstance(v, str) and ASCII_ID.fullmatch(v)]
        value = source.get(name, "")
        return value.strip()[:100] if isinstance(value, str) else ""

    def _picker_build(self, scope) -> None:
        """The list's options: the matches of the search and the learners already picked,
        all taken from the scope, so that nobody outside it is ever named in the page."""
        search = self._raw("learner_search")
        matches = scope
        if search:
            matches = scope.filter(Q(full_name__icontains=search) | Q(matricule__icontains=search))
        self.picker_total = matches.count()
        shown = list(matches[:PICKER_LIMIT])
        picked = list(map(int, self._raw("learners", many=True)))
        missing = set(picked) - {u.pk for u in shown}
        if missing:
            shown = sorted(
                [*shown, *scope.filter(pk__in=missing)], key=lambda u: (u.full_name, u.matricule)
            )
        self.picker_limited = self.picker_total > PICKER_LIMIT
        self.fields["learners"].widget.choices = [
            (
                learner.pk,
                f"{learner.full_name} ({learner.matricule})"
                if learner.full_name
                else learner.matricule,
            )
            for learner in shown
        ]

    def clean(self):
        data = super().clean()
        target = data.get("target")
        if target == self.TARGET_UNIT:
            data["learners"] = []
            if not data.get("unit"):
                self.add_error("unit", _("Choisissez l’unité."))
        elif target == self.TARGET_LEARNERS:
            data["unit"] = None
            if not data.get("learners") and "learners" not in self.errors:
                self.add_error("learners", _("Choisissez au moins un apprenant."))
            data["learners"] = list(data.get("learners") or [])
        return data
