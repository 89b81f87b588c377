"""Wagtail's image chooser, safe to render again after a hostile post.

Wagtail 8's BaseChooser.get_instance looks the posted value up as a primary key and catches
only DoesNotExist: a form posted with a signature of "abc" is refused by the form field, then
re-rendering the refused value raises ValueError, a 500. Here an unusable value shows as no
image, and the form's own error says what is wrong."""

from wagtail.images.widgets import AdminImageChooser


class ImageChooser(AdminImageChooser):
    def get_instance(self, value):
        try:
            return super().get_instance(value)
        except (ValueError, TypeError):
            return None
