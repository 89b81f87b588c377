"""Certificate links on the pages of other apps: courses shows a completed course's
certificate through these tags, without importing certificates."""

from django import template
from django.urls import reverse

from ..models import Certificate
from ..selectors import issued_certificate

register = template.Library()


@register.simple_tag
def learner_certificates(user) -> dict[int, Certificate]:
    """The user's valid certificates by course id, in one query whatever the number of
    courses on the page. A revoked certificate is not offered; one still being issued (no
    serial yet) has no page to link to."""
    if not getattr(user, "is_authenticated", False):
        return {}
    return {
        certificate.course_id: certificate
        for certificate in Certificate.objects.valid()
        .filter(learner=user, serial__isnull=False)
        .only("id", "course_id", "serial")
    }


@register.filter
def certificate_for(certificates: dict[int, Certificate], course) -> Certificate | None:
    return certificates.get(course.pk) if certificates else None


@register.inclusion_tag("certificates/includes/course_certificate.html")
def course_certificate_link(certificates: dict[int, Certificate], course) -> dict:
    """« Mon attestation » for a completed course, or a word that it is on its way (it is
    issued by a background task a moment after the completion)."""
    return {"certificate": certificate_for(certificates, course), "course": course}


@register.inclusion_tag("certificates/includes/completion_certificate.html", takes_context=True)
def course_completion_certificate(context, course) -> dict:
    """The completion page's certificate block: the PDF and the public verification page once
    the certificate is issued; before that, a word that it is being made, a refresh link, and
    the address that static/js/certificate-wait.js asks until it is ready."""
    request = context["request"]
    return {
        "certificate": issued_certificate(learner=request.user, course_id=course.pk),
        "course": course,
        "status_url": reverse("certificates:status", args=[course.pk]),
        "refresh_url": request.path,
    }
