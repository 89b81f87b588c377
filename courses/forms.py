"""Admin forms of the course content."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from wagtail.documents.forms import BaseDocumentForm


class DocumentForm(BaseDocumentForm):
    """Wagtail checks a document's extension (WAGTAILDOCS_EXTENSIONS) but not its size: a
    lesson's resources are downloaded on costly mobile data, so they are capped."""

    def clean_file(self):
        file = self.cleaned_data.get("file")
        limit = settings.KALAN_UPLOAD_MAX_SIZE
        if file is not None and getattr(file, "size", 0) > limit:
            raise ValidationError(
                _("Ce fichier pèse %(size)s ; la limite est de %(limit)s.")
                % {"size": filesizeformat(file.size), "limit": filesizeformat(limit)}
            )
        return file
