"""The importers' and exporters' messages follow the language of whoever imports (issue 17
follow-up): the same hostile GIFT and Moodle XML files read in French and in English. The
French is the source text; the English comes from locale/en (compiled .mo)."""

import pytest
from django.utils import translation

from quizzes.interop import ImportFormatError, export_file, gift, moodlexml

BAD_GIFT = """\
// a file where every question but the last is wrong
::Titre ouvert Énoncé {=a ~b}

::Vide::Énoncé {
=a
~
}

::Num::Combien ? {#
=abc
}

// max_score: beaucoup
::Note::Énoncé {=a ~b}

::100 %(reason)s %d %%::Énoncé {~a ~b}

::Rédaction::Racontez. {}
"""

GIFT_ERRORS = {
    "fr": [
        "Question 1 (ligne 2) : le titre « ::…:: » n’est pas fermé.",
        "Question 2 (ligne 4) « Vide » : une réponse est vide (ligne 6).",
        "Question 3 (ligne 9) « Num » : La valeur « abc » n’est pas un nombre (ligne 10).",
        "Question 4 (ligne 14) « Note » : La note « beaucoup » n’est pas un nombre.",
        "Question 5 (ligne 16) « 100 %(reason)s %d %% » : Aucune réponse correcte.",
    ],
    "en": [
        "Question 1 (line 2): the title « ::…:: » is not closed.",
        "Question 2 (line 4) « Vide »: an answer is empty (line 6).",
        "Question 3 (line 9) « Num »: The value « abc » is not a number (line 10).",
        "Question 4 (line 14) « Note »: The grade « beaucoup » is not a number.",
        # A name written like a format string stays text: it is a value, never the format.
        "Question 5 (line 16) « 100 %(reason)s %d %% »: No correct answer.",
    ],
}

BAD_XML = """\
<?xml version="1.0" encoding="UTF-8"?>
<quiz>
<question type="category"><category><text>$course$/Garde à vue</text></category>
<idnumber>G1</idnumber></question>
<question type="multichoice"><name><text>Note</text></name>
<questiontext format="html"><text>Énoncé</text></questiontext>
<answer fraction="33"><text>a</text></answer>
<answer fraction="100"><text>b</text></answer></question>
<question type="shortanswer"><name><text>Fichier</text></name>
<questiontext format="html"><text><![CDATA[<img src="@@PLUGINFILE@@/a.png">]]></text>
<file name="a.png" encoding="base64">@@@@</file></questiontext>
<answer fraction="100"><text>x</text></answer></question>
<question type="shortanswer"><name><text>Casse</text></name>
<questiontext format="html"><text>Énoncé</text></questiontext><usecase>1</usecase>
<hidden>1</hidden><inconnu>x</inconnu>
<answer fraction="100"><text>x</text></answer></question>
<question type="multichoice"><name><text>Pénalité</text></name>
<questiontext format="html"><text>Énoncé</text></questiontext><penalty>2</penalty>
<answer fraction="100"><text>a</text></answer>
<answer fraction="0"><text>b</text></answer></question>
<question type="calculated"><name><text>Rédaction</text></name>
<questiontext format="html"><text>Racontez.</text></questiontext></question>
</quiz>
"""

XML_ERRORS = {
    "fr": [
        "Question 1 (ligne 5) « Note » : la note 33 % de la réponse « a » n’est pas une valeur "
        "de Moodle (par exemple 33,33333 et non 33).",
        "Question 2 (ligne 9) « Fichier » : fichier « a.png » (ligne 11) : base64 illisible.",
        "Question 4 (ligne 17) « Pénalité » : la pénalité « 2 » doit être entre 0 et 1.",
    ],
    "en": [
        "Question 1 (line 5) « Note »: the grade 33 % of the answer « a » is not one of "
        "Moodle’s values (for example 33.33333, not 33).",
        "Question 2 (line 9) « Fichier »: file « a.png » (line 11): unreadable base64.",
        "Question 4 (line 17) « Pénalité »: the penalty « 2 » must be between 0 and 1.",
    ],
}

XML_WARNINGS = {
    "fr": [
        "Catégorie « Garde à vue » (ligne 3) : identifiant (idnumber « G1 ») ignoré",
        "Question 3 (ligne 13) « Casse » : élément <inconnu> (ligne 15) ignoré",
        "Question 3 (ligne 13) « Casse » : question cachée dans Moodle (hidden) : importée "
        "comme les autres",
        "Question 3 (ligne 13) « Casse » : respect de la casse (usecase) non appliqué : Kalan "
        "ignore la casse",
        "Question 5 (ligne 21) « Rédaction » : non importée : type calculated non pris en charge",
    ],
    "en": [
        "Category « Garde à vue » (line 3): identifier (idnumber « G1 ») ignored",
        "Question 3 (line 13) « Casse »: element <inconnu> (line 15) ignored",
        "Question 3 (line 13) « Casse »: question hidden in Moodle (hidden): imported like the "
        "others",
        "Question 3 (line 13) « Casse »: case sensitivity (usecase) not applied: Kalan ignores "
        "case",
        "Question 5 (line 21) « Rédaction »: not imported: type calculated not supported",
    ],
}


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_bad_gift_file_is_reported_in_the_importers_language(language):
    with translation.override(language):
        result = gift.parse(BAD_GIFT.encode())
    # The essay is read (issue 17: essays are graded by a person); every other one is refused.
    assert [q["type"] for q in result.questions] == ["essay"]
    assert result.errors == GIFT_ERRORS[language]
    assert result.skipped == []


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_bad_moodle_xml_file_is_reported_in_the_importers_language(language):
    with translation.override(language):
        result = moodlexml.parse(BAD_XML.encode())
    assert [q["name"] for q in result.questions] == ["Casse"]
    assert result.errors == XML_ERRORS[language]
    assert result.warnings == XML_WARNINGS[language]


WHOLE_FILE = [
    (gift, b"::Q:: \xff {=a ~b}", "Le fichier n’est pas en UTF-8.", "The file is not in UTF-8."),
    (
        moodlexml,
        b"<quiz>",
        "XML invalide : ligne 1, colonne 7 (no element found).",
        "Invalid XML: line 1, column 7 (no element found).",
    ),
    (
        moodlexml,
        b"<questions/>",
        "Ce n’est pas un fichier Moodle XML : la racine doit être <quiz>.",
        "This is not a Moodle XML file: the root must be <quiz>.",
    ),
    (
        moodlexml,
        b'<?xml version="1.0"?><!DOCTYPE q [<!ENTITY a "b">]><quiz>&a;</quiz>',
        "Fichier XML refusé : entités ou DTD interdites.",
        "XML file refused: entities and DTDs are forbidden.",
    ),
]


@pytest.mark.parametrize(("module", "data", "french", "english"), WHOLE_FILE)
def test_a_refused_file_says_why_in_the_importers_language(module, data, french, english):
    for language, expected in (("fr", french), ("en", english)):
        with translation.override(language), pytest.raises(ImportFormatError) as refused:
            module.parse(data)
        assert str(refused.value) == expected


def test_what_an_export_leaves_out_is_reported_in_the_exporters_language():
    questions = [
        {"name": "Choix", "type": "single", "text": "<p>?</p>", "max_score": 1.0}
        | {"general_feedback": "", "category": [], "pairs": [], "images": []}
        | {
            "choices": [
                {"text": "a", "fraction": 100.0, "tolerance": None, "feedback": ""},
                {"text": "b", "fraction": 0.0, "tolerance": None, "feedback": ""},
            ]
        },
        {"name": "Trou", "type": "cloze", "text": "", "choices": [], "pairs": []},
        {"name": "Calcul", "type": "calculated", "text": "", "choices": [], "pairs": []},
    ]
    with translation.override("fr"):
        assert export_file(gift, questions).summary() == (
            "1 question exportée ; 2 non exportées : « Trou » (type cloze : type inconnu de "
            "GIFT) ; « Calcul » (type calculated : type inconnu de GIFT)."
        )
        assert "// Question « Trou » (cloze) : type inconnu de GIFT." in (
            gift.export(questions[1:2]).decode()
        )
    with translation.override("en"):
        assert export_file(gift, questions).summary() == (
            '1 question exported; 2 not exported: "Trou" (type cloze: a type GIFT does not '
            'know); "Calcul" (type calculated: a type GIFT does not know).'
        )
        assert "// Question « Trou » (cloze): a type GIFT does not know." in (
            gift.export(questions[1:2]).decode()
        )
