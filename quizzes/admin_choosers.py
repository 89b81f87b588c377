"""Search and order in the question bank's list and choosers.

Wagtail's database search backend breaks on SQLite: a search restricted to a field asks the
full-text table for a column it does not have (« no such column: name »), and a quote in the
query is an FTS5 syntax error. The bank is small (hundreds of questions), so its searches
are plain `icontains` filters: the same on SQLite and PostgreSQL, partial words match, and no
character the editor types can break them."""

import django_filters
from django import forms
from django.db.models import Case, IntegerField, Q, When
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.snippets.views.chooser import ChooseResultsView, ChooseView, SnippetChooserViewSet

from .models import Question, QuestionCategory

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


def category_paths() -> dict[int, str]:
    """Every category's full path (« Garde à vue › Droits ») from one query: `str()` on each
    category walks its parents one query at a time."""
    rows = {
        pk: (name, parent)
        for pk, name, parent in QuestionCategory.objects.values_list("pk", "name", "parent_id")
    }
    paths = {}
    for pk in rows:
        names, node, seen = [], pk, set()
        while node in rows and node not in seen:
            seen.add(node)
            names.append(rows[node][0])
            node = rows[node][1]
        paths[pk] = " › ".join(reversed(names))
    return paths


def categories_in_tree_order(queryset):
    """Categories ordered by their full path (« Garde à vue › Droits » right after « Garde à
    vue »), which the database cannot sort by: the order is computed here, applied in SQL."""
    paths = {pk: path.casefold() for pk, path in category_paths().items()}
    ordered = sorted(paths, key=paths.get)
    if not ordered:
        # A CASE without any WHEN is ORDER BY NULL, which PostgreSQL refuses (a 500 on an
        # empty bank).
        return queryset.order_by("name")
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


class CategoryField(forms.ModelChoiceField):
    """Categories by their full path, in tree order, without a query per category."""

    @cached_property
    def paths(self) -> dict[int, str]:
        return category_paths()

    def label_from_instance(self, obj):
        return self.paths.get(obj.pk) or obj.name


class CategoryFilter(django_filters.ModelChoiceFilter):
    field_class = CategoryField


class QuestionFilterSet(WagtailFilterSet):
    """The bank list's filters, combined with its search: a category brings its
    sub-categories' questions too, as a quiz's random draw does by default."""

    category = CategoryFilter(
        label=_("Catégorie (avec ses sous-catégories)"),
        queryset=lambda request: categories_in_tree_order(QuestionCategory.objects.all()),
        method="filter_category",
    )

    class Meta:
        model = Question
        fields = ["question_type", "category"]

    def filter_category(self, queryset, name, value):
        if not value:
            return queryset
        return queryset.filter(category_id__in=value.subtree_ids())
