import json

from django import forms


class ReviewPartsWidget(forms.CheckboxSelectMultiple):
    """Checkboxes for a JSONField holding a list of review parts."""

    def __init__(self, attrs=None, choices=()):
        from .models import REVIEW_PARTS

        super().__init__(attrs, choices=choices or REVIEW_PARTS)

    def format_value(self, value):
        if isinstance(value, str):
            try:
                value = json.loads(value)
            except ValueError:
                value = []
        return [str(v) for v in (value or [])]
