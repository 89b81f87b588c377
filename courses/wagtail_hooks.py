from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from wagtail import hooks

from .selectors import document_readable_by


@hooks.register("before_serve_document")
def documents_follow_their_lessons(document, request):
    """/documents/<id>/<name> answers like the lessons that offer the document: the sign-in
    page for an anonymous visitor, 404 for anyone out of scope."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not document_readable_by(user=request.user, document=document):
        raise Http404
    return None
