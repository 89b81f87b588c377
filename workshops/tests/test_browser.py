"""In chromium on a phone (390 by 844): a trainer takes the roll of a session with one tap
per row and saves it in one POST; the report then shows the knowledge gain. Every page is
checked with axe and photographed at 390 and 1366 px."""

import pytest

from conftest import login_browser
from lms.tests.test_accessibility import axe_check

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_trainer_takes_the_roll_on_a_phone_and_the_report_shows_the_gain(
    page, client, base_url, wagtail_site, role_groups, page_shots
):
    from accounts.tests.factories import LearnerFactory, UserFactory
    from courses.tests.factories import course_build
    from quizzes.tests.factories import question_make, quiz_make
    from workshops import services
    from workshops.demo import attempt_with_answers
    from workshops.models import Attendance

    from .factories import participants_make, workshop_make

    course = course_build(title="Droits humains et OPJ", modules=1, lessons=1, sequential=False)
    questions = [question_make(name=f"Question {n}") for n in range(1, 5)]
    quiz = quiz_make(course, questions=questions, title="Test de l’atelier", delay_minutes=0)
    trainer = UserFactory(matricule="CNDH-FOR-07", full_name="Hawa Dembélé")
    workshop = workshop_make(trainers=[trainer], course=course, pre_test=quiz, post_test=quiz)
    learners = [
        LearnerFactory(full_name=name)
        for name in ("Boubacar Touré", "Mariam Cissé", "Souleymane Dicko", "Assétou Sanogo")
    ]
    participants = participants_make(workshop, learners)
    for learner, (pre, post) in zip(learners, [(1, 3), (2, 4), (1, 1), (2, 3)], strict=True):
        attempt_with_answers(learner=learner, quiz=quiz, right=pre)
        attempt_with_answers(learner=learner, quiz=quiz, right=post)
    services.paper_result_enter(
        participant=participants[0], kind="pre", percent=10, entered_by=trainer
    )  # an attempt on Kalan wins over a paper score: the report still reads 25 %
    session = workshop.sessions.order_by("date", "part").first()

    page.set_viewport_size({"width": 390, "height": 844})
    login_browser(page, client, trainer, base_url)
    page.goto("/")
    page.get_by_role("link", name="Les ateliers que j’anime ou que je suis").click()
    page.get_by_role("link", name=workshop.title).click()
    page.get_by_role("link", name="Faire l’appel").first.click()
    page.wait_for_url(f"**/seances/{session.pk}/presences/")
    axe_check(page, "appel")
    weight = len(page.content().encode())
    assert weight < 20_000, weight  # a light page on a slow link

    # One tap per row, on the segment's label (the radio itself is hidden under it).
    choices = ["Présence", "Retard", "Absence", "Absence justifiée"]
    for participant, choice in zip(participants, choices, strict=True):
        row = page.get_by_role("group", name=participant.learner.full_name)
        row.get_by_text(choice, exact=True).click()
        assert row.get_by_role("radio", name=choice, exact=True).is_checked()
    page_shots(page, "atelier-appel")
    page.get_by_role("button", name="Enregistrer l’appel").click()
    page.wait_for_url(f"**/ateliers/{workshop.pk}/")
    assert "Présences enregistrées : 4 lignes." in page.content()
    assert dict(
        Attendance.objects.filter(session=session).values_list("participant_id", "status")
    ) == {
        participants[0].pk: "present",
        participants[1].pk: "late",
        participants[2].pk: "absent",
        participants[3].pk: "excused",
    }
    axe_check(page, "atelier")

    page.get_by_role("link", name="Rapport et gain de connaissances").click()
    page.wait_for_url(f"**/ateliers/{workshop.pk}/rapport/")
    axe_check(page, "rapport")
    # Four questions of 1 point: pre 25 50 25 50 (mean 37.5), post 75 100 25 75 (68.75),
    # gain 31.25 points, g = 31.25 / 62.5 = 0.50, three of four improved.
    figures = page.locator(".gain-figures").inner_text()
    assert "37,5 %" in figures and "68,8 %" in figures
    assert "+31,2 points" in figures or "+31,3 points" in figures
    assert "0,50" in figures and "3 sur 4" in figures
    assert page.locator("svg circle").count() == 8
    page_shots(page, "atelier-rapport")
    # The trainer's form for the scores of a paper test.
    page.get_by_role("link", name="Saisir un post-test sur papier").click()
    axe_check(page, "notes sur papier")
    page_shots(page, "atelier-papier")
    page.goto(f"/ateliers/{workshop.pk}/")
    page_shots(page, "atelier")


def test_a_supervisor_creates_a_workshop_and_adds_participants_and_a_participant_sees_it(
    page, client, base_url, wagtail_site, role_groups, page_shots
):
    from accounts.tests.factories import LearnerFactory, SupervisorFactory, UserFactory
    from tracking.tests.factories import tree_build
    from workshops.models import Workshop

    tree = tree_build()
    UserFactory(matricule="CNDH-FOR-08", full_name="Hawa Dembélé")
    supervisor = SupervisorFactory(supervised_units=[tree.mopti], full_name="Seydou Sangaré")
    learners = [
        LearnerFactory(unit=tree.sevare, full_name=name)
        for name in ("Boubacar Touré", "Mariam Cissé", "Kadidia Bocoum")
    ]
    page.set_viewport_size({"width": 390, "height": 844})
    login_browser(page, client, supervisor, base_url)
    page.goto("/ateliers/nouveau/")
    axe_check(page, "créer un atelier")
    page.get_by_label("Intitulé").fill("Atelier des OPJ de Mopti")
    page.get_by_label("Lieu").fill("Sévaré")
    page.get_by_label("Région").fill("Mopti")
    page.get_by_label("Premier jour").fill("2026-03-02")
    page.get_by_label("Dernier jour").fill("2026-03-03")
    page.get_by_label("Programme").fill(
        "Jour 1 : les catégories de droits.\n\nJour 2 : la garde à vue."
    )
    page.get_by_label("Formateurs (matricules)").fill("cndh-for-08")
    page_shots(page, "atelier-creer")
    page.get_by_role("button", name="Créer l’atelier").click()
    workshop = Workshop.objects.get()
    page.wait_for_url(f"**/ateliers/{workshop.pk}/")
    assert workshop.sessions.count() == 4

    page.get_by_role("link", name="Ajouter des participants").click()
    axe_check(page, "ajouter des participants")
    page.get_by_label(f"{learners[0].full_name} · {learners[0].matricule}", exact=False).check()
    page.set_input_files(
        "input[type=file]",
        files=[
            {
                "name": "participants.csv",
                "mimeType": "text/csv",
                "buffer": f"matricule\n{learners[1].matricule}\n".encode(),
            }
        ],
    )
    page_shots(page, "atelier-participants")
    page.get_by_role("button", name="Valider").click()
    page.wait_for_url(f"**/ateliers/{workshop.pk}/")
    assert "2 participations ajoutées." in page.content()
    assert set(workshop.participants.values_list("learner_id", flat=True)) == {
        learners[0].pk,
        learners[1].pk,
    }

    login_browser(page, client, learners[0], base_url)
    page.goto("/")
    axe_check(page, "mes formations avec un atelier")
    page.get_by_role("link", name="Atelier des OPJ de Mopti", exact=True).click()
    page.wait_for_load_state()
    assert "la garde à vue" in page.content()
    axe_check(page, "ma participation")
    page_shots(page, "atelier-participation")
