"""« Unités » in the Wagtail admin: the unit tree listed with its indentation and learner
counts, added, renamed and moved, and deleted only when nothing depends on the unit.

Administrators hold accounts' unit permissions (migration 0002); editors and reviewers do
not, so Wagtail's permission policy keeps them out of every view here."""

from django import forms
from django.contrib import messages
from django.http import HttpResponseRedirect
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from . import selectors, services
from .models import Unit


def _indented(unit: Unit) -> str:
    return "— " * (unit.depth - 1) + unit.name


class ParentChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return _indented(obj)


class UnitForm(forms.ModelForm):
    parent = ParentChoiceField(
        queryset=Unit.objects.order_by("path"),
        required=False,
        label=_("Unité parente"),
        empty_label=_("(aucune : unité de premier niveau)"),
        help_text=_("L’unité est rangée sous celle-ci, par ordre alphabétique."),
    )

    class Meta:
        model = Unit
        fields = ["name"]

    def __init__(self, *args, for_user=None, **kwargs):
        # Wagtail's views pass the user; nothing here depends on it.
        super().__init__(*args, **kwargs)
        unit = self.instance
        if unit.pk:
            # Neither the unit itself nor a unit below it can become its parent.
            self.fields["parent"].queryset = Unit.objects.exclude(
                selectors.subtree_q([unit.path])
            ).order_by("path")
            self.initial["parent"] = unit.get_parent()

    def clean_name(self):
        return " ".join(self.cleaned_data["name"].split())

    def clean(self):
        cleaned = super().clean()
        name, parent = cleaned.get("name"), cleaned.get("parent")
        if name:
            siblings = Unit.get_root_nodes() if parent is None else parent.get_children()
            if siblings.filter(name__iexact=name).exclude(pk=self.instance.pk).exists():
                self.add_error("name", _("Une unité porte déjà ce nom à cet endroit de l’arbre."))
        return cleaned

    def save(self, commit=True):
        return services.unit_save(
            unit=self.instance if self.instance.pk else None,
            name=self.cleaned_data["name"],
            parent=self.cleaned_data["parent"],
        )


class CountColumn(Column):
    def __init__(self, name, index, **kwargs):
        super().__init__(name, **kwargs)
        self.index = index

    def get_value(self, instance):
        return instance.learner_counts[self.index]


class UnitIndexView(generic.IndexView):
    add_item_label = _("Ajouter une unité")

    def get_base_queryset(self):
        return Unit.objects.order_by("path")

    def get_table(self, object_list):
        rows = list(object_list)
        counts = selectors.unit_learner_counts(rows)
        for unit in rows:
            unit.indented_name = _indented(unit)
            unit.learner_counts = counts[unit.pk]
        return super().get_table(rows)


class UnitCreateView(generic.CreateView):
    page_title = _("Nouvelle unité")

    def save_instance(self):
        return self.form.save()


class UnitEditView(generic.EditView):
    def save_instance(self):
        return self.form.save()


class UnitDeleteView(generic.DeleteView):
    template_name = "accounts/admin/unit_confirm_delete.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["blockers"] = selectors.unit_delete_blockers(self.object)
        return context

    def form_valid(self, form):
        blockers = selectors.unit_delete_blockers(self.object)
        if blockers:
            messages.error(self.request, " ".join(str(b) for b in blockers))
            return HttpResponseRedirect(self.request.path)
        return super().form_valid(form)


class UnitViewSet(ModelViewSet):
    model = Unit
    icon = "group"
    menu_label = _("Unités")
    menu_order = 610
    add_to_admin_menu = True
    name = "units"
    url_prefix = "unites"
    list_per_page = 100
    search_fields = ["name"]
    copy_view_enabled = False
    index_view_class = UnitIndexView
    add_view_class = UnitCreateView
    edit_view_class = UnitEditView
    delete_view_class = UnitDeleteView

    def get_form_class(self, for_update=False):
        return UnitForm

    @property
    def list_display(self):
        return [
            TitleColumn("indented_name", label=_("Unité"), url_name=self.get_url_name("edit")),
            CountColumn("direct", 0, label=_("Apprenants rattachés")),
            CountColumn("total", 1, label=_("Avec les sous-unités")),
        ]
