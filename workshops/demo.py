"""The demo's workshop for `load_demo`: the CNDH's training of judicial police officers of
Ségou and Mopti at Sévaré, 8 to 10 November 2022, with the support of the EUCAP Sahel Mali
mission (facts from the press release the demo is built on). Twelve demo participants, their
attendance for the six half-days, and their pre-test and post-test (the OPJ course's first
module's quiz, taken twice; one took it on paper), so that the report has figures, and
the attestations de participation of the eleven who attended at least 80 % of it.
Idempotent: an existing workshop of that title is left as it is."""

from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.contrib.auth.models import Group
from django.utils import timezone

from accounts import roles
from accounts.models import User
from accounts.services import unit_get_or_create_path
from courses.models import CoursePage
from quizzes import grading
from quizzes import services as quiz_services
from quizzes.models import Attempt, QuizPage

from . import attestations, services
from .models import Attendance, Participant, Workshop

TITLE = (
    "Atelier de renforcement des capacités des OPJ des régions de Ségou et Mopti "
    "sur les droits de l’homme"
)
PROGRAMME = (
    "<p>Promouvoir, dans un contexte de conflit et d’insécurité, les droits humains dans les "
    "régions de Ségou et Mopti à travers la formation des officiers de police judiciaire.</p>"
    "<ul>"
    "<li>Les différentes catégories des droits humains fondamentaux et les mécanismes de "
    "leur protection</li>"
    "<li>Les concepts et principes fondamentaux des droits humains</li>"
    "<li>Le respect des droits humains fondamentaux dans l’exercice des fonctions de "
    "sécurisation du territoire</li>"
    "<li>L’implication des OPJ dans les actions de protection des populations sur le "
    "terrain</li>"
    "<li>La confiance mutuelle entre les OPJ et les populations</li>"
    "</ul>"
    "<p>Les OPJ formés serviront de relais de promotion des droits de l’homme au sein de "
    "leurs unités.</p>"
)
TRAINER = ("CNDH-FOR-01", "Hawa Dembélé")
GENDARMERIE_MOPTI = ["Gendarmerie nationale", "Région de Mopti", "Brigade de Sévaré"]
GENDARMERIE_SEGOU = ["Gendarmerie nationale", "Région de Ségou", "Brigade de Ségou"]
POLICE_MOPTI = ["Police nationale", "Direction régionale de Mopti"]
POLICE_SEGOU = ["Police nationale", "Direction régionale de Ségou"]
# matricule, name, rank, unit, right answers out of 4 at the pre-test and at the post-test
# (None: not on Kalan). OPJ-0111 took both tests on paper; OPJ-0112 left after the first
# day, without the post-test.
PARTICIPANTS = [
    ("OPJ-0101", "Boubacar Touré", "Adjudant", GENDARMERIE_MOPTI, 1, 3),
    ("OPJ-0102", "Mariam Cissé", "Maréchal des logis", GENDARMERIE_MOPTI, 2, 3),
    ("OPJ-0103", "Souleymane Dicko", "Adjudant-chef", GENDARMERIE_SEGOU, 1, 3),
    ("OPJ-0104", "Assétou Sanogo", "Maréchal des logis-chef", GENDARMERIE_SEGOU, 2, 4),
    ("OPJ-0105", "Modibo Kané", "Commissaire de police", POLICE_MOPTI, 3, 4),
    ("OPJ-0106", "Kadidia Bocoum", "Inspecteur de police", POLICE_MOPTI, 1, 2),
    ("OPJ-0107", "Adama Guindo", "Inspecteur principal de police", POLICE_SEGOU, 2, 2),
    ("OPJ-0108", "Oumou Samaké", "Sergent-chef de police", POLICE_SEGOU, 1, 3),
    ("OPJ-0109", "Yacouba Tangara", "Adjudant", GENDARMERIE_SEGOU, 2, 4),
    ("OPJ-0110", "Nana Koné", "Inspecteur de police", POLICE_MOPTI, 2, 3),
    ("OPJ-0111", "Fatoumata Maïga", "Maréchal des logis", GENDARMERIE_SEGOU, None, None),
    ("OPJ-0112", "Cheick Oumar Diallo", "Maréchal des logis", GENDARMERIE_MOPTI, 2, None),
]
PAPER = {"OPJ-0111": (Decimal("25"), Decimal("75"))}
DAYS = [date(2022, 11, 8), date(2022, 11, 9), date(2022, 11, 10)]


def attempt_with_answers(*, learner, quiz: QuizPage, right: int, finished_at=None) -> Attempt:
    """A finished attempt with the first `right` questions (by name, whatever the shuffled
    order) answered correctly and the rest left blank; dated `finished_at` when given (a
    demo's past workshop)."""
    attempt = quiz_services.attempt_start(learner=learner, quiz=quiz)
    items = sorted(attempt.items.all(), key=lambda item: item.snapshot.get("name", ""))
    for item in items[:right]:
        item.response = grading.correct_response(item.snapshot)
        item.save(update_fields=["response"])
    attempt = quiz_services.attempt_submit(attempt=attempt)
    if finished_at is not None:
        Attempt.objects.filter(pk=attempt.pk).update(
            started_at=finished_at - timedelta(minutes=20), finished_at=finished_at
        )
    return attempt


def _moment(day: date, hour: int) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour, 0)))


def _person(matricule, name, rank, unit_path, group=roles.LEARNERS, password=None):
    user = User.objects.filter(matricule=matricule).first()
    if user is None:
        user = User(matricule=matricule, full_name=name, rank=rank or "")
        user.set_password(password)
        user.unit = unit_get_or_create_path(names=unit_path) if unit_path else None
        user.save()
        if group:
            user.groups.add(Group.objects.get_or_create(name=group)[0])
    return user


def demo_workshop_load(*, password: str) -> Workshop | None:
    if Workshop.objects.filter(title=TITLE).exists():
        return None
    course = CoursePage.objects.filter(slug="droits-humains-fonctions-opj").first()
    # The first module's quiz, open from the start (the final evaluation of this sequential
    # course opens only once the modules are done): four questions, unlimited attempts.
    quiz = QuizPage.objects.descendant_of(course).order_by("path").first() if course else None
    trainer = _person(*TRAINER, "", None, group=None, password=password)
    workshop = services.workshop_create(
        created_by=User.objects.filter(matricule="CNDH-ADM-01").first(),
        trainers=[trainer],
        title=TITLE,
        place="Hôtel « La Palmerais », Sévaré",
        region="Mopti",
        start_date=DAYS[0],
        end_date=DAYS[-1],
        funder="Mission EUCAP Sahel Mali",
        capacity=40,
        programme=PROGRAMME,
        course=course,
        pre_test=quiz,
        post_test=quiz,
    )
    people = [
        _person(m, name, rank, unit, password=password)
        for m, name, rank, unit, _pre, _post in PARTICIPANTS
    ]
    services.participants_add(workshop=workshop, learners=people, added_by=trainer)
    records = {
        p.learner.matricule: p for p in Participant.objects.registered().filter(workshop=workshop)
    }
    # Attendance: everyone every half-day, but one late on the first morning, one excused on
    # the second afternoon, and OPJ-0112 absent after the first day.
    for index, session in enumerate(workshop.sessions.order_by("date", "part")):
        marks = {record.pk: Attendance.Status.PRESENT for record in records.values()}
        if index == 0:
            marks[records["OPJ-0106"].pk] = Attendance.Status.LATE
        if index == 3:
            marks[records["OPJ-0107"].pk] = Attendance.Status.EXCUSED
        if index >= 2:
            marks[records["OPJ-0112"].pk] = Attendance.Status.ABSENT
        services.attendance_save(session=session, marks=marks, marked_by=trainer)
    if quiz is not None:
        for matricule, _n, _r, _u, pre, post in PARTICIPANTS:
            learner = records[matricule].learner
            if pre is not None:
                attempt_with_answers(
                    learner=learner, quiz=quiz, right=pre, finished_at=_moment(DAYS[0], 9)
                )
            if post is not None:
                attempt_with_answers(
                    learner=learner, quiz=quiz, right=post, finished_at=_moment(DAYS[-1], 16)
                )
    for matricule, (pre, post) in PAPER.items():
        for kind, percent in (("pre", pre), ("post", post)):
            services.paper_result_enter(
                participant=records[matricule], kind=kind, percent=percent, entered_by=trainer
            )
    # The attestations de participation of those who reached the threshold (80 %): everyone
    # but OPJ-0112 (2 half-days out of 6); OPJ-0107's excused afternoon leaves 5 out of 6.
    # Issued here, synchronously; the tasks the roll calls queued then find them issued.
    attestations.attestations_issue_due(workshop=workshop)
    return workshop
