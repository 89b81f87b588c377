"""The question bank's search, in the list and in the chooser, on SQLite and PostgreSQL."""

import re

import pytest

from accounts import roles
from accounts.tests.factories import UserFactory
from quizzes.tests.factories import category_make, question_make

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client, role_groups):
    user = UserFactory(role=roles.EDITORS)
    client.force_login(user)
    return user


@pytest.mark.parametrize(
    "url",
    [
        "/admin/snippets/quizzes/question/",
        "/admin/snippets/quizzes/question/results/",
        "/admin/snippets/choose/quizzes/question/",
        "/admin/snippets/choose/quizzes/question/results/",
    ],
)
def test_search_finds_a_question_by_its_name(client, editor, url):
    category = category_make("Garde à vue")
    question_make(category=category, name="Durée de la garde à vue")
    question_make(category=category, name="Droit à un avocat")
    response = client.get(url, {"q": "durée"})
    assert response.status_code == 200
    html = response.content.decode()
    if response["Content-Type"].startswith("application/json"):
        html = response.json()["html"]  # the chooser's modal
    assert "Durée de la garde à vue" in html
    assert "Droit à un avocat" not in html


@pytest.mark.parametrize("query", ["garde'; --", '"', "*", "a" * 300, "OR", "NEAR(", "\\"])
def test_hostile_search_text_never_breaks_the_list(client, editor, query):
    question_make(category=category_make("Garde à vue"), name="Durée de la garde à vue")
    assert client.get("/admin/snippets/quizzes/question/", {"q": query}).status_code == 200


@pytest.mark.parametrize("query", ["garde'; --", '"', "*", "a" * 300, "NEAR("])
def test_hostile_search_text_never_breaks_the_chooser(client, editor, query):
    question_make(category=category_make("Garde à vue"), name="Durée de la garde à vue")
    url = "/admin/snippets/choose/quizzes/question/results/"
    assert client.get(url, {"q": query}).status_code == 200


def test_the_category_chooser_lists_the_tree_in_order_and_searches(client, editor):
    garde = category_make("Garde à vue")
    category_make("Droits", parent=garde)
    category_make("Aveux")
    category_make("Torture")
    html = client.get("/admin/snippets/choose/quizzes/questioncategory/").json()["html"]
    names = ["Aveux", "Garde à vue", "Garde à vue › Droits", "Torture"]
    positions = [html.index(name) for name in names]
    assert positions == sorted(positions)
    found = client.get(
        "/admin/snippets/choose/quizzes/questioncategory/results/", {"q": "droits"}
    ).content.decode()
    assert "Garde à vue › Droits" in found and "Torture" not in found


def test_search_and_filters_narrow_the_list_together(client, editor):
    custody = category_make("Garde à vue")
    rights = category_make("Droits")
    question_make("single", category=custody, name="Durée de la garde à vue")
    question_make("truefalse", category=custody, name="Durée légale, vrai ou faux")
    question_make("single", category=rights, name="Durée d’un recours")
    question_make("single", category=custody, name="Droit à un avocat")
    html = client.get(
        "/admin/snippets/quizzes/question/",
        {"q": "durée", "question_type": "single", "category": custody.pk},
    ).content.decode()
    assert "Durée de la garde à vue" in html
    for other in ("Durée légale, vrai ou faux", "Durée d’un recours", "Droit à un avocat"):
        assert other not in html


def test_the_list_and_the_import_page_link_to_each_other(client, editor):
    from django.urls import reverse

    listing = reverse("wagtailsnippets_quizzes_question:list")
    transfer = reverse("question_bank:import")
    assert f'href="{transfer}"' in client.get(listing).content.decode()
    assert f'href="{listing}"' in client.get(transfer).content.decode()


def test_a_category_filter_brings_its_sub_categories_questions(client, editor):
    custody = category_make("Garde à vue")
    rights = category_make("Droits", parent=custody)
    other = category_make("Torture")
    question_make(category=custody, name="Durée de la garde à vue")
    question_make(category=rights, name="Droit à un avocat")
    question_make(category=other, name="Définition de la torture")
    html = client.get(
        "/admin/snippets/quizzes/question/", {"category": custody.pk}
    ).content.decode()
    assert "Durée de la garde à vue" in html and "Droit à un avocat" in html
    assert "Définition de la torture" not in html
    # The filter lists the tree in order, each category by its path.
    options = re.findall(r'<option value="(\d+)"[^>]*>([^<]*)</option>', html)
    labels = [label for pk, label in options if int(pk) in {custody.pk, rights.pk, other.pk}]
    assert labels == ["Garde à vue", "Garde à vue › Droits", "Torture"]


def test_the_list_reads_the_categories_in_a_fixed_number_of_queries(client, editor):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def grow(count, tag):
        for n in range(count):
            top = category_make(f"{tag} {n}")
            leaf = category_make("Feuille", parent=category_make("Branche", parent=top))
            question_make(category=leaf, name=f"Question {tag} {n}")

    grow(2, "A")
    with CaptureQueriesContext(connection) as small:
        assert client.get("/admin/snippets/quizzes/question/").status_code == 200
    grow(10, "B")
    with CaptureQueriesContext(connection) as large:
        html = client.get("/admin/snippets/quizzes/question/").content.decode()
    assert "B 9 › Branche › Feuille" in html
    assert len(large) == len(small), (len(small), len(large))


@pytest.mark.parametrize(
    "url",
    [
        "/admin/snippets/quizzes/questioncategory/",
        "/admin/snippets/choose/quizzes/questioncategory/",
        "/admin/snippets/quizzes/question/",
    ],
)
def test_an_empty_bank_lists_without_error(client, editor, url):
    assert client.get(url).status_code == 200
