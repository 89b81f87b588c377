"""The review workflow's confirmation in the admin.

Wagtail's workflow action view (Approve, Request changes, from the dashboard, the page
listing or the edit page's menu) acts and redirects without a word, so a reviewer cannot tell
that the approval was taken. This mixin adds the message; pages (courses/wagtail_hooks.py)
and questions (quizzes/wagtail_hooks.py) use it."""

from django.utils.translation import gettext as _
from wagtail.admin import messages
from wagtail.admin.utils import get_latest_str
from wagtail.admin.views.pages.workflow import WorkflowActionView as PageWorkflowActionView
from wagtail.snippets.views.snippets import WorkflowActionView as SnippetWorkflowActionView


class ConfirmedWorkflowActionMixin:
    def post(self, request, *args, **kwargs):
        task_state_id = self.task_state.pk
        response = super().post(request, *args, **kwargs)
        self.task_state.refresh_from_db()
        if self.task_state.pk == task_state_id and self.task_state.status != "in_progress":
            title = get_latest_str(self.object)
            if self.task_state.status == "rejected":
                text = _("« %(title)s » : la demande de modifications est envoyée.")
            else:
                text = _("« %(title)s » : approbation enregistrée.")
            messages.success(request, text % {"title": title})
        return response


class ConfirmedPageWorkflowActionView(ConfirmedWorkflowActionMixin, PageWorkflowActionView):
    pass


class ConfirmedSnippetWorkflowActionView(ConfirmedWorkflowActionMixin, SnippetWorkflowActionView):
    pass
