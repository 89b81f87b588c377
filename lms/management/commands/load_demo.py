"""Loads the demo content and accounts, idempotently. Running it twice changes nothing."""

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.translation import gettext as _

from accounts import roles
from accounts.models import User
from accounts.services import unit_get_or_create_path

DEMO_PASSWORD = "kalan-demo-2026"

UNITS = [
    ["Gendarmerie nationale", "Région de Mopti", "Brigade de Sévaré"],
    ["Gendarmerie nationale", "Région de Mopti", "Brigade de Mopti"],
    ["Gendarmerie nationale", "Région de Ségou", "Brigade de Ségou"],
    ["Police nationale", "Direction régionale de Bamako", "Commissariat du 1er arrondissement"],
]

# matricule, full name, rank, unit path, role, supervised unit path
ACCOUNTS = [
    ("OPJ-0001", "Aminata Traoré", "Adjudant", UNITS[0], roles.LEARNERS, None),
    ("OPJ-0002", "Moussa Coulibaly", "Maréchal des logis-chef", UNITS[0], roles.LEARNERS, None),
    ("OPJ-0003", "Fatoumata Diarra", "Adjudant-chef", UNITS[2], roles.LEARNERS, None),
    ("OPJ-0004", "Ibrahim Keïta", "Inspecteur de police", UNITS[3], roles.LEARNERS, None),
    (
        "SUP-0001",
        "Seydou Sangaré",
        "Chef d'escadron",
        UNITS[0][:2],
        roles.SUPERVISORS,
        UNITS[0][:2],
    ),
    ("CNDH-ED-01", "Mariam Sidibé", "", None, roles.EDITORS, None),
    ("CNDH-REL-01", "Oumar Maïga", "", None, roles.REVIEWERS, None),
    ("CNDH-ADM-01", "Kadiatou Konaté", "", None, roles.ADMINISTRATORS, None),
]


class Command(BaseCommand):
    help = _("Charge les unités, les comptes et les contenus de démonstration (idempotent).")

    def add_arguments(self, parser):
        parser.add_argument(
            "--allow-production",
            action="store_true",
            help=_("Autorise le chargement alors que DEBUG est désactivé."),
        )

    @transaction.atomic
    def handle(self, *args, allow_production=False, **options):
        if not settings.DEBUG and not allow_production:
            raise CommandError(
                _("Refusé : DEBUG est désactivé. Ajoutez --allow-production pour forcer.")
            )
        for path in UNITS:
            unit_get_or_create_path(names=path)
        rows = []
        for matricule, name, rank, unit_path, role, supervised in ACCOUNTS:
            user = User.objects.filter(matricule=matricule).first()
            if user is None:
                user = User(matricule=matricule, full_name=name, rank=rank)
                user.set_password(DEMO_PASSWORD)
            user.unit = unit_get_or_create_path(names=unit_path) if unit_path else None
            user.is_superuser = role == roles.ADMINISTRATORS
            user.is_staff = role == roles.ADMINISTRATORS
            user.save()
            user.groups.add(Group.objects.get_or_create(name=role)[0])
            if supervised:
                user.supervised_units.add(unit_get_or_create_path(names=supervised))
            rows.append((role, matricule, name))
        self._courses()
        self._certificates()
        # Each save updates the search index; rebuilding it here as well lets a database made
        # before a change of the search fields or configuration find the demo at once.
        call_command("update_index", verbosity=0)
        self.stdout.write(
            _("Comptes de démonstration (mot de passe : %(pw)s)") % {"pw": DEMO_PASSWORD}
        )
        for role, matricule, name in rows:
            self.stdout.write(f"  {role:<16} {matricule:<12} {name}")

    def _certificates(self):
        from wagtail.models import Site

        from certificates.demo import demo_branding_load

        site = Site.objects.filter(is_default_site=True).first()
        if site is not None:
            demo_branding_load(site=site)

    def _courses(self):
        from courses import services as course_services
        from courses.models import LessonCompletion
        from packages.demo import demo_courses_load, demo_quizzes
        from quizzes import services as quiz_services
        from quizzes.demo import demo_attempt_pass
        from quizzes.models import QuizPage

        index = course_services.course_tree_setup()
        quiz_services.question_review_setup()
        # The three demo courses are packages (content/demo/), imported and published.
        courses = demo_courses_load(index=index)
        quizzes = demo_quizzes(courses)
        learner = User.objects.get(matricule="OPJ-0001")
        first = courses[0]
        # The demo learner is partway through the first course: its first module is done,
        # lessons and quiz.
        if not LessonCompletion.objects.filter(learner=learner, course=first).exists():
            course_services.enrollment_create(learner=learner, course=first)
            first_module = first.get_children().live().first()
            for page in first_module.get_children().live().specific():
                if isinstance(page, QuizPage):
                    demo_attempt_pass(learner=learner, quiz=page)
                else:
                    course_services.lesson_complete(learner=learner, lesson=page)
        course_services.enrollment_create(
            learner=User.objects.get(matricule="OPJ-0002"), course=courses[1]
        )
        from tracking.demo import demo_assignments_load

        demo_assignments_load(courses=courses)
        from workshops.demo import demo_workshop_load

        if demo_workshop_load(password=DEMO_PASSWORD) is not None:
            self.stdout.write(_("Atelier de démonstration : Sévaré, novembre 2022"))
        self.stdout.write(_("Quiz de démonstration : %(n)d") % {"n": len(quizzes)})
        self.stdout.write(
            _("Formations de démonstration : %(titles)s")
            % {"titles": " ; ".join(c.title for c in courses)}
        )
