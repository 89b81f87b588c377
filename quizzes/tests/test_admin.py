import re

import pytest
from django.urls import reverse

from accounts import roles
from accounts.tests.factories import UserFactory
from courses import services as course_services
from courses.models import ModulePage
from courses.tests.factories import course_build
from lms import design
from quizzes.models import Question
from quizzes.tests.factories import category_make

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    user = UserFactory(role=roles.EDITORS)
    client.force_login(user)
    return user


def question_post(category, **overrides):
    data = {
        "category": category.pk,
        "name": "Durée",
        "question_type": "single",
        "text": '{"blocks": [{"key": "a", "type": "unstyled", "text": "Durée ?", "depth": 0, '
        '"inlineStyleRanges": [], "entityRanges": []}], "entityMap": {}}',
        "max_score": "1",
        "general_feedback": "",
        "choices-TOTAL_FORMS": "2",
        "choices-INITIAL_FORMS": "0",
        "choices-MIN_NUM_FORMS": "0",
        "choices-MAX_NUM_FORMS": "1000",
        "choices-0-text": "48 heures",
        "choices-0-fraction_percent": "100",
        "choices-0-tolerance": "",
        "choices-0-feedback": "",
        "choices-0-ORDER": "1",
        "choices-1-text": "10 jours",
        "choices-1-fraction_percent": "0",
        "choices-1-tolerance": "",
        "choices-1-feedback": "",
        "choices-1-ORDER": "2",
        "pairs-TOTAL_FORMS": "0",
        "pairs-INITIAL_FORMS": "0",
        "pairs-MIN_NUM_FORMS": "0",
        "pairs-MAX_NUM_FORMS": "1000",
    }
    data.update(overrides)
    return data


def test_editor_creates_a_question_in_the_bank(client, editor):
    category = category_make()
    assert client.get("/admin/snippets/quizzes/question/add/").status_code == 200
    response = client.post("/admin/snippets/quizzes/question/add/", question_post(category))
    assert response.status_code == 302, response.content.decode()[:3000]
    question = Question.objects.get(name="Durée")
    assert [c.text for c in question.choices.all()] == ["48 heures", "10 jours"]
    assert question.revisions.count() == 1


def test_a_question_without_a_right_answer_is_refused(client, editor):
    category = category_make()
    response = client.post(
        "/admin/snippets/quizzes/question/add/",
        question_post(category, **{"choices-0-fraction_percent": "50"}),
    )
    assert response.status_code == 200
    assert "Une seule réponse vaut 100 %" in response.content.decode()
    assert not Question.objects.exists()


def test_editor_can_add_a_quiz_in_a_module(client, editor):
    course_services.course_tree_setup()
    course = course_build(modules=1, lessons=1)
    module = ModulePage.objects.child_of(course).first()
    response = client.get(f"/admin/pages/add/quizzes/quizpage/{module.pk}/")
    assert response.status_code == 200
    assert "relecture juste après la tentative" in response.content.decode().lower()


def test_statistics_next_to_the_quiz_and_linked_from_the_question(client, editor):
    from accounts.tests.factories import LearnerFactory
    from quizzes import services
    from quizzes.tests.factories import question_make, quiz_make

    course_services.course_tree_setup()
    course = course_build(modules=1, lessons=1)
    module = ModulePage.objects.child_of(course).first()
    question = question_make("single")
    quiz = quiz_make(module, questions=[question])
    for _ in range(3):
        learner = LearnerFactory()
        course_services.enrollment_create(learner=learner, course=course)
        services.attempt_submit(attempt=services.attempt_start(learner=learner, quiz=quiz))
    statistics = reverse("question_bank:quiz_statistics", args=[quiz.pk])
    edit = client.get(f"/admin/pages/{quiz.pk}/edit/").content.decode()
    assert statistics in edit
    html = client.get(statistics).content.decode()
    assert "Tentatives terminées" in html and "<svg" in html
    # Every bucket is labelled as a range (its first one once read « 00 »), in its bar's
    # title; under the axis four, the first and the last.
    buckets = re.findall(r"<rect [^>]*><title>([^<]*) : (\d+)</title>", html)
    assert [label for label, _count in buckets][::9] == ["0–9 %", "90–100 %"]
    assert sum(int(count) for _label, count in buckets) == 3 and len(buckets) == 10
    ticks = re.findall(r'<text [^>]*y="136"[^>]*>([^<]*)</text>', html)
    assert ticks == ["0–9 %", "30–39 %", "60–69 %", "90–100 %"]
    # Every coordinate comes from lms/charts.py: the bars span the page in percent.
    assert re.search(r'<rect x="[\d.]+%" y="[\d.]+" width="[\d.]+%"', html)
    # The bars are in the brand's colour, read from kalan.css (the admin has no --c-brand).
    fills = set(re.findall(r'<rect [^>]*fill="([^"]*)"', html))
    assert fills == {design.tokens()["--c-brand"]}
    assert "Indice de facilité" in html and "0,0 %" in html and "48 heures : 0" in html
    question_statistics = reverse("question_bank:question_statistics", args=[question.pk])
    listing = client.get("/admin/snippets/quizzes/question/").content.decode()
    assert question_statistics in listing
    linked = client.get(question_statistics).content.decode()
    assert quiz.title in linked


def test_statistics_need_the_question_permission_not_only_the_admin(client):
    """Someone who reaches the admin without `quizzes.view_question` is refused by the views
    themselves (a learner would be stopped by Wagtail's admin gate first, and prove nothing)."""
    from django.contrib.auth.models import Group, Permission

    from quizzes.tests.factories import question_make, quiz_make

    course_services.course_tree_setup()
    course = course_build(modules=1, lessons=1)
    quiz = quiz_make(ModulePage.objects.child_of(course).first(), questions=[])
    question = question_make("single")
    admin_only = Group.objects.create(name="Admin sans banque")
    admin_only.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    user = UserFactory()
    user.groups.add(admin_only)
    client.force_login(user)
    urls = [
        reverse("question_bank:quiz_statistics", args=[quiz.pk]),
        reverse("question_bank:question_statistics", args=[question.pk]),
    ]
    assert client.get("/admin/").status_code == 200  # past Wagtail's gate
    for url in urls:
        # Wagtail turns the views' PermissionDenied into a redirect to the admin's home page
        # (a refused admin gate would send to the sign-in page instead).
        response = client.get(url)
        assert (response.status_code, response.get("Location")) == (302, "/admin/"), url
    # The same person with the permission sees them: the 403 above is the permission's doing.
    admin_only.permissions.add(
        Permission.objects.get(content_type__app_label="quizzes", codename="view_question")
    )
    user = type(user).objects.get(pk=user.pk)  # a fresh permission cache
    client.force_login(user)
    for url in urls:
        assert client.get(url).status_code == 200, url


# --- Review policy of the quiz form (the answers must not be harvestable) -----------------


def quiz_post(
    *, slots, required=True, attempts="3", after=(), open_=(), final=(), closed=(), late="0"
):
    """The quiz page form as the editor posts it."""
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

    data = nested_form_data(
        {
            "title": "Évaluation finale",
            "slug": "evaluation-finale",
            "intro": rich_text(""),
            "slots": inline_formset(
                [
                    {
                        "question": slot.get("question", ""),
                        "category": slot.get("category", ""),
                        "random_count": slot.get("random_count", "1"),
                        "include_subcategories": "on",
                    }
                    for slot in slots
                ],
                min=1,
            ),
            "comments": inline_formset([]),
            "pass_percent": "70",
            "attempts_allowed": attempts,
            "delay_minutes": "0",
            "grading_method": "highest",
            "time_limit_minutes": "0",
            "expiry_policy": "autosubmit",
            "grace_minutes": "0",
            "offline_late_hours": late,
            "close_at": "",
            "shuffle_questions": "on",
            "shuffle_choices": "on",
            "questions_per_page": "1",
        }
    )
    if required:
        data["required"] = "on"
    for field, parts in (
        ("review_after", after),
        ("review_open", open_),
        ("review_final", final),
        ("review_closed", closed),
    ):
        data[field] = list(parts)
    return data


@pytest.fixture
def quiz_parent(db):
    course_services.course_tree_setup()
    course = course_build(modules=1, lessons=1)
    return ModulePage.objects.child_of(course).first()


def pool_of(count, name="Évaluation finale"):
    from quizzes.tests.factories import question_make

    category = category_make(name)
    for i in range(count):
        question_make("single", category=category, name=f"{name} {i}")
    return category


ANSWERS = ["score", "correctness", "answer", "feedback"]
LEAK = "on peut relever les bonnes réponses"


def test_certifying_quiz_refuses_answers_while_attempts_remain_on_a_pool_equal_to_the_draw(
    client, editor, quiz_parent
):
    from quizzes.models import QuizPage

    category = pool_of(8)
    url = f"/admin/pages/add/quizzes/quizpage/{quiz_parent.pk}/"
    slots = [{"category": category.pk, "random_count": "8"}]
    response = client.post(url, quiz_post(slots=slots, after=ANSWERS, final=ANSWERS))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Refusé pour un quiz obligatoire" in html and LEAK in html
    assert "la catégorie « Évaluation finale » : 8 questions pour un tirage de 8" in html
    assert not QuizPage.objects.exists()

    # Correctness alone, or the feedback alone, tells the right answer just as well.
    for parts in (["score", "correctness"], ["feedback"]):
        response = client.post(url, quiz_post(slots=slots, open_=parts))
        assert "Refusé pour un quiz obligatoire" in response.content.decode(), parts
    assert not QuizPage.objects.exists()

    # The safe policy: the score now, the rest after the last attempt or the close.
    response = client.post(
        url, quiz_post(slots=slots, after=["score"], final=ANSWERS, closed=ANSWERS)
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    quiz = QuizPage.objects.get()
    assert quiz.review_final == ANSWERS and quiz.review_after == ["score"]


def test_a_certifying_quiz_takes_no_answer_arriving_after_its_deadline(client, editor, quiz_parent):
    """« Accepter les réponses arrivées après l’échéance… » (issue 19): refused above 0 for a
    required quiz, which counts for the certificate; allowed for another one."""
    from quizzes.models import QuizPage

    question = pool_of(1).questions.get()
    url = f"/admin/pages/add/quizzes/quizpage/{quiz_parent.pk}/"
    slots = [{"question": question.pk}]
    response = client.post(url, quiz_post(slots=slots, late="3"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Refusé pour un quiz obligatoire, qui compte pour l’attestation" in html
    assert not QuizPage.objects.exists()
    response = client.post(url, quiz_post(slots=slots, late="200", required=False))
    assert response.status_code == 200 and not QuizPage.objects.exists()
    response = client.post(url, quiz_post(slots=slots, late="3", required=False))
    assert response.status_code == 302, response.content.decode()[:3000]
    assert QuizPage.objects.get().offline_late_hours == 3
    # The field sits in the settings' « Temps » panel, with its help text.
    edit = client.get(f"/admin/pages/{QuizPage.objects.get().pk}/edit/").content.decode()
    assert "jusqu’à (heures)" in edit and "Toujours 0 pour un quiz obligatoire" in edit


@pytest.mark.parametrize(
    ("pool", "attempts", "fixed"),
    [(12, "3", False), (8, "1", False), (12, "3", True)],
    ids=["pool-bigger-than-draw", "one-attempt", "fixed-question"],
)
def test_answers_after_an_attempt_are_allowed_when_nothing_comes_back(
    client, editor, quiz_parent, pool, attempts, fixed
):
    from quizzes.models import QuizPage
    from quizzes.tests.factories import question_make

    category = pool_of(pool)
    slots = [{"category": category.pk, "random_count": "8"}]
    if fixed:
        slots.append({"question": question_make("truefalse", name="Fixe").pk})
    response = client.post(
        f"/admin/pages/add/quizzes/quizpage/{quiz_parent.pk}/",
        quiz_post(slots=slots, attempts=attempts, after=ANSWERS),
    )
    html = response.content.decode()
    if fixed:
        # A fixed question comes back at every attempt, whatever the size of the pool.
        assert response.status_code == 200 and "la question « Fixe »" in html
        assert not QuizPage.objects.exists()
    else:
        assert response.status_code == 302, html[:3000]
        assert QuizPage.objects.get().review_after == ANSWERS


def test_a_quiz_that_does_not_count_is_saved_with_a_warning(client, editor, quiz_parent):
    from quizzes.models import QuizPage

    category = pool_of(8)
    response = client.post(
        f"/admin/pages/add/quizzes/quizpage/{quiz_parent.pk}/",
        quiz_post(
            slots=[{"category": category.pk, "random_count": "8"}],
            required=False,
            attempts="0",
            after=ANSWERS,
        ),
        follow=True,
    )
    quiz = QuizPage.objects.get()
    messages = [str(m) for m in response.context["messages"]]
    assert any(
        LEAK in m and "« Évaluation finale » : 8 questions pour un tirage de 8" in m
        for m in messages
    )
    # The warning stays in the review settings for as long as the policy leaks.
    edit = client.get(f"/admin/pages/{quiz.pk}/edit/").content.decode()
    assert "data-review-leak" in edit and LEAK in edit
    quiz.review_after = ["score"]
    quiz.save_revision()
    edit = client.get(f"/admin/pages/{quiz.pk}/edit/").content.decode()
    assert "data-review-leak" not in edit
    assert "relecture après la dernière tentative" in edit.lower()


def test_the_quiz_form_shown_again_after_an_error_keeps_the_ticked_review_parts(
    client, editor, quiz_parent
):
    """It used to crash (TypeError, a 500): the review fields are JSON, the boxes a list."""
    category = pool_of(12)
    data = quiz_post(
        slots=[{"category": category.pk, "random_count": "8"}], after=["score"], final=ANSWERS
    )
    data["title"] = ""
    response = client.post(f"/admin/pages/add/quizzes/quizpage/{quiz_parent.pk}/", data)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="review_final" value="answer"' in html
    assert re.search(r'name="review_final" value="answer"[^>]*checked', html)
    data["review_open"] = ["score", "all"]
    response = client.post(f"/admin/pages/add/quizzes/quizpage/{quiz_parent.pk}/", data)
    assert "Choisissez parmi les éléments proposés." in response.content.decode()
