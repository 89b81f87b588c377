from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Assignment(models.Model):
    """A course assigned with a due date, either to a unit (and every unit below it) or to one
    learner. Enrollments follow from it: the due date of an enrollment is the earliest due
    date of the assignments that cover its learner. A learner who joins the unit later is
    picked up by `assignments_apply` (on the user's save, and by a periodic task)."""

    course = models.ForeignKey(
        "courses.CoursePage",
        verbose_name=_("formation"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    unit = models.ForeignKey(
        "accounts.Unit",
        verbose_name=_("unité"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="assignments",
    )
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("apprenant"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="assignments",
    )
    due_date = models.DateField(_("échéance"))
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("affectée par"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("créée le"), auto_now_add=True)
    updated_at = models.DateTimeField(_("modifiée le"), auto_now=True)

    class Meta:
        verbose_name = _("affectation")
        verbose_name_plural = _("affectations")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(unit__isnull=False, learner__isnull=True)
                    | models.Q(unit__isnull=True, learner__isnull=False)
                ),
                name="tracking_assignment_one_target",
            ),
            models.UniqueConstraint(
                fields=["course", "unit"],
                condition=models.Q(unit__isnull=False),
                name="tracking_assignment_unit_unique",
            ),
            models.UniqueConstraint(
                fields=["course", "learner"],
                condition=models.Q(learner__isnull=False),
                name="tracking_assignment_learner_unique",
            ),
        ]

    def __str__(self):
        return f"{self.course_id} → {self.unit or self.learner} ({self.due_date})"


class Reminder(models.Model):
    """One email sent, recorded before it leaves so that a beat run twice sends nothing
    twice: the unique (kind, recipient, period) row is the claim.

    `period` is the day (2026-11-23) for learners' daily reminders and the ISO week
    (2026-W48) for supervisors' digests. `details` keeps what the email said, for the record:
    {"courses": [course ids], "without_email": int (digests only)}."""

    class Kind(models.TextChoices):
        LEARNER_DUE = "learner_due", _("Rappel d’échéance à l’apprenant")
        SUPERVISOR_DIGEST = "supervisor_digest", _("Synthèse hebdomadaire au superviseur")

    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices)
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("destinataire"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    period = models.CharField(_("période"), max_length=10)
    sent_at = models.DateTimeField(_("envoyé le"), auto_now_add=True)
    details = models.JSONField(_("détails"), default=dict, blank=True)

    class Meta:
        verbose_name = _("rappel")
        verbose_name_plural = _("rappels")
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "recipient", "period"], name="tracking_reminder_once"
            )
        ]

    def __str__(self):
        return f"{self.kind} · {self.recipient_id} · {self.period}"
