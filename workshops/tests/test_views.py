import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from accounts.tests.factories import LearnerFactory, SupervisorFactory, UserFactory
from courses.tests.factories import course_build
from quizzes.tests.factories import question_make, quiz_make
from tracking.tests.factories import tree_build
from workshops import services
from workshops.demo import attempt_with_answers
from workshops.models import Attendance, Participant, Workshop

from .factories import participants_make, workshop_make

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup(db):
    tree = tree_build()
    trainer = UserFactory(full_name="Formatrice CNDH")
    workshop = workshop_make(trainers=[trainer])
    learners = [LearnerFactory(unit=tree.sevare) for _ in range(3)]
    participants = participants_make(workshop, learners)
    return tree, trainer, workshop, learners, participants


def test_the_trainer_marks_a_whole_session_in_one_post(client, setup):
    _tree, trainer, workshop, _learners, participants = setup
    session = workshop.sessions.order_by("date", "part").first()
    url = reverse("workshops:workshop_attendance", args=[workshop.pk, session.pk])
    client.force_login(trainer)
    page = client.get(url)
    assert page.status_code == 200
    assert page.content.count(b'type="radio"') == 3 * 4
    response = client.post(
        url,
        {
            f"p-{participants[0].pk}": "present",
            f"p-{participants[1].pk}": "late",
            f"p-{participants[2].pk}": "absent",
        },
    )
    assert response.status_code == 302
    assert dict(Attendance.objects.values_list("participant_id", "status")) == {
        participants[0].pk: "present",
        participants[1].pk: "late",
        participants[2].pk: "absent",
    }
    # The form shows what was recorded: three rows checked.
    assert client.get(url).content.count(b" checked") == 3


def test_a_forged_attendance_value_saves_nothing_and_says_so(client, setup):
    _tree, trainer, workshop, _learners, participants = setup
    session = workshop.sessions.first()
    client.force_login(trainer)
    response = client.post(
        reverse("workshops:workshop_attendance", args=[workshop.pk, session.pk]),
        {f"p-{participants[0].pk}": "present", f"p-{participants[1].pk}": "<script>"},
    )
    assert response.status_code == 200
    assert "Une réponse n’est pas valide" in response.content.decode()
    assert not Attendance.objects.exists()


def test_a_supervisor_or_a_participant_may_not_mark_attendance(client, setup):
    tree, _trainer, workshop, learners, _participants = setup
    session = workshop.sessions.first()
    url = reverse("workshops:workshop_attendance", args=[workshop.pk, session.pk])
    for person in (SupervisorFactory(supervised_units=[tree.mopti]), learners[0]):
        client.force_login(person)
        assert client.get(url).status_code == 404
        assert client.post(url, {}).status_code == 404


def test_a_session_of_another_workshop_answers_404(client, setup):
    _tree, trainer, workshop, _learners, _participants = setup
    other = workshop_make(title="Autre", trainers=[trainer])
    client.force_login(trainer)
    url = reverse("workshops:workshop_attendance", args=[workshop.pk, other.sessions.first().pk])
    assert client.get(url).status_code == 404


def test_who_sees_which_workshop(client, setup):
    tree, trainer, workshop, learners, _participants = setup
    url = reverse("workshops:workshop", args=[workshop.pk])
    client.force_login(trainer)
    assert "Faire l’appel" in client.get(url).content.decode()
    client.force_login(SupervisorFactory(supervised_units=[tree.mopti]))
    page = client.get(url).content.decode()
    assert learners[0].full_name in page and "Faire l’appel" not in page
    client.force_login(SupervisorFactory(supervised_units=[tree.segou]))
    assert client.get(url).status_code == 404
    assert client.get(reverse("workshops:workshop_report", args=[workshop.pk])).status_code == 404
    client.force_login(UserFactory())  # a trainer of nothing
    assert client.get(url).status_code == 404
    # A participant sees their own record: dates, place, programme, their attendance.
    client.force_login(learners[0])
    page = client.get(url).content.decode()
    assert "Mes présences" in page and "Les catégories de droits humains." in page
    assert learners[1].full_name not in page
    assert client.get(reverse("workshops:workshop_report", args=[workshop.pk])).status_code == 404


def test_the_workshop_is_on_mes_formations(client, setup, wagtail_site):
    _tree, _trainer, workshop, learners, _participants = setup
    client.force_login(learners[0])
    page = client.get(reverse("home")).content.decode()
    assert "Ateliers en présentiel" in page and workshop.title in page
    assert "Hôtel La Palmeraie, Sévaré" in page
    client.force_login(LearnerFactory())
    assert workshop.title not in client.get(reverse("home")).content.decode()


def _csv(text: str, name="participants.csv"):
    return SimpleUploadedFile(name, text.encode() if isinstance(text, str) else text, "text/csv")


def test_a_supervisor_adds_participants_from_the_picker_and_a_csv(client, setup):
    tree, _trainer, workshop, _learners, _participants = setup
    supervisor = SupervisorFactory(supervised_units=[tree.mopti])
    picked, listed = LearnerFactory(unit=tree.sevare), LearnerFactory(unit=tree.mopti)
    client.force_login(supervisor)
    url = reverse("workshops:workshop_participants", args=[workshop.pk])
    assert picked.full_name in client.get(url).content.decode()
    response = client.post(
        url,
        {
            "mode": "inscrire",
            "learners": [picked.pk],
            "csv_file": _csv(f"matricule\n{listed.matricule.lower()}\n"),
        },
    )
    assert response.status_code == 302, response.content.decode()
    assert set(workshop.participants.values_list("learner_id", flat=True)) >= {
        picked.pk,
        listed.pk,
    }


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("INCONNU-1\n", "Ligne 2 : matricule INCONNU-1 inconnu ou hors de vos unités."),
        ("=1+1\n", "Ligne 2 : « =1+1 » n’est pas un matricule valide."),
        (b"\xff\xfe\x00b", "n’est pas en UTF-8"),
        (b"", "est vide"),
        (b"matricule\n\n", "ne contient aucun matricule"),
        ("a\x00b\n", "caractère nul"),
    ],
)
def test_hostile_csv_adds_nobody_and_names_the_line(client, setup, content, message):
    tree, _trainer, workshop, _learners, _participants = setup
    supervisor = SupervisorFactory(supervised_units=[tree.mopti])
    good = LearnerFactory(unit=tree.sevare)
    before = Participant.objects.count()
    client.force_login(supervisor)
    text = content if isinstance(content, bytes) else f"{good.matricule}\n{content}"
    response = client.post(
        reverse("workshops:workshop_participants", args=[workshop.pk]), {"csv_file": _csv(text)}
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert Participant.objects.count() == before


def test_a_csv_cannot_add_someone_out_of_scope(client, setup):
    tree, _trainer, workshop, _learners, _participants = setup
    outsider = LearnerFactory(unit=tree.segou)
    client.force_login(SupervisorFactory(supervised_units=[tree.mopti]))
    response = client.post(
        reverse("workshops:workshop_participants", args=[workshop.pk]),
        {"csv_file": _csv(f"{outsider.matricule}\n"), "learners": [outsider.pk]},
    )
    assert response.status_code == 200
    assert not Participant.objects.filter(learner=outsider).exists()


def test_a_supervisor_creates_a_workshop_with_its_sessions(client, db):
    tree = tree_build()
    trainer = UserFactory(matricule="CNDH-FOR-09")
    supervisor = SupervisorFactory(supervised_units=[tree.mopti])
    client.force_login(supervisor)
    response = client.post(
        reverse("workshops:create"),
        {
            "title": "Atelier de Mopti",
            "place": "Mopti",
            "region": "Mopti",
            "start_date": "2026-03-02",
            "end_date": "2026-03-03",
            "capacity": "30",
            "programme_text": "Jour 1 <script>alert(1)</script>\n\nJour 2",
            "trainer_matricules": "cndh-for-09",
        },
    )
    assert response.status_code == 302, response.content.decode()
    client.get(response["Location"])
    from workshops.models import Workshop

    workshop = Workshop.objects.get()
    assert workshop.sessions.count() == 4
    assert list(workshop.trainers.all()) == [trainer]
    assert "<script>" not in workshop.programme and "&lt;script&gt;" in workshop.programme


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("end_date", "2026-02-01", "Le dernier jour ne peut précéder le premier jour."),
        ("trainer_matricules", "PERSONNE-X", "Matricule inconnu : PERSONNE-X."),
        ("capacity", "-3", ""),
        ("start_date", "pas une date", ""),
    ],
)
def test_bad_workshop_input_gets_a_french_error(client, db, field, value, message):
    tree = tree_build()
    client.force_login(SupervisorFactory(supervised_units=[tree.mopti]))
    data = {
        "title": "Atelier",
        "place": "Mopti",
        "region": "Mopti",
        "start_date": "2026-03-02",
        "end_date": "2026-03-03",
        "capacity": "30",
        field: value,
    }
    response = client.post(reverse("workshops:create"), data)
    assert response.status_code == 200
    assert 'class="errorlist' in response.content.decode()
    assert message in response.content.decode()
    from workshops.models import Workshop

    assert not Workshop.objects.exists()


def test_a_learner_may_not_create_a_workshop(client, db):
    client.force_login(LearnerFactory())
    assert client.get(reverse("workshops:create")).status_code == 403


def test_the_report_shows_the_gain_from_attempts_and_paper_scores(client, setup, wagtail_site):
    _tree, trainer, workshop, learners, participants = setup
    course = course_build(title="Formation liée", modules=1, lessons=1, sequential=False)
    questions = [question_make(name=f"Q{i}") for i in range(4)]
    quiz = quiz_make(course, questions=questions, title="Évaluation", delay_minutes=0)
    workshop.course, workshop.pre_test, workshop.post_test = course, quiz, quiz
    workshop.save()
    # Added again: idempotent for the participants, and enrols them in the linked course.
    services.participants_add(workshop=workshop, learners=learners, added_by=None)
    # Learner 0: 1/4 → 3/4 on Kalan (25 → 75); learner 1: paper 50 → 50; learner 2: pre only.
    attempt_with_answers(learner=learners[0], quiz=quiz, right=1)
    attempt_with_answers(learner=learners[0], quiz=quiz, right=3)
    attempt_with_answers(learner=learners[0], quiz=quiz, right=4)  # a retry does not count
    services.paper_result_enter(
        participant=participants[1], kind="pre", percent=50, entered_by=trainer
    )
    services.paper_result_enter(
        participant=participants[1], kind="post", percent=50, entered_by=trainer
    )
    attempt_with_answers(learner=learners[2], quiz=quiz, right=2)
    client.force_login(trainer)
    response = client.get(reverse("workshops:workshop_report", args=[workshop.pk]))
    report = response.context["report"]
    # Pairs (25, 75) and (50, 50): means 37.5 and 62.5, gain 25, g = 25 / 62.5 = 0.4.
    assert report.gain.count == 2
    assert (report.gain.mean_pre, report.gain.mean_post) == (37.5, 62.5)
    assert report.gain.hake_g == pytest.approx(0.4)
    assert report.gain.improved == 1
    assert (report.pre_only, report.on_paper) == (1, 1)
    page = response.content.decode()
    assert "2 sur 3 participations" in page
    assert "saisie par l’équipe de formation" in page
    assert "0,40" in page
    # Per question, from learner 0's two counted attempts: Q0 right both times, Q1 and Q2
    # right after only, Q3 never.
    facility = {q.name: (q.before, q.after) for q in report.questions}
    assert facility == {"Q0": (100, 100), "Q1": (0, 100), "Q2": (0, 100), "Q3": (0, 0)}
    assert page.count("<circle") == 4  # two participants, two dots each
    # Charts without JavaScript: the only script of the body is the site's offline texts
    # (a JSON block that every page carries).
    body = page.split("</header>")[1]
    assert re.findall(r"<script[^>]*>", body) == [
        '<script id="offline-strings" type="application/json">'
    ]


def test_the_trainer_enters_paper_scores_marked_as_entered_by_the_trainer(client, setup):
    _tree, trainer, workshop, _learners, participants = setup
    url = reverse("workshops:workshop_paper_scores", args=[workshop.pk, "pre"])
    client.force_login(trainer)
    assert client.get(url).status_code == 200
    response = client.post(url, {f"s-{participants[0].pk}": "37,5", f"s-{participants[1].pk}": ""})
    assert response.status_code == 302
    from workshops.models import TestResult

    (result,) = TestResult.objects.all()
    assert (result.participant, result.kind, result.percent, result.entered_by) == (
        participants[0],
        "pre",
        37.5,
        trainer,
    )
    report = client.get(reverse("workshops:workshop_report", args=[workshop.pk])).content
    assert "saisie par l’équipe de formation" in report.decode()


@pytest.mark.parametrize("value", ["101", "-1", "abc", "1e9", "=1+1", "50" * 30])
def test_a_bad_paper_score_saves_nothing_and_names_the_person(client, setup, value):
    _tree, trainer, workshop, _learners, participants = setup
    client.force_login(trainer)
    response = client.post(
        reverse("workshops:workshop_paper_scores", args=[workshop.pk, "post"]),
        {f"s-{participants[0].pk}": "60", f"s-{participants[1].pk}": value},
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "rien n’a été enregistré" in page
    assert f"{participants[1].learner.full_name} :" in page
    from workshops.models import TestResult

    assert not TestResult.objects.exists()


def test_only_the_trainer_enters_paper_scores(client, setup):
    tree, _trainer, workshop, learners, _participants = setup
    url = reverse("workshops:workshop_paper_scores", args=[workshop.pk, "pre"])
    for person in (SupervisorFactory(supervised_units=[tree.mopti]), learners[0]):
        client.force_login(person)
        assert client.get(url).status_code == 404


def test_an_attempt_made_before_the_workshop_is_not_its_pre_test(client, setup, wagtail_site):
    from datetime import timedelta

    from django.utils import timezone

    from quizzes.models import Attempt

    _tree, trainer, workshop, learners, _participants = setup
    course = course_build(title="Formation liée", modules=1, lessons=1, sequential=False)
    quiz = quiz_make(course, questions=[question_make(name="Q")], delay_minutes=0)
    workshop.course, workshop.pre_test, workshop.post_test = course, quiz, quiz
    workshop.save()
    services.participants_add(workshop=workshop, learners=learners, added_by=None)
    earlier = attempt_with_answers(learner=learners[0], quiz=quiz, right=1)
    before = timezone.make_aware(
        timezone.datetime.combine(workshop.start_date, timezone.datetime.min.time())
    ) - timedelta(days=30)
    Attempt.objects.filter(pk=earlier.pk).update(started_at=before, finished_at=before)
    attempt_with_answers(learner=learners[0], quiz=quiz, right=0)  # in the room
    attempt_with_answers(learner=learners[0], quiz=quiz, right=1)  # at the end
    client.force_login(trainer)
    report = client.get(reverse("workshops:workshop_report", args=[workshop.pk])).context["report"]
    assert (report.gain.mean_pre, report.gain.mean_post) == (0, 100)


def test_the_participant_finds_the_tests_on_their_record(client, wagtail_site):
    from django.utils import timezone

    course = course_build(modules=2, lessons=1, sequential=True)
    quiz = quiz_make(course.get_children().last(), questions=[question_make()], title="Test OPJ")
    today = timezone.localdate()
    workshop = workshop_make(start_date=today, end_date=today, pre_test=quiz, post_test=quiz)
    learner = LearnerFactory()
    participants_make(workshop, [learner])
    client.force_login(learner)
    url = reverse("workshops:workshop", args=[workshop.pk])
    page = client.get(url).content.decode()
    assert "Tests de l’atelier" in page
    assert f'<a class="button" href="{quiz.url}">Passer le pré-test</a>' in page
    assert "Disponible une fois le pré-test terminé." in page
    # The quiz's page lets them start, although its module is locked in the course.
    assert "verrouillé" not in client.get(quiz.url).content.decode()
    attempt_with_answers(learner=learner, quiz=quiz, right=1)
    page = client.get(url).content.decode()
    assert "Fait sur Kalan." in page and "Passer le post-test" in page


def test_the_supervisor_links_a_course_when_creating_a_workshop(client, wagtail_site):
    tree = tree_build()
    course = course_build(title="Garde à vue et droits", modules=1, lessons=1)
    client.force_login(SupervisorFactory(supervised_units=[tree.mopti]))
    fields = {
        "title": "Atelier",
        "place": "Sévaré",
        "region": "Mopti",
        "start_date": "2026-03-02",
        "end_date": "2026-03-02",
        "capacity": "20",
        "course": str(course.pk),
    }
    response = client.post(reverse("workshops:create"), fields)
    assert response.status_code == 302
    assert Workshop.objects.get().course_id == course.pk
    # No programme typed: none stored (an empty « Programme » section showed before).
    assert Workshop.objects.get().programme == ""
    # A course id that is not a live course: the field says so, nothing is created.
    response = client.post(reverse("workshops:create"), {**fields, "course": "999999"})
    assert response.status_code == 200 and Workshop.objects.count() == 1
    assert "Sélectionnez un choix valide" in response.content.decode()


def test_a_supervisor_sees_only_their_peoples_names_and_scores(client, setup):
    """A Ségou supervisor follows the Sévaré workshop because one of their officers takes
    part: the workshop's page and its report show that officer, never the Mopti ones, and
    the report's figures count their people only. The trainer sees everyone."""
    tree, trainer, workshop, learners, _participants = setup
    quiz = quiz_make(
        course_build(modules=1, lessons=1, sequential=False),
        questions=[question_make(name=f"Q{n}") for n in range(4)],
        delay_minutes=0,
    )
    workshop.pre_test = workshop.post_test = quiz
    workshop.save()
    from_segou = LearnerFactory(unit=tree.segou, full_name="Fatoumata Koné")
    participants_make(workshop, [learners[0], from_segou])  # enrolled in the test's course
    for learner, (pre, post) in ((learners[0], (1, 3)), (from_segou, (2, 2))):
        attempt_with_answers(learner=learner, quiz=quiz, right=pre)
        attempt_with_answers(learner=learner, quiz=quiz, right=post)
    client.force_login(SupervisorFactory(supervised_units=[tree.segou]))
    page = client.get(reverse("workshops:workshop", args=[workshop.pk])).content.decode()
    assert "Fatoumata Koné" in page and "Seules les personnes de vos unités" in page
    assert all(learner.full_name not in page for learner in learners)
    report = client.get(reverse("workshops:workshop_report", args=[workshop.pk]))
    html = report.content.decode()
    assert "Fatoumata Koné" in html and "que les personnes de vos unités" in html
    assert all(learner.full_name not in html for learner in learners)
    assert report.context["report"].participants == 1
    assert report.context["report"].gain.mean_pre == 50  # Fatoumata's alone
    # Attendance too: the Mopti people's marks are not in the supervisor's figures.
    session = workshop.sessions.order_by("date", "part").first()
    marks = {p.pk: "absent" for p in workshop.participants.all()}
    services.attendance_save(session=session, marks=marks, marked_by=trainer)
    data = client.get(reverse("workshops:workshop_report", args=[workshop.pk])).context["report"]
    assert (data.sessions[0].marked, data.attendance_rate) == (1, 0)
    client.force_login(trainer)
    html = client.get(reverse("workshops:workshop_report", args=[workshop.pk])).content.decode()
    assert all(learner.full_name in html for learner in learners)
    assert "que les personnes de vos unités" not in html


def test_the_knowledge_report_as_a_workbook_with_typed_cells(client, setup):
    """The page's figures in XLSX: the gain, each person's scores (a paper one flagged), each
    question before and after; a name that looks like a formula stays text; a supervisor's
    workbook holds their people only."""
    import io

    from openpyxl import load_workbook

    tree, trainer, workshop, learners, participants = setup
    quiz = quiz_make(
        course_build(modules=1, lessons=1, sequential=False),
        questions=[question_make(name=f"Q{n}") for n in range(1, 5)],
        delay_minutes=0,
    )
    workshop.pre_test = workshop.post_test = quiz
    workshop.save()
    learners[0].full_name = '=HYPERLINK("http://x")'
    learners[0].save()
    participants_make(workshop, learners[:2])  # enrolled in the test's course
    attempt_with_answers(learner=learners[0], quiz=quiz, right=1)
    attempt_with_answers(learner=learners[0], quiz=quiz, right=3)
    services.paper_result_enter(
        participant=participants[1], kind="pre", percent=50, entered_by=trainer
    )
    attempt_with_answers(learner=learners[1], quiz=quiz, right=4)  # the post-test
    client.force_login(trainer)
    response = client.get(reverse("workshops:workshop_report_xlsx", args=[workshop.pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="kalan-gain-atelier-')
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == ["Gain", "Par personne", "Par question"]
    figures = {row[0]: row[1] for row in book["Gain"].iter_rows(min_row=2, values_only=True)}
    # Pre 25 % and 50 % (paper), post 75 % and 100 %: means 37.5 % and 87.5 %, +50 points.
    assert figures["Participations avec les deux tests (n)"] == 2
    assert figures["Moyenne au pré-test"] == pytest.approx(0.375)
    assert figures["Moyenne au post-test"] == pytest.approx(0.875)
    assert figures["Gain moyen (points)"] == pytest.approx(50)
    assert figures["Gain normalisé g de Hake"] == pytest.approx(0.8)
    people = {row[1]: row for row in book["Par personne"].iter_rows(min_row=2, values_only=True)}
    first = people[learners[0].matricule]
    assert first[0] == '\'=HYPERLINK("http://x")'  # text, never a formula
    assert first[3:8] == (pytest.approx(0.25), "non", pytest.approx(0.75), "non", 50)
    second = people[learners[1].matricule]
    assert second[3:8] == (pytest.approx(0.5), "oui", pytest.approx(1.0), "non", 50)
    assert book["Par personne"]["D2"].number_format == "0.0%"
    questions = list(book["Par question"].iter_rows(min_row=2, values_only=True))
    assert [row[0] for row in questions] == ["Q1", "Q2", "Q3", "Q4"]
    assert questions[0][1:5] == (pytest.approx(1.0), 1, pytest.approx(1.0), 2)
    # A supervisor of Ségou with one officer there: only that officer.
    from_segou = LearnerFactory(unit=tree.segou, full_name="Fatoumata Koné")
    participants_make(workshop, [from_segou])
    client.force_login(SupervisorFactory(supervised_units=[tree.segou]))
    response = client.get(reverse("workshops:workshop_report_xlsx", args=[workshop.pk]))
    book = load_workbook(io.BytesIO(response.content))
    names = [row[0] for row in book["Par personne"].iter_rows(min_row=2, values_only=True)]
    assert names == ["Fatoumata Koné"]
