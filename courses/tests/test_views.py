import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.tests.factories import LearnerFactory
from courses import services
from courses.models import Enrollment, LessonCompletion, LessonPage, ModulePage
from courses.tests.factories import course_build, lesson_body, lessons_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def learner(client):
    user = LearnerFactory()
    client.force_login(user)
    return user


def test_course_page_shows_outline_and_enrol_button(client, learner):
    course = course_build(modules=2, lessons=2)
    html = client.get(course.url).content.decode()
    assert "S’inscrire à cette formation" in html
    assert "Leçon 2.2" in html
    response = client.post(reverse("courses:enroll", args=[course.pk]))
    assert response.status_code == 302
    assert Enrollment.objects.filter(learner=learner, course=course).exists()
    html = client.get(course.url).content.decode()
    assert "Commencer" in html


def test_lesson_requires_sign_in_and_enrolment(client):
    course = course_build()
    lesson = lessons_of(course)[0]
    response = client.get(lesson.url)
    assert response.status_code == 302 and "/connexion/" in response.url
    client.force_login(LearnerFactory())
    response = client.get(lesson.url)
    assert response.status_code == 302 and response.url == course.url


def test_lesson_page_renders_and_mark_done_moves_progress(client, learner):
    course = course_build(modules=2, lessons=2)
    services.enrollment_create(learner=learner, course=course)
    lessons = lessons_of(course)
    html = client.get(lessons[0].url).content.decode()
    assert "J’ai terminé cette leçon" in html
    assert "À retenir" in html
    assert 'rel="next"' in html
    response = client.post(reverse("courses:lesson_complete", args=[lessons[0].pk]))
    assert response.status_code == 302
    assert response.url == lessons[1].url
    assert Enrollment.objects.get(learner=learner).progress_percent == 25
    # Posting again changes nothing.
    client.post(reverse("courses:lesson_complete", args=[lessons[0].pk]))
    assert LessonCompletion.objects.filter(learner=learner).count() == 1


def test_locked_lesson_shows_an_explanation_not_its_content(client, learner):
    course = course_build(modules=2, lessons=1, sequential=True)
    services.enrollment_create(learner=learner, course=course)
    locked = lessons_of(course)[1]
    response = client.get(locked.url)
    assert response.status_code == 403
    html = response.content.decode()
    assert "Leçon verrouillée" in html
    assert "Premier point" not in html  # the body is not sent
    response = client.post(reverse("courses:lesson_complete", args=[locked.pk]))
    assert response.status_code == 302
    assert not LessonCompletion.objects.exists()


def test_completion_post_needs_csrf(learner):
    from django.test import Client

    course = course_build()
    services.enrollment_create(learner=learner, course=course)
    csrf_client = Client(enforce_csrf_checks=True)
    csrf_client.force_login(learner)
    response = csrf_client.post(reverse("courses:lesson_complete", args=[lessons_of(course)[0].pk]))
    assert response.status_code == 403
    assert not LessonCompletion.objects.exists()


def test_unknown_lesson_is_404(client, learner):
    assert client.post(reverse("courses:lesson_complete", args=[999999])).status_code == 404


def test_mes_formations_lists_progress_and_resume_link(client, learner):
    course = course_build(title="Formation A", modules=1, lessons=2)
    other = course_build(title="Formation B")
    services.enrollment_create(learner=learner, course=course)
    lessons = lessons_of(course)
    services.lesson_complete(learner=learner, lesson=lessons[0])
    html = client.get("/").content.decode()
    assert "Formation A" in html and "50 % terminé" in html
    assert f'href="{lessons[1].url}"' in html and "Reprendre" in html
    assert other.title in html  # available


def test_another_learner_progress_is_not_shown(client, learner):
    course = course_build(title="Formation A", modules=1, lessons=2)
    someone = LearnerFactory()
    services.enrollment_create(learner=someone, course=course)
    services.lesson_complete(learner=someone, lesson=lessons_of(course)[0])
    html = client.get("/").content.decode()
    assert "50 % terminé" not in html
    assert "S’inscrire" in client.get(course.url).content.decode()


def test_search_finds_lessons(client, learner):
    course_build(title="Garde à vue et droits")
    response = client.get(reverse("courses:search"), {"q": "garde"})
    assert response.status_code == 200
    assert "<mark>Garde</mark> à vue et droits" in response.content.decode()


def _count_queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def test_lesson_page_query_budget_is_constant(client, learner):
    small = course_build(title="Petite", modules=1, lessons=3)
    big = course_build(title="Grande", modules=6, lessons=10)
    counts = []
    for course in (small, big):
        services.enrollment_create(learner=learner, course=course)
        lesson = lessons_of(course)[0]
        client.get(lesson.url)  # warm per-process caches (content types, site root paths)
        counts.append(_count_queries(client, lesson.url))
    assert counts[0] == counts[1]
    print("lesson page queries:", counts)
    assert counts[0] <= 10, counts


def test_mes_formations_query_count_is_constant(client, learner):
    course = course_build(title="Une")
    services.enrollment_create(learner=learner, course=course)
    client.get("/")
    one = _count_queries(client, "/")
    for n in range(4):
        services.enrollment_create(learner=learner, course=course_build(title=f"Autre {n}"))
    client.get("/")  # the new courses gave the content a new version: the open courses are read
    assert _count_queries(client, "/") == one


def test_mes_formations_reads_the_outlines_from_the_cache_and_follows_a_completion(client, learner):
    course = course_build(title="Une", modules=1, lessons=3)
    other = course_build(title="Deux", modules=1, lessons=1)
    for each in (course, other):
        services.enrollment_create(learner=learner, course=each)
    first, second, _third = lessons_of(course)
    assert f'href="{first.url}"' in client.get("/").content.decode()
    # The person, the enrolments, the roles: the outlines of both courses from the cache.
    assert _count_queries(client, "/") == 3
    services.lesson_complete(learner=learner, lesson=first)
    html = client.get("/").content.decode()
    assert f'href="{second.url}"' in html and f'href="{first.url}"' not in html
    assert _count_queries(client, "/") == 3


def test_editor_previews_a_draft_lesson():
    from accounts import roles
    from accounts.tests.factories import UserFactory

    services.course_tree_setup()
    course = course_build(modules=1, lessons=1)
    lesson = lessons_of(course)[0]
    editor = UserFactory(role=roles.EDITORS)
    from django.test import RequestFactory

    request = RequestFactory().get("/")
    request.user = editor
    response = lesson.make_preview_request(original_request=request)
    assert response.status_code == 200
    html = response.render().content.decode()
    assert "Aperçu" in html and "Premier point" in html and lesson.title in html
    assert "J’ai terminé cette leçon" not in html


def test_lesson_with_images_and_glossary_terms_stays_within_budget(
    client, learner, tmp_path, settings
):
    from io import BytesIO

    from django.core.files.images import ImageFile
    from PIL import Image as PILImage
    from wagtail.images.models import Image

    from courses.models import GlossaryTerm

    settings.MEDIA_ROOT = str(tmp_path)
    images = []
    for n in range(3):
        buffer = BytesIO()
        PILImage.new("RGB", (800, 450), "#0b6b3a").save(buffer, "JPEG")
        images.append(
            Image.objects.create(title=f"Photo {n}", file=ImageFile(buffer, name=f"p{n}.jpg"))
        )
    terms = [GlossaryTerm.objects.create(term=f"Terme {n}", definition="Déf.") for n in range(3)]
    course = course_build(modules=1, lessons=1)
    services.enrollment_create(learner=learner, course=course)
    lesson = lessons_of(course)[0]
    lesson.body = [
        ("image", {"image": image, "alt_text": "", "caption": "", "credit": ""}) for image in images
    ] + [("glossary_term", term) for term in terms]
    lesson.save_revision().publish()
    client.get(lesson.url)  # renditions are created on the first view
    count = _count_queries(client, lesson.url)
    print("lesson page queries with 3 images and 3 glossary terms:", count)
    assert count <= 10


def test_view_restrictions_still_apply_to_lessons(client, learner):
    from django.contrib.auth.models import Group
    from wagtail.models import PageViewRestriction

    course = course_build(modules=1, lessons=1)
    services.enrollment_create(learner=learner, course=course)
    lesson = lessons_of(course)[0]
    assert client.get(lesson.url).status_code == 200
    restriction = PageViewRestriction.objects.create(
        page=course, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.get_or_create(name="Superviseurs")[0])
    response = client.get(lesson.url)
    assert response.status_code == 302 and "login" in response.url.lower()
    restriction.delete()
    assert client.get(lesson.url).status_code == 200


def test_lesson_resources_are_listed(client, learner, tmp_path, settings):
    from django.core.files.base import ContentFile
    from wagtail.documents.models import Document

    from courses.models import LessonResource

    settings.MEDIA_ROOT = str(tmp_path)
    document = Document.objects.create(title="Fiche", file=ContentFile(b"%PDF", name="fiche.pdf"))
    course = course_build(modules=1, lessons=1)
    services.enrollment_create(learner=learner, course=course)
    lesson = lessons_of(course)[0]
    assert not lesson.has_resources
    lesson.resources.add(LessonResource(document=document, title="Fiche réflexe"))
    lesson.save()
    assert lesson.has_resources
    html = client.get(lesson.url).content.decode()
    assert "Ressources à télécharger" in html and "Fiche réflexe" in html


def _complete_course(learner, course) -> Enrollment:
    services.enrollment_create(learner=learner, course=course)
    for lesson in lessons_of(course):
        services.lesson_complete(learner=learner, lesson=lesson)
    enrollment = Enrollment.objects.get(learner=learner, course=course)
    assert enrollment.status == Enrollment.Status.COMPLETED
    return enrollment


def _publish_lesson(module, title: str) -> LessonPage:
    lesson = module.add_child(instance=LessonPage(title=title, body=lesson_body(), live=False))
    lesson.save_revision().publish()
    return lesson


def test_a_completed_course_stays_open_when_a_lesson_is_published_later(client, learner):
    """Issue 16, point 5: a new lesson in module 1 used to lock modules 2 to 4 again for a
    learner who had finished the course."""
    course = course_build(modules=4, lessons=1, sequential=True)
    enrollment = _complete_course(learner, course)
    first_module = ModulePage.objects.child_of(course).order_by("path").first()
    new_lesson = _publish_lesson(first_module, "Leçon ajoutée après coup")

    html = client.get(course.url).content.decode()
    assert "icon--lock" not in html and "Verrouillé" not in html and "verrouillée" not in html
    for lesson in lessons_of(course):
        assert f'href="{lesson.url}"' in html
    # The new lesson alone is flagged, right after its title.
    assert html.count("badge--new") == 1
    after_title = html.split("Leçon ajoutée après coup", 1)[1]
    assert after_title.startswith('</a> <span class="badge badge--new">Nouveau</span>')
    # Every lesson, later modules included, still opens.
    assert client.get(lessons_of(course)[-1].url).status_code == 200
    assert client.get(new_lesson.url).status_code == 200

    enrollment.refresh_from_db()
    assert enrollment.status == Enrollment.Status.COMPLETED
    assert enrollment.progress_percent == 100
    # Reading a new lesson later, while another is still unread, neither takes the
    # completion back nor lowers the progress.
    _publish_lesson(first_module, "Une autre leçon ajoutée")
    completed_at = enrollment.completed_at
    response = client.post(reverse("courses:lesson_complete", args=[new_lesson.pk]))
    assert response.status_code == 302
    enrollment.refresh_from_db()
    assert enrollment.status == Enrollment.Status.COMPLETED
    assert enrollment.completed_at == completed_at and enrollment.progress_percent == 100
    html = client.get("/").content.decode()
    assert "Terminée le" in html


def test_an_unfinished_course_still_locks_its_later_modules(client, learner):
    course = course_build(modules=2, lessons=1, sequential=True)
    services.enrollment_create(learner=learner, course=course)
    html = client.get(course.url).content.decode()
    assert "icon--lock" in html and "badge--new" not in html


def test_the_lock_is_an_svg_with_a_text_label_not_an_emoji(client, learner):
    """Issue 16, point 9: 🔒 is an empty box on phones without an emoji font."""
    course = course_build(modules=2, lessons=1, sequential=True)
    services.enrollment_create(learner=learner, course=course)
    html = client.get(course.url).content.decode()
    assert "🔒" not in html
    locked_item = html.split("Leçon 2.1", 1)[0].rsplit('<li class="outline__item', 1)[1]
    assert '<svg class="icon icon--lock"' in locked_item
    assert 'aria-hidden="true"' in locked_item
    assert "(verrouillée)" in html.split("Leçon 2.1", 1)[1].split("</li>", 1)[0]
    # No emoji or dingbat used as an icon anywhere in the course's pages.
    for url in (course.url, lessons_of(course)[0].url, "/"):
        page = client.get(url).content.decode()
        assert not any(ch in page for ch in "🔒✓✗○✔✅❌"), url


def test_courses_to_start_have_their_own_group_sorted_by_due_date(client, learner):
    """Issue 16, point 10: assigned courses not started were mixed into « En cours », in
    order of activity rather than of due date."""
    from datetime import date

    undated = course_build(title="Sans échéance", modules=1, lessons=1)
    later = course_build(title="Échéance lointaine", modules=1, lessons=1)
    soon = course_build(title="Échéance proche", modules=1, lessons=1)
    started = course_build(title="Déjà commencée", modules=1, lessons=2)
    services.enrollment_create(learner=learner, course=undated)
    services.enrollment_create(learner=learner, course=later, due_date=date(2099, 6, 1))
    services.enrollment_create(learner=learner, course=soon, due_date=date(2099, 1, 15))
    services.enrollment_create(learner=learner, course=started, due_date=date(2099, 1, 1))
    services.lesson_complete(learner=learner, lesson=lessons_of(started)[0])

    html = client.get("/").content.decode()
    to_start = html.split('id="to-start"', 1)[1].split("</section>", 1)[0]
    in_progress = html.split('id="in-progress"', 1)[1].split("</section>", 1)[0]
    assert ">À commencer<" in html
    positions = [to_start.index(c.title) for c in (soon, later, undated)]
    assert positions == sorted(positions)
    assert started.title not in to_start and started.title in in_progress
    assert all(c.title not in in_progress for c in (soon, later, undated))


def test_only_to_start_courses_show_no_empty_in_progress_message(client, learner):
    course = course_build(title="Attribuée", modules=1, lessons=1)
    services.enrollment_create(learner=learner, course=course)
    html = client.get("/").content.decode()
    assert 'id="to-start"' in html and "Aucune formation en cours" not in html


def test_due_date_is_hidden_once_the_course_is_completed(client, learner):
    from datetime import date

    course = course_build(modules=1, lessons=1)
    services.enrollment_create(learner=learner, course=course, due_date=date(2099, 3, 1))
    assert "À terminer avant le" in client.get(course.url).content.decode()
    services.lesson_complete(learner=learner, lesson=lessons_of(course)[0])
    html = client.get(course.url).content.decode()
    assert "Formation terminée" in html and "À terminer avant le" not in html


def test_enrolment_message_is_gender_neutral(client, learner):
    course = course_build(title="Garde à vue", modules=1, lessons=1)
    response = client.post(reverse("courses:enroll", args=[course.pk]), follow=True)
    html = response.content.decode()
    assert "Vous suivez désormais « Garde à vue »." in html
    assert "inscrit" not in html.lower().replace("inscrire", "").replace("inscription", "")


@pytest.mark.parametrize(
    ("who", "shown"),
    [("learner", False), ("editor", True), ("reviewer", True), ("given directly", True)],
)
def test_my_courses_offers_the_editorial_space_to_those_who_may_open_it(
    client, role_groups, who, shown
):
    from django.contrib.auth.models import Permission

    from accounts import roles
    from accounts.tests.factories import UserFactory

    person = {
        "learner": lambda: LearnerFactory(),
        "editor": lambda: UserFactory(role=roles.EDITORS),
        "reviewer": lambda: UserFactory(role=roles.REVIEWERS),
        "given directly": lambda: LearnerFactory(),
    }[who]()
    if who == "given directly":
        person.user_permissions.add(
            Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
        )
    client.force_login(person)
    html = client.get(reverse("home")).content.decode()
    assert ("Ouvrir l’espace éditorial" in html) is shown
    assert (f'href="{reverse("wagtailadmin_home")}"' in html) is shown
