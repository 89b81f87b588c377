"""Every lesson block renders on its own template, readable without JavaScript."""

import pytest
from django.core.exceptions import ValidationError

from courses.blocks import LessonStreamBlock
from courses.models import GlossaryTerm

pytestmark = pytest.mark.django_db


def render(block_type, value):
    stream = LessonStreamBlock()
    child = stream.child_blocks[block_type]
    return child.render(child.to_python(value) if not isinstance(value, GlossaryTerm) else value)


def test_paragraph():
    assert "<strong>OPJ</strong>" in render("paragraph", "<p><strong>OPJ</strong></p>")


def test_key_concept():
    html = render(
        "key_concept", {"term": "Garde à vue", "definition": "<p>Mesure de contrainte</p>"}
    )
    assert "Notion clé" in html and "Garde à vue" in html and "Mesure de contrainte" in html


def test_legal_reference():
    html = render(
        "legal_reference",
        {
            "instrument": "Convention contre la torture",
            "article": "Article 2",
            "quote": "Aucune circonstance exceptionnelle",
            "source_url": "https://www.ohchr.org/",
        },
    )
    assert (
        "<blockquote>" in html and "Article 2" in html and 'href="https://www.ohchr.org/"' in html
    )


def test_case_scenario_hides_the_analysis_behind_details():
    html = render(
        "case_scenario",
        {
            "title": "Arrestation à Sévaré",
            "situation": "<p>Un suspect</p>",
            "questions": ["Que faire ?"],
            "analysis": "<p>Informer de ses droits</p>",
        },
    )
    assert "<details>" in html and "Voir l’analyse proposée" in html
    assert html.index("<details>") < html.index("Informer de ses droits")


def test_checklist():
    html = render("checklist", {"title": "Téléphone", "do": ["Chiffrer"], "dont": ["Prêter"]})
    assert "À faire" in html and "Chiffrer" in html and "À éviter" in html and "Prêter" in html


def test_remember():
    assert "Point clé" in render("remember", {"title": "À retenir", "points": ["Point clé"]})


def test_glossary_term():
    term = GlossaryTerm.objects.create(term="Défenseur", definition="Personne qui agit")
    html = render("glossary_term", term)
    assert "Défenseur" in html and "Personne qui agit" in html


def test_video_shows_a_link_and_the_transcript_never_an_iframe():
    html = render(
        "video",
        {
            "url": "https://www.youtube.com/watch?v=abc",
            "title": "Témoignage",
            "duration_minutes": 3,
            "transcript": "<p>Texte intégral</p>",
        },
    )
    assert "<iframe" not in html
    assert "Texte intégral" in html and "Lire la transcription" in html


def test_video_without_transcript_is_invalid():
    block = LessonStreamBlock().child_blocks["video"]
    with pytest.raises(ValidationError):
        block.clean(
            block.to_python({"url": "", "title": "T", "duration_minutes": 1, "transcript": ""})
        )


def test_self_check_reveals_feedback_per_choice_without_javascript():
    html = render(
        "self_check",
        {
            "question": "Durée ?",
            "explanation": "<p>Le code</p>",
            "choices": [
                {"text": "48 h", "is_correct": True, "feedback": "Oui"},
                {"text": "10 jours", "is_correct": False, "feedback": "Non"},
            ],
        },
    )
    assert html.count("<details") == 3 and "<script" not in html
    assert "Réponse correcte." in html and "Réponse incorrecte." in html


def test_self_check_needs_exactly_one_correct_choice():
    block = LessonStreamBlock().child_blocks["self_check"]
    value = block.to_python(
        {
            "question": "Q",
            "explanation": "",
            "choices": [
                {"text": "a", "is_correct": True, "feedback": ""},
                {"text": "b", "is_correct": True, "feedback": ""},
            ],
        }
    )
    with pytest.raises(ValidationError):
        block.clean(value)


def test_image_is_responsive_lazy_and_webp(tmp_path, settings):
    from io import BytesIO

    from django.core.files.images import ImageFile
    from PIL import Image as PILImage
    from wagtail.images.models import Image

    settings.MEDIA_ROOT = str(tmp_path)
    buffer = BytesIO()
    PILImage.new("RGB", (1600, 900), "#0b6b3a").save(buffer, "JPEG")
    image = Image.objects.create(title="Atelier", file=ImageFile(buffer, name="atelier.jpg"))
    html = render(
        "image",
        {
            "image": image.pk,
            "alt_text": "Des OPJ en atelier",
            "caption": "Atelier de Sévaré",
            "credit": "CNDH",
        },
    )
    assert 'loading="lazy"' in html and "image/webp" in html
    assert 'alt="Des OPJ en atelier"' in html and "© CNDH" in html


def test_document_block(tmp_path, settings):
    from django.core.files.base import ContentFile
    from wagtail.documents.models import Document

    settings.MEDIA_ROOT = str(tmp_path)
    document = Document.objects.create(
        title="Loi 2018", file=ContentFile(b"%PDF-1.4", name="loi.pdf")
    )
    html = render("document", {"document": document.pk, "title": "", "description": "Texte"})
    assert "Loi 2018" in html and "PDF" in html and "download" in html


def test_every_block_type_has_a_test():
    tested = {name[len("test_") :].split("_")[0] for name in globals() if name.startswith("test_")}
    for block_type in LessonStreamBlock().child_blocks:
        assert block_type.split("_")[0] in tested, block_type
