import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def _private_path(instance, filename: str) -> str:
    # A random folder per file: media may be served by the web server, and a path that can be
    # guessed (an id, a date) would let anybody fetch another person's export.
    return f"jobs/{secrets.token_urlsafe(24)}/{filename}"


class Job(models.Model):
    """A long import or export run by a Celery task for one user, who follows it on a progress
    page and downloads its file there. Which kinds exist, and who may see them, is declared
    by the apps in `jobs.registry`."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("En attente")
        RUNNING = "running", _("En cours")
        DONE = "done", _("Terminée")
        FAILED = "failed", _("Échec")

    ACTIVE = (Status.QUEUED, Status.RUNNING)

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="jobs",
        verbose_name=_("propriétaire"),
    )
    kind = models.CharField(_("type"), max_length=40)
    # What the kind's runner needs, as JSON-safe data. tracking.export: {"format": "csv" |
    # "xlsx", "query": the dashboard's query string, "scope": tracking.jobs.scope_key};
    # quizzes.import: {"format": "gift" | "moodlexml", "category": id | null, "filename": str}.
    params = models.JSONField(_("paramètres"), default=dict, blank=True)
    status = models.CharField(
        _("état"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    progress = models.PositiveSmallIntegerField(_("avancement (%)"), default=0)
    processed = models.PositiveIntegerField(_("éléments traités"), default=0)
    total = models.PositiveIntegerField(_("éléments à traiter"), null=True, blank=True)
    # The outcome in the owner's language: a summary when done, the reason when failed.
    message = models.TextField(_("message"), blank=True)
    # Errors one by one (an import's questions): a list of strings.
    errors = models.JSONField(_("erreurs"), default=list, blank=True)
    # What the run created, for the job's page to list and link (the page is its owner's
    # only). Schema: {"created": {"<app_label>.<model_name>": [pk, ...]}}, the pks in the
    # order of creation; e.g. {"created": {"quizzes.question": [41, 42]}}. Each kind may
    # add keys of its own; the page reads "created" (jobs/selectors.py::job_created_objects)
    # and "links": [{"label": str, "url": str}], links onward that the kind wrote.
    outcome = models.JSONField(_("résultat"), default=dict, blank=True)
    upload = models.FileField(_("fichier envoyé"), upload_to=_private_path, blank=True)
    result = models.FileField(_("fichier produit"), upload_to=_private_path, blank=True)
    result_name = models.CharField(_("nom du fichier produit"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("créée le"), auto_now_add=True)
    started_at = models.DateTimeField(_("commencée le"), null=True, blank=True)
    finished_at = models.DateTimeField(_("terminée le"), null=True, blank=True)
    expires_at = models.DateTimeField(_("expire le"))

    class Meta:
        verbose_name = _("tâche de fond")
        verbose_name_plural = _("tâches de fond")
        indexes = [models.Index(fields=["owner", "status"]), models.Index(fields=["expires_at"])]

    def __str__(self):
        return f"{self.kind} #{self.pk} ({self.status})"

    @property
    def is_active(self) -> bool:
        return self.status in self.ACTIVE
