"""Essays and descriptions through GIFT and Moodle XML, both ways."""

import pytest

from quizzes import bank
from quizzes.interop import OPTIONAL_DEFAULTS, comparable, gift, moodlexml
from quizzes.models import Question
from quizzes.tests.factories import category_make, question_make

MOODLE_XML = """<?xml version="1.0" encoding="UTF-8"?>
<quiz>
  <question type="essay">
    <name><text>Garde à vue</text></name>
    <questiontext format="html">
      <text><![CDATA[<p>Décrivez la notification des droits.</p>]]></text>
    </questiontext>
    <generalfeedback format="html"><text></text></generalfeedback>
    <defaultgrade>5</defaultgrade>
    <penalty>0</penalty>
    <hidden>0</hidden>
    <responseformat>editor</responseformat>
    <responserequired>1</responserequired>
    <responsefieldlines>15</responsefieldlines>
    <attachments>0</attachments>
    <graderinfo format="html">
      <text><![CDATA[<p>Un point par <b>droit</b> cité.</p>]]></text>
    </graderinfo>
    <responsetemplate format="html"><text><![CDATA[<p>Faits :</p>]]></text></responsetemplate>
    <answer fraction="0"><text></text></answer>
  </question>
  <question type="description">
    <name><text>Rappel</text></name>
    <questiontext format="html"><text><![CDATA[<p>Lisez l’article 10.</p>]]></text></questiontext>
    <generalfeedback format="html"><text></text></generalfeedback>
    <defaultgrade>0</defaultgrade>
    <penalty>0</penalty>
    <hidden>0</hidden>
  </question>
</quiz>
""".encode()


def test_moodle_xml_reads_an_essay_with_its_rubric_and_template_and_a_description():
    result = moodlexml.parse(MOODLE_XML)
    assert result.errors == [] and result.skipped == []
    essay, description = result.questions
    assert essay["type"] == "essay" and essay["max_score"] == 5
    assert essay["grader_info"] == "Un point par droit cité."
    assert essay["response_template"] == "Faits :"
    assert essay["choices"] == [] and essay["pairs"] == []
    assert description["type"] == "description" and description["max_score"] == 0
    assert description["text"] == "<p>Lisez l’article 10.</p>"


@pytest.mark.parametrize("module", [gift, moodlexml])
def test_essays_and_descriptions_make_the_round_trip(module):
    source = moodlexml.parse(MOODLE_XML).questions
    if module is gift:
        # GIFT has no place for an essay's template or instructions, nor for Moodle's own
        # fields (penalty, idnumber…: quizzes/interop OPTIONAL_DEFAULTS).
        source = [
            {k: v for k, v in q.items() if k not in OPTIONAL_DEFAULTS}
            | {"response_template": "", "grader_info": ""}
            for q in source
        ]
        for q in source:
            if q["type"] == "description":
                for key in ("response_template", "grader_info"):
                    q.pop(key)
    again = module.parse(module.export(source))
    assert again.errors == [] and again.skipped == []
    assert [comparable(q) for q in again.questions] == [comparable(q) for q in source]


def test_gift_reads_braces_as_an_essay_and_text_alone_as_a_description():
    result = gift.parse(
        "::Essai:: Décrivez l’audition. {####Pensez aux droits.}\n\n::Info:: À lire.\n".encode()
    )
    assert result.errors == [] and result.skipped == []
    essay, info = result.questions
    assert (essay["type"], essay["general_feedback"], essay["max_score"]) == (
        "essay",
        "Pensez aux droits.",
        1.0,
    )
    assert (info["type"], info["max_score"], info["text"]) == ("description", 0.0, "<p>À lire.</p>")


@pytest.mark.django_db
def test_a_bank_essay_goes_out_and_comes_back_with_its_rubric():
    essay = question_make("essay", max_score="4")
    essay.response_template = "Faits :\nDroits :"
    essay.save()
    question_make("description")
    data = [bank.question_data(q) for q in Question.objects.order_by("pk")]
    parsed = moodlexml.parse(moodlexml.export(data))
    assert parsed.errors == []
    target = category_make("Retour")
    for question in parsed.questions:
        bank.question_create(data=question, category=target, publish=True)
    back = Question.objects.get(category=target, question_type="essay")
    assert (back.response_template, back.grader_info, back.max_score) == (
        "Faits :\nDroits :",
        essay.grader_info,
        4,
    )
    description = Question.objects.get(category=target, question_type="description")
    assert description.max_score == 0


def test_a_hostile_rubric_is_refused_with_the_question_named(settings):
    settings.KALAN_QUESTION_IMPORT_MAX_TEXT = 100
    data = MOODLE_XML.replace(b"Un point par", b"x" * 200)
    result = moodlexml.parse(data)
    assert len(result.errors) == 1
    assert "Garde à vue" in result.errors[0]
    assert "consignes de correction" in result.errors[0]
    assert [q["name"] for q in result.questions] == ["Rappel"]
