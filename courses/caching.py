"""Shared-cache flags that save a query on every lesson page. In production the cache must be
shared by all processes (CACHE_URL=redis://...), or one process could keep a stale flag."""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import PageViewRestriction

RESTRICTIONS_KEY = "courses:view-restrictions-exist"


def view_restrictions_exist() -> bool:
    """Whether any page view restriction exists at all (usually none: lessons are guarded by
    enrolment). Recomputed after any restriction is saved or deleted."""
    flag = cache.get(RESTRICTIONS_KEY)
    if flag is None:
        flag = PageViewRestriction.objects.exists()
        cache.set(RESTRICTIONS_KEY, flag, timeout=None)
    return flag


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def _restrictions_changed(**kwargs):
    cache.delete(RESTRICTIONS_KEY)
