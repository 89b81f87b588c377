"""A paper copy entered question by question (issue 20, point 3): graded by the quiz's own
grading, counted in the report's per-question facility, exclusive with a score typed by
hand, refused for a quiz that draws at random, and for anyone but the workshop's trainers."""

from decimal import Decimal

import pytest
from django.urls import reverse

from accounts.tests.factories import LearnerFactory, SupervisorFactory, UserFactory
from courses.tests.factories import course_build
from quizzes import grading
from quizzes import services as quiz_services
from quizzes.models import QuizPage, QuizSlot
from quizzes.tests.factories import category_make, question_make, quiz_make
from quizzes.types import question_type
from tracking.tests.factories import tree_build
from workshops import selectors, services
from workshops.forms import paper_display_order
from workshops.models import PaperAnswer, TestResult
from xapi import statements as xs
from xapi.models import OutboxStatement

from .factories import participants_make, workshop_make

pytestmark = pytest.mark.django_db

# The kinds a trainer enters, in the quiz's slot order (question 1 is the single choice…).
ENTERED = ["single", "multiple", "truefalse", "short", "numerical", "matching", "ordering"]

# Answers that earn every kind of grade: right, partial, wrong.
MIXED = {
    "single": {"choice": "c1"},  # wrong
    "multiple": {"choices": ["c0"]},  # half
    "truefalse": {"choice": "true"},  # right
    "short": {"text": "Garde"},  # « garde* »: half
    "numerical": {"value": 48.0},  # right
    "matching": {"matches": {"p0": "p0", "p1": "p2", "p2": "p1"}},  # a third
    "ordering": {"order": ["i0", "i2", "i1"]},  # a third
}


@pytest.fixture
def setup(db):
    tree = tree_build()
    trainer = UserFactory(full_name="Formatrice CNDH")
    course = course_build(title="Formation liée", modules=1, lessons=1, sequential=False)
    category = category_make("Atelier")
    questions = [
        question_make(kind, category=category, name=f"Q{n} {kind}", max_score="2")
        for n, kind in enumerate(ENTERED, start=1)
    ]
    quiz = quiz_make(course, questions=questions, title="Test de l’atelier", delay_minutes=0)
    workshop = workshop_make(trainers=[trainer])
    workshop.course, workshop.pre_test, workshop.post_test = course, quiz, quiz
    workshop.save()
    learners = [LearnerFactory(unit=tree.sevare, full_name=f"Personne {n}") for n in range(3)]
    participants = participants_make(workshop, learners)
    return tree, trainer, workshop, quiz, questions, participants


def url_of(workshop, kind, participant):
    return reverse("workshops:workshop_paper_answers", args=[workshop.pk, kind, participant.pk])


def post_of(workshop, kind, responses: dict) -> dict:
    """The fields a browser sends for `responses` {question id: response}: each type's own
    `to_post`, on the form's tokens."""
    copy = selectors.paper_copy(workshop=workshop, kind=kind)
    data = {"questions": ",".join(str(q.question_id) for q in copy.entered)}
    for question in copy.entered:
        response = responses.get(question.question_id)
        if response is not None:
            found = question_type(question.snapshot["type"])
            data.update(
                found.to_post(
                    f"q{question.question_id}", response, paper_display_order(question.snapshot)
                )
            )
    return data


def by_kind(questions, answers: dict) -> dict:
    return {q.pk: answers[q.question_type] for q in questions if q.question_type in answers}


def online_attempt(learner, quiz, responses: dict):
    """A finished attempt on Kalan with `responses` {question id: response}."""
    attempt = quiz_services.attempt_start(learner=learner, quiz=quiz)
    for item in attempt.items.all():
        item.response = responses.get(item.question_id)
        item.save(update_fields=["response"])
    return quiz_services.attempt_submit(attempt=attempt)


@pytest.mark.parametrize(
    "answers",
    [
        MIXED,
        {kind: None for kind in ENTERED} | {"ordering": {"order": ["i2", "i1", "i0"]}},
        "right",
    ],
)
def test_the_server_grades_a_copy_as_it_grades_the_same_answers_online(client, setup, answers):
    _tree, trainer, workshop, quiz, questions, participants = setup
    if answers == "right":
        answers = {q.question_type: grading.correct_response(q.snapshot()) for q in questions}
    responses = {pk: r for pk, r in by_kind(questions, answers).items() if r is not None}
    client.force_login(trainer)
    response = client.post(
        url_of(workshop, "pre", participants[0]), post_of(workshop, "pre", responses)
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("workshops:workshop_report", args=[workshop.pk])
    attempt = online_attempt(participants[1].learner, quiz, responses)

    result = TestResult.objects.get(participant=participants[0], kind="pre")
    assert result.entered_by == trainer
    assert result.percent == Decimal(attempt.percent).quantize(Decimal("0.01"))
    online = {item.question_id: item for item in attempt.items.all()}
    answers_saved = list(result.answers.all())
    assert [a.position for a in answers_saved] == list(range(1, len(ENTERED) + 1))
    for answer in answers_saved:
        item = online[answer.question_id]
        assert (answer.score, answer.fraction, answer.state) == (
            item.score,
            item.fraction,
            item.state,
        )
        assert answer.response == grading.response_clean(item.snapshot, item.response)
        assert answer.snapshot == item.snapshot
    # The report reads it as entered by the trainer.
    report = selectors.workshop_report(workshop)
    (row,) = [r for r in report.rows if r.participant == participants[0]]
    assert row.pre.on_paper and row.pre.percent == float(result.percent)


def test_the_page_lists_the_questions_in_slot_order_with_their_controls(client, setup):
    _tree, trainer, workshop, _quiz, questions, participants = setup
    client.force_login(trainer)
    page = client.get(url_of(workshop, "post", participants[0])).content.decode()
    positions = [page.index(f'question__legend">Question {n} ') for n in range(1, len(ENTERED) + 1)]
    assert positions == sorted(positions)
    assert page.count('type="radio"') == 3 + 2  # single (3 choices) and true/false
    assert page.count('type="checkbox"') == 3
    assert "Réponse écrite sur la copie (nombre)" in page
    assert "Votre réponse" not in page
    assert f'name="questions" value="{",".join(str(q.pk) for q in questions)}"' in page
    assert participants[0].learner.full_name in page


def test_an_essay_and_a_description_are_named_and_not_entered(client, setup):
    _tree, trainer, workshop, quiz, questions, participants = setup
    essay = question_make("essay", name="Rédaction libre", max_score="5")
    info = question_make("description", name="Consigne générale")
    QuizSlot.objects.create(quiz=quiz, question=essay, sort_order=10)
    QuizSlot.objects.create(quiz=quiz, question=info, sort_order=11)
    client.force_login(trainer)
    url = url_of(workshop, "pre", participants[0])
    page = client.get(url).content.decode()
    assert "Question 8 : Rédaction libre (corrigée par une personne)" in page
    assert "Question 9 : Consigne générale (texte sans réponse)" in page
    assert "<textarea" not in page
    # All right on the questions entered: 100 %, the essay's points are not counted.
    right = {q.pk: grading.correct_response(q.snapshot()) for q in questions}
    assert client.post(url, post_of(workshop, "pre", right)).status_code == 302
    result = TestResult.objects.get()
    assert result.percent == 100
    assert result.answers.count() == len(ENTERED)


def test_the_facility_counts_the_copies_of_those_whose_test_counts_on_paper(client, setup):
    _tree, trainer, workshop, quiz, questions, participants = setup
    single, multiple = questions[0], questions[1]
    client.force_login(trainer)

    def enter(participant, kind, answers):
        response = client.post(
            url_of(workshop, kind, participant),
            post_of(workshop, kind, by_kind(questions, answers)),
        )
        assert response.status_code == 302

    # Person 0 on Kalan: single wrong then right. Person 1 on paper: single right then
    # right, multiple wrong then half. Person 2: typed scores, which have no detail.
    online_attempt(participants[0].learner, quiz, by_kind(questions, {"single": {"choice": "c1"}}))
    online_attempt(participants[0].learner, quiz, by_kind(questions, {"single": {"choice": "c0"}}))
    enter(participants[1], "pre", {"single": {"choice": "c0"}, "multiple": {"choices": ["c2"]}})
    enter(participants[1], "post", {"single": {"choice": "c0"}, "multiple": {"choices": ["c0"]}})
    for kind in ("pre", "post"):
        services.paper_result_enter(
            participant=participants[2], kind=kind, percent=Decimal(50), entered_by=trainer
        )
    report = selectors.workshop_report(workshop)
    facility = {q.key: (q.before, q.after, q.answered_before) for q in report.questions}
    assert facility[single.pk] == (50, 100, 2)
    assert facility[multiple.pk] == (0, 25, 2)
    assert report.paper_answers == 2 * len(ENTERED)
    page = client.get(reverse("workshops:workshop_report", args=[workshop.pk])).content.decode()
    counted = f"{2 * len(ENTERED)} réponses sur papier, saisies par l’équipe de formation"
    assert f"{counted}, sont comptées" in page

    # An attempt on Kalan wins over paper, for the score and for the facility.
    online_attempt(participants[1].learner, quiz, by_kind(questions, {"single": {"choice": "c1"}}))
    report = selectors.workshop_report(workshop)
    (row,) = [r for r in report.rows if r.participant == participants[1]]
    assert not row.pre.on_paper and row.post.on_paper
    assert report.paper_answers == len(ENTERED)
    facility = {q.key: (q.before, q.after) for q in report.questions}
    assert facility[single.pk] == (0, 100)


def test_a_typed_score_and_a_copy_replace_each_other(client, setup):
    _tree, trainer, workshop, _quiz, questions, participants = setup
    client.force_login(trainer)
    scores_url = reverse("workshops:workshop_paper_scores", args=[workshop.pk, "post"])
    copy_url = url_of(workshop, "post", participants[0])
    services.paper_result_enter(
        participant=participants[0], kind="post", percent=Decimal(30), entered_by=trainer
    )
    page = client.get(copy_url).content.decode()
    assert "Une note saisie à la main (30 %) existe : enregistrer la copie la remplace." in page

    # The copy replaces the typed score…
    client.post(copy_url, post_of(workshop, "post", by_kind(questions, MIXED)))
    result = TestResult.objects.get()
    assert result.answers.count() == len(ENTERED)
    percent = result.percent
    assert percent != 30
    # …entering it again replaces the answers…
    right = {q.pk: grading.correct_response(q.snapshot()) for q in questions}
    client.post(copy_url, post_of(workshop, "post", right))
    result.refresh_from_db()
    assert result.percent == 100
    assert result.answers.count() == len(ENTERED)
    assert {a.state for a in result.answers.all()} == {"correct"}
    # …the scores page says so, and saving it with that score unchanged keeps the answers…
    page = client.get(scores_url).content.decode()
    assert "copie saisie : 7 questions" in page
    assert "Modifier la copie" in page
    field = f"s-{participants[0].pk}"
    assert client.post(scores_url, {field: "100"}).status_code == 302
    assert result.answers.count() == len(ENTERED)
    # …and a score changed by hand deletes them.
    assert client.post(scores_url, {field: "45"}).status_code == 302
    result.refresh_from_db()
    assert result.percent == 45
    assert not PaperAnswer.objects.exists()


def test_each_entry_is_a_scored_statement_with_the_trainer_as_instructor(client, setup, settings):
    settings.WAGTAILADMIN_BASE_URL = "https://kalan.cndh.ml"
    settings.XAPI_LRS_URL = ""
    _tree, trainer, workshop, _quiz, questions, participants = setup
    client.force_login(trainer)
    client.post(
        url_of(workshop, "pre", participants[0]),
        post_of(workshop, "pre", by_kind(questions, {"truefalse": {"choice": "true"}})),
    )
    (row,) = OutboxStatement.objects.filter(verb="scored")
    assert row.statement["result"]["score"]["raw"] == pytest.approx(100 / 7, abs=0.01)
    assert row.statement["context"]["instructor"] == xs.actor(trainer.pk)
    assert row.statement["actor"] == xs.actor(participants[0].learner_id)


def test_a_quiz_that_draws_at_random_takes_only_a_score(client, setup):
    _tree, trainer, workshop, _quiz, questions, participants = setup
    course = workshop.course
    drawn = QuizPage(title="Tirage au hasard", shuffle_questions=False)
    drawn.slots = [
        QuizSlot(question=questions[0], sort_order=0),
        QuizSlot(category=category_make("Atelier"), random_count=2, sort_order=1),
    ]
    course.add_child(instance=drawn)
    workshop.post_test = drawn
    workshop.save()
    client.force_login(trainer)
    url = url_of(workshop, "post", participants[0])
    page = client.get(url).content.decode()
    assert "tire des questions au hasard dans une catégorie" in page
    assert "la saisie question par question n’est pas possible" in page
    assert reverse("workshops:workshop_paper_scores", args=[workshop.pk, "post"]) in page
    assert 'name="questions"' not in page
    forged = {"questions": str(questions[0].pk), f"q{questions[0].pk}": f"{questions[0].pk}-c0"}
    assert client.post(url, forged).status_code == 200
    assert not TestResult.objects.exists()
    scores = client.get(reverse("workshops:workshop_paper_scores", args=[workshop.pk, "post"]))
    assert "seule la note se saisit" in scores.content.decode()
    assert "Saisir la copie" not in scores.content.decode()
    # The pre-test, with fixed questions only, still takes a copy.
    assert (
        'name="questions"' in client.get(url_of(workshop, "pre", participants[0])).content.decode()
    )


def test_a_workshop_without_the_test_has_no_copy_to_enter(client, setup):
    _tree, trainer, workshop, _quiz, _questions, participants = setup
    workshop.pre_test = None
    workshop.save()
    client.force_login(trainer)
    page = client.get(url_of(workshop, "pre", participants[0])).content.decode()
    assert "Aucun quiz n’est lié à cet atelier pour le pré-test" in page
    assert 'name="questions"' not in page


def test_only_the_trainers_and_administrators_enter_a_copy(client, setup):
    tree, _trainer, workshop, _quiz, questions, participants = setup
    url = url_of(workshop, "pre", participants[0])
    data = post_of(workshop, "pre", by_kind(questions, MIXED))
    # A supervisor of the participants' unit sees the workshop but does not enter tests;
    # another trainer, a participant and an outsider do not see it.
    for person in (
        SupervisorFactory(supervised_units=[tree.mopti]),
        SupervisorFactory(supervised_units=[tree.segou]),
        participants[1].learner,
        UserFactory(),
    ):
        client.force_login(person)
        assert client.get(url).status_code == 404
        assert client.post(url, data).status_code == 404
    client.logout()
    assert client.get(url).status_code == 302
    assert not TestResult.objects.exists()


def test_a_participant_of_another_workshop_answers_404(client, setup):
    _tree, trainer, workshop, _quiz, questions, _participants = setup
    other = workshop_make(trainers=[trainer], title="Autre atelier")
    (stranger,) = participants_make(other, [LearnerFactory()])
    client.force_login(trainer)
    url = url_of(workshop, "pre", stranger)
    assert client.get(url).status_code == 404
    assert client.post(url, post_of(workshop, "pre", by_kind(questions, MIXED))).status_code == 404
    assert not TestResult.objects.exists()


def _token(question, real):
    return f"{question.pk}-{real}"


HOSTILE = {
    "unknown choice": (
        lambda qs: {f"q{qs[0].pk}": _token(qs[0], "c9")},
        "Question 1 : Ce choix ne fait pas partie de la question.",
    ),
    "a choice of another question": (
        lambda qs: {f"q{qs[0].pk}": _token(qs[1], "c0")},
        "Question 1 : Ce choix ne fait pas partie de la question.",
    ),
    "a box of another question": (
        lambda qs: {f"q{qs[1].pk}": [_token(qs[1], "c0"), _token(qs[0], "c1")]},
        "Question 2 : Ce choix ne fait pas partie de la question.",
    ),
    "not a number": (
        lambda qs: {f"q{qs[4].pk}": "quarante-huit"},
        "Question 5 : Saisissez un nombre, par exemple 48 ou 48,5.",
    ),
    "a number too big": (
        lambda qs: {f"q{qs[4].pk}": "9" * 400},
        "Question 5 : Saisissez un nombre, par exemple 48 ou 48,5.",
    ),
    "too long a text": (
        lambda qs: {f"q{qs[3].pk}": "garde à vue " * 50},
        "Question 4 : Réponse trop longue : 500 caractères au maximum.",
    ),
    "a matching answer of another question": (
        lambda qs: {f"q{qs[5].pk}-p0": _token(qs[0], "p0")},
        "Question 6 : Ce choix ne fait pas partie de la question.",
    ),
    "the same position twice": (
        lambda qs: {f"q{qs[6].pk}-{_token(qs[6], f'i{n}')}": "1" for n in range(3)},
        "Question 7 : Donnez à chaque élément une position différente, de 1 à 3.",
    ),
    "a question of another quiz": (
        lambda qs: {f"q{question_make(name='Ailleurs').pk}": "x"},
        "Une réponse porte sur une question qui ne fait pas partie de ce test.",
    ),
    "a forged list of questions": (
        lambda qs: {"questions": ",".join(str(q.pk) for q in reversed(qs))},
        "Les questions de ce test ont changé depuis l’ouverture de la page",
    ),
    "no list of questions": (
        lambda qs: {"questions": ""},
        "Les questions de ce test ont changé depuis l’ouverture de la page",
    ),
    "a NUL character": (
        lambda qs: {f"q{qs[3].pk}": "garde\x00"},
        "Une réponse contient un caractère non valide.",
    ),
    "nothing answered": (
        lambda qs: {},
        "Aucune réponse saisie : une copie blanche se saisit comme une note de 0 %.",
    ),
}


@pytest.mark.parametrize("case", list(HOSTILE))
def test_bad_input_names_the_question_and_writes_nothing(client, setup, case):
    _tree, trainer, workshop, _quiz, questions, participants = setup
    make, message = HOSTILE[case]
    client.force_login(trainer)
    url = url_of(workshop, "post", participants[0])
    # A copy entered before: a bad entry must leave it whole.
    before = by_kind(questions, {"truefalse": {"choice": "true"}})
    assert client.post(url, post_of(workshop, "post", before)).status_code == 302
    result = TestResult.objects.get()
    answers = list(result.answers.values_list("question_id", "response", "score"))

    # Every other question answered right: only the bad one must fail.
    right = {q.pk: grading.correct_response(q.snapshot()) for q in questions}
    data = post_of(workshop, "post", right)
    if case == "nothing answered":
        data = {"questions": data["questions"]}
    data.update(make(questions))
    response = client.post(url, data)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Rien n’a été enregistré" in page
    assert message in page
    assert TestResult.objects.get() == result
    result.refresh_from_db()
    assert result.percent == Decimal(100 / 7).quantize(Decimal("0.01"))
    assert list(result.answers.values_list("question_id", "response", "score")) == answers


def test_the_service_grades_and_refuses_what_does_not_fit_the_question(setup):
    _tree, trainer, workshop, _quiz, _questions, participants = setup
    copy = selectors.paper_copy(workshop=workshop, kind="pre")
    single = copy.entered[0]
    entry = services.PaperEntry(1, single.snapshot, {"choice": "c7"})
    with pytest.raises(grading.ResponseError):
        services.paper_answers_enter(
            participant=participants[0], kind="pre", entries=[entry], entered_by=trainer
        )
    assert not TestResult.objects.exists()
    result = services.paper_answers_enter(
        participant=participants[0],
        kind="pre",
        entries=[
            services.PaperEntry(1, single.snapshot, {"choice": "c0"}),
            services.PaperEntry(2, copy.entered[1].snapshot, None),
        ],
        entered_by=trainer,
    )
    assert result.percent == 50
    assert [a.state for a in result.answers.all()] == ["correct", "unanswered"]
