from django.templatetags.static import static
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button, HeaderButton, ListingButton
from wagtail.permissions import policy_registry
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet, SnippetViewSetGroup

from courses.admin_workflow import ConfirmedSnippetWorkflowActionView

from . import selectors
from .admin_choosers import (
    CATEGORY_SEARCH_FIELDS,
    QUESTION_SEARCH_FIELDS,
    QuestionFilterSet,
    categories_in_tree_order,
    chooser_viewset_class,
)
from .models import Question, QuestionCategory


class QuestionIndexView(IndexView):
    @cached_property
    def header_buttons(self):
        # The bank's list and its import / export page lead to each other.
        buttons = super().header_buttons
        if self.user_has_permission("add"):
            buttons.append(
                HeaderButton(
                    _("Importer / exporter"),
                    url=reverse("question_bank:import"),
                    icon_name="download",
                )
            )
        return buttons


class QuestionViewSet(SnippetViewSet):
    model = Question
    index_view_class = QuestionIndexView
    icon = "help"
    menu_label = _("Questions")
    list_display = ["name", "question_type", "category"]
    filterset_class = QuestionFilterSet
    # Plain filters, not the search backend (admin_choosers.py says why).
    search_backend_name = None
    search_fields = QUESTION_SEARCH_FIELDS
    chooser_viewset_class = chooser_viewset_class(QUESTION_SEARCH_FIELDS)
    chooser_per_page = 50
    workflow_action_view_class = ConfirmedSnippetWorkflowActionView

    def get_queryset(self, request):
        # The category column shows each one's path: its parents come with the row.
        return Question.objects.select_related("category__parent__parent")


class QuestionCategoryViewSet(SnippetViewSet):
    model = QuestionCategory
    icon = "folder-open-inverse"
    menu_label = _("Catégories")
    list_display = ["__str__"]
    search_fields = CATEGORY_SEARCH_FIELDS
    chooser_viewset_class = chooser_viewset_class(CATEGORY_SEARCH_FIELDS, tree_order=True)
    chooser_per_page = 100

    def get_queryset(self, request):
        return categories_in_tree_order(QuestionCategory.objects.select_related("parent"))


class QuestionBankGroup(SnippetViewSetGroup):
    items = (QuestionViewSet, QuestionCategoryViewSet)
    menu_icon = "help"
    menu_label = _("Banque de questions")
    menu_name = "question-bank"


register_snippet(QuestionBankGroup)


@hooks.register("register_admin_viewset")
def register_question_bank_viewset():
    from .admin_views import QuestionBankViewSet

    return QuestionBankViewSet()


@hooks.register("insert_editor_js")
def question_form_js():
    # On every editor form; the script does nothing where there is no question type.
    return format_html('<script src="{}"></script>', static("js/question-form.js"))


@hooks.register("register_page_header_buttons")
def quiz_statistics_header_button(page, user, view_name, next_url=None):
    if page.specific_class.__name__ == "QuizPage" and policy_registry.get_by_type(
        Question
    ).user_has_permission(user, "view"):
        yield Button(
            _("Statistiques"),
            reverse("question_bank:quiz_statistics", args=[page.pk]),
            icon_name="view",
            priority=80,
        )


@hooks.register("register_snippet_listing_buttons")
def question_statistics_listing_button(snippet, user, next_url=None):
    if isinstance(snippet, Question) and policy_registry.get_by_type(Question).user_has_permission(
        user, "view"
    ):
        yield ListingButton(
            _("Statistiques"),
            reverse("question_bank:question_statistics", args=[snippet.pk]),
            priority=60,
        )


@hooks.register("after_create_page")
def new_lesson_goes_before_the_modules_quiz(request, page):
    """Wagtail adds a page as its parent's last child, that is after the module's quiz, which
    learners take once they have read the lessons. A new lesson takes its place before the
    first quiz of its module; the editor can still move it anywhere."""
    from courses.models import LessonPage

    from .models import QuizPage

    if not isinstance(page.specific, LessonPage):
        return
    first_quiz = page.get_siblings().type(QuizPage).order_by("path").first()
    if first_quiz is not None and first_quiz.path < page.path:
        page.move(first_quiz, pos="left")


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def quiz_review_leak_warning(request, page):
    """The editor who saves a quiz whose review hands out answers before the last attempt
    reads why on the next page too (the form refuses it for a certifying quiz)."""
    from django.contrib import messages

    from . import selectors
    from .forms import review_leak_message
    from .models import QuizPage

    page = page.specific
    if not isinstance(page, QuizPage):
        return
    early, repeated = selectors.review_leak(quiz=page, slots=list(page.slots.all()))
    if early:
        messages.warning(request, review_leak_message(early, repeated))


class GradingMenuItem(MenuItem):
    def is_shown(self, request):
        return selectors.user_may_grade(request.user)


@hooks.register("register_admin_menu_item")
def register_grading_menu_item():
    # The page lives on the public site (supervisors have no admin access); editors and
    # administrators reach it from here.
    return GradingMenuItem(
        _("Compositions à corriger"), reverse("quizzes:grading_list"), icon_name="edit", order=320
    )
