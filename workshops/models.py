"""Workshops (ateliers): the CNDH's in-person trainings. A workshop has half-day sessions,
trainers, participants, their attendance per session, and a pre-test and a post-test whose
results measure the knowledge gained (workshops/gain.py)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField

from certificates.models import (
    CODE_LENGTH,
    CertificateQuerySet,
    verification_code_display,
    verification_code_new,
)

PROGRAMME_FEATURES = ("h3", "bold", "italic", "ol", "ul", "link")


class Workshop(ClusterableModel):
    title = models.CharField(_("intitulé"), max_length=200)
    place = models.CharField(_("lieu"), max_length=200)
    region = models.CharField(_("région"), max_length=100)
    start_date = models.DateField(_("premier jour"))
    end_date = models.DateField(_("dernier jour"))
    funder = models.CharField(_("partenaire financier"), max_length=200, blank=True)
    programme = RichTextField(_("programme"), blank=True, features=list(PROGRAMME_FEATURES))
    capacity = models.PositiveSmallIntegerField(
        _("capacité"), default=40, validators=[MinValueValidator(1), MaxValueValidator(1000)]
    )
    trainers = ParentalManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("formateurs"),
        blank=True,
        related_name="workshops_trained",
    )
    course = models.ForeignKey(
        "courses.CoursePage",
        verbose_name=_("formation en ligne liée"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    pre_test = models.ForeignKey(
        "quizzes.QuizPage",
        verbose_name=_("test de début (pré-test)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    post_test = models.ForeignKey(
        "quizzes.QuizPage",
        verbose_name=_("test de fin (post-test)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Le même quiz que le pré-test ou une forme parallèle. Avec le même quiz, la "
            "première tentative terminée compte pour le début, la deuxième pour la fin."
        ),
    )
    # The attestation de participation's rule (workshops/attestations.py): the share of the
    # workshop's sessions attended, present or late; excused and absent do not count.
    attendance_threshold = models.PositiveSmallIntegerField(
        _("seuil de présence pour l’attestation (%)"),
        default=80,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text=_(
            "Part des séances (demi-journées) de l’atelier où la personne était présente ou "
            "en retard ; une absence, même justifiée, ne compte pas."
        ),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("créé par"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)

    panels = [
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("place"), FieldPanel("region")]),
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
        FieldRowPanel([FieldPanel("funder"), FieldPanel("capacity")]),
        FieldPanel("programme"),
        FieldPanel("trainers"),
        MultiFieldPanel(
            [
                FieldPanel("course"),
                FieldPanel("pre_test"),
                FieldPanel("post_test"),
                FieldPanel("attendance_threshold"),
            ],
            heading=_("Formation liée, tests et attestation"),
        ),
        InlinePanel("sessions", heading=_("Séances"), label=_("séance")),
    ]

    class Meta:
        verbose_name = _("atelier")
        verbose_name_plural = _("ateliers")
        ordering = ["-start_date", "title"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__gte=models.F("start_date")),
                name="workshops_workshop_dates_in_order",
            )
        ]

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError(
                {"end_date": _("Le dernier jour ne peut précéder le premier jour.")}
            )

    def save(self, *args, **kwargs):
        from quizzes.richtext import richtext_clean

        self.programme = richtext_clean(self.programme, features=PROGRAMME_FEATURES)
        super().save(*args, **kwargs)


class Session(models.Model):
    """A half-day of the workshop: attendance is marked per session."""

    class Part(models.TextChoices):
        MORNING = "am", _("Matin")
        AFTERNOON = "pm", _("Après-midi")

    workshop = ParentalKey(Workshop, on_delete=models.CASCADE, related_name="sessions")
    date = models.DateField(_("date"))
    part = models.CharField(_("demi-journée"), max_length=2, choices=Part.choices)
    start_time = models.TimeField(_("début"), null=True, blank=True)
    end_time = models.TimeField(_("fin"), null=True, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("date"), FieldPanel("part")]),
        FieldRowPanel([FieldPanel("start_time"), FieldPanel("end_time")]),
    ]

    class Meta:
        verbose_name = _("séance")
        verbose_name_plural = _("séances")
        ordering = ["date", "part"]
        constraints = [
            models.UniqueConstraint(
                fields=["workshop", "date", "part"], name="workshops_session_unique_half_day"
            )
        ]

    def __str__(self):
        from django.utils import formats

        return f"{formats.date_format(self.date, 'l j F Y')} · {self.get_part_display()}"


class ParticipantQuerySet(models.QuerySet):
    """A workshop's rows are people who take part (REGISTERED) and invitations, pending
    (INVITED) or declined (DECLINED). Everything that counts or lists the people who take part
    (roll call, scores, reports, attestations, xAPI) reads `registered()`; the capacity counts
    `holding_place()`, since a pending invitation keeps its place."""

    def registered(self):
        return self.filter(status=Participant.Status.REGISTERED)

    def holding_place(self):
        return self.filter(status__in=Participant.HOLDING_PLACE)

    def invitations(self):
        """Pending and declined invitations, for those who follow them up."""
        return self.filter(status__in=[Participant.Status.INVITED, Participant.Status.DECLINED])


class Participant(models.Model):
    class Status(models.TextChoices):
        INVITED = "invited", _("Invitation envoyée")
        REGISTERED = "registered", _("Inscription confirmée")
        DECLINED = "declined", _("Invitation déclinée")

    HOLDING_PLACE = (Status.REGISTERED, Status.INVITED)

    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="participants")
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="workshop_records"
    )
    status = models.CharField(
        _("statut"), max_length=12, choices=Status.choices, default=Status.REGISTERED
    )
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ajout par"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # For an invitation: when it was sent (again, after a decline). For a direct registration:
    # when the person was added.
    added_at = models.DateTimeField(auto_now_add=True)
    # When the invited person answered (confirmed or declined); empty for a direct
    # registration and a pending invitation.
    responded_at = models.DateTimeField(_("réponse le"), null=True, blank=True)

    objects = ParticipantQuerySet.as_manager()

    class Meta:
        verbose_name = _("participation")
        verbose_name_plural = _("participations")
        constraints = [
            models.UniqueConstraint(
                fields=["workshop", "learner"], name="workshops_participant_unique"
            )
        ]

    def __str__(self):
        return f"{self.workshop} · {self.learner}"


class Attendance(models.Model):
    class Status(models.TextChoices):
        PRESENT = "present", _("Présence")
        LATE = "late", _("Retard")
        ABSENT = "absent", _("Absence")
        EXCUSED = "excused", _("Absence justifiée")

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="attendances")
    participant = models.ForeignKey(
        Participant, on_delete=models.CASCADE, related_name="attendances"
    )
    status = models.CharField(_("présence"), max_length=8, choices=Status.choices)
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    marked_at = models.DateTimeField(_("relevée le"))
    # When the participant was first marked present or late since the last absence: names
    # the xAPI « attended » statement (a correction to absent voids that one; present again
    # later is a new statement). Empty while absent or excused.
    attended_since = models.DateTimeField(_("présence relevée depuis"), null=True, blank=True)

    ATTENDED = ("present", "late")

    class Meta:
        verbose_name = _("présence")
        verbose_name_plural = _("présences")
        constraints = [
            models.UniqueConstraint(
                fields=["session", "participant"], name="workshops_attendance_unique"
            )
        ]

    def __str__(self):
        return f"{self.session} · {self.participant_id} · {self.status}"


class TestResult(models.Model):
    """A paper test's score, entered by the trainer for a participant who took the test
    without a phone: typed as a percentage, or computed from the copy's answers entered
    question by question (`answers`, PaperAnswer), never both. Tests taken on Kalan are read
    from the quiz attempts themselves (selectors.score_rows); a paper score counts only when
    there is no such attempt."""

    __test__ = False  # not a pytest class

    class Kind(models.TextChoices):
        PRE = "pre", _("Pré-test")
        POST = "post", _("Post-test")

    participant = models.ForeignKey(
        Participant, on_delete=models.CASCADE, related_name="test_results"
    )
    kind = models.CharField(_("test"), max_length=4, choices=Kind.choices)
    percent = models.DecimalField(
        _("note (%)"),
        max_digits=5,
        decimal_places=2,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("saisie par"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    entered_at = models.DateTimeField(_("saisie le"))

    class Meta:
        verbose_name = _("résultat sur papier")
        verbose_name_plural = _("résultats sur papier")
        constraints = [
            models.UniqueConstraint(
                fields=["participant", "kind"], name="workshops_testresult_unique"
            ),
            models.CheckConstraint(
                condition=models.Q(percent__gte=0, percent__lte=100),
                name="workshops_testresult_percent_range",
            ),
        ]

    def __str__(self):
        return f"{self.participant_id} · {self.kind} · {self.percent}"


class PaperAnswer(models.Model):
    """One answer of a paper copy, entered by the trainer and graded by the server like an
    attempt's item (quizzes/grading.py): the question frozen as graded (`snapshot`, the
    schema of AttemptItem.snapshot), the cleaned response (null when left blank on the
    copy), the fraction and the points. Its TestResult's percent is computed from them
    (services.paper_answers_enter); a score typed by hand deletes them."""

    result = models.ForeignKey(TestResult, on_delete=models.CASCADE, related_name="answers")
    # The question's number on the copy: its rank among the quiz's fixed questions.
    position = models.PositiveSmallIntegerField(_("numéro"))
    question = models.ForeignKey(
        "quizzes.Question", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    snapshot = models.JSONField()
    response = models.JSONField(null=True, blank=True)
    score = models.DecimalField(max_digits=9, decimal_places=4)
    fraction = models.DecimalField(max_digits=9, decimal_places=7)
    state = models.CharField(max_length=16)

    class Meta:
        verbose_name = _("réponse sur papier")
        verbose_name_plural = _("réponses sur papier")
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(
                fields=["result", "position"], name="workshops_paperanswer_position"
            )
        ]

    def __str__(self):
        return f"{self.result_id} · {self.position}"


class AttestationQuerySet(CertificateQuerySet):
    """« Valid » as for course certificates: not revoked (`VALID`, also the condition of the
    constraint « one valid attestation per participation »)."""


class Attestation(models.Model):
    """An attestation de participation: issued once a participant's attendance reaches the
    workshop's threshold (workshops/attestations.py). It states attendance, never a result.
    The facts it prints are copied when it is issued, so that the paper and the verification
    page always agree. At most one valid attestation per participation; a revoked one stays
    for the record."""

    participant = models.ForeignKey(
        Participant, on_delete=models.PROTECT, related_name="attestations"
    )
    serial = models.CharField(_("numéro"), max_length=32, unique=True, null=True, blank=True)
    code = models.CharField(
        _("code de vérification"),
        max_length=CODE_LENGTH,
        unique=True,
        default=verification_code_new,
    )
    learner_name = models.CharField(_("titulaire"), max_length=150)
    learner_rank = models.CharField(_("grade"), max_length=80, blank=True)
    workshop_title = models.CharField(_("atelier"), max_length=200)
    place = models.CharField(_("lieu"), max_length=200)
    region = models.CharField(_("région"), max_length=100)
    start_date = models.DateField(_("premier jour"))
    end_date = models.DateField(_("dernier jour"))
    trainer_names = models.CharField(_("formateurs"), max_length=500, blank=True)
    sessions_attended = models.PositiveSmallIntegerField(_("séances suivies"))
    sessions_total = models.PositiveSmallIntegerField(_("séances de l’atelier"))
    # Known only when every session attended has its start and end times.
    minutes_attended = models.PositiveIntegerField(_("durée suivie (minutes)"), null=True)
    issued_at = models.DateTimeField(_("délivrée le"), auto_now_add=True)
    pdf = models.FileField(_("PDF"), upload_to="attestations-participation/", blank=True)
    pdf_sha256 = models.CharField(_("empreinte SHA-256 du PDF"), max_length=64, blank=True)
    revoked_at = models.DateTimeField(_("révoquée le"), null=True, blank=True)
    revoked_reason = models.TextField(_("motif de révocation"), blank=True)

    objects = AttestationQuerySet.as_manager()

    class Meta:
        verbose_name = _("attestation de participation")
        verbose_name_plural = _("attestations de participation")
        constraints = [
            models.UniqueConstraint(
                fields=["participant"],
                condition=AttestationQuerySet.VALID,
                name="workshops_one_valid_attestation_per_participant",
            ),
            models.CheckConstraint(
                condition=models.Q(sessions_attended__lte=models.F("sessions_total")),
                name="workshops_attestation_sessions_attended_le_total",
            ),
        ]

    def __str__(self):
        return self.serial or f"#{self.pk}"

    @property
    def code_display(self) -> str:
        return verification_code_display(self.code)

    @property
    def is_valid(self) -> bool:
        return self.revoked_at is None

    @property
    def hours_attended(self):
        """Hours attended as a number (7.5), or None when the sessions' times are not known."""
        if self.minutes_attended is None:
            return None
        return self.minutes_attended / 60
