from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.views.pages.create import CreateView
from wagtail.admin.views.pages.search import SearchView
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.models import Page

from .admin_workflow import ConfirmedPageEditView, ConfirmedPageWorkflowActionView
from .selectors import document_readable_by


class FrenchHeaderTitle:
    """Wagtail joins a view's title and subtitle with a colon written in its code, the English
    way (« Nouveau: Leçon »); French puts a space before it."""

    def get_header_title(self):
        title, subtitle = self.get_page_title(), self.get_page_subtitle()
        if not subtitle:
            return title
        return gettext("%(title)s : %(subtitle)s") % {"title": title, "subtitle": subtitle}


class CreateOnSaveView(FrenchHeaderTitle, CreateView):
    """Wagtail's page creation form saves itself as the editor types (autosave), so a « Nouveau
    : Leçon » form opened and left became a draft page with empty blocks, whose slug then
    blocked the real lesson. A page exists once its editor saves it, and not before; the edit
    form keeps autosaving."""

    # Wagtail's « Nouveau » would be wrong for a « Leçon ».
    page_title = _("Création")

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "autosave_enabled": False}


class KalanPageEditView(FrenchHeaderTitle, ConfirmedPageEditView):
    pass


class NamedSearchView(SearchView):
    """Wagtail's page search counts its results with the model's name, which it never puts in
    the context: the header read « 1-2 sur 2 None »."""

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "verbose_name": Page._meta.verbose_name,
            "verbose_name_plural": Page._meta.verbose_name_plural,
        }


class KalanPageViewSet(PageViewSet):
    """The admin views of every page type, Wagtail's own but for the review workflow's
    confirmation message (admin_workflow.py, from the edit page's menu too), a creation form
    that waits for « Enregistrer » and a search that names what it counts."""

    workflow_action_view_class = ConfirmedPageWorkflowActionView
    add_view_class = CreateOnSaveView
    edit_view_class = KalanPageEditView
    search_view_class = NamedSearchView


# After Wagtail's own base page viewset (wagtail.admin's hook), which this one replaces.
@hooks.register("register_admin_viewset", order=100)
def register_page_viewset():
    return KalanPageViewSet()


@hooks.register("before_serve_document")
def documents_follow_their_lessons(document, request):
    """/documents/<id>/<name> answers like the lessons that offer the document: the sign-in
    page for an anonymous visitor, 404 for anyone out of scope."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not document_readable_by(user=request.user, document=document):
        raise Http404
    return None


@hooks.register("insert_global_admin_css")
def kalan_admin_css():
    return format_html('<link rel="stylesheet" href="{}">', static("css/kalan-admin.css"))
