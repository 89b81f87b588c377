"""The review workflow's confirmation in the admin.

Wagtail's workflow action view (Approve, Request changes, from the dashboard, the page
listing or the edit page's menu) acts and redirects without a word, so a reviewer cannot tell
that the approval was taken. This mixin adds the message; pages (courses/wagtail_hooks.py)
and questions (quizzes/wagtail_hooks.py) use it."""

from django.utils.translation import gettext as _
from wagtail.admin import messages
from wagtail.admin.utils import get_latest_str
from wagtail.admin.views.pages.edit import EditView as PageEditView
from wagtail.admin.views.pages.workflow import WorkflowActionView as PageWorkflowActionView
from wagtail.snippets.views.snippets import WorkflowActionView as SnippetWorkflowActionView


def decision_message(*, status: str, title: str) -> str:
    if status == "rejected":
        text = _("« %(title)s » : la demande de modifications est envoyée.")
    else:
        text = _("« %(title)s » : approbation enregistrée.")
    return text % {"title": title}


class ConfirmedWorkflowActionMixin:
    def post(self, request, *args, **kwargs):
        task_state_id = self.task_state.pk
        response = super().post(request, *args, **kwargs)
        self.task_state.refresh_from_db()
        if self.task_state.pk == task_state_id and self.task_state.status != "in_progress":
            title = get_latest_str(self.object)
            messages.success(request, decision_message(status=self.task_state.status, title=title))
        return response


class ConfirmedPageEditView(PageEditView):
    """« Approuver et Publier » in the edit page's menu acts through the edit form, whose only
    word was Wagtail's « page mise à jour »: the reviewer is told the decision instead."""

    decided_task_state = None

    def perform_workflow_action(self):
        self.decided_task_state = self.page.current_workflow_task_state
        return super().perform_workflow_action()

    def add_save_confirmation_message(self):
        task_state = self.decided_task_state
        if task_state is not None:
            task_state.refresh_from_db()
            if task_state.status != "in_progress":
                title = self.page.get_admin_display_title()
                messages.success(
                    self.request, decision_message(status=task_state.status, title=title)
                )
                return
        super().add_save_confirmation_message()


class ConfirmedPageWorkflowActionView(ConfirmedWorkflowActionMixin, PageWorkflowActionView):
    pass


class ConfirmedSnippetWorkflowActionView(ConfirmedWorkflowActionMixin, SnippetWorkflowActionView):
    pass
