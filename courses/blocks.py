"""StreamField blocks of a lesson. Each has its own template in templates/blocks/, readable on
a small screen and with no JavaScript."""

from django.core.exceptions import ValidationError
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

RICH_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]
SHORT_FEATURES = ["bold", "italic", "ol", "ul", "link"]


class PrefetchedImageChooserBlock(ImageChooserBlock):
    """Loads every image of a lesson with its renditions in two queries, however many images
    the lesson has (Wagtail's block loads renditions one image at a time)."""

    def bulk_to_python(self, values):
        ids = [value for value in values if value is not None]
        images = self.model_class.objects.prefetch_renditions().in_bulk(ids)
        return [images.get(value) for value in values]


class ImageBlock(blocks.StructBlock):
    image = PrefetchedImageChooserBlock(label=_("image"))
    alt_text = blocks.CharBlock(
        label=_("texte alternatif"),
        required=False,
        help_text=_(
            "Ce que montre l’image, pour qui ne la voit pas. Vide : la description de "
            "l’image est utilisée."
        ),
    )
    caption = blocks.CharBlock(label=_("légende"), required=False)
    credit = blocks.CharBlock(label=_("crédit"), required=False)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "blocks/image.html"


class VideoBlock(blocks.StructBlock):
    """A video link with its transcript. The page never embeds the player: on a costly
    connection the transcript is the lesson, and the video opens only when asked for (which
    also keeps the server from fetching oEmbed data at run time)."""

    url = blocks.URLBlock(
        label=_("adresse de la vidéo"),
        required=False,
        help_text=_("YouTube, Vimeo ou un fichier vidéo. Vide si seule la transcription existe."),
    )
    title = blocks.CharBlock(label=_("titre"))
    duration_minutes = blocks.IntegerBlock(label=_("durée (minutes)"), min_value=0, required=False)
    transcript = blocks.RichTextBlock(
        label=_("transcription"),
        features=SHORT_FEATURES,
        help_text=_("Obligatoire : elle permet de suivre la leçon sans regarder la vidéo."),
    )

    def clean(self, value):
        value = super().clean(value)
        if not strip_tags(value["transcript"].source).strip():
            raise blocks.StructBlockValidationError(
                {"transcript": ValidationError(_("La transcription est obligatoire."))}
            )
        return value

    class Meta:
        icon = "media"
        label = _("Vidéo et transcription")
        template = "blocks/video.html"


class KeyConceptBlock(blocks.StructBlock):
    term = blocks.CharBlock(label=_("notion"))
    definition = blocks.RichTextBlock(label=_("définition"), features=SHORT_FEATURES)

    class Meta:
        icon = "pick"
        label = _("Notion clé")
        template = "blocks/key_concept.html"


class LegalReferenceBlock(blocks.StructBlock):
    instrument = blocks.CharBlock(
        label=_("texte"), help_text=_("Ex. : Convention contre la torture (1984)")
    )
    article = blocks.CharBlock(label=_("article"), required=False)
    quote = blocks.TextBlock(label=_("extrait"))
    source_url = blocks.URLBlock(label=_("source"), required=False)

    class Meta:
        icon = "doc-full"
        label = _("Référence juridique")
        template = "blocks/legal_reference.html"


class CaseScenarioBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("titre"))
    situation = blocks.RichTextBlock(label=_("situation"), features=SHORT_FEATURES)
    questions = blocks.ListBlock(blocks.CharBlock(label=_("question")), label=_("questions"))
    analysis = blocks.RichTextBlock(
        label=_("analyse proposée"),
        features=SHORT_FEATURES,
        help_text=_("Affichée à la demande, après réflexion."),
    )

    class Meta:
        icon = "group"
        label = _("Cas pratique")
        template = "blocks/case_scenario.html"


class ChecklistBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("titre"))
    do = blocks.ListBlock(blocks.CharBlock(label=_("à faire")), label=_("à faire"))
    dont = blocks.ListBlock(blocks.CharBlock(label=_("à éviter")), label=_("à éviter"))

    class Meta:
        icon = "tasks"
        label = _("À faire / à éviter")
        template = "blocks/checklist.html"


class RememberBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("titre"), default="À retenir")
    points = blocks.ListBlock(blocks.CharBlock(label=_("point")), label=_("points"))

    class Meta:
        icon = "list-ul"
        label = _("À retenir")
        template = "blocks/remember.html"


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("document"))
    title = blocks.CharBlock(label=_("titre affiché"), required=False)
    description = blocks.CharBlock(label=_("description"), required=False)

    class Meta:
        icon = "doc-full-inverse"
        label = _("Document à télécharger")
        template = "blocks/document.html"


class SelfCheckChoiceBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("réponse"))
    is_correct = blocks.BooleanBlock(label=_("bonne réponse"), required=False)
    feedback = blocks.CharBlock(label=_("retour"), required=False)


class SelfCheckBlock(blocks.StructBlock):
    """A formative question, not graded: each choice reveals its own feedback when opened, so
    it works without JavaScript and without a round trip."""

    question = blocks.CharBlock(label=_("question"))
    choices = blocks.ListBlock(SelfCheckChoiceBlock(), label=_("réponses"), min_num=2)
    explanation = blocks.RichTextBlock(
        label=_("explication"), features=SHORT_FEATURES, required=False
    )

    def clean(self, value):
        value = super().clean(value)
        if sum(1 for choice in value["choices"] if choice["is_correct"]) != 1:
            raise ValidationError(_("Cochez exactement une bonne réponse."))
        return value

    class Meta:
        icon = "help"
        label = _("Question d’auto-évaluation")
        template = "blocks/self_check.html"


class LessonStreamBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(
        label=_("Texte"), features=RICH_FEATURES, template="blocks/paragraph.html", icon="pilcrow"
    )
    image = ImageBlock()
    video = VideoBlock()
    key_concept = KeyConceptBlock()
    legal_reference = LegalReferenceBlock()
    case_scenario = CaseScenarioBlock()
    checklist = ChecklistBlock()
    remember = RememberBlock()
    glossary_term = SnippetChooserBlock(
        "courses.GlossaryTerm",
        label=_("Terme du glossaire"),
        icon="openquote",
        template="blocks/glossary_term.html",
    )
    document = DocumentBlock()
    self_check = SelfCheckBlock()
