"""The question form shows each type the answer fields it uses, and the server keeps only
those, whatever the browser sends (quizzes/forms.py::QuestionForm)."""

import re
from decimal import Decimal

import pytest

from accounts import roles
from accounts.tests.factories import UserFactory
from quizzes.models import Question
from quizzes.tests.factories import category_make, question_make
from quizzes.tests.test_admin import question_post

pytestmark = pytest.mark.django_db

ADD = "/admin/snippets/quizzes/question/add/"


@pytest.fixture
def editor(client, role_groups):
    user = UserFactory(role=roles.EDITORS)
    client.force_login(user)
    return user


def pair_rows(*pairs):
    data = {
        "pairs-TOTAL_FORMS": str(len(pairs)),
        "pairs-INITIAL_FORMS": "0",
        "pairs-MIN_NUM_FORMS": "0",
        "pairs-MAX_NUM_FORMS": "1000",
    }
    for n, (prompt, answer) in enumerate(pairs):
        data |= {
            f"pairs-{n}-prompt": prompt,
            f"pairs-{n}-answer": answer,
            f"pairs-{n}-ORDER": str(n + 1),
        }
    return data


def latest_content(question):
    return question.revisions.order_by("-created_at", "-pk").first().content


def test_without_javascript_every_field_says_which_types_it_serves(client, editor):
    html = client.get(ADD).content.decode()
    assert "js/question-form.js" in html
    # The panels carry the types the stylesheet shows them for...
    assert re.search(r'data-kalan-types="single multiple truefalse short numerical"', html)
    assert re.search(r'data-kalan-types="matching ordering"', html)
    assert 'data-kalan-types="numerical"' in html  # the tolerance of a choice row
    assert 'data-kalan-types="matching"' in html  # the answer of a pair row
    # ...and say it in words, for whoever reads the page without the script.
    assert "Numérique seulement ; ignorée pour les autres types." in html
    assert "Association et remise en ordre seulement (ignorés pour les autres types)" in html
    assert "Tous les types sauf association et remise en ordre" in html
    assert "Association seulement ; ignorée pour une remise en ordre." in html


def test_a_single_choice_keeps_no_tolerance_and_no_pairs(client, editor):
    category = category_make()
    data = question_post(category, **{"choices-0-tolerance": "0.5"})
    data |= pair_rows(("Torture", "Convention de 1984"), ("Défenseurs", "Déclaration"))
    response = client.post(ADD, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    question = Question.objects.get(name="Durée")
    assert [c.tolerance for c in question.choices.all()] == [None, None]
    assert not question.pairs.exists()
    content = latest_content(question)
    assert [c["tolerance"] for c in content["choices"]] == [None, None]
    assert content["pairs"] == []


def test_a_numerical_question_keeps_its_tolerance(client, editor):
    category = category_make()
    data = question_post(
        category,
        question_type="numerical",
        **{"choices-0-text": "48", "choices-0-tolerance": "0.5", "choices-1-text": "10"},
    )
    response = client.post(ADD, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    question = Question.objects.get(name="Durée")
    assert question.choices.first().tolerance == Decimal("0.5")


def test_an_ordering_question_keeps_no_choices_and_no_pair_answers(client, editor):
    category = category_make()
    data = question_post(category, question_type="ordering")
    data |= pair_rows(("Interpellation", "à effacer"), ("Audition", "à effacer"))
    response = client.post(ADD, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    question = Question.objects.get(name="Durée")
    assert not question.choices.exists()
    assert [(p.prompt, p.answer) for p in question.pairs.all()] == [
        ("Interpellation", ""),
        ("Audition", ""),
    ]


def test_a_question_changed_to_another_type_loses_the_old_types_answers(client, editor):
    """A matching question turned into a single choice: its pairs go, in the revision the
    reviewer approves and so in the question once published."""
    question = question_make("matching")
    pairs = list(question.pairs.all())
    data = question_post(question.category, name=question.name)
    data |= {
        "pairs-TOTAL_FORMS": str(len(pairs)),
        "pairs-INITIAL_FORMS": str(len(pairs)),
        "pairs-MIN_NUM_FORMS": "0",
        "pairs-MAX_NUM_FORMS": "1000",
    }
    for n, pair in enumerate(pairs):
        data |= {
            f"pairs-{n}-id": str(pair.pk),
            f"pairs-{n}-prompt": pair.prompt,
            f"pairs-{n}-answer": pair.answer,
            f"pairs-{n}-ORDER": str(n + 1),
        }
    response = client.post(f"/admin/snippets/quizzes/question/edit/{question.pk}/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    content = latest_content(question)
    assert content["question_type"] == "single"
    assert content["pairs"] == []
    assert [c["text"] for c in content["choices"]] == ["48 heures", "10 jours"]


def test_the_answers_of_the_chosen_type_are_still_checked(client, editor):
    """Dropping the other types' rows never lets a question through without its own."""
    category = category_make()
    data = question_post(category, question_type="matching")
    response = client.post(ADD, data)
    assert response.status_code == 200
    assert "Il faut au moins deux éléments." in response.content.decode()
    assert not Question.objects.exists()


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"choices-0-fraction_percent": "0"}, "Aucune réponse correcte."),
        ({"choices-1-text": " 48  HEURES "}, "La réponse « 48  HEURES » figure deux fois."),
        (
            {"question_type": "multiple", "choices-0-fraction_percent": "-50"},
            "Aucune réponse correcte.",
        ),
    ],
)
def test_the_form_refuses_what_the_importers_refuse(client, editor, overrides, message):
    """One check (quizzes.snapshots.structure_check) for the form and every importer."""
    response = client.post(ADD, question_post(category_make(), **overrides))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Question.objects.exists()


def test_an_essay_keeps_its_template_and_rubric_and_no_answers(client, editor):
    category = category_make()
    data = question_post(
        category,
        question_type="essay",
        response_template="Faits :\nDroits notifiés :",
        grader_info="Un point par droit cité.",
    )
    response = client.post(ADD, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    question = Question.objects.get(name="Durée")
    assert not question.choices.exists()
    assert (question.response_template, question.grader_info) == (
        "Faits :\nDroits notifiés :",
        "Un point par droit cité.",
    )
    snapshot = question.snapshot()
    assert snapshot["grader_info"] == "Un point par droit cité."


def test_other_types_keep_no_essay_fields_and_a_description_counts_nothing(client, editor):
    category = category_make()
    data = question_post(category, grader_info="à effacer", response_template="à effacer")
    assert client.post(ADD, data).status_code == 302
    question = Question.objects.get(name="Durée")
    assert (question.response_template, question.grader_info) == ("", "")
    data = question_post(category, name="Info", question_type="description", max_score="0")
    response = client.post(ADD, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    description = Question.objects.get(name="Info")
    assert not description.choices.exists()
    assert description.snapshot()["max_score"] == 0.0


def test_a_question_worth_zero_points_is_refused_in_french(client, editor):
    data = question_post(category_make(), max_score="0")
    response = client.post(ADD, data)
    assert response.status_code == 200
    assert "Une question vaut plus de 0 point." in response.content.decode()
    assert not Question.objects.filter(name="Durée").exists()
