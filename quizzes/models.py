"""The question bank (Wagtail snippets with revisions), quiz pages and attempts.

An attempt never reads the bank again once started: each AttemptItem freezes the question as
shown (`Question.snapshot()`, schema in quizzes/grading.py), so editing or deleting a question
changes no past score or review."""

from datetime import timedelta
from decimal import Decimal

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Orderable,
    Page,
    RevisionMixin,
    WorkflowMixin,
)
from wagtail.search import index

from .forms import QuestionForm, QuizPageForm
from .panels import ReviewLeakPanel
from .richtext import field_clean
from .snapshots import (
    CHOICE_TYPES,
    ESSAY_TYPES,
    PAIR_ANSWER_TYPES,
    PAIR_TYPES,
    TOLERANCE_TYPES,
)
from .widgets import ReviewPartsWidget

OFFLINE_LATE_HOURS_MAX = 168  # a week: beyond it, a quiz is better reopened by hand
FRACTION_VALIDATORS = [MinValueValidator(Decimal("-100")), MaxValueValidator(Decimal("100"))]


class QuestionCategory(models.Model):
    """Nested categories of the question bank, e.g. « Garde à vue › Droits de la personne »."""

    name = models.CharField(_("nom"), max_length=150)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("catégorie parente"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    description = models.TextField(_("description"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("parent"), FieldPanel("description")]

    class Meta:
        verbose_name = _("catégorie de questions")
        verbose_name_plural = _("catégories de questions")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["parent", "name"], name="quizzes_category_unique_name")
        ]

    def __str__(self):
        return " › ".join(c.name for c in self.lineage())

    def lineage(self) -> list["QuestionCategory"]:
        chain, node, seen = [], self, set()
        while node is not None and node.pk not in seen:
            seen.add(node.pk)
            chain.append(node)
            node = node.parent
        return list(reversed(chain))

    def clean(self):
        if self.pk and self.parent and any(c.pk == self.pk for c in self.parent.lineage()):
            raise ValidationError(
                {"parent": _("Une catégorie ne peut pas être sa propre parente.")}
            )

    def subtree_ids(self) -> set[int]:
        """This category and every category below it."""
        ids, frontier = {self.pk}, [self.pk]
        while frontier:
            frontier = list(
                QuestionCategory.objects.filter(parent_id__in=frontier)
                .exclude(pk__in=ids)
                .values_list("pk", flat=True)
            )
            ids.update(frontier)
        return ids


class Question(
    WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, index.Indexed, ClusterableModel
):
    """A bank question under the « Relecture CNDH » workflow: the row holds the live (approved)
    content that quizzes draw and freeze; an edit waits in a revision until a reviewer
    approves it. A question never published has `live` False and is never drawn."""

    class Type(models.TextChoices):
        SINGLE = "single", _("Choix unique")
        MULTIPLE = "multiple", _("Réponses multiples")
        TRUEFALSE = "truefalse", _("Vrai / faux")
        SHORT = "short", _("Réponse courte")
        NUMERICAL = "numerical", _("Numérique")
        MATCHING = "matching", _("Association")
        ORDERING = "ordering", _("Remise en ordre")
        ESSAY = "essay", _("Composition (corrigée par une personne)")
        DESCRIPTION = "description", _("Description (texte sans réponse)")

    category = models.ForeignKey(
        QuestionCategory,
        verbose_name=_("catégorie"),
        on_delete=models.PROTECT,
        related_name="questions",
    )
    name = models.CharField(
        _("nom"), max_length=200, help_text=_("Nom interne, pour retrouver la question.")
    )
    question_type = models.CharField(_("type"), max_length=12, choices=Type.choices)
    text = RichTextField(
        _("énoncé"), features=["bold", "italic", "ol", "ul", "image", "document-link"]
    )
    max_score = models.DecimalField(
        _("points"),
        max_digits=6,
        decimal_places=2,
        default=Decimal("1"),
        validators=[MinValueValidator(Decimal("0"))],
        help_text=_("Une description ne compte pas : ses points sont ignorés."),
    )
    general_feedback = models.TextField(
        _("commentaire général"),
        blank=True,
        help_text=_("Montré après la tentative si la politique de relecture le permet."),
    )
    # Kept from Moodle XML imports so that an export gives them back (quizzes/interop); Kalan
    # shows none of them yet except shuffle_answers, which an attempt follows.
    idnumber = models.CharField(_("identifiant Moodle"), max_length=100, blank=True)
    # Schema: list[str].
    tags = models.JSONField(_("étiquettes"), default=list, blank=True)
    # Schema: list of {"text": str, "shownumcorrect": bool, "clearwrong": bool}.
    hints = models.JSONField(_("indices"), default=list, blank=True)
    penalty = models.DecimalField(
        _("pénalité par nouvel essai"),
        max_digits=8,
        decimal_places=7,
        default=Decimal("0.3333333"),
        validators=[MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("1"))],
    )
    shuffle_answers = models.BooleanField(_("mélanger les réponses"), default=True)
    correct_feedback = models.TextField(_("retour pour une réponse juste"), blank=True)
    partially_correct_feedback = models.TextField(
        _("retour pour une réponse partiellement juste"), blank=True
    )
    incorrect_feedback = models.TextField(_("retour pour une réponse fausse"), blank=True)
    show_num_correct = models.BooleanField(_("montrer le nombre de bonnes réponses"), default=False)

    # Essay only (ESSAY_TYPES): the text the answer box starts with, and the grader's rubric,
    # which is frozen in the snapshot for the graders and never shown to the learner.
    response_template = models.TextField(
        _("modèle de réponse"),
        blank=True,
        help_text=_("Composition seulement : le texte dont part la zone de réponse."),
    )
    grader_info = models.TextField(
        _("consignes de correction"),
        blank=True,
        help_text=_(
            "Composition seulement : montrées à la personne qui corrige, jamais dans le quiz."
        ),
    )
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="question")

    panels = [
        FieldPanel("category"),
        FieldPanel("name"),
        FieldPanel("question_type"),
        FieldPanel("text"),
        FieldRowPanel([FieldPanel("max_score")]),
        FieldPanel("general_feedback"),
        # Without JavaScript every panel shows, each saying which types it serves; with it,
        # only those of the chosen type (CHOICE_TYPES… in quizzes/snapshots.py).
        InlinePanel(
            "choices",
            heading=_("Réponses"),
            label=_("réponse"),
            help_text=_(
                "Tous les types sauf association et remise en ordre (ignorées pour ces deux-là)."
                " Choix unique, réponses multiples et vrai/faux : chaque choix avec son poids en %"
                " (100 pour la bonne réponse ; des poids négatifs pénalisent les mauvais choix)."
                " Réponse courte : les réponses acceptées, * remplace n’importe quelle suite de"
                " lettres. Numérique : la valeur dans « réponse » et la tolérance."
            ),
            attrs={"data-kalan-types": " ".join(CHOICE_TYPES)},
        ),
        InlinePanel(
            "pairs",
            heading=_("Association ou remise en ordre"),
            label=_("élément"),
            help_text=_(
                "Association et remise en ordre seulement (ignorés pour les autres types) : "
                "les éléments dans le bon ordre ; pour une association, chacun avec sa réponse."
            ),
            attrs={"data-kalan-types": " ".join(PAIR_TYPES)},
        ),
        FieldPanel("response_template", attrs={"data-kalan-types": " ".join(ESSAY_TYPES)}),
        FieldPanel("grader_info", attrs={"data-kalan-types": " ".join(ESSAY_TYPES)}),
    ]
    search_fields = [index.SearchField("name"), index.SearchField("text")]
    base_form_class = QuestionForm

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["category__name", "name"]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if (
            self.question_type != self.Type.DESCRIPTION
            and self.max_score is not None
            and self.max_score <= 0
        ):
            raise ValidationError({"max_score": _("Une question vaut plus de 0 point.")})

    def save(self, *args, **kwargs):
        # Whatever wrote it (an import, a revision being published, the shell), the text a
        # learner sees holds only what the editor itself could have written.
        self.text = field_clean(Question, "text", self.text)
        super().save(*args, **kwargs)

    @property
    def revisions(self):
        return self._revisions

    def snapshot(self) -> dict:
        """The question as a learner sees it, frozen (schema in quizzes/grading.py)."""
        from .snapshots import question_snapshot

        return question_snapshot(self)


class QuestionChoice(Orderable):
    """A choice (single, multiple, true/false), an accepted answer (short answer) or an
    accepted value with its tolerance (numerical)."""

    question = ParentalKey(Question, on_delete=models.CASCADE, related_name="choices")
    text = models.CharField(_("réponse"), max_length=500)
    fraction_percent = models.DecimalField(
        _("poids (%)"),
        max_digits=10,
        decimal_places=5,
        default=Decimal("0"),
        validators=FRACTION_VALIDATORS,
    )
    tolerance = models.DecimalField(
        _("tolérance (numérique)"),
        max_digits=12,
        decimal_places=4,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0"))],
    )
    feedback = models.CharField(_("retour"), max_length=500, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("text"), FieldPanel("fraction_percent")]),
        FieldRowPanel(
            [
                FieldPanel(
                    "tolerance",
                    help_text=_("Numérique seulement ; ignorée pour les autres types."),
                    attrs={"data-kalan-types": " ".join(TOLERANCE_TYPES)},
                ),
                FieldPanel("feedback"),
            ]
        ),
    ]

    def __str__(self):
        return self.text


class QuestionPair(Orderable):
    """A pair (matching: prompt and its answer) or an item (ordering: in the right order)."""

    question = ParentalKey(Question, on_delete=models.CASCADE, related_name="pairs")
    prompt = models.CharField(_("élément"), max_length=300)
    answer = models.CharField(
        _("réponse associée"),
        max_length=300,
        blank=True,
        help_text=_("Association seulement. Pour une remise en ordre, laissez vide."),
    )

    panels = [
        FieldRowPanel(
            [
                FieldPanel("prompt"),
                FieldPanel(
                    "answer",
                    help_text=_("Association seulement ; ignorée pour une remise en ordre."),
                    attrs={"data-kalan-types": " ".join(PAIR_ANSWER_TYPES)},
                ),
            ]
        )
    ]

    def __str__(self):
        return self.prompt


REVIEW_PARTS = [
    ("score", _("la note")),
    ("correctness", _("juste ou faux")),
    ("answer", _("la bonne réponse")),
    ("feedback", _("les commentaires")),
]

# What tells a learner which answer is right: right/wrong marks (and so each question's
# points, which the review shows only with them), the right answer, and the feedback (a
# choice's « Exact » or the general comment). Shown while another attempt may draw the same
# questions, they let the learner harvest the answers on a blank attempt and score 100 % on
# the next one. They are safe at the moments when no further attempt can use them: after the
# learner's last attempt (the attempts allowed are used up; passing does not end attempts,
# since the learner may start another one and raise the grade kept) and after the quiz
# closes (for a learner with no attempt in progress). The quiz form refuses them at the
# earlier moments for a certifying quiz whose questions come back (a fixed question, or a
# category with no more questions than it draws), and warns for any other quiz
# (quizzes/forms.py). A larger pool only makes the harvest partial, and the score shown after
# each attempt still lets a patient learner probe one answer per attempt: the editor weighs
# these, with the number of attempts, as in Moodle.
ANSWER_PARTS = frozenset({"correctness", "answer", "feedback"})


class QuizPage(Page):
    """A quiz placed in a module or at the end of a course."""

    class ExpiryPolicy(models.TextChoices):
        AUTOSUBMIT = "autosubmit", _("Envoi automatique des réponses enregistrées")
        GRACE = "grace", _("Délai de grâce pour envoyer, puis envoi automatique")
        NOT_COUNTED = "not_counted", _("La tentative n’est pas comptée")

    class GradingMethod(models.TextChoices):
        HIGHEST = "highest", _("Meilleure note")
        LAST = "last", _("Dernière tentative")
        FIRST = "first", _("Première tentative")
        AVERAGE = "average", _("Moyenne des tentatives")

    intro = RichTextField(_("consignes"), blank=True, features=["bold", "italic", "ul"])
    required = models.BooleanField(
        _("obligatoire"), default=True, help_text=_("Doit être réussi pour terminer la formation.")
    )
    pass_percent = models.PositiveSmallIntegerField(
        _("note de réussite (%)"), default=70, validators=[MaxValueValidator(100)]
    )
    attempts_allowed = models.PositiveSmallIntegerField(
        _("tentatives autorisées"), default=3, help_text=_("0 : illimité.")
    )
    delay_minutes = models.PositiveIntegerField(
        _("délai entre deux tentatives (minutes)"), default=0
    )
    time_limit_minutes = models.PositiveIntegerField(
        _("durée limite (minutes)"), default=0, help_text=_("0 : pas de limite.")
    )
    expiry_policy = models.CharField(
        _("à l’expiration"),
        max_length=12,
        choices=ExpiryPolicy.choices,
        default=ExpiryPolicy.AUTOSUBMIT,
    )
    grace_minutes = models.PositiveIntegerField(_("délai de grâce (minutes)"), default=0)
    # Issue 19: answers given in time on a device that lost the connection, sent when it
    # returns (quizzes.services.attempt_save_offline and attempt_submit_offline). Never for a
    # required quiz, which counts for the certificate (QuizPageForm refuses it, and
    # offline_window() reads 0 whatever the row holds).
    offline_late_hours = models.PositiveSmallIntegerField(
        _(
            "accepter les réponses arrivées après l’échéance à cause d’une coupure, "
            "jusqu’à (heures)"
        ),
        default=0,
        validators=[MaxValueValidator(OFFLINE_LATE_HOURS_MAX)],
        help_text=_(
            "0 : jamais. Pour un quiz chronométré : les réponses données à temps sur un téléphone "
            "sans connexion, envoyées à son retour, sont acceptées jusqu’à ce nombre d’heures "
            "après l’échéance ; la tentative est alors marquée « synchronisée hors ligne ». "
            "La tentative reste ouverte pendant ce délai. Toujours 0 pour un quiz obligatoire, "
            "qui compte pour l’attestation."
        ),
    )
    grading_method = models.CharField(
        _("note retenue"),
        max_length=8,
        choices=GradingMethod.choices,
        default=GradingMethod.HIGHEST,
    )
    shuffle_questions = models.BooleanField(_("mélanger les questions"), default=True)
    shuffle_choices = models.BooleanField(_("mélanger les réponses"), default=True)
    questions_per_page = models.PositiveSmallIntegerField(
        _("questions par page"), default=1, validators=[MinValueValidator(1)]
    )
    close_at = models.DateTimeField(_("fermeture du quiz"), null=True, blank=True)
    # Review policy, Moodle's review options: for each moment, a list of REVIEW_PARTS keys,
    # e.g. ["score", "correctness"]. Schema: list[str], each in {"score", "correctness",
    # "answer", "feedback"}. "after" and "open" apply while the learner may still have
    # attempts left; review_final adds its parts once the learner has none left, and
    # review_closed applies after the quiz closes (see ANSWER_PARTS for why).
    review_after = models.JSONField(
        _("relecture juste après la tentative"), default=list, blank=True
    )
    review_open = models.JSONField(_("relecture plus tard, quiz ouvert"), default=list, blank=True)
    review_final = models.JSONField(
        _("relecture après la dernière tentative"),
        default=list,
        blank=True,
        help_text=_(
            "Quand toutes les tentatives autorisées sont utilisées. Montrer la bonne réponse, "
            "juste ou faux ou les commentaires plus tôt permet de les relever avant une autre "
            "tentative."
        ),
    )
    review_closed = models.JSONField(_("relecture après fermeture"), default=list, blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        InlinePanel("slots", heading=_("Questions"), label=_("emplacement"), min_num=1),
    ]
    settings_panels = [
        MultiFieldPanel(
            [
                FieldPanel("required"),
                FieldPanel("pass_percent"),
                FieldPanel("attempts_allowed"),
                FieldPanel("delay_minutes"),
                FieldPanel("grading_method"),
            ],
            heading=_("Note et tentatives"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("time_limit_minutes"),
                FieldPanel("expiry_policy"),
                FieldPanel("grace_minutes"),
                FieldPanel("offline_late_hours"),
                FieldPanel("close_at"),
            ],
            heading=_("Temps"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("shuffle_questions"),
                FieldPanel("shuffle_choices"),
                FieldPanel("questions_per_page"),
            ],
            heading=_("Présentation"),
        ),
        MultiFieldPanel(
            [
                ReviewLeakPanel(),
                FieldPanel("review_after", widget=ReviewPartsWidget),
                FieldPanel("review_open", widget=ReviewPartsWidget),
                FieldPanel("review_final", widget=ReviewPartsWidget),
                FieldPanel("review_closed", widget=ReviewPartsWidget),
            ],
            heading=_("Relecture"),
        ),
        *Page.settings_panels,
    ]
    parent_page_types = ["courses.ModulePage", "courses.CoursePage"]
    subpage_types = []
    base_form_class = QuizPageForm
    # The learner's search finds a quiz by its title and instructions, never by its questions.
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.AutocompleteField("intro"),
    ]

    class Meta:
        verbose_name = _("quiz")
        verbose_name_plural = _("quiz")

    def grade_of(self, percents: list):
        """The learner's grade from the percents of their finished attempts, in the order
        they were taken, by the quiz's grading method (None without any)."""
        if not percents:
            return None
        method = self.grading_method
        if method == self.GradingMethod.HIGHEST:
            return max(percents)
        if method == self.GradingMethod.LAST:
            return percents[-1]
        if method == self.GradingMethod.FIRST:
            return percents[0]
        return sum(percents) / len(percents)

    def is_pass(self, percent) -> bool:
        return percent >= self.pass_percent

    def review_parts(self, *, moment: str) -> set[str]:
        return set(
            {
                "after": self.review_after,
                "open": self.review_open,
                "final": self.review_final,
                "closed": self.review_closed,
            }[moment]
            or []
        )

    def offline_window(self) -> timedelta:
        """How long after the deadline an answer given in time offline may still arrive."""
        if self.required or not self.time_limit_minutes:
            return timedelta(0)
        return timedelta(hours=self.offline_late_hours)

    def serve(self, request, *args, **kwargs):
        from .views import quiz_serve

        if getattr(request, "is_preview", False):
            return super().serve(request, *args, **kwargs)
        return quiz_serve(request, self)


class QuizSlot(Orderable):
    """One fixed question, or N questions drawn at random from a category."""

    quiz = ParentalKey(QuizPage, on_delete=models.CASCADE, related_name="slots")
    question = models.ForeignKey(
        Question,
        verbose_name=_("question"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    category = models.ForeignKey(
        QuestionCategory,
        verbose_name=_("ou au hasard dans la catégorie"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    random_count = models.PositiveSmallIntegerField(_("nombre de questions au hasard"), default=1)
    include_subcategories = models.BooleanField(_("avec les sous-catégories"), default=True)

    panels = [
        FieldPanel("question"),
        FieldRowPanel(
            [
                FieldPanel("category"),
                FieldPanel("random_count"),
                FieldPanel("include_subcategories"),
            ]
        ),
    ]

    def clean(self):
        if bool(self.question_id) == bool(self.category_id):
            raise ValidationError(
                _("Choisissez soit une question, soit une catégorie pour un tirage au hasard.")
            )


class Attempt(models.Model):
    class State(models.TextChoices):
        IN_PROGRESS = "in_progress", _("En cours")
        FINISHED = "finished", _("Terminée")
        # Submitted, with essays waiting for a person: the grade is provisional, the quiz
        # is neither passed nor failed, and the learner's QuizGrade does not count it yet.
        NEEDS_GRADING = "needs_grading", _("Correction en attente")
        ABANDONED = "abandoned", _("Non comptée")

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="quiz_attempts"
    )
    quiz = models.ForeignKey(QuizPage, on_delete=models.CASCADE, related_name="attempts")
    number = models.PositiveSmallIntegerField(_("numéro"))
    state = models.CharField(
        _("état"), max_length=16, choices=State.choices, default=State.IN_PROGRESS
    )
    started_at = models.DateTimeField(_("commencée le"), auto_now_add=True)
    deadline = models.DateTimeField(_("échéance"), null=True, blank=True)
    finished_at = models.DateTimeField(_("terminée le"), null=True, blank=True)
    score = models.DecimalField(_("points"), max_digits=9, decimal_places=4, null=True, blank=True)
    max_score = models.DecimalField(_("points maximum"), max_digits=9, decimal_places=4, default=0)
    percent = models.DecimalField(
        _("note (%)"), max_digits=7, decimal_places=3, null=True, blank=True
    )
    passed = models.BooleanField(_("réussie"), default=False)
    # « Synchronisée hors ligne »: graded with answers that arrived after the deadline and
    # were accepted by the quiz's offline window; how long after the deadline (the cutoff,
    # grace included) the last of them arrived. Null for every other attempt.
    offline_delay = models.DurationField(
        _("synchronisée hors ligne, arrivée après l’échéance de"), null=True, blank=True
    )
    page_count = models.PositiveSmallIntegerField(default=1)

    class Meta:
        verbose_name = _("tentative")
        verbose_name_plural = _("tentatives")
        constraints = [
            models.UniqueConstraint(
                fields=["learner", "quiz", "number"], name="quizzes_attempt_unique_number"
            ),
            # At most one attempt in progress per learner and quiz, whatever the races.
            models.UniqueConstraint(
                fields=["learner", "quiz"],
                condition=models.Q(state="in_progress"),
                name="quizzes_attempt_one_in_progress",
            ),
        ]
        indexes = [models.Index(fields=["quiz", "state"])]

    def __str__(self):
        return f"{self.learner} · {self.quiz} · {self.number}"

    def totals_set(self, score, *, final: bool) -> None:
        """Score, percent, pass and state once the items are graded. Not `final` while an
        essay waits for a person: the grade is provisional, neither passed nor failed."""
        self.score = score
        self.percent = (100 * score / self.max_score) if self.max_score else Decimal(0)
        self.passed = final and self.quiz.is_pass(self.percent)
        self.state = self.State.FINISHED if final else self.State.NEEDS_GRADING

    @property
    def offline_delay_label(self) -> str:
        """« 2 h 05 min », « 40 min »: how long after the deadline an attempt « synchronisée
        hors ligne » got its last answers; "" for any other attempt."""
        return delay_label(self.offline_delay) if self.offline_delay is not None else ""


def delay_label(delay: timedelta) -> str:
    minutes = max(0, int(delay.total_seconds() // 60))
    if minutes < 60:
        return gettext("%(m)d min") % {"m": minutes}
    hours, rest = divmod(minutes, 60)
    return gettext("%(h)d h %(m)02d min") % {"h": hours, "m": rest}


class AttemptItem(models.Model):
    """A question as shown in an attempt, frozen, with the learner's saved response."""

    attempt = models.ForeignKey(Attempt, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveSmallIntegerField()
    page_number = models.PositiveSmallIntegerField()
    question = models.ForeignKey(
        Question, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The question as shown: quizzes/grading.py documents the schema. Never updated.
    snapshot = models.JSONField()
    # Display order of choices, pairs' answers or items (ids), fixed at start.
    display_order = models.JSONField(default=list)
    # The cleaned response (schema in quizzes/grading.py), or null when unanswered.
    response = models.JSONField(null=True, blank=True)
    # Ids of the last saves applied (client-generated, newest last): a replayed save, even
    # one arriving after a newer save, changes nothing. Schema: list[str], at most 20.
    save_ids = models.JSONField(default=list, blank=True)
    # When the saved response was given: the server's clock for a save sent online, the
    # device's press time (corrected to the server's clock) for one queued offline, so that
    # an older save delivered after a newer one changes nothing (attempt_save_offline).
    saved_at = models.DateTimeField(null=True, blank=True)
    score = models.DecimalField(max_digits=9, decimal_places=4, null=True, blank=True)
    fraction = models.DecimalField(max_digits=9, decimal_places=7, null=True, blank=True)
    state = models.CharField(max_length=16, blank=True)
    # An essay's grading by a person (quizzes.services.essay_grade): who, when, and the
    # feedback shown to the learner once the attempt is final (plain text).
    graded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    graded_at = models.DateTimeField(null=True, blank=True)
    grader_feedback = models.TextField(blank=True)

    class Meta:
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(fields=["attempt", "position"], name="quizzes_item_position")
        ]

    def __str__(self):
        return f"{self.attempt_id} · {self.position}"


class QuizGrade(models.Model):
    """A learner's grade for a quiz by its grading method, kept up to date at each submit so
    that completion rules and dashboards read one row instead of every attempt."""

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="quiz_grades"
    )
    quiz = models.ForeignKey(QuizPage, on_delete=models.CASCADE, related_name="grades")
    course = models.ForeignKey("courses.CoursePage", on_delete=models.CASCADE, related_name="+")
    percent = models.DecimalField(_("note (%)"), max_digits=7, decimal_places=3)
    passed = models.BooleanField(_("réussi"), default=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("note de quiz")
        verbose_name_plural = _("notes de quiz")
        constraints = [
            models.UniqueConstraint(fields=["learner", "quiz"], name="quizzes_grade_unique")
        ]
        indexes = [models.Index(fields=["learner", "course"])]

    def __str__(self):
        return f"{self.learner} · {self.quiz_id} · {self.percent}"
