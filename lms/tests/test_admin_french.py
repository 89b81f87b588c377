"""The admin in French, as CNDH editors, reviewers and administrators read it: Wagtail's and
Django's own strings that came out in English, gendered (« un(e) ») or broken (« None »,
« Il y a 0 minute ») are corrected by locale/fr/ or by Kalan's own forms and viewsets."""

import re

import pytest
from django.utils.html import strip_tags

from accounts import roles
from accounts.tests.factories import UnitFactory, UserFactory
from courses import services
from courses.models import LessonPage, ModulePage
from courses.tests.factories import course_build
from quizzes.tests.factories import question_make, quiz_make

pytestmark = pytest.mark.django_db

# Each one was seen on an admin page in French.
WRONG = [
    re.compile(r"\bPassword\b"),
    re.compile(r"\bStatus\b", re.IGNORECASE),
    re.compile(r"\b(None|True|False)\b"),
    re.compile(r"\w\((e|le|la|ne|tte)\)"),  # « un(e) », « Nouvel(le) », « ancien(ne) »
    re.compile(r"\b(ce|le)/(cette|la)\b", re.IGNORECASE),
    re.compile(r"Il y a 0\s+minute", re.IGNORECASE),
    # The dashboard's counts: « Pages crées », « Image créé ».
    re.compile(r"\bcrées\b"),
    re.compile(r"\bImage créé\b", re.IGNORECASE),
    re.compile(r"\bles lecteurs\b"),
]


def visible_text(html: str) -> str:
    # What a person reads: no scripts, no JSON payloads of Wagtail's widgets.
    html = re.sub(r"<(script|template)\b.*?</\1>", " ", html, flags=re.DOTALL | re.IGNORECASE)
    # An empty counter Wagtail keeps hidden until its script fills it in.
    html = re.sub(r"<(\w+)\b[^>]*\shidden\b[^>]*>[^<]*</\1>", " ", html)
    return re.sub(r"\s+", " ", strip_tags(html))


def wrong_strings(html: str) -> list[str]:
    text = visible_text(html)
    found = []
    for pattern in WRONG:
        for match in pattern.finditer(text):
            found.append(text[max(0, match.start() - 40) : match.end() + 40])
    return found


@pytest.fixture
def site_content():
    services.course_tree_setup()
    course = course_build(title="Formation de test", modules=1, lessons=2)
    module = ModulePage.objects.child_of(course).get()
    question = question_make(name="Durée de la garde à vue")
    quiz = quiz_make(module, questions=[question])
    unit = UnitFactory(name="Brigade de Sévaré")
    return {
        "course": course,
        "module": module,
        "lesson": LessonPage.objects.child_of(module).first(),
        "quiz": quiz,
        "question": question,
        "unit": unit,
    }


def test_the_admin_sign_in_page_is_french(client):
    html = client.get("/admin/login/").content.decode()
    assert "Mot de passe" in html
    assert wrong_strings(html) == []


def admin_pages(content):
    return {
        roles.EDITORS: [
            "/admin/",
            f"/admin/pages/{content['course'].pk}/",
            f"/admin/pages/{content['module'].pk}/",
            f"/admin/pages/{content['lesson'].pk}/edit/",
            f"/admin/pages/add/courses/lessonpage/{content['module'].pk}/",
            f"/admin/pages/{content['quiz'].pk}/edit/",
            "/admin/snippets/quizzes/question/",
            "/admin/snippets/quizzes/question/?q=garde",
            "/admin/snippets/quizzes/question/add/",
            f"/admin/snippets/quizzes/question/edit/{content['question'].pk}/",
            "/admin/snippets/quizzes/questioncategory/",
            "/admin/questions/import/",
            "/admin/snippets/courses/glossaryterm/",
            "/admin/snippets/courses/glossaryterm/add/",
        ],
        roles.REVIEWERS: [
            "/admin/",
            f"/admin/pages/{content['module'].pk}/",
            f"/admin/pages/{content['lesson'].pk}/edit/",
        ],
        roles.ADMINISTRATORS: [
            "/admin/",
            "/admin/pages/search/?q=Module",
            f"/admin/pages/{content['course'].pk}/?q=Le%C3%A7on",
            "/admin/pages/usage/courses/lessonpage/",
            "/admin/unites/",
            "/admin/unites/new/",
            f"/admin/unites/edit/{content['unit'].pk}/",
            "/admin/attestations/",
            "/admin/rappels/",
            "/admin/users/",
            "/admin/users/new/",
            "/admin/groups/",
            "/admin/reports/site-history/",
            "/admin/reports/aging-pages/",
            "/admin/images/",
            "/admin/documents/",
            "/admin/workflows/list/",
            "/admin/workflows/tasks/index/",
        ],
    }


@pytest.mark.parametrize("role", [roles.EDITORS, roles.REVIEWERS, roles.ADMINISTRATORS])
def test_the_admin_pages_of_each_role_read_in_french(client, site_content, role):
    user = UserFactory(role=role, is_superuser=role == roles.ADMINISTRATORS)
    client.force_login(user)
    seen = {}
    for url in admin_pages(site_content)[role]:
        response = client.get(url)
        assert response.status_code == 200, url
        found = wrong_strings(response.content.decode())
        if found:
            seen[url] = found
    assert seen == {}, "\n".join(f"{url}: {found}" for url, found in seen.items())


def test_a_page_editor_title_is_written_the_french_way(client, site_content):
    """Wagtail writes « Nouveau: Leçon » and « Modification de Leçon: … »."""
    client.force_login(UserFactory(role=roles.EDITORS))
    module, lesson = site_content["module"], site_content["lesson"]
    created = client.get(f"/admin/pages/add/courses/lessonpage/{module.pk}/").content.decode()
    assert "<title>Création : Leçon" in created
    edited = client.get(f"/admin/pages/{lesson.pk}/edit/").content.decode()
    assert f"<title>Modification (Leçon) : {lesson.title}" in edited
