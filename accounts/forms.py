from django import forms
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.utils.translation import gettext_lazy as _

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
        "invalid_login": _(
            "Matricule ou mot de passe incorrect. Attention : après 5 échecs, le compte est "
            "bloqué pendant 15 minutes."
        ),
        "inactive": _("Ce compte est désactivé. Contactez votre administrateur."),
    }


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
