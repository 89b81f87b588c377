from django import forms
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .tasks import email_send


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
        minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
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


class QueuedPasswordResetForm(PasswordResetForm):
    """Sends the reset email from a Celery worker, after the request's transaction commits."""

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

        subject = "".join(loader.render_to_string(subject_template_name, context).splitlines())
        body = loader.render_to_string(email_template_name, context)
        email_send.delay_on_commit(subject=subject, body=body, to=[to_email])
