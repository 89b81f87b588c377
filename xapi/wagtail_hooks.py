from wagtail import hooks

from .admin_views import OutboxViewSet


@hooks.register("register_admin_viewset")
def register_outbox_viewset():
    return OutboxViewSet()
