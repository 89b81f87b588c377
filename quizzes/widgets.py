import json

from django import forms


class ReviewPartsWidget(forms.CheckboxSelectMultiple):
    """Checkboxes for a JSONField holding a list of review parts."""

    def __init__(self, attrs=None, choices=()):
        from .models import REVIEW_PARTS

        super().__init__(attrs, choices=choices or REVIEW_PARTS)

    def value_from_datadict(self, data, files, name):
        # The form field is a JSONField, which reads JSON text: a bare list made the page
        # editor crash (TypeError, a 500) when it showed the form again after an error.
        return json.dumps(super().value_from_datadict(data, files, name))

    def format_value(self, value):
        if isinstance(value, str):
            try:
                value = json.loads(value)
            except ValueError:
                value = []
        return [str(v) for v in (value or [])]
