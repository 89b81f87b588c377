"""Questions under the « Relecture CNDH » workflow (issue 14, point 3): an editor's question or
edit reaches a quiz only once a reviewer approves it; editors cannot publish; imports follow
the same rule."""

import json

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse
from wagtail.models import WorkflowState

from accounts import roles
from accounts.tests.factories import LearnerFactory, UserFactory
from courses import services as course_services
from courses.models import ModulePage
from courses.tests.factories import course_build
from quizzes import bank, services
from quizzes.interop import gift
from quizzes.models import Attempt, Question
from quizzes.tests.factories import category_make, question_make, quiz_make
from quizzes.tests.test_admin import question_post

pytestmark = pytest.mark.django_db

OLD_TEXT = "<p>Énoncé single</p>"


def draftail(text: str) -> str:
    block = {"key": "a", "type": "unstyled", "text": text, "depth": 0}
    block |= {"inlineStyleRanges": [], "entityRanges": []}
    return json.dumps({"blocks": [block], "entityMap": {}})


def edit_post(question: Question, text: str, **actions) -> dict:
    """The snippet edit form as the admin sends it, with the question's own choices."""
    data = question_post(question.category, name=question.name, text=draftail(text))
    choices = list(question.choices.all())
    data["choices-TOTAL_FORMS"] = data["choices-INITIAL_FORMS"] = str(len(choices))
    for n, choice in enumerate(choices):
        data |= {
            f"choices-{n}-id": str(choice.pk),
            f"choices-{n}-text": choice.text,
            f"choices-{n}-fraction_percent": str(choice.fraction_percent),
            f"choices-{n}-tolerance": "",
            f"choices-{n}-feedback": choice.feedback,
            f"choices-{n}-ORDER": str(n + 1),
        }
    return data | actions


def edit_url(question: Question) -> str:
    return reverse("wagtailsnippets_quizzes_question:edit", args=[question.pk])


@pytest.fixture
def world(client):
    course_services.course_tree_setup()
    services.question_review_setup()
    course = course_build(modules=1, lessons=1)
    module = ModulePage.objects.child_of(course).first()
    question = question_make("single")
    question.save_revision().publish()
    quiz = quiz_make(module, questions=[question])
    return {
        "course": course,
        "module": module,
        "question": question,
        "quiz": quiz,
        "editor": UserFactory(role=roles.EDITORS),
        "reviewer": UserFactory(role=roles.REVIEWERS, email="relecteur@cndh.example"),
    }


def drawn_text(world) -> str:
    """The question text frozen in a new learner's new attempt."""
    learner = LearnerFactory()
    course_services.enrollment_create(learner=learner, course=world["course"])
    attempt = services.attempt_start(learner=learner, quiz=world["quiz"])
    return attempt.items.get().snapshot["text"]


def test_question_review_setup_is_idempotent_and_assigns_the_pages_workflow(world):
    workflow = services.question_review_setup()
    assert workflow.name == course_services.WORKFLOW_NAME
    assert services.question_review_setup() == workflow
    assert Question.get_default_workflow() == workflow
    assert world["question"].get_workflow() == workflow


def test_only_reviewers_and_administrators_may_publish_questions(world):
    assert not world["editor"].has_perm("quizzes.publish_question")
    assert world["editor"].has_perm("quizzes.change_question")
    assert world["reviewer"].has_perm("quizzes.publish_question")
    administrators = Group.objects.get(name=roles.ADMINISTRATORS)
    codenames = set(administrators.permissions.values_list("codename", flat=True))
    assert {"publish_question", "lock_question", "unlock_question"} <= codenames


def test_an_editors_edit_reaches_quizzes_only_once_a_reviewer_approves(client, world):
    question, editor, reviewer = world["question"], world["editor"], world["reviewer"]
    learner = LearnerFactory()
    course_services.enrollment_create(learner=learner, course=world["course"])
    in_progress = services.attempt_start(learner=learner, quiz=world["quiz"])

    client.force_login(editor)
    response = client.post(
        edit_url(question), edit_post(question, "Texte corrigé", **{"action-submit": "1"})
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    question.refresh_from_db()
    assert question.text == OLD_TEXT and question.live
    assert question.has_unpublished_changes and question.workflow_in_progress
    assert "Texte corrigé" in question.get_latest_revision().content["text"]
    # Not drawn, not frozen: a learner starting now gets the approved text.
    assert drawn_text(world) == OLD_TEXT

    state = WorkflowState.objects.get(object_id=str(question.pk), status="in_progress")
    task = state.current_task_state.task.specific
    assert task.get_actions(question, editor) == []
    assert "approve" in [name for name, *_rest in task.get_actions(question, reviewer)]
    client.force_login(reviewer)
    response = client.post(
        reverse(
            "wagtailsnippets_quizzes_question:workflow_action",
            args=[question.pk, "approve", state.current_task_state.pk],
        )
    )
    assert response.status_code in (200, 302), response.content.decode()[:2000]
    # The reviewer is told that the approval was taken (courses/admin_workflow.py).
    confirmation = client.get(response["Location"]).content.decode()
    assert "approbation enregistrée" in confirmation
    question.refresh_from_db()
    assert "Texte corrigé" in question.text and not question.has_unpublished_changes
    assert "Texte corrigé" in drawn_text(world)
    # The attempt started before keeps its frozen question.
    assert Attempt.objects.get(pk=in_progress.pk).items.get().snapshot["text"] == OLD_TEXT


def test_an_editor_cannot_publish_an_edit(client, world):
    question = world["question"]
    client.force_login(world["editor"])
    edit = client.get(edit_url(question)).content.decode()
    assert 'name="action-publish"' not in edit
    assert 'name="action-submit"' in edit
    client.post(edit_url(question), edit_post(question, "Publié ?", **{"action-publish": "1"}))
    question.refresh_from_db()
    assert question.text == OLD_TEXT
    assert drawn_text(world) == OLD_TEXT


def test_a_new_question_by_an_editor_is_a_draft_that_no_quiz_draws(client, world):
    category = category_make("Nouvelles")
    client.force_login(world["editor"])
    for name, action in (("Brouillon", {}), ("Publiée ?", {"action-publish": "1"})):
        client.post(
            reverse("wagtailsnippets_quizzes_question:add"),
            question_post(category, name=name, **action),
        )
        assert not Question.objects.get(name=name).live, name
    draft = Question.objects.get(name="Brouillon")
    learner = LearnerFactory()
    course_services.enrollment_create(learner=learner, course=world["course"])
    # A fixed slot on a draft is left out; a random slot never draws one.
    fixed = quiz_make(world["module"], questions=[world["question"], draft], title="Fixe")
    assert services.attempt_start(learner=learner, quiz=fixed).items.count() == 1
    random_quiz = quiz_make(world["module"], title="Hasard")
    random_quiz.slots.create(category=category, random_count=1, sort_order=0)
    with pytest.raises(services.QuizError, match="pas assez de questions"):
        services.attempt_start(learner=learner, quiz=random_quiz)

    client.force_login(world["reviewer"])
    client.post(
        reverse("wagtailsnippets_quizzes_question:edit", args=[draft.pk]),
        edit_post(draft, "Relue", **{"action-publish": "1"}),
    )
    draft.refresh_from_db()
    assert draft.live
    assert services.attempt_start(learner=learner, quiz=random_quiz).items.count() == 1


GIFT = "::Import A::Durée ?{=48 heures ~10 jours}\n\n::Import B::Avocat ?{TRUE}\n".encode()


def test_an_editors_import_is_drafts_submitted_for_review(world):
    mail.outbox.clear()
    summary = bank.questions_import(parsed=gift.parse(GIFT), user=world["editor"])
    assert (summary.published, summary.submitted) == (False, 2)
    imported = Question.objects.filter(name__startswith="Import")
    assert [q.live for q in imported] == [False, False]
    assert all(q.workflow_in_progress for q in imported)
    # Wagtail tells the reviewers, once per question.
    assert len([m for m in mail.outbox if "relecteur@cndh.example" in m.to]) == 2

    question = imported.get(name="Import A")
    state = question.current_workflow_state
    state.current_task_state.task.specific.on_action(
        state.current_task_state, world["reviewer"], "approve"
    )
    question.refresh_from_db()
    assert question.live


def test_a_reviewers_import_is_live_at_once(world):
    summary = bank.questions_import(parsed=gift.parse(GIFT), user=world["reviewer"])
    assert (summary.published, summary.submitted) == (True, 0)
    assert all(q.live for q in Question.objects.filter(name__startswith="Import"))
    assert not WorkflowState.objects.exists()


def test_an_import_without_a_user_waits_as_drafts(world):
    """The admin view until it passes its user: nothing goes live, nothing is submitted."""
    summary = bank.questions_import(parsed=gift.parse(GIFT))
    assert (summary.published, summary.submitted) == (False, 0)
    assert not any(q.live for q in Question.objects.filter(name__startswith="Import"))


def test_a_refused_import_submits_nothing(world):
    mail.outbox.clear()
    parsed = gift.parse(GIFT)
    zero = {"fraction": 0, "tolerance": None, "feedback": ""}
    # Past the parser (as a Moodle XML question could be): the bank's own check refuses it.
    parsed.questions.append(
        {
            **parsed.questions[0],
            "name": "Import C",
            "choices": [zero | {"text": "a"}, zero | {"text": "b"}],
        }
    )
    with pytest.raises(bank.ImportRefused):
        bank.questions_import(parsed=parsed, user=world["editor"])
    assert not Question.objects.filter(name__startswith="Import").exists()
    assert not WorkflowState.objects.exists()
    assert mail.outbox == []
