"""/documents/<id>/<name> follows the rule of the lessons that offer the document."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents.models import Document

from accounts import roles
from accounts.tests.factories import LearnerFactory, UserFactory
from courses import services
from courses.models import LessonResource
from courses.tests.factories import course_build, lessons_of

pytestmark = pytest.mark.django_db

CONTENT = b"%PDF-1.4 guide de la garde a vue"


@pytest.fixture
def document_make(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)

    def make(title="Guide de la garde à vue"):
        return Document.objects.create(
            title=title, file=SimpleUploadedFile("guide.pdf", CONTENT, "application/pdf")
        )

    return make


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_anonymous_visitors_are_sent_to_sign_in(client, document_make):
    document = document_make()
    lesson = lessons_of(course_build(modules=1, lessons=1))[0]
    LessonResource.objects.create(lesson=lesson, document=document)
    response = client.get(document.url)
    assert response.status_code == 302
    assert response["Location"].startswith("/connexion/")
    assert CONTENT not in body(response)


def test_a_resource_is_served_to_enrolled_learners_only(client, document_make):
    document = document_make()
    course = course_build(modules=1, lessons=1, sequential=False)
    LessonResource.objects.create(lesson=lessons_of(course)[0], document=document)
    other_course = course_build(title="Autre formation", modules=1, lessons=1)
    enrolled, elsewhere, nowhere = LearnerFactory(), LearnerFactory(), LearnerFactory()
    services.enrollment_create(learner=enrolled, course=course)
    services.enrollment_create(learner=elsewhere, course=other_course)

    client.force_login(enrolled)
    response = client.get(document.url)
    assert response.status_code == 200 and body(response) == CONTENT
    for intruder in (elsewhere, nowhere):
        client.force_login(intruder)
        response = client.get(document.url)
        assert response.status_code == 404
        assert CONTENT not in body(response)


def test_a_document_in_a_lesson_body_is_served_to_enrolled_learners(client, document_make):
    document = document_make()
    course = course_build(modules=1, lessons=1)
    lesson = lessons_of(course)[0]
    lesson.body = [("document", {"document": document, "title": "", "description": ""})]
    lesson.save_revision().publish()
    learner, intruder = LearnerFactory(), LearnerFactory()
    services.enrollment_create(learner=learner, course=course)
    client.force_login(learner)
    assert client.get(document.url).status_code == 200
    client.force_login(intruder)
    assert client.get(document.url).status_code == 404


def test_a_document_of_an_unpublished_lesson_or_of_none_is_for_the_admin_only(
    client, document_make
):
    document = document_make()
    course = course_build(modules=1, lessons=1)
    lesson = lessons_of(course)[0]
    LessonResource.objects.create(lesson=lesson, document=document)
    learner = LearnerFactory()
    services.enrollment_create(learner=learner, course=course)
    lesson.unpublish()
    client.force_login(learner)
    assert client.get(document.url).status_code == 404
    client.force_login(UserFactory(role=roles.EDITORS))
    assert client.get(document.url).status_code == 200
    client.force_login(UserFactory(is_superuser=True))
    assert client.get(document_make("Brouillon").url).status_code == 200
