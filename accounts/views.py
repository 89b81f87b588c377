from django.conf import settings
from django.contrib.auth import views as auth_views
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.module_loading import import_string
from django.utils.translation import check_for_language
from django.views.decorators.http import require_POST
from django.views.i18n import set_language

from . import axes as signin_limits
from .forms import QueuedPasswordResetForm, SignInForm


class SignInView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = SignInForm
    redirect_authenticated_user = True

    def get_default_redirect_url(self):
        """Without `next`: the page KALAN_SIGNIN_LANDING chooses for this user (a supervisor's
        is the dashboard, which accounts does not know of), else LOGIN_REDIRECT_URL."""
        landing = getattr(settings, "KALAN_SIGNIN_LANDING", "")
        if landing and self.request.user.is_authenticated:
            return import_string(landing)(self.request.user)
        return super().get_default_redirect_url()


class PasswordResetView(auth_views.PasswordResetView):
    template_name = "accounts/password_reset_form.html"
    email_template_name = "accounts/email/password_reset.txt"
    subject_template_name = "accounts/email/password_reset_subject.txt"
    form_class = QueuedPasswordResetForm
    success_url = reverse_lazy("accounts:password_reset_done")


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_done.html"

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "per_email": settings.KALAN_PASSWORD_RESET_PER_EMAIL,
            "window_minutes": _minutes(settings.KALAN_PASSWORD_RESET_WINDOW),
        }


def _minutes(duration) -> int:
    return int(duration.total_seconds() // 60)


def signin_locked_out(request, original_response=None, credentials=None):
    """Axes' lockout answer (AXES_LOCKOUT_CALLABLE), for every sign-in form: says which limit
    was reached, with the numbers of the settings that enforce it."""
    reason = getattr(request, "kalan_lockout", signin_limits.LOCKOUT_ACCOUNT)
    context = {
        "by_address": reason == signin_limits.LOCKOUT_ADDRESS,
        "failure_limit": settings.AXES_FAILURE_LIMIT,
        "address_failure_limit": settings.KALAN_SIGNIN_ADDRESS_FAILURE_LIMIT,
        "minutes": signin_limits.lockout_minutes(),
    }
    return render(request, "accounts/lockout.html", context, status=429)


@require_POST
def language_set(request):
    """Django's set_language, which also remembers the choice on the signed-in account."""
    language = request.POST.get("language", "")
    if request.user.is_authenticated and check_for_language(language):
        request.user.language = language
        request.user.save(update_fields=["language"])
    response = set_language(request)
    if not isinstance(response, HttpResponseRedirect):
        return response
    target = response.url
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        response["Location"] = "/"
    return response
