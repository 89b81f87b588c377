"""The learner's search (/recherche/): prefixes and French stems, excerpts with the course and
the module, the count's wording, pagination, the scope of what a learner may find, hostile
queries and the query budget. Runs on PostgreSQL (CI) and on SQLite (`env -u DATABASE_URL`)."""

import re

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.urls import reverse
from wagtail.models import Page, PageViewRestriction
from wagtail.rich_text import RichText

from accounts.tests.factories import LearnerFactory
from courses import search, services
from courses.models import CoursePage, LessonPage, ModulePage
from courses.tests.factories import course_build, course_index_get
from quizzes.tests.factories import quiz_make

pytestmark = pytest.mark.django_db

URL = reverse("courses:search")
TORTURE = (
    "La torture est interdite en toutes circonstances. Les aveux obtenus sous la torture sont "
    "nuls, et les tortures infligées pendant la garde à vue engagent l’officier."
)


@pytest.fixture
def learner(client):
    user = LearnerFactory()
    client.force_login(user)
    return user


def course_with_lesson(
    *,
    title="Droits de la personne",
    module="Module A",
    lesson="La prohibition",
    text="",
    self_enrollment=True,
) -> tuple[CoursePage, LessonPage]:
    index = course_index_get()
    course = index.add_child(
        instance=CoursePage(
            title=title, summary="Résumé de la formation.", self_enrollment=self_enrollment
        )
    )
    module_page = course.add_child(instance=ModulePage(title=module))
    lesson_page = module_page.add_child(
        instance=LessonPage(title=lesson, body=[("paragraph", RichText(f"<p>{text}</p>"))])
    )
    return course, lesson_page


def get(client, query, **params):
    response = client.get(URL, {"q": query, **params})
    assert response.status_code == 200
    return response.content.decode()


def hits(html) -> list[str]:
    """The titles of the results, tags removed."""
    return [
        re.sub(r"<[^>]+>", "", title)
        for title in re.findall(r'<h2><a href="[^"]*">(.*?)</a></h2>', html)
    ]


def test_a_prefix_finds_the_lesson_with_its_course_module_and_excerpt(client, learner):
    course, lesson = course_with_lesson(text=TORTURE)
    services.enrollment_create(learner=learner, course=course)
    html = get(client, "tortur")
    assert hits(html) == ["La prohibition"]
    assert "1 résultat pour «\u00a0tortur\u00a0»" in html
    assert "Leçon" in html and "Droits de la personne › Module A" in html
    assert f'href="{lesson.url}"' in html
    assert "<mark>torture</mark>" in html and "<mark>tortures</mark>" in html


def test_a_plural_finds_the_singular(client, learner):
    """« arrestations » finds « arrestation »: by PostgreSQL's French stemming, and everywhere by
    the Snowball stem taken as a prefix."""
    course, _lesson = course_with_lesson(
        lesson="Interpellation", text="Lors de l’arrestation, la personne est informée."
    )
    services.enrollment_create(learner=learner, course=course)
    html = get(client, "arrestations")
    assert hits(html) == ["Interpellation"]
    assert "<mark>arrestation</mark>" in html


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's French stemming")
def test_postgresql_stems_whole_words_in_french():
    course, lesson = course_with_lesson(text="Les droits des personnes arrêtées et détenues.")
    pages = Page.objects.live().descendant_of(course)
    found = pages.search(search.full_text_query(["personne", "droit", "détenue"]))
    assert [page.pk for page in found] == [lesson.pk]
    # Whole words only on this side: a prefix is not a word.
    assert list(pages.search(search.full_text_query(["deten"]))) == []


def test_a_word_of_the_title_is_highlighted_and_accents_do_not_matter_for_the_mark():
    assert search.highlight("Détention et garde", ["detention"]) == (
        "<mark>Détention</mark> et garde"
    )


def test_every_word_must_match(client, learner):
    course, _lesson = course_with_lesson(text=TORTURE)
    services.enrollment_create(learner=learner, course=course)
    assert hits(get(client, "torture garde")) == ["La prohibition"]
    assert hits(get(client, "torture mariage")) == []


def test_the_excerpt_is_escaped_before_it_is_marked():
    text = "Début <script>alert('x')</script> & la <b>torture</b> " + "mot " * 80
    html = search.excerpt(text, ["torture"])
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "&amp; la &lt;b&gt;<mark>torture</mark>&lt;/b&gt;" in html
    assert html.endswith(" …")


def test_the_excerpt_is_centred_on_the_first_match():
    text = " ".join(f"mot{n}" for n in range(100)) + " la torture " + "fin " * 100
    html = search.excerpt(text, ["torture"])
    assert html.startswith("… ") and html.endswith(" …")
    # Ten words before the match: « mot91 » to « mot99 » and « la ».
    assert "mot90 " not in html and html.startswith("… mot91 ") and "<mark>torture</mark>" in html


def test_the_excerpt_of_a_lesson_shows_no_markup_from_its_blocks(client, learner):
    course, _lesson = course_with_lesson(text="<b>Torture</b> &amp; <i>aveux</i>")
    services.enrollment_create(learner=learner, course=course)
    html = get(client, "aveux")
    excerpt = re.search(r'<p class="search-hit__excerpt">(.*?)</p>', html).group(1)
    assert excerpt == "Torture &amp; <mark>aveux</mark>"


def test_counts_say_none_one_and_many_and_the_results_are_paged(client, learner):
    course = course_build(title="Formation commune", modules=2, lessons=6)
    services.enrollment_create(learner=learner, course=course)
    html = get(client, "zzzinconnu")
    assert "Aucun résultat pour «\u00a0zzzinconnu\u00a0»." in html
    assert "0 résultat" not in html and "<ol" not in html
    assert "1 résultat pour «\u00a0commune\u00a0»" in get(client, "commune")
    # Each lesson says « droit » forty times: twelve lessons.
    html = get(client, "droit")
    assert "12 résultats pour «\u00a0droit\u00a0»" in html
    assert len(hits(html)) == 10
    assert "Page 1 sur 2" in html and 'rel="next"' in html and 'rel="prev"' not in html
    html = get(client, "droit", page=2)
    assert len(hits(html)) == 2 and 'start="11"' in html and 'rel="prev"' in html


def test_beyond_the_cap_the_most_relevant_are_shown_and_the_count_says_more(
    client, learner, monkeypatch
):
    from courses import selectors

    monkeypatch.setattr(selectors, "SEARCH_MAX_RESULTS", 5)
    course = course_build(title="Formation commune", modules=2, lessons=6)
    services.enrollment_create(learner=learner, course=course)
    html = get(client, "droit")
    assert (
        "Plus de 5 résultats pour «\u00a0droit\u00a0»\u00a0: voici les 5 plus pertinents." in html
    )
    assert len(hits(html)) == 5 and "Page 1 sur" not in html


def test_an_empty_query_shows_the_prompt_not_every_page(client, learner):
    course_build(title="Formation commune")
    for query in ("", "   "):
        html = get(client, query)
        assert "Le début d’un mot suffit" in html
        assert "résultat" not in html and hits(html) == []


def test_a_quiz_and_a_module_are_found_with_their_kind(client, learner):
    course, lesson = course_with_lesson(module="Les libertés publiques")
    module = lesson.get_parent()
    quiz_make(module, title="Évaluation des libertés", intro="<p>Dix questions.</p>")
    services.enrollment_create(learner=learner, course=course)
    html = get(client, "libertés")
    assert sorted(hits(html)) == ["Les libertés publiques", "Évaluation des libertés"]
    assert '<span class="badge">Quiz</span>' in html
    assert '<span class="badge">Module</span>' in html


def test_a_course_open_to_enrolment_is_found_but_not_its_lessons(client, learner):
    course_with_lesson(title="Torture et mauvais traitements", text=TORTURE)
    html = get(client, "torture")
    assert hits(html) == ["Torture et mauvais traitements"]
    assert "aveux" not in html and "prohibition" not in html


def test_a_course_assigned_to_others_is_not_found(client, learner):
    course, _lesson = course_with_lesson(
        title="Torture : formation attribuée", text=TORTURE, self_enrollment=False
    )
    assert hits(get(client, "torture")) == []
    services.enrollment_create(learner=learner, course=course)
    assert sorted(hits(get(client, "torture"))) == [
        "La prohibition",
        "Torture : formation attribuée",
    ]


def test_drafts_and_unpublished_pages_are_not_found(client, learner):
    course, lesson = course_with_lesson(text=TORTURE)
    services.enrollment_create(learner=learner, course=course)
    # A change saved as a draft, waiting for review: the live page keeps its text.
    draft = LessonPage.objects.get(pk=lesson.pk)
    draft.title = "Brouillon clandestin"
    draft.body = [("paragraph", RichText("<p>Passage clandestin en attente.</p>"))]
    draft.save_revision()
    assert hits(get(client, "clandestin")) == []
    # A page that was never published.
    lesson.get_parent().add_child(
        instance=LessonPage(
            title="Jamais publiée",
            live=False,
            body=[("paragraph", RichText("<p>Torture, brouillon inédit.</p>"))],
        )
    )
    assert hits(get(client, "inédit")) == []
    # A page unpublished after it was live.
    LessonPage.objects.get(pk=lesson.pk).unpublish()
    assert hits(get(client, "aveux")) == []


@pytest.fixture
def restrictions_flag_reset():
    """The « any restriction? » flag lives in the shared cache, which the test's rollback does
    not reach: forgotten, it would cost the next tests' lesson pages a query."""
    from django.core.cache import cache

    from courses.caching import RESTRICTIONS_KEY

    yield
    cache.delete(RESTRICTIONS_KEY)


def test_a_page_restricted_to_a_group_is_found_only_by_its_members(
    client, learner, restrictions_flag_reset
):
    course, lesson = course_with_lesson(text=TORTURE)
    services.enrollment_create(learner=learner, course=course)
    group = Group.objects.create(name="Brigade spéciale")
    restriction = PageViewRestriction.objects.create(
        page=lesson.get_parent(), restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(group)
    assert hits(get(client, "aveux")) == []
    learner.groups.add(group)
    assert hits(get(client, "aveux")) == ["La prohibition"]
    PageViewRestriction.objects.create(
        page=course, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    assert hits(get(client, "aveux")) == []


def test_the_search_needs_a_signed_in_person(client):
    response = client.get(URL, {"q": "torture"})
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


HOSTILE = [
    "%",
    "'",
    '"',
    "''",
    '"torture',
    "tortur*",
    "*",
    ":",
    "a:*",
    "torture:A",
    "&",
    "|",
    "!",
    "!torture",
    "(",
    ")",
    "(torture",
    "torture & !garde",
    "NEAR(torture garde)",
    "torture AND",
    "OR",
    "-",
    "^torture",
    "\\",
    "torture\\",
    "'; DROP TABLE wagtailcore_page; --",
    "<script>alert(1)</script>",
    "é" * 300,
    "torture " * 100,
    "a " * 500,
    "😀 torture",
    "\u200b",
    "_",
    "\t\n",
]


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_queries_answer_200(client, learner, query):
    course, _lesson = course_with_lesson(text=TORTURE)
    services.enrollment_create(learner=learner, course=course)
    html = get(client, query)
    assert "<script>alert(1)</script>" not in html
    value = re.search(r'<input type="search" id="q" name="q" value="([^"]*)"', html).group(1)
    assert len(value) <= search.MAX_QUERY_LENGTH


@pytest.mark.parametrize("number", ["abc", "-1", "0", "99999", "1.5", "%00", "2" * 50])
def test_hostile_page_numbers_answer_200(client, learner, number):
    course_build(title="Formation commune", modules=1, lessons=2)
    assert hits(get(client, "commune", page=number)) == ["Formation commune"]


def test_a_null_character_is_refused_with_a_400(client, learner):
    assert client.get(URL, {"q": "tor\x00ture"}).status_code == 400


def test_a_query_is_cut_at_200_characters():
    words = search.query_terms("torture " + "x" * 500)
    assert words == ["torture", "x" * 192] and len(search.query_terms(" ".join(["mot"] * 50))) == 1
    assert search.query_terms("un deux trois quatre cinq six sept huit neuf dix") == [
        "un",
        "deux",
        "trois",
        "quatre",
        "cinq",
        "six",
        "sept",
        "huit",
    ]


def test_the_query_count_does_not_grow_with_the_results(
    client, learner, django_assert_max_num_queries
):
    """Session, user, scope, the two searches, the pages of the results and their ancestors:
    one more only for each other kind of page shown (at most four kinds)."""
    small = course_build(title="Petite formation", modules=1, lessons=2)
    services.enrollment_create(learner=learner, course=small)
    client.get(URL, {"q": "droit"})  # warm per-process caches (content types, site root paths)
    with django_assert_max_num_queries(10) as captured:
        html = get(client, "droit")
    small_count = len(captured.captured_queries)
    assert len(hits(html)) == 2
    big = course_build(title="Grande formation", modules=5, lessons=6)
    services.enrollment_create(learner=learner, course=big)
    quiz_make(big, title="Droit : quiz final")
    big_counts, kinds = [], set()
    for number in (1, 2, 3, 4):
        with django_assert_max_num_queries(10) as captured:
            html = get(client, "droit", page=number)
        big_counts.append(len(captured.captured_queries))
        kinds |= set(re.findall(r'<span class="badge">(\w+)</span>', html))
        assert "33 résultats" in html and len(hits(html)) == (3 if number == 4 else 10)
    assert kinds == {"Leçon", "Quiz"}
    print("search page queries:", small_count, "for 2 results,", big_counts, "for 33")
    assert max(big_counts) <= small_count + 1
