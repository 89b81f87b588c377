from django.contrib import admin
from treebeard.admin import TreeAdmin
from treebeard.forms import movenodeform_factory

from .models import Unit


@admin.register(Unit)
class UnitAdmin(TreeAdmin):
    """The unit tree, edited with drag and drop (treebeard)."""

    form = movenodeform_factory(Unit)
    search_fields = ("name",)
