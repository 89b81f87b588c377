"""A workshop from end to end, on phones (390 by 844), with the real Celery worker: a
supervisor creates it with its course and its tests and adds participants, the trainer
takes the roll of both sessions, the participants take the pre-test and the post-test on
their phones (the quiz sits in the course's last module, locked by the course's order, and
opens to them on the workshop's day), the report shows the gain, and the attestations de
participation are issued once each, whatever is replayed."""

import re
import time

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from conftest import login_browser
from lms.tests.test_accessibility import axe_check

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def take_test(page, workshop, link: str, answers: list[str]) -> None:
    """From « Mes formations », the participant opens the workshop, follows `link` to the
    quiz and answers one question per page."""
    page.goto("/")
    page.get_by_role("link", name=workshop.title, exact=True).click()
    page.get_by_role("link", name=link).click()
    page.get_by_role("button", name=re.compile("Commencer le quiz|Nouvelle tentative")).click()
    for number, answer in enumerate(answers, start=1):
        page.get_by_label(answer).check()
        last = number == len(answers)
        page.get_by_role(
            "button", name="Enregistrer et terminer" if last else "Enregistrer et continuer"
        ).click()
    page.get_by_role("button", name="Envoyer et terminer").click()
    # The quiz's review policy shows the score later; the attempt is in.
    expect(page.get_by_text("Vos réponses sont envoyées.", exact=False)).to_be_visible()


def test_a_workshop_from_creation_to_attestations(
    page,
    client,
    base_url,
    wagtail_site,
    role_groups,
    page_shots,
    celery_project_worker,
    settings,
    tmp_path,
):
    from accounts.tests.factories import LearnerFactory, SupervisorFactory, UserFactory
    from courses.tests.factories import course_build
    from quizzes.tests.factories import question_make, quiz_make
    from tracking.tests.factories import tree_build
    from workshops import tasks
    from workshops.models import Attestation, Workshop

    settings.MEDIA_ROOT = str(tmp_path)
    tree = tree_build()
    course = course_build(title="Droits humains et OPJ", modules=2, lessons=1, sequential=True)
    quiz = quiz_make(
        course.get_children().last(),
        questions=[question_make(name="Délai"), question_make(name="Prolongation")],
        title="Test de l’atelier de Sévaré",
        delay_minutes=0,
        shuffle_choices=False,
    )
    trainer = UserFactory(matricule="CNDH-FOR-11", full_name="Hawa Dembélé")
    supervisor = SupervisorFactory(supervised_units=[tree.mopti], full_name="Seydou Sangaré")
    learners = [
        LearnerFactory(unit=tree.sevare, full_name=name)
        for name in ("Boubacar Touré", "Mariam Cissé", "Kadidia Bocoum")
    ]
    today = timezone.localdate().isoformat()
    page.set_viewport_size({"width": 390, "height": 844})

    # The supervisor creates the workshop, one day (two sessions), with its course and tests.
    login_browser(page, client, supervisor, base_url)
    page.goto("/ateliers/nouveau/")
    page.get_by_label("Intitulé").fill("Atelier des OPJ de Sévaré")
    page.get_by_label("Lieu").fill("Sévaré")
    page.get_by_label("Région").fill("Mopti")
    page.get_by_label("Premier jour").fill(today)
    page.get_by_label("Dernier jour").fill(today)
    page.get_by_label("Formation en ligne liée").select_option(label=course.title)
    page.get_by_label("Test de début (pré-test)").select_option(label=quiz.title)
    page.get_by_label("Test de fin (post-test)").select_option(label=quiz.title)
    page.get_by_label("Formateurs (matricules)").fill(trainer.matricule)
    page.get_by_role("button", name="Créer l’atelier").click()
    workshop = Workshop.objects.get()
    page.wait_for_url(f"**/ateliers/{workshop.pk}/")
    page.get_by_role("link", name="Ajouter des participants").click()
    for learner in learners:
        page.get_by_label(f"{learner.full_name} · {learner.matricule}", exact=False).check()
    page.get_by_role("button", name="Valider").click()
    expect(page.get_by_text("3 participations ajoutées.")).to_be_visible()

    # The participants take the pre-test on their phones, in the room: the quiz sits in the
    # course's last module, which the course's order keeps locked for them.
    for learner, answers in zip(
        learners[:2], (["10 jours", "10 jours"], ["48 heures", "10 jours"]), strict=True
    ):
        login_browser(page, client, learner, base_url)
        page.goto(f"/ateliers/{workshop.pk}/")
        expect(page.get_by_text("Disponible une fois le pré-test terminé.")).to_be_visible()
        axe_check(page, "fiche de l’atelier avec ses tests")
        page_shots(page, "atelier-tests-participant")
        take_test(page, workshop, "Passer le pré-test", answers)

    # The trainer takes the roll of both sessions, everyone present.
    login_browser(page, client, trainer, base_url)
    for index in range(2):
        page.goto(f"/ateliers/{workshop.pk}/")
        page.get_by_role("link", name="Faire l’appel").nth(index).click()
        for learner in learners:
            page.get_by_role("group", name=learner.full_name).get_by_text(
                "Présence", exact=True
            ).click()
        page.get_by_role("button", name="Enregistrer l’appel").click()
        expect(page.get_by_text("Présences enregistrées : 3 lignes.")).to_be_visible()

    # The post-test, at the end of the day.
    for learner in learners[:2]:
        login_browser(page, client, learner, base_url)
        take_test(page, workshop, "Passer le post-test", ["48 heures", "48 heures"])
        page.goto(f"/ateliers/{workshop.pk}/")
        expect(page.locator("section[aria-labelledby=tests]")).not_to_contain_text("Passer le")

    # The report: pre 0 % and 50 % (mean 25 %), post 100 % for both, gain 75 points,
    # g = 75 / 75 = 1.00; the third participant took neither test and is not counted.
    login_browser(page, client, trainer, base_url)
    page.goto(f"/ateliers/{workshop.pk}/rapport/")
    figures = page.locator(".gain-figures").inner_text()
    assert "25,0 %" in figures and "100,0 %" in figures, figures
    assert "+75,0 points" in figures and "1,00" in figures and "2 sur 2" in figures, figures
    axe_check(page, "rapport de bout en bout")
    page_shots(page, "atelier-bout-en-bout-rapport")

    # Attestations: the worker issues one per participant, once, with its PDF; a replayed
    # roll call and the sweep add none.
    deadline = time.monotonic() + 90
    while Attestation.objects.exclude(pdf_sha256="").count() < 3:
        assert time.monotonic() < deadline, "the attestations were not all issued in 90 s"
        time.sleep(0.3)
    first = set(Attestation.objects.values_list("pk", "serial"))
    page.goto(f"/ateliers/{workshop.pk}/")
    page.get_by_role("link", name="Faire l’appel").nth(1).click()
    page.get_by_role("button", name="Enregistrer l’appel").click()
    expect(page.get_by_text("Présences enregistrées : 3 lignes.")).to_be_visible()
    tasks.attestations_sweep()
    time.sleep(2)  # what the replay queued has had time to run
    assert set(Attestation.objects.values_list("pk", "serial")) == first
    assert Attestation.objects.filter(participant__learner__in=learners).count() == 3
