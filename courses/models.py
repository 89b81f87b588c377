import math
from datetime import date, timedelta

from django.conf import settings
from django.db import NotSupportedError, models
from django.http import Http404
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from .blocks import LessonStreamBlock

WORDS_PER_MINUTE = 180


@register_snippet
class GlossaryTerm(index.Indexed, models.Model):
    """A term defined once and quoted by any lesson (glossary block)."""

    term = models.CharField(_("terme"), max_length=120, unique=True)
    definition = models.TextField(_("définition"))

    panels = [FieldPanel("term"), FieldPanel("definition")]
    search_fields = [index.SearchField("term"), index.SearchField("definition")]

    class Meta:
        verbose_name = _("terme du glossaire")
        verbose_name_plural = _("glossaire")
        ordering = ["term"]

    def __str__(self):
        return self.term


class CourseIndexPage(Page):
    """The catalogue: /formations/."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["courses.CoursePage"]
    max_count = 1

    class Meta:
        verbose_name = _("catalogue des formations")

    def route(self, request, path_components):
        """Resolves the whole rest of the path on url_path (courses/routing.py): one query for
        the usual type at that depth (the lesson page's query budget depends on it), two more
        for any other page type (a quiz), instead of Wagtail's two queries per level."""
        from wagtail.url_routing import RouteResult

        from .routing import page_at

        if not path_components:
            return super().route(request, path_components)
        page = page_at(
            self.url_path + "/".join(path_components) + "/",
            depth_below_catalogue=len(path_components),
        )
        if page is None or not page.live:
            raise Http404
        return RouteResult(page)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["courses"] = (
            CoursePage.objects.live().child_of(self).select_related("cover_image").order_by("path")
        )
        return context


class CoursePage(Page):
    class Level(models.TextChoices):
        INITIATION = "initiation", _("Initiation")
        INTERMEDIATE = "intermediaire", _("Intermédiaire")
        ADVANCED = "approfondissement", _("Approfondissement")

    class CompletionRule(models.TextChoices):
        ALL_LESSONS = "all_lessons", _("Toutes les leçons terminées")
        ALL_REQUIREMENTS = (
            "all_requirements",
            _("Toutes les leçons terminées et tous les quiz obligatoires réussis"),
        )

    summary = models.TextField(_("résumé"), max_length=600)
    audience = models.CharField(_("public"), max_length=255, blank=True)
    objectives = RichTextField(_("objectifs"), blank=True, features=["ul", "bold", "italic"])
    duration_minutes = models.PositiveIntegerField(_("durée estimée (minutes)"), default=60)
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image de couverture"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    level = models.CharField(
        _("niveau"), max_length=20, choices=Level.choices, default=Level.INITIATION
    )
    prerequisites = ParentalManyToManyField(
        "self",
        verbose_name=_("prérequis"),
        blank=True,
        symmetrical=False,
        help_text=_("Formations à terminer avant de pouvoir s’inscrire à celle-ci."),
    )
    sequential_modules = models.BooleanField(
        _("modules dans l’ordre"),
        default=True,
        help_text=_("Le module suivant reste verrouillé tant que le précédent n’est pas terminé."),
    )
    completion_rule = models.CharField(
        _("règle d’achèvement"),
        max_length=20,
        choices=CompletionRule.choices,
        default=CompletionRule.ALL_REQUIREMENTS,
    )
    self_enrollment = models.BooleanField(
        _("inscription libre"),
        default=True,
        help_text=_("Les apprenants peuvent s’inscrire eux-mêmes. Sinon, sur affectation."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("cover_image"),
        MultiFieldPanel(
            [
                FieldPanel("audience"),
                FieldPanel("objectives"),
                FieldPanel("level"),
                FieldPanel("duration_minutes"),
            ],
            heading=_("Présentation"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("prerequisites"),
                FieldPanel("sequential_modules"),
                FieldPanel("completion_rule"),
                FieldPanel("self_enrollment"),
            ],
            heading=_("Parcours"),
        ),
    ]
    # Each text is searched as whole words and as prefixes (courses.search).
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("objectives"),
        index.SearchField("audience"),
        index.AutocompleteField("summary"),
        index.AutocompleteField("objectives"),
        index.AutocompleteField("audience"),
    ]
    parent_page_types = ["courses.CourseIndexPage"]
    subpage_types = ["courses.ModulePage"]
    # The explorer lists the modules in the course's order, not by last change.
    admin_default_ordering = "ord"

    class Meta:
        verbose_name = _("formation")
        verbose_name_plural = _("formations")

    def get_context(self, request, *args, **kwargs):
        from .selectors import course_page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(course_page_context(course=self, user=request.user))
        return context


class ModulePage(Page):
    introduction = RichTextField(
        _("introduction"), blank=True, features=["bold", "italic", "ul", "ol"]
    )
    objectives = RichTextField(_("objectifs"), blank=True, features=["ul", "bold", "italic"])

    content_panels = [*Page.content_panels, FieldPanel("introduction"), FieldPanel("objectives")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("introduction"),
        index.SearchField("objectives"),
        index.AutocompleteField("introduction"),
        index.AutocompleteField("objectives"),
    ]
    parent_page_types = ["courses.CoursePage"]
    subpage_types = ["courses.LessonPage"]
    # The explorer lists a module's lessons and quizzes in the order learners meet them.
    admin_default_ordering = "ord"

    class Meta:
        verbose_name = _("module")
        verbose_name_plural = _("modules")

    def serve(self, request, *args, **kwargs):
        # A module has no page of its own for learners: its outline lives on the course page.
        from django.shortcuts import redirect

        if getattr(request, "is_preview", False):
            return super().serve(request, *args, **kwargs)
        return redirect(self.get_parent().url + f"#module-{self.pk}")


class LessonPage(Page):
    body = StreamField(LessonStreamBlock(), verbose_name=_("contenu"), blank=False)
    reading_minutes = models.PositiveIntegerField(
        _("temps de lecture (minutes)"), default=1, editable=False
    )
    # Set on save, so that a lesson without resources costs no query for them.
    has_resources = models.BooleanField(default=False, editable=False)

    content_panels = [
        *Page.content_panels,
        FieldPanel("body"),
        InlinePanel("resources", heading=_("Ressources à télécharger"), label=_("ressource")),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("body"),
        index.AutocompleteField("body"),
    ]
    parent_page_types = ["courses.ModulePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("leçon")
        verbose_name_plural = _("leçons")

    def get_view_restrictions(self):
        """Restrictions of this page and its ancestors in one query (Wagtail's default takes
        two). Pages of the course tree are never aliases, so no alias resolution is needed."""
        from wagtail.models import PageViewRestriction

        from .caching import view_restrictions_exist

        if not view_restrictions_exist():
            return PageViewRestriction.objects.none()
        steps = range(self.steplen, len(self.path) + 1, self.steplen)
        return PageViewRestriction.objects.filter(page__path__in=[self.path[:n] for n in steps])

    def save(self, *args, **kwargs):
        self.reading_minutes = self.compute_reading_minutes()
        # The cluster holds the submitted resources, saved or not yet.
        self.has_resources = bool(self.resources.all())
        super().save(*args, **kwargs)

    def compute_reading_minutes(self) -> int:
        """Words of the whole body at 180 words a minute, plus the length of its videos."""
        words, video_minutes = 0, 0
        for block in self.body:
            if block.block_type == "video":
                video_minutes += block.value.get("duration_minutes") or 0
            rendered = block.block.get_searchable_content(block.value)
            words += sum(len(strip_tags(str(text)).split()) for text in rendered)
        return max(1, math.ceil(words / WORDS_PER_MINUTE) + video_minutes)

    def resource_list(self):
        if not self.has_resources:
            return []
        return self.resources.select_related("document")

    def get_context(self, request, *args, **kwargs):
        """Context of the editor's preview: the course and its outline, no learner data."""
        from .selectors import course_path_for, outline_for

        context = super().get_context(request, *args, **kwargs)
        course = (
            CoursePage.objects.filter(path=course_path_for(self)).first() if self.path else None
        )
        context["course"] = course
        context["outline"] = outline_for(course=course, learner=None) if course else None
        context["is_preview"] = True
        return context

    def serve(self, request, *args, **kwargs):
        from .views import lesson_serve

        if getattr(request, "is_preview", False):
            return super().serve(request, *args, **kwargs)
        return lesson_serve(request, self)


class LessonResource(Orderable):
    lesson = ParentalKey(LessonPage, on_delete=models.CASCADE, related_name="resources")
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    title = models.CharField(_("titre"), max_length=200, blank=True)

    panels = [FieldPanel("document"), FieldPanel("title")]

    def __str__(self):
        return self.title or self.document.title


class NullsOrderIndex(models.Index):
    """An index whose keys say where NULLs go (`F(...).desc(nulls_last=True)`), as PostgreSQL
    needs to serve an ORDER BY that says it. SQLite refuses NULLS FIRST/LAST in CREATE INDEX,
    but it sorts NULL below every value, so a descending key has its NULLs last and an
    ascending one first: there, those keys are created without the clause, in the same order.
    The other two orders cannot be indexed on SQLite."""

    def create_sql(self, model, schema_editor, using="", **kwargs):
        if schema_editor.connection.vendor != "sqlite":
            return super().create_sql(model, schema_editor, using=using, **kwargs)
        expressions = []
        for expression in self.expressions:
            if isinstance(expression, models.OrderBy):
                descending = expression.descending
                if expression.nulls_first if descending else expression.nulls_last:
                    order = "DESC NULLS FIRST" if descending else "ASC NULLS LAST"
                    raise NotSupportedError(f"{self.name}: SQLite cannot index {order}.")
                expression = models.OrderBy(expression.expression, descending=descending)
            expressions.append(expression)
        index = self.clone()
        index.expressions = tuple(expressions)
        return models.Index.create_sql(index, model, schema_editor, using=using, **kwargs)


class EnrollmentQuerySet(models.QuerySet):
    """The rules on enrollments that every app reads, written once: « completed »,
    « overdue » and « due within n days ». `Enrollment.is_overdue` is the same rule on one row,
    for the templates (its filter `courses_tags.overdue_on`); a test keeps the two in step."""

    @staticmethod
    def overdue_q(today: date) -> models.Q:
        """Overdue: the due date has passed and the course is not completed. A Q, for
        conditional counts (`Count(filter=…)`) as well as filters."""
        return models.Q(due_date__lt=today) & ~models.Q(status=Enrollment.Status.COMPLETED)

    def completed(self):
        return self.filter(status=Enrollment.Status.COMPLETED)

    def not_completed(self):
        return self.exclude(status=Enrollment.Status.COMPLETED)

    def overdue(self, today: date):
        return self.filter(self.overdue_q(today))

    def due_within(self, days: int, today: date):
        """Not completed, with a due date at most `days` days after `today`, overdue ones
        included: what a reminder names."""
        return self.not_completed().filter(due_date__lte=today + timedelta(days=days))


class Enrollment(models.Model):
    """A learner's registration in a course, with denormalised progress for fast listings."""

    class Status(models.TextChoices):
        NOT_STARTED = "not_started", _("Pas commencée")
        IN_PROGRESS = "in_progress", _("En cours")
        COMPLETED = "completed", _("Terminée")

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="enrollments"
    )
    course = models.ForeignKey(CoursePage, on_delete=models.CASCADE, related_name="enrollments")
    status = models.CharField(
        _("statut"), max_length=12, choices=Status.choices, default=Status.NOT_STARTED
    )
    progress_percent = models.PositiveSmallIntegerField(_("progression (%)"), default=0)
    due_date = models.DateField(_("échéance"), null=True, blank=True)
    enrolled_at = models.DateTimeField(_("date d’inscription"), auto_now_add=True)
    started_at = models.DateTimeField(_("commencée le"), null=True, blank=True)
    completed_at = models.DateTimeField(_("terminée le"), null=True, blank=True)
    last_activity_at = models.DateTimeField(_("dernière activité"), null=True, blank=True)

    objects = EnrollmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("inscription")
        verbose_name_plural = _("inscriptions")
        constraints = [
            models.UniqueConstraint(fields=["learner", "course"], name="courses_enrollment_unique"),
            models.CheckConstraint(
                condition=models.Q(progress_percent__lte=100), name="courses_enrollment_percent"
            ),
        ]
        indexes = [
            models.Index(fields=["course", "status"]),
            # The supervisor dashboard's learner table sorts by the most recent activity by
            # default (tracking.selectors.SORTS["-activity"]): this index in the same order
            # lets it read its first page without sorting every enrollment in scope.
            NullsOrderIndex(
                models.F("last_activity_at").desc(nulls_last=True),
                "id",
                name="courses_enrollment_recent_idx",
            ),
        ]

    def __str__(self):
        return f"{self.learner} · {self.course}"

    @property
    def is_completed(self) -> bool:
        return self.status == self.Status.COMPLETED

    @property
    def is_not_started(self) -> bool:
        return self.status == self.Status.NOT_STARTED

    def is_overdue(self, today: date) -> bool:
        """`EnrollmentQuerySet.overdue_q` on this row."""
        return self.due_date is not None and self.due_date < today and not self.is_completed

    def progress_apply(self, progress, *, now) -> tuple[list[str], bool]:
        """Sets status, progress and times from a `courses.completion.Progress` computed at
        `now`; returns (the fields set, whether the course has just been completed). The
        rule of `services.enrollment_progress_refresh`, which saves and signals. Completion
        is never taken back: a lesson published later does not lower a finished course's
        progress (the certificate stays valid, the lesson is only « Nouveau »)."""
        already_completed = self.is_completed
        fields = {
            "progress_percent": 100 if already_completed else progress.percent,
            "last_activity_at": now,
        }
        if self.started_at is None and progress.done:
            fields["started_at"] = now
        just_completed = progress.complete and not already_completed
        if just_completed:
            fields["status"] = self.Status.COMPLETED
            fields["completed_at"] = now
        elif not already_completed:
            fields["status"] = self.Status.IN_PROGRESS if progress.done else self.Status.NOT_STARTED
        for name, value in fields.items():
            setattr(self, name, value)
        return list(fields), just_completed


class LessonCompletion(models.Model):
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="lesson_completions"
    )
    lesson = models.ForeignKey(LessonPage, on_delete=models.CASCADE, related_name="completions")
    # Denormalised so that a course's completions are read with one indexed query.
    course = models.ForeignKey(CoursePage, on_delete=models.CASCADE, related_name="+")
    completed_at = models.DateTimeField(_("terminée le"), auto_now_add=True)

    class Meta:
        verbose_name = _("leçon terminée")
        verbose_name_plural = _("leçons terminées")
        constraints = [
            models.UniqueConstraint(fields=["learner", "lesson"], name="courses_completion_unique")
        ]
        indexes = [models.Index(fields=["learner", "course"])]

    def __str__(self):
        return f"{self.learner} · {self.lesson_id}"


class OfflineReceipt(models.Model):
    """An action a learner's device queued offline and sent later, recorded by the id the
    device gave it (a UUID): the same id sent again is a replay and changes nothing. Lesson
    completions, quiz saves and quiz submits (object: the attempt) use it (`kind`)."""

    class Kind(models.TextChoices):
        LESSON_COMPLETE = "lesson_complete", _("leçon terminée")
        QUIZ_SAVE = "quiz_save", _("réponses de quiz enregistrées")
        QUIZ_SUBMIT = "quiz_submit", _("tentative de quiz envoyée")

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="offline_receipts"
    )
    client_id = models.UUIDField(_("identifiant donné par l’appareil"))
    kind = models.CharField(_("action"), max_length=32, choices=Kind.choices)
    object_id = models.PositiveBigIntegerField(_("objet"))
    # When the learner pressed the button, as the device says (never later than the arrival).
    done_at = models.DateTimeField(_("faite le"), null=True, blank=True)
    received_at = models.DateTimeField(_("reçue le"), auto_now_add=True)

    class Meta:
        verbose_name = _("action reçue hors ligne")
        verbose_name_plural = _("actions reçues hors ligne")
        constraints = [
            models.UniqueConstraint(
                fields=["learner", "client_id"], name="courses_offlinereceipt_unique"
            )
        ]

    def __str__(self):
        return f"{self.learner} · {self.kind} · {self.client_id}"
