import re
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.tests.factories import LearnerFactory
from courses import services as course_services
from courses.models import ModulePage
from courses.tests.factories import course_build
from quizzes.models import Attempt, AttemptItem, QuizPage
from quizzes.tests.factories import question_make, quiz_make

pytestmark = pytest.mark.django_db

ALL_PARTS = ["score", "correctness", "answer", "feedback"]


@pytest.fixture
def setup(client):
    course = course_build(modules=1, lessons=1, rule="all_requirements")
    learner = LearnerFactory()
    course_services.enrollment_create(learner=learner, course=course)
    client.force_login(learner)
    module = ModulePage.objects.child_of(course).first()
    return course, module, learner


def start(client, quiz) -> Attempt:
    response = client.post(reverse("quizzes:start", args=[quiz.pk]))
    assert response.status_code == 302
    return Attempt.objects.latest("pk")


def page_url(attempt, page=1):
    return reverse("quizzes:attempt_page", args=[attempt.pk, page])


def test_questions_never_leak_answers_weights_or_feedback(client, setup):
    _course, module, _learner = setup
    kinds = ["single", "multiple", "truefalse", "short", "numerical", "matching", "ordering"]
    quiz = quiz_make(module, questions=[question_make(k) for k in kinds], questions_per_page=7)
    quiz_html = client.get(quiz.url).content.decode()
    attempt = start(client, quiz)
    html = client.get(page_url(attempt)).content.decode()
    for secret in (
        "Exact",
        "Trop long",
        "Presque",
        "Commentaire général",
        "fraction",
        "garde à vue",
        'value="48"',
        "100 %",
        "poids",
    ):
        assert secret not in html, secret
        assert secret not in quiz_html, secret
    for item in AttemptItem.objects.filter(attempt=attempt):
        for real_id in [real for _token, real in item.display_order]:
            assert f'value="{real_id}"' not in html
    # Matching answers are offered in a shuffled order, ordering items in a wrong one.
    assert "Convention de 1984" in html and "Interpellation" in html


def test_answers_are_saved_as_the_learner_moves_on_and_come_back(client, setup):
    _course, module, learner = setup
    quiz = quiz_make(module, questions=[question_make("short"), question_make("single")])
    attempt = start(client, quiz)
    response = client.post(
        page_url(attempt, 1),
        {
            "q" + str(attempt.items.get(position=0).pk): "garde a vue",
            "save_id": "x1",
            "nav": "next",
        },
    )
    assert response.status_code == 302 and response.url == page_url(attempt, 2)
    # The learner closes the browser; a new session finds the answer.
    other_browser = Client()
    other_browser.force_login(learner)
    html = other_browser.get(page_url(attempt, 1)).content.decode()
    assert 'value="garde a vue"' in html
    resumed = other_browser.get(quiz.url).content.decode()
    assert "Reprendre la tentative" in resumed


def test_unknown_choice_is_a_400_and_nothing_is_stored(client, setup):
    _course, module, _learner = setup
    quiz = quiz_make(module, questions=[question_make("single")])
    attempt = start(client, quiz)
    item = attempt.items.get()
    response = client.post(page_url(attempt), {f"q{item.pk}": "c0", "nav": "summary"})
    assert response.status_code == 400
    assert "Rien n’a été enregistré" in response.content.decode()
    item.refresh_from_db()
    assert item.response is None


def test_ordering_with_twice_the_same_position_is_a_400(client, setup):
    _course, module, _learner = setup
    quiz = quiz_make(module, questions=[question_make("ordering")])
    attempt = start(client, quiz)
    item = attempt.items.get()
    data = {f"q{item.pk}-{token}": "1" for token, _real in item.display_order}
    assert client.post(page_url(attempt), data).status_code == 400


@pytest.mark.parametrize("odd", ["²", "\u0661", "⑤", "0", "99", "-1", "1.5"])
def test_ordering_position_that_is_no_position_is_a_400_not_a_500(client, setup, odd):
    """A position of "²" passed str.isdigit() and then crashed int(); the page now says
    which positions fit."""
    _course, module, _learner = setup
    quiz = quiz_make(module, questions=[question_make("ordering")])
    attempt = start(client, quiz)
    item = attempt.items.get()
    tokens = [token for token, _real in item.display_order]
    data = {f"q{item.pk}-{token}": str(n) for n, token in enumerate(tokens[1:], start=2)}
    data[f"q{item.pk}-{tokens[0]}"] = odd
    response = client.post(page_url(attempt), data)
    assert response.status_code == 400
    assert f"position différente, de 1 à {len(tokens)}" in response.content.decode()
    item.refresh_from_db()
    assert item.response is None


def test_ordering_positions_written_differently_are_still_the_same(client, setup):
    _course, module, _learner = setup
    quiz = quiz_make(module, questions=[question_make("ordering")])
    attempt = start(client, quiz)
    item = attempt.items.get()
    tokens = [token for token, _real in item.display_order]
    data = {f"q{item.pk}-{token}": str(n) for n, token in enumerate(tokens, start=1)}
    data[f"q{item.pk}-{tokens[1]}"] = "01"  # the same position as tokens[0]
    assert client.post(page_url(attempt), data).status_code == 400


def test_too_many_fields_is_a_400(client, setup):
    _course, module, _learner = setup
    quiz = quiz_make(module, questions=[question_make("short")])
    attempt = start(client, quiz)
    response = client.post(page_url(attempt), {f"f{n}": "x" for n in range(1200)})
    assert response.status_code == 400
    assert not AttemptItem.objects.filter(response__isnull=False).exists()


def test_another_learners_attempt_is_404(client, setup):
    _course, module, _learner = setup
    quiz = quiz_make(module, questions=[question_make("single")])
    attempt = start(client, quiz)
    intruder = Client()
    intruder.force_login(LearnerFactory())
    for url in (
        page_url(attempt),
        reverse("quizzes:attempt_summary", args=[attempt.pk]),
        reverse("quizzes:attempt_review", args=[attempt.pk]),
    ):
        assert intruder.get(url).status_code == 404
    assert intruder.post(reverse("quizzes:attempt_submit", args=[attempt.pk])).status_code == 404
    attempt.refresh_from_db()
    assert attempt.state == Attempt.State.IN_PROGRESS


def test_save_needs_csrf(setup):
    _course, module, learner = setup
    quiz = quiz_make(module, questions=[question_make("short")])
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(learner)
    assert strict.post(reverse("quizzes:start", args=[quiz.pk])).status_code == 403


def test_review_shows_only_what_the_policy_allows(client, setup):
    _course, module, _learner = setup
    quiz = quiz_make(module, questions=[question_make("single")], review_after=[])
    attempt = start(client, quiz)
    item = attempt.items.get()
    right = next(
        token
        for token, real in item.display_order
        if real == next(c["id"] for c in item.snapshot["choices"] if c["fraction"] == 1)
    )
    client.post(page_url(attempt), {f"q{item.pk}": right, "nav": "summary"})
    response = client.post(reverse("quizzes:attempt_submit", args=[attempt.pk]))
    html = client.get(response.url).content.decode()
    assert "La note sera visible plus tard" in html
    assert "Exact" not in html and "Bonne réponse" not in html and "Note :" not in html

    quiz.review_after = ALL_PARTS
    quiz.save()
    html = client.get(response.url).content.decode()
    assert "Note : 100 %" in html and "Réponse correcte" in html and "Exact" in html
    assert re.search(r"Bonne réponse :</strong>\s*48 heures", html)


# --- Right answers harvested between attempts (issue 14, point 2) ------------------------


def blank_attempt(client, quiz) -> tuple[Attempt, str]:
    """Starts an attempt, sends it without answering, and returns it with its review page."""
    attempt = start(client, quiz)
    client.post(reverse("quizzes:attempt_submit", args=[attempt.pk]))
    attempt.refresh_from_db()
    return attempt, client.get(
        reverse("quizzes:attempt_review", args=[attempt.pk])
    ).content.decode()


def shows_answers(html: str) -> bool:
    return any(
        secret in html
        for secret in ("Bonne réponse", "verdict--", "Exact", "Trop long", "Commentaire général")
    )


@pytest.fixture
def demo_shaped_quiz(setup):
    """The demo's final evaluation as the review found it: 8 questions drawn from a category
    of 8, three attempts, required for the course."""
    from quizzes.models import QuizSlot
    from quizzes.tests.factories import category_make

    _course, module, _learner = setup
    category = category_make("Évaluation finale")
    for i in range(8):
        question_make("single", category=category, name=f"Finale {i}")

    def make(**policy):
        quiz = quiz_make(module, attempts_allowed=3, required=True, **policy)
        quiz.slots = [QuizSlot(category=category, random_count=8, include_subcategories=False)]
        quiz.save()
        return quiz

    return make


def test_the_harvest_as_the_review_found_it(client, demo_shaped_quiz):
    """The attack: a blank first attempt shows every right answer, and the second attempt
    draws the very same questions."""
    quiz = demo_shaped_quiz(review_after=ALL_PARTS, review_open=["score", "correctness"])
    first, html = blank_attempt(client, quiz)
    assert html.count("Bonne réponse") == 8
    second = start(client, quiz)
    assert {i.question_id for i in second.items.all()} == {i.question_id for i in first.items.all()}


def test_a_blank_attempt_no_longer_shows_the_answers_until_none_is_left(client, demo_shaped_quiz):
    from quizzes.demo import REVIEW_POLICY

    quiz = demo_shaped_quiz(**REVIEW_POLICY)
    first, html = blank_attempt(client, quiz)
    assert "Note : 0 %" in html and not shows_answers(html)
    assert "visibles quand vous aurez utilisé toutes vos tentatives" in html
    # Later, the quiz still open: still nothing to harvest.
    Attempt.objects.filter(pk=first.pk).update(finished_at=first.finished_at - timedelta(hours=1))
    assert not shows_answers(
        client.get(reverse("quizzes:attempt_review", args=[first.pk])).content.decode()
    )

    second, html = blank_attempt(client, quiz)
    assert not shows_answers(html)
    # The third attempt is the last: now every review shows the answers, the first one too.
    _third, html = blank_attempt(client, quiz)
    assert html.count("Bonne réponse") == 8 and "Commentaire général" in html
    assert "visibles quand" not in html
    for attempt in (first, second):
        html = client.get(reverse("quizzes:attempt_review", args=[attempt.pk])).content.decode()
        assert html.count("Bonne réponse") == 8


def test_answers_after_the_close_but_not_to_a_learner_still_in_an_attempt(client, demo_shaped_quiz):
    from quizzes.demo import REVIEW_POLICY

    quiz = demo_shaped_quiz(**REVIEW_POLICY)
    quiz.close_at = timezone.now() + timedelta(hours=1)
    quiz.save()
    first, html = blank_attempt(client, quiz)
    assert not shows_answers(html)
    # An attempt begun before the close may still be answered after it, until its deadline:
    # another tab must not show the answers meanwhile.
    second = start(client, quiz)
    QuizPage.objects.filter(pk=quiz.pk).update(close_at=timezone.now() - timedelta(minutes=1))
    review = reverse("quizzes:attempt_review", args=[first.pk])
    assert not shows_answers(client.get(review).content.decode())
    client.post(reverse("quizzes:attempt_submit", args=[second.pk]))
    assert client.get(review).content.decode().count("Bonne réponse") == 8


def test_a_question_s_points_go_with_the_right_or_wrong_marks(client, setup):
    """A question's points say whether it was right: a policy that shows the score only
    shows the attempt's."""
    _course, module, _learner = setup
    quiz = quiz_make(module, questions=[question_make("single")], review_after=["score"])
    _attempt, html = blank_attempt(client, quiz)
    assert "Note : 0 %" in html and "0 / 1" not in html and not shows_answers(html)
    quiz.review_after = ["score", "correctness"]
    quiz.save()
    _attempt, html = blank_attempt(client, quiz)
    assert "0 / 1" in html and "verdict--" in html


# --- The learner's quiz pages (issue 16) --------------------------------------------------


def answer_token(item, text: str) -> str:
    """The page's value of the choice whose text is `text`."""
    real = next(c["id"] for c in item.snapshot["choices"] if c["text"] == text)
    return next(token for token, r in item.display_order if r == real)


@pytest.mark.parametrize(
    ("chosen", "verdict"), [("Faux", "Réponse incorrecte"), ("Vrai", "Réponse correcte")]
)
def test_a_true_false_verdict_never_uses_the_words_of_an_answer(client, setup, chosen, verdict):
    """« Votre réponse : Vrai / Faux / Bonne réponse : Faux » read as if « Faux » were the
    answer: the verdict has words of its own."""
    _course, module, _learner = setup
    quiz = quiz_make(module, questions=[question_make("truefalse")], review_after=ALL_PARTS)
    attempt = start(client, quiz)
    item = attempt.items.get()
    client.post(page_url(attempt), {f"q{item.pk}": answer_token(item, chosen), "nav": "summary"})
    response = client.post(reverse("quizzes:attempt_submit", args=[attempt.pk]))
    html = client.get(response.url).content.decode()
    shown = re.search(r'<p class="verdict verdict--\w+">(.*?)</p>', html).group(1)
    assert shown == verdict
    assert re.search(r"Votre réponse :</strong>\s*" + chosen, html)


def test_a_partly_right_answer_is_called_partially_correct(client, setup):
    _course, module, _learner = setup
    quiz = quiz_make(module, questions=[question_make("multiple")], review_after=ALL_PARTS)
    attempt = start(client, quiz)
    item = attempt.items.get()
    client.post(page_url(attempt), {f"q{item.pk}": answer_token(item, "Avocat"), "nav": "summary"})
    response = client.post(reverse("quizzes:attempt_submit", args=[attempt.pk]))
    html = client.get(response.url).content.decode()
    assert '<p class="verdict verdict--partial">Partiellement correcte</p>' in html


def selected(html: str, name: str) -> list[str]:
    """The values shown as chosen for the field `name` (radio, checkbox, text or select)."""
    values = re.findall(rf'<input[^>]*name="{name}" value="([^"]*)"[^>]*\bchecked', html)
    values += re.findall(rf'<input type="text"[^>]*name="{name}" value="([^"]*)"', html)
    select = re.search(rf'<select[^>]*name="{name}">(.*?)</select>', html, re.S)
    if select:
        values += re.findall(r'<option value="([^"]*)" selected>', select.group(1))
    return values


def test_what_the_learner_chose_comes_back_with_an_error_on_the_page(client, setup):
    """Two items at the same position of an ordering question: the error used to reset every
    question of the page to its last saved state."""
    _course, module, _learner = setup
    kinds = ["single", "multiple", "truefalse", "short", "numerical", "matching", "ordering"]
    quiz = quiz_make(module, questions=[question_make(k) for k in kinds], questions_per_page=7)
    attempt = start(client, quiz)
    items = {item.snapshot["type"]: item for item in attempt.items.all()}
    single, multiple, truefalse, short, numerical, matching, ordering = (items[k] for k in kinds)
    matching_tokens = [token for token, _real in matching.display_order]
    pairs = [p["id"] for p in matching.snapshot["pairs"]]
    ordering_tokens = [token for token, _real in ordering.display_order]
    data = {
        f"q{single.pk}": answer_token(single, "10 jours"),
        f"q{multiple.pk}": [answer_token(multiple, "Avocat"), answer_token(multiple, "Médecin")],
        f"q{truefalse.pk}": answer_token(truefalse, "Faux"),
        f"q{short.pk}": "garde <b>à</b> vue",
        f"q{numerical.pk}": "48,5",
        f"q{matching.pk}-{pairs[0]}": matching_tokens[2],
        f"q{matching.pk}-{pairs[1]}": matching_tokens[0],
        f"q{ordering.pk}-{ordering_tokens[0]}": "2",
        f"q{ordering.pk}-{ordering_tokens[1]}": "2",
        f"q{ordering.pk}-{ordering_tokens[2]}": "1",
        "save_id": "e1",
        "nav": "summary",
    }
    response = client.post(page_url(attempt), data)
    assert response.status_code == 400
    html = response.content.decode()
    assert "Donnez à chaque élément une position différente" in html
    assert "Rien n’a été enregistré" in html
    assert not any(item.response for item in attempt.items.all())
    assert selected(html, f"q{single.pk}") == [data[f"q{single.pk}"]]
    assert sorted(selected(html, f"q{multiple.pk}")) == sorted(data[f"q{multiple.pk}"])
    assert selected(html, f"q{truefalse.pk}") == [data[f"q{truefalse.pk}"]]
    assert selected(html, f"q{short.pk}") == ["garde &lt;b&gt;à&lt;/b&gt; vue"]
    assert selected(html, f"q{numerical.pk}") == ["48,5"]
    assert selected(html, f"q{matching.pk}-{pairs[0]}") == [matching_tokens[2]]
    assert selected(html, f"q{matching.pk}-{pairs[1]}") == [matching_tokens[0]]
    assert selected(html, f"q{matching.pk}-{pairs[2]}") == []
    for token, position in zip(ordering_tokens, ["2", "2", "1"], strict=True):
        assert selected(html, f"q{ordering.pk}-{token}") == [position]


@pytest.mark.parametrize(
    ("kind", "typed", "shown", "error"),
    [
        ("numerical", "quarante-huit", "quarante-huit", "Saisissez un nombre"),
        ("single", "forged-token", None, "Ce choix ne fait pas partie de la question"),
        ("ordering", "9", None, "Donnez à chaque élément une position différente"),
    ],
)
def test_each_type_s_own_error_keeps_what_was_typed_or_chosen(
    client, setup, kind, typed, shown, error
):
    """Each error comes back with the page as the learner left it, the saved answer of the
    other question included; a value the page never offered is not shown as chosen."""
    _course, module, _learner = setup
    quiz = quiz_make(module, questions=[question_make(kind), question_make("short")])
    quiz.questions_per_page = 2
    quiz.save()
    attempt = start(client, quiz)
    item, other = attempt.items.order_by("position")
    client.post(page_url(attempt), {f"q{other.pk}": "ancienne", "nav": "summary"})
    if kind == "ordering":
        tokens = [token for token, _real in item.display_order]
        field, data = f"q{item.pk}-{tokens[0]}", {f"q{item.pk}-{tokens[1]}": "1"}
    else:
        field, data = f"q{item.pk}", {}
    data.update({field: typed, f"q{other.pk}": "nouvelle", "nav": "summary"})
    response = client.post(page_url(attempt), data)
    assert response.status_code == 400
    html = response.content.decode()
    assert error in html
    assert selected(html, field) == ([shown] if shown else [])
    assert selected(html, f"q{other.pk}") == ["nouvelle"]
    if kind == "ordering":
        assert selected(html, f"q{item.pk}-{tokens[1]}") == ["1"]


def test_a_timed_attempt_carries_the_server_s_deadline_for_the_countdown(client, setup):
    _course, module, _learner = setup
    quiz = quiz_make(module, questions=[question_make("single")], time_limit_minutes=30)
    attempt = start(client, quiz)
    for url in (page_url(attempt), reverse("quizzes:attempt_summary", args=[attempt.pk])):
        html = client.get(url).content.decode()
        box = re.search(r"<div class=\"countdown\" data-countdown ([^>]*) hidden>", html)
        assert box, url
        assert f'data-deadline="{attempt.deadline.isoformat()}"' in box.group(1)
        left = int(re.search(r'data-seconds-left="(\d+)"', box.group(1)).group(1))
        assert 1790 <= left <= 1800
        assert 'aria-live="polite"' in html and "js/countdown.js" in html
        # Without JavaScript the page says the deadline's time.
        assert f"À envoyer avant {timezone.localtime(attempt.deadline):%H:%M}" in html

    untimed = quiz_make(module, questions=[question_make("single")], title="Sans limite")
    html = client.get(page_url(start(client, untimed))).content.decode()
    assert "data-countdown" not in html and "countdown.js" not in html
