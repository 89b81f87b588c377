from wagtail import hooks

from .units_admin import UnitViewSet


@hooks.register("register_admin_viewset")
def register_units():
    return UnitViewSet()
