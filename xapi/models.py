"""The outbox: each xAPI statement is written here, in the transaction of the fact it tells,
then sent to the Learning Record Store by a Celery task (xapi/services.py)."""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class OutboxStatement(models.Model):
    class Status(models.TextChoices):
        WAITING = "waiting", _("en attente")
        SENT = "sent", _("envoyée")
        FAILING = "failing", _("en échec")

    # UUID5 of the event (xapi/statements.py): a replay of the same fact has the same id.
    statement_id = models.UUIDField(_("identifiant de la déclaration"), unique=True)
    verb = models.CharField(_("verbe"), max_length=30)
    statement = models.JSONField(_("déclaration"))
    status = models.CharField(
        _("état"), max_length=10, choices=Status.choices, default=Status.WAITING
    )
    attempts = models.PositiveIntegerField(_("essais"), default=0)
    last_error = models.TextField(_("dernière erreur"), blank=True)
    next_try_at = models.DateTimeField(_("prochain essai"), default=timezone.now)
    created_at = models.DateTimeField(_("créée le"), default=timezone.now)
    sent_at = models.DateTimeField(_("envoyée le"), null=True, blank=True)

    class Meta:
        verbose_name = _("déclaration xAPI")
        verbose_name_plural = _("déclarations xAPI")
        ordering = ["id"]
        indexes = [
            # The sender's query: rows still to send, by their next try.
            models.Index(
                fields=["next_try_at", "id"],
                name="xapi_outbox_pending",
                condition=~Q(status="sent"),
            ),
            models.Index(fields=["status", "-id"], name="xapi_outbox_status"),
        ]

    def __str__(self):
        return f"{self.verb} {self.statement_id}"
