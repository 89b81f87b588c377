"""Listens to accounts: a learner created in a unit, or moved to another one, gets that unit's
assignments at once (learners imported in bulk are picked up by the periodic task)."""

from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in
from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver

from . import selectors, services

SUPERVISOR_SESSION_KEY = "kalan_supervisor"


@receiver(post_save, sender=get_user_model(), dispatch_uid="tracking_user_saved")
def user_saved(sender, instance, created, update_fields=None, raw=False, **kwargs):
    if raw or instance.unit_id is None:
        return
    if update_fields is not None and "unit" not in update_fields:
        return  # e.g. last_login at sign-in: no unit change, no work
    transaction.on_commit(lambda: services.assignments_apply_for_learner(learner=instance))


@receiver(user_logged_in, dispatch_uid="tracking_supervisor_flag")
def remember_supervisor(sender, request, user, **kwargs):
    # The navigation shows "Suivi" from the session, so that no page pays a query for it.
    request.session[SUPERVISOR_SESSION_KEY] = selectors.user_is_supervisor(user)
