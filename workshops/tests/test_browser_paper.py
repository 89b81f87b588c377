"""In chromium on a phone (390 by 844): a trainer enters a participant's paper post-test
answers, one tap per question; the server grades the copy and the report's figures and
per-question rates change accordingly. Every page is checked with axe and photographed at
390 and 1366 px."""

import re

import pytest

from conftest import login_browser
from lms.tests.test_accessibility import axe_check

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _question_rates(page) -> dict[str, tuple[str, str]]:
    """The report's per-question table: name → (before, after), as the page writes them."""
    rates = {}
    table = page.get_by_role("region", name="Taux de réussite par question")
    for row in table.locator("tbody tr").all():
        cells = [c.inner_text().split(" (")[0] for c in row.locator("th, td").all()]
        rates[cells[0]] = (cells[1], cells[2])
    return rates


def test_a_trainer_enters_a_paper_copy_with_one_tap_per_question(
    page, client, base_url, wagtail_site, role_groups, page_shots
):
    from accounts.tests.factories import LearnerFactory, UserFactory
    from courses.tests.factories import course_build
    from quizzes.tests.factories import question_make, quiz_make
    from workshops import selectors, services
    from workshops.demo import attempt_with_answers
    from workshops.models import TestResult

    from .factories import participants_make, workshop_make

    course = course_build(title="Droits humains et OPJ", modules=1, lessons=1, sequential=False)
    questions = [question_make(name=f"Question {n}") for n in range(1, 4)]
    questions.append(question_make("truefalse", name="Question 4"))
    quiz = quiz_make(course, questions=questions, title="Test de l’atelier", delay_minutes=0)
    trainer = UserFactory(matricule="CNDH-FOR-07", full_name="Hawa Dembélé")
    workshop = workshop_make(trainers=[trainer], course=course, pre_test=quiz, post_test=quiz)
    learners = [
        LearnerFactory(full_name=name)
        for name in ("Boubacar Touré", "Mariam Cissé", "Kadidia Bocoum")
    ]
    participants = participants_make(workshop, learners)
    # On Kalan: 1 → 3 and 2 → 4 right answers of 4 (by name).
    for learner, (pre, post) in zip(learners[:2], [(1, 3), (2, 4)], strict=True):
        attempt_with_answers(learner=learner, quiz=quiz, right=pre)
        attempt_with_answers(learner=learner, quiz=quiz, right=post)
    # On paper, without a phone: the pre-test's copy was entered (question 1 right only).
    copy = selectors.paper_copy(workshop=workshop, kind="pre")
    services.paper_answers_enter(
        participant=participants[2],
        kind="pre",
        entries=[
            services.PaperEntry(
                q.position, q.snapshot, {"choice": "c0"} if q.position == 1 else None
            )
            for q in copy.entered
        ],
        entered_by=trainer,
    )

    page.set_viewport_size({"width": 390, "height": 844})
    login_browser(page, client, trainer, base_url)
    page.goto(f"/ateliers/{workshop.pk}/rapport/")
    # Before: only the two on Kalan count (Kadidia has no post-test yet).
    figures = page.locator(".gain-figures").inner_text()
    assert "37,5 %" in figures and "87,5 %" in figures and "2 sur 2" in figures
    assert _question_rates(page) == {
        "Question 1": ("100 %", "100 %"),
        "Question 2": ("50 %", "100 %"),
        "Question 3": ("0 %", "100 %"),
        "Question 4": ("0 %", "50 %"),
    }
    assert "Aucune réponse sur papier n’est comptée." in page.content()

    page.get_by_role("link", name="Saisir un post-test sur papier").click()
    page.wait_for_url(f"**/ateliers/{workshop.pk}/tests/post/papier/")
    axe_check(page, "notes sur papier, avec les copies")
    page_shots(page, "atelier-papier-copies")
    page.get_by_role("link", name="Saisir la copie · Kadidia Bocoum").click()
    page.wait_for_url(f"**/tests/post/papier/{participants[2].pk}/")
    axe_check(page, "copie sur papier")
    weight = len(page.content().encode())
    assert weight < 30_000, weight  # a light page on a slow link

    # One tap per question, on the answer's text: question 2 wrong, the others right.
    taps = {1: "48 heures", 2: "10 jours", 3: "48 heures", 4: "Vrai"}
    for number, text in taps.items():
        group = page.get_by_role("group", name=re.compile(rf"^Question {number} "))
        group.get_by_text(text, exact=True).click()
        assert group.get_by_role("radio", name=text).is_checked()
    page_shots(page, "atelier-copie")
    page.get_by_role("button", name="Enregistrer la copie").click()
    page.wait_for_url(f"**/ateliers/{workshop.pk}/rapport/")
    message = page.locator(".messages").inner_text()
    assert "Copie de Kadidia Bocoum enregistrée : note 75 % (4 réponses sur 4 questions)." in (
        message
    ), message
    result = TestResult.objects.get(participant=participants[2], kind="post")
    assert (result.percent, result.entered_by, result.answers.count()) == (75, trainer, 4)

    # After: three count; Kadidia's copies are in the means and in each question's rate.
    figures = page.locator(".gain-figures").inner_text()
    assert "33,3 %" in figures and "83,3 %" in figures and "3 sur 3" in figures
    assert _question_rates(page) == {
        "Question 1": ("100 %", "100 %"),
        "Question 2": ("33 %", "67 %"),
        "Question 3": ("0 %", "100 %"),
        "Question 4": ("0 %", "67 %"),
    }
    counted = "8 réponses sur papier, saisies par l’équipe de formation, sont comptées."
    assert counted in page.content()
    row = page.get_by_role("row", name=re.compile("Kadidia Bocoum"))
    assert row.get_by_text("saisie par l’équipe de formation").count() == 2
    # The bars are drawn from the same rates: question 2's after bar reads 67 %.
    notes = page.locator("[aria-labelledby=par-question] svg .chart__note").all_text_contents()
    assert notes == ["100 %", "100 %", "33 %", "67 %", "0 %", "100 %", "0 %", "67 %"]
    axe_check(page, "rapport avec une copie sur papier")
    page_shots(page, "atelier-rapport-copie")


def test_a_bad_copy_says_which_question_and_a_drawn_quiz_takes_only_a_score(
    page, client, base_url, wagtail_site, role_groups, page_shots
):
    from accounts.tests.factories import LearnerFactory, UserFactory
    from courses.tests.factories import course_build
    from quizzes.models import QuizPage, QuizSlot
    from quizzes.tests.factories import category_make, question_make, quiz_make
    from workshops.models import TestResult

    from .factories import participants_make, workshop_make

    course = course_build(title="Droits humains et OPJ", modules=1, lessons=1, sequential=False)
    category = category_make("Atelier")
    questions = [
        question_make("numerical", category=category, name="Durée de la garde à vue"),
        question_make("short", category=category, name="Mesure privative de liberté"),
        question_make("essay", category=category, name="Rédaction libre"),
    ]
    quiz = quiz_make(course, questions=questions, title="Test de l’atelier", delay_minutes=0)
    drawn = QuizPage(title="Tirage au hasard", shuffle_questions=False)
    drawn.slots = [QuizSlot(category=category, random_count=2, sort_order=0)]
    course.add_child(instance=drawn)
    trainer = UserFactory(matricule="CNDH-FOR-07", full_name="Hawa Dembélé")
    workshop = workshop_make(trainers=[trainer], course=course, pre_test=quiz, post_test=drawn)
    (participant,) = participants_make(workshop, [LearnerFactory(full_name="Kadidia Bocoum")])

    page.set_viewport_size({"width": 390, "height": 844})
    login_browser(page, client, trainer, base_url)
    page.goto(f"/ateliers/{workshop.pk}/tests/pre/papier/{participant.pk}/")
    assert "Question 3 : Rédaction libre (corrigée par une personne)" in page.content()
    page.get_by_label("Réponse écrite sur la copie (nombre)").fill("quarante-huit")
    page.get_by_label("Réponse écrite sur la copie", exact=True).fill("garde à vue")
    page.get_by_role("button", name="Enregistrer la copie").click()
    alert = page.get_by_role("alert")
    assert "Question 1 : Saisissez un nombre, par exemple 48 ou 48,5." in alert.inner_text()
    assert not TestResult.objects.exists()
    # What was typed is still there, to correct.
    assert page.get_by_label("Réponse écrite sur la copie", exact=True).input_value() == (
        "garde à vue"
    )
    axe_check(page, "copie sur papier, avec une erreur")
    page_shots(page, "atelier-copie-erreur")
    page.get_by_label("Réponse écrite sur la copie (nombre)").fill("48")
    page.get_by_role("button", name="Enregistrer la copie").click()
    page.wait_for_url(f"**/ateliers/{workshop.pk}/rapport/")
    assert TestResult.objects.get().percent == 100

    page.goto(f"/ateliers/{workshop.pk}/tests/post/papier/{participant.pk}/")
    assert "la saisie question par question n’est pas possible" in page.content()
    axe_check(page, "copie sur papier d’un tirage au hasard")
    page_shots(page, "atelier-copie-tirage")
    page.get_by_role("link", name="Saisir la note de la copie (en %)").click()
    page.wait_for_url(f"**/ateliers/{workshop.pk}/tests/post/papier/")
