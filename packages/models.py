"""Where a page of the site came from: the package that holds it and its key in that package.

A second import of the same package finds its pages here and updates them in place (same
page ids, so learners' progress stays); the export writes these keys back. A page exported
before it ever had a key gets one at its first export, so that its key no longer follows its
slug.

The model also carries the two permissions of the admin's package pages (packages/jobs.py):
editors and administrators hold them, reviewers do not (they approve, they do not bring
whole courses in or out)."""

from django.db import models
from wagtail.models import Page

COURSE_KEY = "course"


class PageSource(models.Model):
    page = models.OneToOneField(Page, on_delete=models.CASCADE, related_name="package_source")
    package_id = models.CharField(max_length=100)
    key = models.CharField(max_length=200)

    class Meta:
        permissions = [
            ("import_course", "Importer une formation depuis un paquet"),
            ("export_course", "Exporter une formation en paquet"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["package_id", "key"], name="packages_source_unique")
        ]

    def __str__(self):
        return f"{self.package_id}:{self.key}"
