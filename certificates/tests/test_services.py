import io

import pytest
from pypdf import PdfReader

from certificates import services
from certificates.models import Certificate, verification_code_normalise
from certificates.tests.factories import completed_enrollment

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)


def test_completion_queues_the_certificate_on_commit(settings, django_capture_on_commit_callbacks):
    settings.CELERY_TASK_ALWAYS_EAGER = True
    with django_capture_on_commit_callbacks(execute=True):
        enrollment = completed_enrollment()
    certificate = Certificate.objects.get(learner=enrollment.learner, course=enrollment.course)
    assert certificate.serial.startswith("CNDH-") and certificate.pdf_sha256


def test_issue_twice_makes_one_certificate():
    enrollment = completed_enrollment()
    first = services.certificate_issue(
        learner_id=enrollment.learner_id, course_id=enrollment.course_id
    )
    second = services.certificate_issue(
        learner_id=enrollment.learner_id, course_id=enrollment.course_id
    )
    assert first.pk == second.pk and Certificate.objects.count() == 1
    assert first.pdf.name == second.pdf.name


def test_pdf_shows_name_course_code_and_is_landscape():
    enrollment = completed_enrollment()
    certificate = services.certificate_issue(
        learner_id=enrollment.learner_id, course_id=enrollment.course_id
    )
    reader = PdfReader(io.BytesIO(certificate.pdf.read()))
    page = reader.pages[0]
    assert page.mediabox.width > page.mediabox.height
    text = " ".join(page.extract_text().split())
    assert "Awa Touré" in text and "Formation certifiante" in text
    assert certificate.code_display in text and certificate.serial in text


def test_pdf_is_rendered_once_in_bounded_queries(monkeypatch, django_assert_max_num_queries):
    """A current PDF is never rendered again; a forced render is one render in a few queries
    whatever the template does. How long a render takes is measured by
    bench/certificate_pdf.py, not asserted here."""
    from certificates import pdf

    enrollment = completed_enrollment()
    certificate = services.certificate_issue(
        learner_id=enrollment.learner_id, course_id=enrollment.course_id
    )
    renders = []
    real_render = pdf.certificate_pdf_render

    def counting_render(**kwargs):
        renders.append(kwargs["certificate"].pk)
        return real_render(**kwargs)

    monkeypatch.setattr(pdf, "certificate_pdf_render", counting_render)
    with django_assert_max_num_queries(0):
        services.certificate_pdf_ensure(certificate=certificate)
    assert renders == []
    with django_assert_max_num_queries(6):
        rendered = services.certificate_pdf_ensure(certificate=certificate, force=True)
    assert renders == [certificate.pk]
    assert rendered.pdf.storage.exists(rendered.pdf.name) and rendered.pdf_sha256


def test_missing_pdf_is_rendered_again_with_the_same_certificate():
    enrollment = completed_enrollment()
    certificate = services.certificate_issue(
        learner_id=enrollment.learner_id, course_id=enrollment.course_id
    )
    certificate.pdf.storage.delete(certificate.pdf.name)
    again = services.certificate_issue(
        learner_id=enrollment.learner_id, course_id=enrollment.course_id
    )
    assert again.pk == certificate.pk and again.pdf.storage.exists(again.pdf.name)


def test_not_completed_is_refused():
    from accounts.tests.factories import LearnerFactory
    from courses.tests.factories import course_build

    course = course_build(modules=1, lessons=2)
    with pytest.raises(services.CertificateError):
        services.certificate_issue(learner_id=LearnerFactory().pk, course_id=course.pk)


def test_revocation_then_reissue_makes_a_new_valid_certificate():
    enrollment = completed_enrollment()
    certificate = services.certificate_issue(
        learner_id=enrollment.learner_id, course_id=enrollment.course_id
    )
    with pytest.raises(services.CertificateError):
        services.certificate_revoke(certificate=certificate, reason="  ")
    services.certificate_revoke(certificate=certificate, reason="Erreur d’identité")
    new = services.certificate_issue(
        learner_id=enrollment.learner_id, course_id=enrollment.course_id, reissue=True
    )
    assert new.pk != certificate.pk
    assert Certificate.objects.valid().count() == 1


def test_a_revoked_certificate_stays_revoked_for_the_task_and_the_sweep(settings):
    from datetime import timedelta

    from django.utils import timezone

    from certificates import tasks
    from courses.models import Enrollment

    enrollment = completed_enrollment()
    certificate = services.certificate_issue(
        learner_id=enrollment.learner_id, course_id=enrollment.course_id
    )
    services.certificate_revoke(certificate=certificate, reason="Fraude à l’examen")
    Enrollment.objects.filter(pk=enrollment.pk).update(
        completed_at=timezone.now() - timedelta(hours=1)
    )
    with pytest.raises(services.CertificateError, match="révoquée"):
        services.certificate_issue(learner_id=enrollment.learner_id, course_id=enrollment.course_id)
    settings.CELERY_TASK_ALWAYS_EAGER = True
    # A late retry of the completion's task, then the sweep ten minutes on: nothing new.
    assert tasks.certificate_issue.delay(enrollment.learner_id, enrollment.course_id).get() is None
    assert tasks.certificates_sweep.delay().get() == 0
    assert list(Certificate.objects.values_list("pk", flat=True)) == [certificate.pk]


def _pdf_text(certificate) -> str:
    with certificate.pdf.open("rb") as handle:
        return "".join(page.extract_text() for page in PdfReader(io.BytesIO(handle.read())).pages)


def test_reissue_renders_a_valid_certificate_again_and_replaces_a_revoked_one():
    """The decision behind the admin's « Réémettre »: same certificate and a new PDF while it
    is valid; once revoked, a new certificate (new number), and that one again afterwards."""
    enrollment = completed_enrollment()
    certificate = services.certificate_issue(
        learner_id=enrollment.learner_id, course_id=enrollment.course_id
    )
    # A signatory set after the first PDF: the reissued PDF is signed by them.
    from wagtail.models import Site

    from certificates.models import CertificateBranding

    branding = CertificateBranding.for_site(Site.objects.get(is_default_site=True))
    branding.signatory_name = "Djénéba Samaké"
    branding.save()
    assert "Samaké" not in _pdf_text(certificate)
    again = services.certificate_reissue(certificate=certificate)
    assert again.pk == certificate.pk and again.serial == certificate.serial
    assert "Samaké" in _pdf_text(again)
    services.certificate_revoke(certificate=certificate, reason="Erreur d’identité")
    certificate.refresh_from_db()
    new = services.certificate_reissue(certificate=certificate)
    assert new.pk != certificate.pk and new.is_valid and new.serial != certificate.serial
    # Reissuing the revoked one twice does not make a third: the valid one is returned.
    assert services.certificate_reissue(certificate=certificate).pk == new.pk
    assert Certificate.objects.count() == 2 and Certificate.objects.valid().count() == 1


def test_reissue_is_refused_when_the_course_is_no_longer_completed():
    enrollment = completed_enrollment()
    certificate = services.certificate_issue(
        learner_id=enrollment.learner_id, course_id=enrollment.course_id
    )
    services.certificate_revoke(certificate=certificate, reason="Formation à refaire")
    type(enrollment).objects.filter(pk=enrollment.pk).update(status="in_progress")
    certificate.refresh_from_db()
    with pytest.raises(services.CertificateError):
        services.certificate_reissue(certificate=certificate)
    assert not Certificate.objects.valid().exists()


def test_sweep_requeues_completed_enrollments_without_certificate(settings):
    from datetime import timedelta

    from django.utils import timezone

    from certificates.tasks import certificates_sweep
    from courses.models import Enrollment

    enrollment = completed_enrollment()
    Enrollment.objects.filter(pk=enrollment.pk).update(
        completed_at=timezone.now() - timedelta(hours=1)
    )
    assert not Certificate.objects.exists()  # the message was "lost"
    settings.CELERY_TASK_ALWAYS_EAGER = True
    assert certificates_sweep.delay().get() == 1
    assert Certificate.objects.count() == 1
    assert certificates_sweep.delay().get() == 0


def test_codes_are_typable():
    certificate_code = Certificate._meta.get_field("code").default()
    assert len(certificate_code) == 20
    assert not set(certificate_code) & set("ILOU")
    assert verification_code_normalise("abcd-efgh o1l") == "ABCDEFGH011"
    # Other scripts' digits and full-width letters are not a code's characters.
    assert verification_code_normalise("\u0661\u0662\uff21\uff22-cd\x00") == "CD"


def test_learner_with_an_email_is_told_once():
    from django.core import mail

    from accounts.tests.factories import LearnerFactory

    learner = LearnerFactory(full_name="Awa Touré", email="awa@example.ml")
    enrollment = completed_enrollment(learner=learner)
    services.certificate_issue(learner_id=learner.pk, course_id=enrollment.course_id)
    services.certificate_issue(learner_id=learner.pk, course_id=enrollment.course_id)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert "Formation certifiante" in message.subject
    assert message.attachments[0][2] == "application/pdf"
    assert Certificate.objects.get().code_display in message.body


def test_learner_without_email_is_not_emailed():
    from django.core import mail

    enrollment = completed_enrollment()
    services.certificate_issue(learner_id=enrollment.learner_id, course_id=enrollment.course_id)
    assert mail.outbox == []


def test_sweep_finishes_a_certificate_whose_pdf_was_never_stored(settings):
    from datetime import timedelta

    from django.utils import timezone

    from certificates.tasks import certificates_sweep
    from courses.models import Enrollment

    enrollment = completed_enrollment()
    certificate = services.certificate_issue(
        learner_id=enrollment.learner_id, course_id=enrollment.course_id
    )
    # The worker died after creating the row, before storing the PDF.
    Certificate.objects.filter(pk=certificate.pk).update(pdf="", pdf_sha256="")
    Enrollment.objects.filter(pk=enrollment.pk).update(
        completed_at=timezone.now() - timedelta(hours=1)
    )
    settings.CELERY_TASK_ALWAYS_EAGER = True
    assert certificates_sweep.delay().get() == 1
    certificate.refresh_from_db()
    assert certificate.pdf_sha256 and Certificate.objects.count() == 1


def _issued_pdf_text(enrollment):
    certificate = services.certificate_issue(
        learner_id=enrollment.learner_id, course_id=enrollment.course_id
    )
    text = " ".join(PdfReader(io.BytesIO(certificate.pdf.read())).pages[0].extract_text().split())
    return certificate, text


def test_the_certificate_states_the_final_evaluation_grade_the_learner_saw():
    """Issue 16, point 7: 79 % in a module quiz and 85 % at the final evaluation; the
    certificate said « Note finale : 82 % », the mean, which the learner never saw."""
    from certificates.tests.factories import completed_with_grades
    from courses.scores import ScoreBasis

    certificate, text = _issued_pdf_text(completed_with_grades(final=85, module_grades=[79]))
    assert certificate.score_percent == 85
    assert certificate.score_basis == ScoreBasis.FINAL_EVALUATION
    assert certificate.score_text == "Note à l’évaluation finale : 85 %"
    assert "Note à l’évaluation finale : 85 %" in text
    assert "Note finale" not in text and "Moyenne" not in text


def test_without_a_final_evaluation_the_certificate_says_the_figure_is_a_mean():
    from certificates.tests.factories import completed_with_grades
    from courses.scores import ScoreBasis

    certificate, text = _issued_pdf_text(completed_with_grades(module_grades=[79, 85]))
    assert certificate.score_basis == ScoreBasis.QUIZ_MEAN and certificate.score_percent == 82
    assert "Moyenne des quiz : 82 %" in text
    assert "évaluation finale" not in text


def test_without_any_quiz_the_certificate_states_no_score():
    certificate, text = _issued_pdf_text(completed_enrollment())
    assert certificate.score_percent is None and certificate.score_text == ""
    assert "Note" not in text and "Moyenne" not in text and "%" not in text


def test_the_email_states_the_same_score():
    from django.core import mail

    from accounts.tests.factories import LearnerFactory
    from certificates.tests.factories import completed_with_grades

    learner = LearnerFactory(full_name="Awa Touré", email="awa@example.ml")
    enrollment = completed_with_grades(final=85, module_grades=[79], learner=learner)
    services.certificate_issue(learner_id=learner.pk, course_id=enrollment.course_id)
    assert "Note à l’évaluation finale : 85 %" in mail.outbox[0].body
    assert "Moyenne" not in mail.outbox[0].body
