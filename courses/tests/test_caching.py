"""courses/caching.py: a lesson's body, rendered once per live revision and language, served
from the shared cache until the content it shows changes."""

import shutil

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from wagtail.rich_text import RichText

from accounts.tests.factories import LearnerFactory
from courses import caching, services
from courses.models import GlossaryTerm, ModulePage
from courses.tests.factories import course_build, lesson_body, lessons_of

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_flags():
    """The content version and the restriction flag of this process's cache, as a new process
    finds them (the rollback that ends a test sends no signal)."""
    cache.delete_many([caching.CONTENT_VERSION_KEY, caching.RESTRICTIONS_KEY])
    yield
    cache.delete_many([caching.CONTENT_VERSION_KEY, caching.RESTRICTIONS_KEY])


def _learner_client(course, language="fr") -> Client:
    learner = LearnerFactory(language=language)
    services.enrollment_create(learner=learner, course=course)
    client = Client()
    client.force_login(learner)
    return client


def _body_of(response) -> str:
    """The lesson's article: its title, its reading time and its body."""
    assert response.status_code == 200
    html = response.content.decode()
    return html.split('<article class="lesson prose">', 1)[1].split("</article>", 1)[0]


def _lesson_with(course, body):
    lesson = lessons_of(course)[0]
    lesson.body = body
    lesson.save_revision().publish()
    return lesson


def _glossary_queries(queries) -> list[str]:
    return [query["sql"] for query in queries if "courses_glossaryterm" in query["sql"]]


def test_the_second_view_takes_the_body_from_the_cache():
    term = GlossaryTerm.objects.create(term="Garde à vue", definition="Mesure de contrainte.")
    course = course_build(modules=1, lessons=2)
    lesson = _lesson_with(course, [*lesson_body(), ("glossary_term", term)])
    client = _learner_client(course)
    client.get(lessons_of(course)[1].url)  # fills the per-process caches (sites, paths, flags)

    with CaptureQueriesContext(connection) as first:
        first_body = _body_of(client.get(lesson.url))
    with CaptureQueriesContext(connection) as second:
        second_body = _body_of(client.get(lesson.url))

    assert "Mesure de contrainte." in first_body
    assert second_body == first_body
    assert _glossary_queries(first.captured_queries)
    assert not _glossary_queries(second.captured_queries)
    assert len(second) < len(first)


def test_an_edited_glossary_term_shows_on_the_lesson(django_capture_on_commit_callbacks):
    term = GlossaryTerm.objects.create(term="Garde à vue", definition="Ancienne définition.")
    course = course_build(modules=1, lessons=1)
    lesson = _lesson_with(course, [("glossary_term", term)])
    client = _learner_client(course)
    assert "Ancienne définition." in _body_of(client.get(lesson.url))

    with django_capture_on_commit_callbacks(execute=True):
        term.definition = "Nouvelle définition."
        term.save()

    body = _body_of(client.get(lesson.url))
    assert "Nouvelle définition." in body and "Ancienne définition." not in body


def test_a_newly_published_revision_shows_its_body():
    course = course_build(modules=1, lessons=1)
    lesson = lessons_of(course)[0]
    client = _learner_client(course)
    assert "Premier point" in _body_of(client.get(lesson.url))

    lesson.body = [("paragraph", RichText("<p>Texte de la nouvelle révision.</p>"))]
    lesson.save_revision().publish()

    body = _body_of(client.get(lesson.url))
    assert "Texte de la nouvelle révision." in body and "Premier point" not in body


CASE_SCENARIO = (
    "case_scenario",
    {
        "title": "Interpellation de nuit",
        "situation": RichText("<p>Un suspect est interpellé à 23 h.</p>"),
        "questions": ["Quels droits lui notifier ?"],
        "analysis": RichText("<p>Les droits sont notifiés sans délai.</p>"),
    },
)
# The block's own strings (templates/blocks/case_scenario.html), in each language.
CASE_STRINGS = {
    "fr": ("Voir l’analyse proposée", "À vous de réfléchir :"),
    "en": ("See the suggested analysis", "Think it over:"),
}


@pytest.mark.parametrize(
    "languages", [("fr", "en"), ("en", "fr")], ids=["fr-puis-en", "en-puis-fr"]
)
def test_the_body_is_cached_per_language(languages):
    course = course_build(modules=1, lessons=1)
    lesson = _lesson_with(course, [CASE_SCENARIO])
    clients = {language: _learner_client(course, language) for language in languages}
    for language in languages:  # the second language finds the first one's body cached
        body = _body_of(clients[language].get(lesson.url))
        other = "en" if language == "fr" else "fr"
        for text in CASE_STRINGS[language]:
            assert text in body, (language, text)
        for text in CASE_STRINGS[other]:
            assert text not in body, (language, text)
        assert "Les droits sont notifiés sans délai." in body


def test_the_body_renders_without_a_cache(settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    course = course_build(modules=1, lessons=1)
    lesson = lessons_of(course)[0]
    client = _learner_client(course)
    for _view in range(2):
        body = _body_of(client.get(lesson.url))
        assert "droit droit droit" in body and "Premier point" in body


# --- The digest of the code that renders blocks -----------------------------------------------

DIGEST_SOURCES = [
    "templates/blocks",
    "templates/courses/includes/lesson_body.html",
    "templates/includes/icon.html",
    "courses/blocks.py",
    "locale",
]


@pytest.fixture
def base_dir_copy(settings, tmp_path):
    """A copy of what renders a lesson's blocks, as settings.BASE_DIR."""
    for relative in DIGEST_SOURCES:
        source, target = settings.BASE_DIR / relative, tmp_path / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.copytree(source, target)
        else:
            shutil.copy2(source, target)
    real = caching._render_digest()
    settings.BASE_DIR = tmp_path
    assert caching._render_digest() == real  # the same files give the same digest
    return tmp_path


def test_the_render_digest_follows_a_block_template(base_dir_copy):
    before = caching._render_digest()
    template = base_dir_copy / "templates" / "blocks" / "remember.html"
    template.write_text(template.read_text() + "<!-- modifié -->")
    assert caching._render_digest() != before


def test_the_render_digest_follows_the_translations(base_dir_copy):
    before = caching._render_digest()
    catalogue = base_dir_copy / "locale" / "en" / "LC_MESSAGES" / "django.mo"
    catalogue.write_bytes(catalogue.read_bytes() + b"\0")
    assert caching._render_digest() != before


def test_the_render_digest_follows_the_icon_template_of_the_blocks(base_dir_copy):
    """templates/blocks/checklist.html draws its marks with `{% icon %}`, whose SVG comes from
    templates/includes/icon.html: a body cached before a change of that file would keep the
    old icons after the deployment."""
    before = caching._render_digest()
    icon = base_dir_copy / "templates" / "includes" / "icon.html"
    icon.write_text(icon.read_text().replace('stroke-width="2"', 'stroke-width="3"'))
    assert caching._render_digest() != before


# --- The editor's preview ---------------------------------------------------------------------


def test_the_preview_shows_the_draft_body_not_the_cached_one():
    from accounts import roles
    from accounts.tests.factories import UserFactory

    services.course_tree_setup()
    course = course_build(modules=1, lessons=1)
    lesson = lessons_of(course)[0]
    client = _learner_client(course)
    assert "Premier point" in _body_of(client.get(lesson.url))  # the live body, now cached

    lesson.body = [("paragraph", RichText("<p>Brouillon en cours de relecture.</p>"))]
    request = RequestFactory().get("/")
    request.user = UserFactory(role=roles.EDITORS)
    response = lesson.make_preview_request(original_request=request)
    assert response.status_code == 200
    html = response.render().content.decode()
    assert "Aperçu" in html and lesson.title in html
    assert "Brouillon en cours de relecture." in html and "Premier point" not in html


def test_the_preview_of_a_lesson_served_with_is_preview_shows_its_body():
    course = course_build(modules=1, lessons=1)
    lesson = lessons_of(course)[0]
    request = RequestFactory().get(lesson.url)
    request.user = LearnerFactory()
    request.is_preview = True
    response = lesson.serve(request)
    html = response.render().content.decode()
    assert "Premier point" in html and "droit droit droit" in html


# --- The courses open to enrolment --------------------------------------------------------------


def _available_titles(client) -> list[str]:
    html = client.get("/").content.decode()
    section = html.split('<section aria-labelledby="available">', 1)[1].split("</section>", 1)[0]
    return [part.split("</a>", 1)[0].rsplit(">", 1)[1] for part in section.split("<h3>")[1:]]


def test_my_courses_lists_the_open_courses_from_the_cache_and_sees_a_change():
    enrolled = course_build(title="Cours suivi")
    course_build(title="Cours ouvert")
    client = _learner_client(enrolled)
    assert _available_titles(client) == ["Cours ouvert"]  # not the course already followed
    with CaptureQueriesContext(connection) as queries:
        assert _available_titles(client) == ["Cours ouvert"]
    assert not [q for q in queries if "self_enrollment" in q["sql"].partition(" WHERE ")[2]]

    added = course_build(title="Cours publié ensuite")
    assert _available_titles(client) == ["Cours ouvert", "Cours publié ensuite"]
    added.self_enrollment = False
    added.save_revision().publish()
    assert _available_titles(client) == ["Cours ouvert"]
    added.unpublish()
    assert _available_titles(client) == ["Cours ouvert"]


def test_the_open_courses_are_the_same_for_everyone_and_carry_nothing_personal():
    course = course_build(title="Cours ouvert")
    entries = caching.open_courses()
    expected = caching.OpenCourse(
        pk=course.pk, title="Cours ouvert", url=course.url, summary=course.summary
    )
    assert entries == [expected]


def test_the_course_brief_of_a_page_follows_a_rename_and_a_move(django_assert_num_queries):
    course = course_build(title="Avant", modules=1, lessons=1)
    lesson = lessons_of(course)[0]
    brief = caching.course_brief(lesson)
    assert (brief.pk, brief.title, brief.path, brief.sequential_modules) == (
        course.pk,
        "Avant",
        course.path,
        course.sequential_modules,
    )
    assert brief.get_url_parts() == course.get_url_parts()
    with django_assert_num_queries(0):
        assert caching.course_brief(lesson) == brief
    course.title = "Après"
    course.save_revision().publish()
    assert caching.course_brief(lesson).title == "Après"
    other = course_build(title="Autre", modules=1, lessons=0)
    lesson.move(ModulePage.objects.child_of(other).get(), pos="last-child")
    lesson.refresh_from_db()
    assert caching.course_brief(lesson).pk == other.pk


def _outline_shown(course, learner):
    from courses import selectors

    return selectors.outline_for(course=course, learner=learner, shown=True)


def _done(outline) -> dict[str, bool]:
    return {item.title: item.completed for item in outline.items}


def test_a_learners_outline_comes_from_the_cache_and_follows_their_progress(
    django_assert_num_queries,
):
    course = course_build(modules=2, lessons=1, sequential=True)
    learner, other = LearnerFactory(), LearnerFactory()
    for person in (learner, other):
        services.enrollment_create(learner=person, course=course)
    first, second = lessons_of(course)
    outline = _outline_shown(course, learner)
    assert not outline.item(first.pk).completed and outline.item(second.pk).locked
    with django_assert_num_queries(1):  # the enrolment; the outline from the cache
        assert _outline_shown(course, learner) == outline
    services.lesson_complete(learner=learner, lesson=first)
    after = _outline_shown(course, learner)
    assert after.item(first.pk).completed and not after.item(second.pk).locked
    # Someone else's outline is theirs, untouched by this learner's progress.
    assert not _outline_shown(course, other).item(first.pk).completed
    # A completion deleted (an administrator's correction) is seen at once too.
    learner.lesson_completions.all().delete()
    assert not _outline_shown(course, learner).item(first.pk).completed
    # New content appears in everyone's outline.
    module = ModulePage.objects.child_of(course).order_by("path").first()
    new = module.add_child(instance=type(first)(title="Leçon ajoutée", body=lesson_body()))
    new.save_revision().publish()
    assert "Leçon ajoutée" in _done(_outline_shown(course, learner))


def test_a_quiz_passed_ticks_the_outline_shown():
    from quizzes.models import QuizGrade
    from quizzes.tests.factories import question_make, quiz_make

    course = course_build(modules=1, lessons=1)
    learner = LearnerFactory()
    services.enrollment_create(learner=learner, course=course)
    quiz = quiz_make(ModulePage.objects.child_of(course).get(), questions=[question_make()])
    assert not _outline_shown(course, learner).item(quiz.pk).completed
    QuizGrade.objects.create(learner=learner, quiz=quiz, course=course, passed=True, percent=100)
    assert _outline_shown(course, learner).item(quiz.pk).completed
