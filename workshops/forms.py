"""Forms of the workshop pages. Bad input gets a French message naming the row or field."""

import csv
import io
import re
from dataclasses import dataclass
from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.utils.html import linebreaks
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.models import User, matricule_validator
from accounts.selectors import learner_list_in_scope
from courses.models import CoursePage
from quizzes import grading
from quizzes.models import QuizPage
from quizzes.selectors import item_view
from quizzes.services import tokens_translate
from quizzes.types import question_type

from .models import Attendance, Participant, Workshop
from .services import PaperEntry

MAX_CSV_BYTES = 200_000
MAX_CSV_ROWS = 1000
MAX_TRAINERS = 10


class AttendanceForm(forms.Form):
    """One radio group per participant, named p-<participant id>. A row left unmarked is
    not recorded."""

    def __init__(self, *args, rows, **kwargs):
        super().__init__(*args, **kwargs)
        self.rows = rows
        for row in rows:
            name = f"p-{row.participant.pk}"
            self.fields[name] = forms.ChoiceField(
                label=row.participant.learner.full_name,
                choices=Attendance.Status.choices,
                required=False,
                widget=forms.RadioSelect,
                initial=row.status or None,
            )
            row.field_name = name

    def marks(self) -> dict[int, str]:
        return {
            row.participant.pk: self.cleaned_data[row.field_name]
            for row in self.rows
            if self.cleaned_data.get(row.field_name)
        }


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ValidationError(
            _("Le fichier n’est pas en UTF-8 (octet invalide à la ligne %(line)d).")
            % {"line": line}
        ) from exc


def matricules_parse(data: bytes) -> tuple[list[tuple[int, str]], list[str]]:
    """(line number, matricule) for each row of a CSV whose first column is a matricule (a
    header « matricule » is allowed), and the errors, each naming its line."""
    if len(data) > MAX_CSV_BYTES:
        return [], [_("Le fichier dépasse 200 ko.")]
    try:
        text = _decode(data)
    except ValidationError as exc:
        return [], list(exc.messages)
    if "\x00" in text:
        return [], [_("Le fichier contient un caractère nul : ce n’est pas un fichier CSV.")]
    first = text.splitlines()[0] if text.strip() else ""
    delimiter = ";" if first.count(";") > first.count(",") else ","
    rows, errors, seen = [], [], {}
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        for record in reader:
            line = reader.line_num
            cell = (record[0] if record else "").strip()
            if not cell:
                continue
            if line == 1 and cell.lower() == "matricule":
                continue
            if len(rows) >= MAX_CSV_ROWS:
                errors.append(
                    _("Ligne %(line)d : plus de %(max)d lignes.")
                    % {"line": line, "max": MAX_CSV_ROWS}
                )
                break
            matricule = cell.upper()
            try:
                matricule_validator(matricule)
            except ValidationError:
                errors.append(
                    _("Ligne %(line)d : « %(value)s » n’est pas un matricule valide.")
                    % {"line": line, "value": cell[:40]}
                )
                continue
            if matricule in seen:
                errors.append(
                    _("Ligne %(line)d : matricule %(matricule)s déjà présent à la ligne %(first)d.")
                    % {"line": line, "matricule": matricule, "first": seen[matricule]}
                )
                continue
            seen[matricule] = line
            rows.append((line, matricule))
    except csv.Error as exc:
        errors.append(
            _("Ligne %(line)d illisible : %(error)s") % {"line": reader.line_num, "error": exc}
        )
    if not rows and not errors:
        errors.append(_("Le fichier ne contient aucun matricule."))
    return rows, errors


class ParticipantsAddForm(forms.Form):
    """Learners of the person's scope, picked in a list or given as a CSV of matricules, and
    how: registered directly, or invited (the person confirms or declines)."""

    REGISTER, INVITE = "inscrire", "inviter"

    mode = forms.ChoiceField(
        label=gettext_lazy("Inscrire ou inviter"),
        choices=[
            (REGISTER, gettext_lazy("Inscrire directement")),
            (INVITE, gettext_lazy("Inviter (la personne confirme elle-même)")),
        ],
        initial=REGISTER,
        widget=forms.RadioSelect,
        error_messages={
            "required": gettext_lazy("Choisissez d’inscrire directement ou d’inviter."),
            "invalid_choice": gettext_lazy("Choisissez d’inscrire directement ou d’inviter."),
        },
    )
    learners = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Choisir dans mes unités"),
        queryset=User.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    csv_file = forms.FileField(
        label=gettext_lazy("Ou un fichier CSV de matricules"),
        required=False,
        help_text=gettext_lazy(
            "Un matricule par ligne, en première colonne (en-tête « matricule » facultatif). "
            "Tout ou rien : une ligne fautive et rien n’est ajouté."
        ),
    )

    def __init__(self, *args, user, workshop, **kwargs):
        super().__init__(*args, **kwargs)
        self.scope = learner_list_in_scope(user=user)
        # Those who hold a place (registered or invited) are not offered again; someone who
        # declined may be invited again or registered.
        holding = Participant.objects.holding_place().filter(workshop=workshop)
        self.fields["learners"].queryset = (
            self.scope.exclude(pk__in=holding.values("learner_id"))
            .select_related("unit")
            .order_by("full_name", "matricule")
        )
        self.fields["learners"].label_from_instance = lambda u: (
            f"{u.full_name} · {u.matricule}" + (f" · {u.rank}" if u.rank else "")
        )

    def clean(self):
        data = super().clean()
        chosen = list(data.get("learners") or [])
        upload = data.get("csv_file")
        if upload:
            rows, errors = matricules_parse(upload.read(MAX_CSV_BYTES + 1))
            found = {u.matricule: u for u in self.scope.filter(matricule__in=[m for _l, m in rows])}
            for line, matricule in rows:
                if matricule not in found:
                    errors.append(
                        _("Ligne %(line)d : matricule %(matricule)s inconnu ou hors de vos unités.")
                        % {"line": line, "matricule": matricule}
                    )
                else:
                    chosen.append(found[matricule])
            if errors:
                raise ValidationError(errors)
        if not chosen:
            raise ValidationError(_("Choisissez au moins une personne ou joignez un fichier."))
        data["chosen"] = chosen
        return data

    @property
    def invite(self) -> bool:
        return self.cleaned_data.get("mode") == self.INVITE


class WorkshopForm(forms.ModelForm):
    """The supervisor's form: the workshop, its trainers by matricule; the sessions (a morning
    and an afternoon per day) are made from the dates."""

    programme_text = forms.CharField(
        label=gettext_lazy("Programme"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=gettext_lazy("Texte simple ; une ligne vide sépare deux paragraphes."),
    )
    trainer_matricules = forms.CharField(
        label=gettext_lazy("Formateurs (matricules)"),
        required=False,
        max_length=400,
        help_text=gettext_lazy("Séparés par des virgules, par exemple CNDH-FOR-01, CNDH-FOR-02."),
    )

    def clean_attendance_threshold(self):
        value = self.cleaned_data.get("attendance_threshold")
        if value is None:
            return Workshop._meta.get_field("attendance_threshold").default
        return value

    class Meta:
        model = Workshop
        fields = [
            "title",
            "place",
            "region",
            "start_date",
            "end_date",
            "funder",
            "capacity",
            "course",
            "pre_test",
            "post_test",
            "attendance_threshold",
        ]
        widgets = {
            "start_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "end_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Left empty: the model's default (80 %).
        self.fields["attendance_threshold"].required = False
        quizzes = QuizPage.objects.live().order_by("title")
        self.fields["pre_test"].queryset = quizzes
        self.fields["post_test"].queryset = quizzes
        self.fields["course"].queryset = CoursePage.objects.live().order_by("title")
        self.fields["course"].help_text = _(
            "La formation à suivre avant ou après l’atelier. L’ajout d’une personne à "
            "l’atelier vaut inscription à cette formation, comme aux formations qui "
            "contiennent le pré-test et le post-test."
        )

    def clean_trainer_matricules(self):
        raw = self.cleaned_data["trainer_matricules"]
        names = [m.strip().upper() for m in raw.replace(";", ",").split(",") if m.strip()]
        if len(names) > MAX_TRAINERS:
            raise ValidationError(_("Au plus %(max)d formateurs.") % {"max": MAX_TRAINERS})
        found = {u.matricule: u for u in User.objects.filter(matricule__in=names, is_active=True)}
        unknown = [n[:40] for n in names if n not in found]
        if unknown:
            raise ValidationError(_("Matricule inconnu : %(list)s.") % {"list": ", ".join(unknown)})
        return [found[n] for n in dict.fromkeys(names)]

    def clean(self):
        data = super().clean()
        text = (data.get("programme_text") or "").strip()
        # Empty stays empty: linebreaks("") is "<p></p>", which showed an empty « Programme ».
        data["programme"] = linebreaks(text, autoescape=True) if text else ""
        return data


def attendance_bound_rows(form: AttendanceForm) -> list:
    """(row, bound field) pairs for the template, which cannot index a form by a variable."""
    return [(row, form[row.field_name]) for row in form.rows]


class PaperScoresForm(forms.Form):
    """One optional score (0 to 100) per participant, for a paper test; a blank row is left
    as it is."""

    def __init__(self, *args, participants, current: dict[int, Decimal], **kwargs):
        super().__init__(*args, **kwargs)
        self.participants = list(participants)
        for participant in self.participants:
            self.fields[f"s-{participant.pk}"] = forms.DecimalField(
                label=participant.learner.full_name,
                required=False,
                min_value=0,
                max_value=100,
                max_digits=5,
                decimal_places=2,
                initial=current.get(participant.pk),
                localize=True,
                widget=forms.TextInput(attrs={"inputmode": "decimal", "size": 5}),
            )

    def scores(self) -> dict:
        """The scores typed or changed: a score left as it was is not entered again (it
        would replace, for nothing, the answers entered question by question)."""
        changed = set(self.changed_data)
        return {
            participant: self.cleaned_data[f"s-{participant.pk}"]
            for participant in self.participants
            if f"s-{participant.pk}" in changed
            and self.cleaned_data.get(f"s-{participant.pk}") is not None
        }


# A field of the answers form: « q<question id> » or « q<question id>-<key> » (the quiz
# types' own field names, quizzes/types/).
ANSWER_FIELD = re.compile(r"q([0-9]{1,12})(?:-.*)?", re.DOTALL)


def paper_display_order(snapshot: dict) -> list[list[str]]:
    """The order and the tokens of what the trainer picks from on the answers form: the
    authored order (a paper copy is read, not taken), each token prefixed by the question's
    id, so that a choice posted for another question is refused as unknown."""
    question_id = snapshot["question_id"]
    ids = question_type(snapshot["type"]).display_ids(snapshot)
    return [[f"{question_id}-{real}", real] for real in ids]


@dataclass
class _PaperItem:
    """What quizzes.selectors.item_view reads of an attempt's item, for one paper question:
    its field is « q<question id> »."""

    pk: int
    position: int
    snapshot: dict
    display_order: list
    response: dict | None


class PaperAnswersForm:
    """The answers of one paper copy, question by question, read with the quiz types' own
    fields and rules (`from_post`, `response_clean`): each error names the question by its
    number on the copy, and the form is valid only when every question is. `questions`, a
    hidden field, lists the question ids the page was drawn with: a quiz changed since, or a
    forged list, is refused whole."""

    def __init__(self, data=None, *, copy, current: dict):
        self.data = data
        self.copy = copy
        self.current = current
        self.errors: list[str] = []
        self.entries: list[PaperEntry] = []
        self._checked = False

    @property
    def question_ids(self) -> str:
        return ",".join(str(q.question_id) for q in self.copy.entered)

    def _item(self, question) -> _PaperItem:
        return _PaperItem(
            pk=question.question_id,
            position=question.position - 1,
            snapshot=question.snapshot,
            display_order=paper_display_order(question.snapshot),
            response=self.current.get(question.question_id) or {},
        )

    def views(self) -> list[dict]:
        """The item view of each question entered (quizzes.selectors.item_view), with the
        posted fields when the page comes back with an error."""
        views = []
        for question in self.copy.entered:
            view = item_view(self._item(question), self.data)
            view["paper"] = True
            views.append(view)
        return views

    def is_valid(self) -> bool:
        if self.data is None:
            return False
        if not self._checked:
            self._checked = True
            self._check()
        return not self.errors

    def _check(self) -> None:
        data = self.data
        if data.get("questions", "") != self.question_ids:
            self.errors.append(
                _(
                    "Les questions de ce test ont changé depuis l’ouverture de la page : "
                    "vérifiez les réponses et enregistrez de nouveau."
                )
            )
            return
        if any("\x00" in value for _name, values in data.lists() for value in values):
            self.errors.append(_("Une réponse contient un caractère non valide."))
            return
        known = {str(q.question_id) for q in self.copy.entered}
        for name in data:
            match = ANSWER_FIELD.fullmatch(name)
            if match and match.group(1) not in known:
                self.errors.append(
                    _("Une réponse porte sur une question qui ne fait pas partie de ce test.")
                )
                return
        for question in self.copy.entered:
            item = self._item(question)
            found = question_type(question.snapshot["type"])
            try:
                raw = found.from_post(data, f"q{item.pk}", item.snapshot, item.display_order)
                raw = tokens_translate(item, raw)
                response = grading.response_clean(question.snapshot, raw)
            except grading.ResponseError as error:
                self.errors.append(
                    _("Question %(n)d : %(error)s") % {"n": question.position, "error": error}
                )
                continue
            self.entries.append(PaperEntry(question.position, question.snapshot, response))
        if not self.errors and all(entry.response is None for entry in self.entries):
            self.errors.append(
                _("Aucune réponse saisie : une copie blanche se saisit comme une note de 0 %.")
            )
