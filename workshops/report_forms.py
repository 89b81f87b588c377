"""The period filter of « Rapport des ateliers ». Bad dates, a period upside down or too long,
an unknown funder or region get a French message on the field; nothing is computed."""

from datetime import date

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .reports import Filters

MAX_YEARS = 20
DATE_ERRORS = {
    "invalid": gettext_lazy("Date invalide : écrivez-la AAAA-MM-JJ."),
    "required": gettext_lazy("Indiquez une date (AAAA-MM-JJ)."),
}


class PeriodForm(forms.Form):
    du = forms.DateField(
        label=gettext_lazy("Du"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages=DATE_ERRORS,
    )
    au = forms.DateField(
        label=gettext_lazy("Au"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages=DATE_ERRORS,
    )
    partenaire = forms.ChoiceField(label=gettext_lazy("Partenaire financier"), required=False)
    region = forms.ChoiceField(label=gettext_lazy("Région de l’atelier"), required=False)

    def __init__(self, *args, funders: list[str], regions: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        unknown = {"invalid_choice": _("Valeur inconnue : choisissez dans la liste.")}
        self.fields["partenaire"].choices = [("", _("Tous"))] + [(f, f) for f in funders]
        self.fields["partenaire"].error_messages.update(unknown)
        self.fields["region"].choices = [("", _("Toutes"))] + [(r, r) for r in regions]
        self.fields["region"].error_messages.update(unknown)

    def clean(self):
        data = super().clean()
        start, end = data.get("du"), data.get("au")
        if start and end:
            if start > end:
                self.add_error("au", _("La fin de la période précède son début."))
            elif end.year - start.year > MAX_YEARS:
                self.add_error(
                    "au", _("Une période dure au plus %(years)d ans.") % {"years": MAX_YEARS}
                )
        return data

    def filters(self) -> Filters:
        data = self.cleaned_data
        return Filters(
            start=data["du"],
            end=data["au"],
            funder=data.get("partenaire") or "",
            region=data.get("region") or "",
        )


def default_period(bounds: tuple[date, date] | None, today: date) -> dict:
    """The form's period when none is given: every workshop the person may report on, else
    the current year."""
    start, end = bounds or (date(today.year, 1, 1), today)
    return {"du": start, "au": max(end, start)}
