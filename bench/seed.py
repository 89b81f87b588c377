"""Synthetic data for benchmarks: a command tree of Malian units, thousands of learners,
published courses, assignments, enrollments in every state, lesson completions, quiz attempts
and grades, and certificates, all consistent with one another. Run it by hand:

    .venv/bin/python bench/seed.py --learners 10000 --courses 10 [--replace]

or from `bench/dashboard.py --seed`. It refuses to run twice: --replace first deletes the
seed's own rows, and nothing else.

The seed decides what happened and when (who read which lesson, who tried the final quiz how
many times, with which score); every rule that follows from those facts is the platform's own:

- units through `accounts.services.unit_get_or_create_path`, pages through Wagtail's API;
- an enrollment's due date is `tracking.selectors.due_dates_for` (the earliest assignment
  covering its learner, as `assignments_apply` writes it), so that `assignments_apply`
  changes nothing afterwards;
- an attempt's percent and pass are `Attempt.totals_set`, a quiz grade `QuizPage.grade_of`
  and `is_pass`, as the quiz services compute them;
- an enrollment's status and progress are `courses.completion.progress_compute` (with the
  quizzes' registered requirement) applied by `Enrollment.progress_apply`, as
  `enrollment_progress_refresh` does; the seed then dates the first step back to when it was;
- every completed enrollment has its certificate (without PDF), with the score of
  `courses.scores.course_score` and the serial of `Certificate.serial_assign`.

Learners, completions, attempts, grades, enrollments and certificates are written with
bulk_create, which sends no signal: a 10,000-learner seed through the services, one lesson
at a time, would take hours, queue a PDF per certificate and fill the xAPI outbox with
statements dated today. So no assignment receiver, no certificate task, nothing queued for
Celery; the certificates get no status-list bit (`status_entry_ensure` gives one when a badge
is first signed).

The seed owns exactly: users whose matricule starts with SEED-, courses whose slug starts
with seed- (with their pages), the certificates of either, the question category
SEED_CATEGORY, and units of its own tree left empty once its users are gone. `seed_delete`
removes those and nothing else.
"""

import argparse
import os
import random
import sys
import time
import unicodedata
from collections import Counter, defaultdict
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from decimal import Decimal
from itertools import accumulate
from pathlib import Path

if __name__ == "__main__":  # run as a script: the project's settings, then Django
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.dev")
    import django

    django.setup()

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.db import connection, models, transaction
from django.utils import timezone
from django.utils.text import slugify
from wagtail.rich_text import RichText

from accounts import roles
from accounts.models import Unit, User
from accounts.selectors import ancestor_paths
from accounts.services import unit_get_or_create_path
from certificates.models import Certificate
from courses.completion import progress_compute
from courses.models import (
    CoursePage,
    Enrollment,
    LessonCompletion,
    LessonPage,
    ModulePage,
)
from courses.scores import course_score
from courses.selectors import outlines_build
from courses.services import course_tree_setup
from quizzes.models import (
    Attempt,
    Question,
    QuestionCategory,
    QuestionChoice,
    QuizGrade,
    QuizPage,
    QuizSlot,
)
from tracking.models import Assignment
from tracking.selectors import due_dates_for

MATRICULE_PREFIX = "SEED-"
SLUG_PREFIX = "seed-"
SEED_CATEGORY = "Jeu d’essai (seed_load)"
EMAIL_DOMAIN = "kalan-seed.invalid"  # RFC 2606: a reminder sent by mistake goes nowhere
BATCH = 2000
LEARNERS_PER_CHUNK = 500  # their facts are written before their enrollments are computed
HISTORY_DAYS = 120
MODULES, LESSONS_PER_MODULE = 2, 3
QUESTIONS = 5
PASS_PERCENT = 70
ENROLLED_SHARE = 0.70  # of all (learner, course) pairs
REGION_LEVEL_SHARE = 0.05  # learners attached to a region, not to a brigade
EMAIL_SHARE = 0.60
# Enrollment statuses: completed, in progress, not started (the rest).
COMPLETED_SHARE, IN_PROGRESS_SHARE = 0.30, 0.45

# corps, region label, local unit label, ranks (commonest first), supervisors' ranks
CORPS = [
    (
        "Gendarmerie nationale",
        "Région de {}",
        "Brigade de {}",
        [
            "Gendarme",
            "Maréchal des logis",
            "Maréchal des logis-chef",
            "Adjudant",
            "Adjudant-chef",
            "Lieutenant",
            "Capitaine",
        ],
        ("Colonel", "Chef d’escadron"),
    ),
    (
        "Police nationale",
        "Direction régionale de {}",
        "Commissariat de {}",
        [
            "Sergent de police",
            "Sergent-chef de police",
            "Inspecteur de police",
            "Inspecteur principal",
            "Commissaire de police",
            "Commissaire principal",
        ],
        ("Contrôleur général", "Commissaire divisionnaire"),
    ),
]
REGIONS = {
    "Bamako": ["Bamako-Coura", "Hamdallaye", "Kalaban Coura", "Sogoniko", "Magnambougou"],
    "Gao": ["Gao", "Ansongo", "Bourem", "Ménaka", "Ouatagouna"],
    "Kayes": ["Kayes", "Kita", "Nioro du Sahel", "Bafoulabé", "Diéma"],
    "Koulikoro": ["Koulikoro", "Kati", "Kolokani", "Banamba", "Dioïla"],
    "Mopti": ["Mopti", "Sévaré", "Djenné", "Bandiagara", "Douentza"],
    "Ségou": ["Ségou", "San", "Niono", "Bla", "Macina"],
    "Sikasso": ["Sikasso", "Bougouni", "Koutiala", "Kadiolo", "Yanfolila"],
    "Tombouctou": ["Tombouctou", "Diré", "Goundam", "Niafunké", "Gourma-Rharous"],
}
FIRST_NAMES = [
    "Aminata", "Moussa", "Fatoumata", "Ibrahim", "Seydou", "Mariam", "Oumar", "Kadiatou",
    "Mamadou", "Awa", "Bakary", "Hawa", "Boubacar", "Kadidia", "Souleymane", "Assitan",
    "Modibo", "Rokia", "Adama", "Salimata", "Drissa", "Oumou", "Lassana", "Djénéba",
    "Cheick", "Nana", "Youssouf", "Bintou", "Abdoulaye", "Safiatou", "Sidiki", "Maïmouna",
    "Tiémoko", "Coumba", "Issa", "Ramata", "Hamidou", "Aïssata", "Yacouba", "Korotoumou",
]  # fmt: skip
FAMILY_NAMES = [
    "Traoré", "Coulibaly", "Diarra", "Keïta", "Sangaré", "Sidibé", "Maïga", "Konaté",
    "Touré", "Diallo", "Cissé", "Dembélé", "Koné", "Doumbia", "Sissoko", "Camara",
    "Kanté", "Diakité", "Samaké", "Bagayoko", "Dicko", "Guindo", "Togo", "Tounkara",
    "Fofana", "Kouyaté", "Sacko", "Haïdara", "Cissoko", "Niaré", "Sow", "Ba",
    "Tall", "Berthé", "Goïta", "Doucouré", "Dao", "Tangara", "Kassogué", "Dolo",
]  # fmt: skip
COURSE_TITLES = [
    "Garde à vue et droits de la défense",
    "Interdiction de la torture et des mauvais traitements",
    "Enfants en conflit avec la loi",
    "Violences basées sur le genre : accueil et enquête",
    "Usage de la force et des armes à feu",
    "Maintien de l’ordre et liberté de réunion",
    "Protection des défenseurs des droits humains",
    "Droits des personnes migrantes et réfugiées",
    "Détention provisoire et tenue des registres",
    "Lutte contre la traite des personnes",
    "Déontologie de l’officier de police judiciaire",
    "Droits des personnes en situation de handicap",
]
MODULE_TITLES = ["Cadre juridique", "Pratique professionnelle"]
LESSON_TITLES = [
    ["Les textes de référence", "Les garanties fondamentales", "Le contrôle du juge"],
    ["Les gestes professionnels", "Étude de cas", "Rendre compte et consigner"],
]
SENTENCES = [
    "L’officier de police judiciaire agit dans le respect de la loi et de la dignité humaine.",
    "Toute personne privée de liberté est informée sans délai de ses droits.",
    "Le registre de garde à vue est tenu à jour et présenté à toute inspection.",
    "La Constitution du Mali et les conventions ratifiées s’imposent à tous les agents.",
    "Le procureur de la République est avisé dès le début de la mesure.",
    "Un examen médical est proposé à la personne gardée à vue.",
    "Les aveux obtenus sous la contrainte sont nuls et engagent la responsabilité de l’agent.",
    "La Commission nationale des droits de l’Homme peut visiter les lieux de détention.",
]


def _ticked(outline, lesson_ids: set[int]):
    """The course's outline as `outlines_build` gives it to a learner who has read
    `lesson_ids` (the seed writes the facts in bulk, so it ticks them itself rather than
    reading each learner's outline back from the database)."""
    return replace(
        outline,
        modules=[
            replace(
                module,
                items=[
                    replace(item, completed=item.kind == "lessonpage" and item.id in lesson_ids)
                    for item in module.items
                ],
            )
            for module in outline.modules
        ],
    )


@dataclass
class SeedSummary:
    counts: Counter = field(default_factory=Counter)
    timings: dict[str, float] = field(default_factory=dict)
    deleted: Counter = field(default_factory=Counter)


def seed_exists() -> bool:
    return (
        User.objects.filter(matricule__startswith=MATRICULE_PREFIX).exists()
        or CoursePage.objects.filter(slug__startswith=SLUG_PREFIX).exists()
        or QuestionCategory.objects.filter(name=SEED_CATEGORY, parent=None).exists()
    )


def seed_delete() -> Counter:
    """Deletes the seed's own rows (see the module docstring), children first so that each
    DELETE is one statement rather than Django's collector walking 10,000 users."""
    deleted: Counter = Counter()
    users = User.objects.filter(matricule__startswith=MATRICULE_PREFIX)
    course_ids = list(
        CoursePage.objects.filter(slug__startswith=SLUG_PREFIX).values_list("pk", flat=True)
    )
    # Certificates protect both their learner and their course.
    _count(
        deleted,
        Certificate.objects.filter(
            models.Q(learner__in=users) | models.Q(course_id__in=course_ids)
        ).delete(),
    )
    for model in (QuizGrade, Attempt, LessonCompletion, Enrollment, Assignment):
        _count(deleted, model.objects.filter(learner__in=users).delete())
    _count(deleted, Assignment.objects.filter(course_id__in=course_ids).delete())
    unit_ids = set(users.exclude(unit=None).values_list("unit_id", flat=True)) | set(
        Unit.objects.filter(supervisors__in=users).values_list("pk", flat=True)
    )
    _count(deleted, users.delete())
    for course in CoursePage.objects.filter(pk__in=course_ids):
        # Page.delete removes the modules, lessons and quiz below it (and their enrollments,
        # completions, attempts and grades by cascade).
        deleted["courses.CoursePage"] += 1
        course.delete()
    category = QuestionCategory.objects.filter(name=SEED_CATEGORY, parent=None).first()
    if category is not None:
        questions = Question.objects.filter(category=category).exclude(
            pk__in=QuizSlot.objects.exclude(question=None).values("question_id")
        )
        _count(deleted, questions.delete())
        if not category.questions.exists():
            category.delete()
            deleted["quizzes.QuestionCategory"] += 1
    deleted["accounts.Unit"] += _units_delete_empty(unit_ids | _seed_unit_ids())
    return deleted


def _count(counter: Counter, result: tuple[int, dict[str, int]]) -> None:
    counter.update({label: n for label, n in result[1].items() if n})


def _seed_unit_paths() -> list[tuple[str, ...]]:
    """Every unit of the seed's tree, as names from the root, parents before children."""
    paths = []
    for corps, region_label, local_label, _ranks, _sup_ranks in CORPS:
        paths.append((corps,))
        for region, towns in REGIONS.items():
            paths.append((corps, region_label.format(region)))
            for town in towns:
                paths.append((corps, region_label.format(region), local_label.format(town)))
    return paths


def _seed_unit_ids() -> set[int]:
    rows = list(Unit.objects.values_list("pk", "path", "name"))
    name_at = {path: name for _pk, path, name in rows}
    by_names = {tuple(name_at[p] for p in ancestor_paths(path)): pk for pk, path, _name in rows}
    return {by_names[p] for p in _seed_unit_paths() if p in by_names}


def _units_delete_empty(unit_ids: set[int]) -> int:
    """Deletes, deepest first, those of `unit_ids` that nobody uses any more: no member, no
    supervisor, no assignment, no unit below."""
    deleted = 0
    candidates = Unit.objects.filter(pk__in=unit_ids).order_by("-depth")
    for pk in candidates.values_list("pk", flat=True):
        unit = Unit.objects.filter(pk=pk).first()  # fresh: numchild changes as we go
        if (
            unit is None
            or unit.numchild
            or User.objects.filter(unit=unit).exists()
            or unit.supervisors.exists()
            or Assignment.objects.filter(unit=unit).exists()
        ):
            continue
        unit.delete()
        deleted += 1
    return deleted


@contextmanager
def _timestamps_as_given(*model_fields: tuple[type[models.Model], str]):
    """auto_now / auto_now_add would stamp every row with the seed's own second; the seed
    spreads activity over months, so these fields take the values given, for the duration."""
    saved = []
    for model, name in model_fields:
        f = model._meta.get_field(name)
        saved.append((f, f.auto_now, f.auto_now_add))
        f.auto_now = f.auto_now_add = False
    try:
        yield
    finally:
        for f, auto_now, auto_now_add in saved:
            f.auto_now, f.auto_now_add = auto_now, auto_now_add


class _Writer:
    """Rows by model, written in batches of BATCH as they come, so that memory stays flat."""

    def __init__(self, counts: Counter):
        self.pending: dict[type[models.Model], list] = defaultdict(list)
        self.counts = counts

    def add(self, obj: models.Model) -> None:
        rows = self.pending[type(obj)]
        rows.append(obj)
        if len(rows) >= BATCH:
            self.flush(type(obj))

    def flush(self, model=None) -> None:
        for each in [model] if model else list(self.pending):
            rows = self.pending[each]
            if rows:
                each.objects.bulk_create(rows, batch_size=BATCH)
                self.counts[each._meta.label] += len(rows)
                rows.clear()


def _ascii(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if c.isascii() and (c.isalnum() or c in " -")).lower()


@dataclass
class _CourseShape:
    course: CoursePage
    lesson_ids: list[int]
    quiz: QuizPage
    outline: object = None  # courses.selectors.Outline, read once the pages exist


class _Seeder:
    def __init__(self, *, learners: int, courses: int, seed: int, now: datetime | None = None):
        self.learner_count = learners
        self.course_count = courses
        self.rng = random.Random(seed)
        self.now = now or timezone.now()
        self.today = timezone.localdate(self.now)
        self.summary = SeedSummary()
        self.writer = _Writer(self.summary.counts)
        # Computed once: hashing 10,000 times would take minutes for nothing.
        self.password = make_password(None)

    def _ago(self, days_max: float, days_min: float = 0) -> datetime:
        return self.now - timedelta(days=self.rng.uniform(days_min, days_max))

    def _between(self, start: datetime, end: datetime) -> datetime:
        return start + (end - start) * self.rng.random()

    def _phase(self, name: str, started: float) -> None:
        self.summary.timings[name] = time.perf_counter() - started

    # --- Units and people ---------------------------------------------------------------

    def units(self) -> None:
        started = time.perf_counter()
        before = Unit.objects.count()
        self.unit_ids: dict[tuple[str, ...], int] = {}
        for path in _seed_unit_paths():
            # Re-read from the root each time: a sorted insert may move a sibling's path.
            self.unit_ids[path] = unit_get_or_create_path(names=list(path)).pk
        self.summary.counts["accounts.Unit"] = Unit.objects.count() - before
        # Leaves (brigades, commissariats) carry most learners, each with its own weight.
        self.leaves = [(path, pk) for path, pk in self.unit_ids.items() if len(path) == 3]
        self.regions = [(path, pk) for path, pk in self.unit_ids.items() if len(path) == 2]
        self.corps_of = {pk: self.unit_ids[path[:1]] for path, pk in self.unit_ids.items()}
        self.region_of = {
            pk: self.unit_ids[path[:2]] for path, pk in self.unit_ids.items() if len(path) >= 2
        }
        self._phase("unités", started)

    def people(self) -> None:
        started = time.perf_counter()
        rng = self.rng
        ranks = {self.unit_ids[(corps[0],)]: corps[3] for corps in CORPS}
        rank_weights = {pk: [1 / (i + 1) for i in range(len(r))] for pk, r in ranks.items()}
        leaf_weights = list(accumulate(rng.uniform(0.4, 1.6) for _ in self.leaves))
        joined_days = HISTORY_DAYS + 200
        users: list[User] = []
        for n in range(1, self.learner_count + 1):
            if rng.random() < REGION_LEVEL_SHARE:
                unit_id = rng.choice(self.regions)[1]
            else:
                unit_id = rng.choices(self.leaves, cum_weights=leaf_weights)[0][1]
            corps_id = self.corps_of[unit_id]
            first, last = rng.choice(FIRST_NAMES), rng.choice(FAMILY_NAMES)
            email = ""
            if rng.random() < EMAIL_SHARE:
                email = f"{_ascii(first)}.{_ascii(last)}.{n}@{EMAIL_DOMAIN}".replace(" ", "-")
            users.append(
                User(
                    matricule=f"{MATRICULE_PREFIX}{n:06d}",
                    full_name=f"{first} {last}",
                    rank=rng.choices(ranks[corps_id], weights=rank_weights[corps_id])[0],
                    unit_id=unit_id,
                    email=email,
                    phone=f"+223 {rng.choice('67')}{rng.randint(0, 9999999):07d}"
                    if rng.random() < 0.5
                    else "",
                    language="en" if rng.random() < 0.03 else "fr",
                    password=self.password,
                    date_joined=self._ago(joined_days, HISTORY_DAYS),
                )
            )
        supervisors: list[tuple[User, int]] = []
        number = 0
        for corps, _region_label, _local_label, _ranks, (corps_rank, region_rank) in CORPS:
            scopes = [((corps,), corps_rank)] + [
                (path, region_rank) for path, _pk in self.regions if path[0] == corps
            ]
            for path, rank in scopes:
                number += 1
                unit_id = self.unit_ids[path]
                user = User(
                    matricule=f"{MATRICULE_PREFIX}SUP-{number:02d}",
                    full_name=f"{rng.choice(FIRST_NAMES)} {rng.choice(FAMILY_NAMES)}",
                    rank=rank,
                    unit_id=unit_id,
                    email=f"superviseur.{number:02d}@{EMAIL_DOMAIN}",
                    password=self.password,
                    date_joined=self._ago(joined_days, HISTORY_DAYS),
                )
                supervisors.append((user, unit_id))
        administrator = User(
            matricule=f"{MATRICULE_PREFIX}ADM-01",
            full_name=f"{rng.choice(FIRST_NAMES)} {rng.choice(FAMILY_NAMES)}",
            email=f"administration@{EMAIL_DOMAIN}",
            password=self.password,
            date_joined=self._ago(joined_days, HISTORY_DAYS),
        )
        everyone = users + [u for u, _unit in supervisors] + [administrator]
        User.objects.bulk_create(everyone, batch_size=BATCH)
        # Ids read back by matricule: bulk_create returns them on PostgreSQL, not everywhere.
        ids = dict(
            User.objects.filter(matricule__startswith=MATRICULE_PREFIX).values_list(
                "matricule", "pk"
            )
        )
        for user in everyone:
            user.pk = ids[user.matricule]
        groups = {name: Group.objects.get_or_create(name=name)[0] for name in roles.ALL}
        through = User.groups.through
        memberships = [through(user_id=u.pk, group_id=groups[roles.LEARNERS].pk) for u in users]
        memberships += [
            through(user_id=u.pk, group_id=groups[roles.SUPERVISORS].pk) for u, _unit in supervisors
        ]
        memberships.append(
            through(user_id=administrator.pk, group_id=groups[roles.ADMINISTRATORS].pk)
        )
        through.objects.bulk_create(memberships, batch_size=BATCH)
        supervised = User.supervised_units.through
        supervised.objects.bulk_create(
            [supervised(user_id=u.pk, unit_id=unit_id) for u, unit_id in supervisors],
            batch_size=BATCH,
        )
        self.learners = users
        self.supervisor_of = {unit_id: u for u, unit_id in supervisors}
        counts = self.summary.counts
        counts["apprenants"] = len(users)
        counts["superviseurs"] = len(supervisors)
        counts["administrateurs"] = 1
        self._phase("comptes", started)

    # --- Courses ----------------------------------------------------------------------------

    def courses(self) -> None:
        started = time.perf_counter()
        index = course_tree_setup()
        questions = self._questions()
        self.shapes: list[_CourseShape] = []
        published = self.now - timedelta(days=HISTORY_DAYS + 30)
        for n in range(1, self.course_count + 1):
            title = COURSE_TITLES[(n - 1) % len(COURSE_TITLES)]
            if n > len(COURSE_TITLES):
                title = f"{title} ({(n - 1) // len(COURSE_TITLES) + 1})"
            course = index.add_child(
                instance=CoursePage(
                    title=title,
                    slug=f"{SLUG_PREFIX}{n:02d}-{slugify(title)}"[:80],
                    summary=f"Formation d’essai : {title.lower()}.",
                    audience="Officiers de police judiciaire",
                    duration_minutes=90,
                    first_published_at=published,
                    last_published_at=published,
                )
            )
            lesson_ids = []
            for m in range(MODULES):
                module = course.add_child(
                    instance=ModulePage(title=f"Module {m + 1} : {MODULE_TITLES[m % 2]}")
                )
                for k in range(LESSONS_PER_MODULE):
                    lesson = module.add_child(
                        instance=LessonPage(
                            title=f"Leçon {m + 1}.{k + 1} : {LESSON_TITLES[m % 2][k % 3]}",
                            body=self._lesson_body(),
                        )
                    )
                    lesson_ids.append(lesson.pk)
            quiz = QuizPage(
                title="Évaluation finale",
                slug="evaluation-finale",
                pass_percent=PASS_PERCENT,
                grading_method=QuizPage.GradingMethod.HIGHEST,
                attempts_allowed=3,
                review_after=["score", "correctness"],
            )
            quiz.slots = [QuizSlot(question=q, sort_order=i) for i, q in enumerate(questions)]
            course.add_child(instance=quiz)
            self.shapes.append(_CourseShape(course=course, lesson_ids=lesson_ids, quiz=quiz))
        courses = [shape.course for shape in self.shapes]
        outlines = outlines_build(courses=courses)
        for shape in self.shapes:
            shape.outline = outlines[shape.course.pk]
        counts = self.summary.counts
        counts["formations"] = len(self.shapes)
        counts["pages (modules, leçons, quiz)"] = len(self.shapes) * (
            MODULES + MODULES * LESSONS_PER_MODULE + 1
        )
        counts["questions"] = len(questions)
        self._phase("formations", started)

    def _questions(self) -> list[Question]:
        category = QuestionCategory.objects.create(name=SEED_CATEGORY)
        questions = []
        for n in range(1, QUESTIONS + 1):
            question = Question(
                category=category,
                name=f"Question d’essai {n}",
                question_type=Question.Type.SINGLE,
                text=f"<p>{self.rng.choice(SENTENCES)} Vrai ou faux ?</p>",
                max_score=Decimal("1"),
            )
            question.choices = [
                QuestionChoice(text="Vrai", fraction_percent=Decimal("100"), sort_order=0),
                QuestionChoice(text="Faux", fraction_percent=Decimal("0"), sort_order=1),
            ]
            question.save()
            questions.append(question)
        return questions

    def _lesson_body(self):
        paragraphs = [
            " ".join(self.rng.choice(SENTENCES) for _ in range(self.rng.randint(4, 8)))
            for _ in range(3)
        ]
        return [("paragraph", RichText(f"<p>{text}</p>")) for text in paragraphs] + [
            ("remember", {"title": "À retenir", "points": self.rng.sample(SENTENCES, 2)})
        ]

    # --- Assignments and activity -----------------------------------------------------------

    def assignments(self) -> None:
        """One course per corps, one or two more per region (none with few courses), due from
        30 days ago to 60 days ahead. `self.covering[unit id]` lists, per unit, its
        (course id, due date, created at)."""
        started = time.perf_counter()
        rng = self.rng
        course_ids = [shape.course.pk for shape in self.shapes]
        self.covering: dict[int, list[tuple[int, date, datetime]]] = defaultdict(list)
        self._assigned_cache: dict[int, dict[int, datetime]] = {}
        rows = []
        targets = [self.unit_ids[(corps[0],)] for corps in CORPS]
        targets += [pk for _path, pk in self.regions]
        for index, unit_id in enumerate(targets):
            if index < len(CORPS):
                chosen = [course_ids[index % len(course_ids)]]
            else:
                corps_course = self.covering[self.corps_of[unit_id]][0][0]
                others = [pk for pk in course_ids if pk != corps_course]
                # About a quarter of the courses end up assigned to each learner.
                extra = max(0, round(len(course_ids) / 4) - 1)
                extra += index % 2 if extra else 0
                chosen = rng.sample(others, min(len(others), extra))
            for course_id in chosen:
                due = self.today + timedelta(days=rng.randint(-30, 60))
                ago = min(HISTORY_DAYS, max(1, (self.today - due).days + rng.randint(30, 90)))
                created = self.now - timedelta(days=ago, minutes=rng.randint(0, 600))
                self.covering[unit_id].append((course_id, due, created))
                rows.append(
                    Assignment(
                        course_id=course_id,
                        unit_id=unit_id,
                        due_date=due,
                        assigned_by=self.supervisor_of[unit_id],
                        created_at=created,
                        updated_at=created,
                    )
                )
        with _timestamps_as_given((Assignment, "created_at"), (Assignment, "updated_at")):
            Assignment.objects.bulk_create(rows, batch_size=BATCH)
        self.summary.counts["tracking.Assignment"] = len(rows)
        self._phase("affectations", started)

    def _assigned_at(self, unit_id: int) -> dict[int, datetime]:
        """{course id: when it was first assigned to a learner's corps or region}."""
        if unit_id in self._assigned_cache:
            return self._assigned_cache[unit_id]
        result: dict[int, datetime] = {}
        for scope in {self.corps_of[unit_id], self.region_of[unit_id]}:
            for course_id, _due, created in self.covering.get(scope, []):
                result[course_id] = min(created, result.get(course_id, created))
        self._assigned_cache[unit_id] = result
        return result

    def activity(self) -> None:
        started = time.perf_counter()
        rng = self.rng
        # The due dates the assignments give, by tracking's own rule: who is covered, when due.
        dues = {shape.course.pk: due_dates_for(course=shape.course) for shape in self.shapes}
        pairs = len(self.learners) * len(self.shapes)
        assigned_pairs = sum(len(by_learner) for by_learner in dues.values())
        # Every assigned pair is enrolled; the others at the rate that makes 70% overall.
        free = pairs - assigned_pairs
        rate = min(1.0, max(0.0, (ENROLLED_SHARE * pairs - assigned_pairs) / free)) if free else 0
        with _timestamps_as_given(
            (Enrollment, "enrolled_at"),
            (LessonCompletion, "completed_at"),
            (Attempt, "started_at"),
            (QuizGrade, "updated_at"),
            (Certificate, "issued_at"),
        ):
            for first in range(0, len(self.learners), LEARNERS_PER_CHUNK):
                pending = []
                for learner in self.learners[first : first + LEARNERS_PER_CHUNK]:
                    assigned_at = self._assigned_at(learner.unit_id)
                    for shape in self.shapes:
                        course_id = shape.course.pk
                        if learner.pk in dues[course_id]:
                            due = dues[course_id][learner.pk]
                            enrolled_at = assigned_at[course_id] + timedelta(
                                seconds=rng.randint(0, 90)
                            )
                        elif rng.random() < rate:
                            due, enrolled_at = None, self._ago(HISTORY_DAYS, 1)
                        else:
                            continue
                        pending.append(self._facts(learner, shape, due, enrolled_at))
                # The facts first: the completion rule reads the grades back.
                self.writer.flush()
                self._enrollments_write(pending)
        self._phase("inscriptions et activité", started)

    def _facts(self, learner: User, shape: _CourseShape, due, enrolled_at) -> "_Pending":
        """Draws what a learner did in a course and queues those facts (lesson completions,
        finished attempts, the quiz grade); the enrollment itself waits for them."""
        rng, add, quiz = self.rng, self.writer.add, shape.quiz
        draw = rng.random()
        enrollment = Enrollment(
            learner=learner, course=shape.course, due_date=due, enrolled_at=enrolled_at
        )
        if draw >= COMPLETED_SHARE + IN_PROGRESS_SHARE:
            return _Pending(enrollment, shape)  # not started: no activity at all
        completed = draw < COMPLETED_SHARE
        start = self._between(enrolled_at, enrolled_at + (self.now - enrolled_at) / 2)
        end = self._between(start, self.now)
        lessons = len(shape.lesson_ids) if completed else rng.randint(1, len(shape.lesson_ids))
        # Whoever finished the lessons has tried the final quiz: passed if meant to complete,
        # failed once or twice otherwise (the course then stays in progress).
        if lessons == len(shape.lesson_ids):
            attempts = rng.choices([1, 2, 3], weights=[70, 25, 5])[0] if completed else 0
            attempts = attempts or rng.randint(1, 2)
            lessons_end = self._between(start + (end - start) * 0.5, end)
        else:
            attempts, lessons_end = 0, end
        times = [start, *sorted(self._between(start, lessons_end) for _ in range(lessons - 1))]
        if attempts == 0:
            end = times[-1]
        done = shape.lesson_ids[:lessons]
        for lesson_id, at in zip(done, times, strict=True):
            add(
                LessonCompletion(
                    learner_id=learner.pk,
                    lesson_id=lesson_id,
                    course_id=shape.course.pk,
                    completed_at=at,
                )
            )
        if attempts:
            finishes = sorted(self._between(lessons_end, end) for _ in range(attempts - 1))
            finishes.append(end)
            percents = []
            for number, finished in enumerate(finishes, start=1):
                last = number == attempts
                right = rng.choice([4, 5]) if completed and last else rng.randint(0, 3)
                attempt = Attempt(
                    learner_id=learner.pk,
                    quiz=quiz,
                    number=number,
                    started_at=finished - timedelta(minutes=rng.uniform(3, 25)),
                    finished_at=finished,
                    max_score=Decimal(QUESTIONS),  # one point per question
                    page_count=QUESTIONS,
                )
                attempt.totals_set(Decimal(right), final=True)
                percents.append(attempt.percent)
                add(attempt)
            grade = quiz.grade_of(percents)
            add(
                QuizGrade(
                    learner_id=learner.pk,
                    quiz=quiz,
                    course_id=shape.course.pk,
                    percent=grade,
                    passed=quiz.is_pass(grade),
                    updated_at=end,
                )
            )
        return _Pending(enrollment, shape, lesson_ids=set(done), start=start, end=end)

    def _enrollments_write(self, pending: list["_Pending"]) -> None:
        """Status and progress by the courses' completion rule, from the facts written; then
        the enrollments, and the certificates of the completed ones."""
        completed = []
        for item in pending:
            if item.start is None:
                continue  # not started: the model's defaults
            enrollment = item.enrollment
            progress = progress_compute(
                enrollment=enrollment, outline=_ticked(item.shape.outline, item.lesson_ids)
            )
            enrollment.progress_apply(progress, now=item.end)
            enrollment.started_at = item.start  # the first step was taken then
            if enrollment.is_completed:
                completed.append(enrollment)
        Enrollment.objects.bulk_create([item.enrollment for item in pending], batch_size=BATCH)
        self.summary.counts[Enrollment._meta.label] += len(pending)
        certificates = []
        for enrollment in completed:
            learner, course = enrollment.learner, enrollment.course
            score = course_score(learner=learner, course=course)
            issued = min(
                self.now, enrollment.completed_at + timedelta(minutes=self.rng.uniform(1, 10))
            )
            certificates.append(
                Certificate(
                    learner=learner,
                    course=course,
                    learner_name=learner.full_name,
                    learner_rank=learner.rank,
                    course_title=course.title,
                    score_percent=score.percent if score else None,
                    score_basis=score.basis if score else "",
                    issued_at=issued,
                    emailed_at=issued if learner.email else None,
                )
            )
        Certificate.objects.bulk_create(certificates, batch_size=BATCH)
        for certificate in certificates:
            certificate.serial_assign()  # the id is known once the row is written
        Certificate.objects.bulk_update(certificates, ["serial"], batch_size=BATCH)
        self.summary.counts[Certificate._meta.label] += len(certificates)


@dataclass
class _Pending:
    """An enrollment drawn, with what its rules need once its facts are written."""

    enrollment: Enrollment
    shape: _CourseShape
    lesson_ids: set[int] = field(default_factory=set)
    start: datetime | None = None
    end: datetime | None = None


def seed_load(
    *, learners: int, courses: int, seed: int = 2026, now: datetime | None = None
) -> SeedSummary:
    """Writes the data set; the caller holds the transaction (`load` is atomic)."""
    seeder = _Seeder(learners=learners, courses=courses, seed=seed, now=now)
    seeder.units()
    seeder.people()
    seeder.courses()
    seeder.assignments()
    seeder.activity()
    return seeder.summary


class SeedError(Exception):
    pass


def load(
    *,
    learners: int,
    courses: int,
    seed: int = 2026,
    replace: bool = False,
    allow_production: bool = False,
    out=sys.stdout,
) -> SeedSummary:
    """Loads the data set in one transaction (after deleting an earlier seed with `replace`),
    then refreshes the planner's statistics, and reports what it did on `out`."""
    if not settings.DEBUG and not allow_production:
        raise SeedError("Refused: DEBUG is off. Pass --allow-production to load anyway.")
    if learners < 1 or courses < 1:
        raise SeedError("At least one learner and one course.")
    started = time.perf_counter()
    deleted, deleted_in = {}, 0.0
    with transaction.atomic():
        if existed := seed_exists():
            if not replace:
                raise SeedError(
                    f"Seed data already exist (accounts {MATRICULE_PREFIX}…, courses "
                    f"{SLUG_PREFIX}…). Run again with --replace to replace them."
                )
            deleted = seed_delete()
        deleted_in = time.perf_counter() - started
        summary = seed_load(learners=learners, courses=courses, seed=seed)
    # Benchmarks run right after: give the planner fresh statistics, or PostgreSQL guesses
    # the sizes of tables that grew from nothing in one go and picks plans that take
    # seconds (autovacuum may be off, or not have run yet). On PostgreSQL, VACUUM also
    # reclaims what --replace deleted, which would otherwise double every scan. It cannot
    # run inside a transaction (a test's, for one): ANALYZE alone then.
    maintenance = "ANALYZE"
    if connection.vendor == "postgresql" and not connection.in_atomic_block:
        maintenance = "VACUUM ANALYZE"
    analyzed = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute(maintenance)
    summary.timings[maintenance] = time.perf_counter() - analyzed
    total = time.perf_counter() - started
    if existed:
        out.write(f"Deleted (the previous seed), in {deleted_in:.1f} s:\n")
        for label, n in sorted(deleted.items()):
            out.write(f"  {label:<32} {n:>9}\n")
    out.write(f"Created on {connection.vendor}, seed {seed}:\n")
    for label, n in summary.counts.items():
        out.write(f"  {label:<32} {n:>9}\n")
    for phase, seconds in summary.timings.items():
        out.write(f"  {phase:<32} {seconds:>8.1f} s\n")
    out.write(f"Done in {total:.1f} s.\n")
    return summary


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", type=int, default=10000)
    parser.add_argument("--courses", type=int, default=10)
    parser.add_argument("--seed", type=int, default=2026, help="same seed, same data")
    parser.add_argument(
        "--replace", action="store_true", help="delete the previous seed first (and it alone)"
    )
    parser.add_argument(
        "--allow-production", action="store_true", help="load even though DEBUG is off"
    )
    args = parser.parse_args(argv)
    try:
        load(
            learners=args.learners,
            courses=args.courses,
            seed=args.seed,
            replace=args.replace,
            allow_production=args.allow_production,
        )
    except SeedError as error:
        sys.exit(str(error))


if __name__ == "__main__":
    main()
