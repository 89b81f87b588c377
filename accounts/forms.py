from django import forms
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm
from wagtail.admin.forms.auth import PasswordResetForm as WagtailPasswordResetForm

from .axes import lockout_minutes
from .network import client_ip
from .tasks import email_send
from .throttle import throttle_hit


class SignInForm(AuthenticationForm):
    username = forms.CharField(
        label=_("Matricule"),
        max_length=32,
        widget=forms.TextInput(
            attrs={"autofocus": True, "autocomplete": "username", "autocapitalize": "characters"}
        ),
    )
    error_messages = {
        "inactive": _("Ce compte est désactivé. Contactez votre administrateur."),
    }

    def get_invalid_login_error(self):
        minutes = lockout_minutes()
        # The numbers come from the settings that axes enforces, so the warning stays true.
        message = ngettext(
            "Matricule ou mot de passe incorrect. Attention : après %(limit)d échecs, la "
            "connexion à ce matricule depuis cet appareil est bloquée pendant %(minutes)d "
            "minute.",
            "Matricule ou mot de passe incorrect. Attention : après %(limit)d échecs, la "
            "connexion à ce matricule depuis cet appareil est bloquée pendant %(minutes)d "
            "minutes.",
            minutes,
        ) % {"limit": settings.AXES_FAILURE_LIMIT, "minutes": minutes}
        return ValidationError(message, code="invalid_login")


class AdminLoginForm(WagtailLoginForm):
    """Wagtail's sign-in form leaves its password field without a label, so Django shows the
    field's name, « Password », untranslated."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = _("Mot de passe")


class LimitedPasswordResetMixin:
    """Password-reset emails, for Kalan's form and Wagtail's admin one: queued to a Celery
    worker after the request's transaction commits, and limited per client address and per
    inbox. Past a limit nothing is sent, and the view answers as if an email had left: the
    answer reveals neither the limit nor whether an account has this address."""

    def save(self, *args, request=None, **kwargs):
        if request is not None and throttle_hit(
            scope="password-reset:address",
            key=client_ip(request),
            limit=settings.KALAN_PASSWORD_RESET_PER_ADDRESS,
            window=settings.KALAN_PASSWORD_RESET_WINDOW,
        ):
            return None
        return super().save(*args, request=request, **kwargs)

    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ):
        from django.template import loader

        # One count per inbox, so that accounts sharing an address share its limit.
        if throttle_hit(
            scope="password-reset:email",
            key=to_email.casefold(),
            limit=settings.KALAN_PASSWORD_RESET_PER_EMAIL,
            window=settings.KALAN_PASSWORD_RESET_WINDOW,
        ):
            return
        subject = "".join(loader.render_to_string(subject_template_name, context).splitlines())
        body = loader.render_to_string(email_template_name, context)
        email_send.delay_on_commit(subject=subject, body=body, to=[to_email])


class QueuedPasswordResetForm(LimitedPasswordResetMixin, PasswordResetForm):
    pass


class AdminPasswordResetForm(LimitedPasswordResetMixin, WagtailPasswordResetForm):
    """Wagtail's admin form (WAGTAILADMIN_USER_PASSWORD_RESET_FORM), under the same limits."""
