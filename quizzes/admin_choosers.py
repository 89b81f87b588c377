"""Search and order in the question bank's list and choosers.

Wagtail's database search backend breaks on SQLite: a search restricted to a field asks the
full-text table for a column it does not have (« no such column: name »), and a quote in the
query is an FTS5 syntax error. The bank is small (hundreds of questions), so its searches
are plain `icontains` filters: the same on SQLite and PostgreSQL, partial words match, and no
character the editor types can break them."""

from django import forms
from django.db.models import Case, IntegerField, Q, When
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.snippets.views.chooser import ChooseResultsView, ChooseView, SnippetChooserViewSet

from .models import QuestionCategory

QUESTION_SEARCH_FIELDS = ["name", "text", "category__name"]
CATEGORY_SEARCH_FIELDS = ["name", "parent__name", "parent__parent__name"]


def search_q(fields: list[str], query: str) -> Q:
    """Every word of the query is found in one of the fields."""
    condition = Q()
    for word in query.split()[:10]:
        any_field = Q()
        for field in fields:
            any_field |= Q(**{f"{field}__icontains": word})
        condition &= any_field
    return condition


def categories_in_tree_order(queryset):
    """Categories ordered by their full path (« Garde à vue › Droits » right after « Garde à
    vue »), which the database cannot sort by: the order is computed here, applied in SQL."""
    paths = {c.pk: str(c).casefold() for c in QuestionCategory.objects.select_related("parent")}
    ordered = sorted(paths, key=paths.get)
    rank = Case(
        *[When(pk=pk, then=position) for position, pk in enumerate(ordered)],
        output_field=IntegerField(),
    )
    return queryset.order_by(rank)


def _filter_form(fields):
    class SearchForm(BaseFilterForm):
        q = forms.CharField(
            label=_("Rechercher"),
            required=False,
            max_length=200,
            widget=forms.TextInput(attrs={"placeholder": _("Rechercher")}),
        )

        def filter(self, objects):
            objects = super().filter(objects)
            query = self.cleaned_data.get("q", "").strip()
            if query:
                objects = objects.filter(search_q(fields, query)).distinct()
                self.is_searching = True
                self.search_query = query
            return objects

    return SearchForm


def chooser_viewset_class(fields, *, tree_order=False):
    """A snippet chooser whose search is `search_q` over `fields`."""
    form_class = _filter_form(fields)

    class Ordered:
        filter_form_class = form_class

        def get_object_list(self):
            objects = super().get_object_list()
            return categories_in_tree_order(objects) if tree_order else objects

    class Choose(Ordered, ChooseView):
        pass

    class ChooseResults(Ordered, ChooseResultsView):
        pass

    class ViewSet(SnippetChooserViewSet):
        choose_view_class = Choose
        choose_results_view_class = ChooseResults

    return ViewSet
