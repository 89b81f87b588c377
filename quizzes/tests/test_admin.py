import pytest

from accounts import roles
from accounts.tests.factories import UserFactory
from courses import services as course_services
from courses.models import ModulePage
from courses.tests.factories import course_build
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
    edit = client.get(f"/admin/pages/{quiz.pk}/edit/").content.decode()
    assert f"/admin/quiz/{quiz.pk}/statistiques/" in edit
    html = client.get(f"/admin/quiz/{quiz.pk}/statistiques/").content.decode()
    assert "Tentatives terminées" in html and "<svg" in html
    assert "Indice de facilité" in html and "0,0 %" in html and "48 heures : 0" in html
    listing = client.get("/admin/snippets/quizzes/question/").content.decode()
    assert f"/admin/questions/{question.pk}/statistiques/" in listing
    linked = client.get(f"/admin/questions/{question.pk}/statistiques/").content.decode()
    assert quiz.title in linked


def test_learners_cannot_see_statistics(client):
    from accounts.tests.factories import LearnerFactory

    client.force_login(LearnerFactory())
    response = client.get("/admin/quiz/1/statistiques/")
    assert response.status_code in (302, 403)
