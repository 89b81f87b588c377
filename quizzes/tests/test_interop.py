"""GIFT and Moodle XML import/export (quizzes/interop), on Moodle's own fixtures and the demo."""

import contextlib
import re
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from quizzes.interop import (
    TYPES,
    ImportFormatError,
    comparable,
    gift,
    moodlexml,
    structure_reason,
)

FIXTURES = Path(__file__).parent / "fixtures" / "moodle"
TF = [("Vrai", 100.0), ("Faux", 0.0)]
FT = [("Vrai", 0.0), ("Faux", 100.0)]


def _read(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def _fractions(question: dict) -> list[tuple[str, float]]:
    return [(c["text"], c["fraction"]) for c in question["choices"]]


def _by_name(result) -> dict:
    return {q["name"]: q for q in result.questions}


# --- GIFT fixtures ------------------------------------------------------------------------------


def test_gift_questions_fixture():
    result = gift.parse(_read("gift/questions.gift.txt"))
    assert result.errors == []
    assert result.skipped == []
    essay = result.questions.pop(0)  # Q8 comes first in the file
    assert (essay["name"], essay["type"], essay["choices"]) == ("Q8", "essay", [])
    names = [q["name"] for q in result.questions]
    assert names == [
        "Moodle activities",
        "Q2",
        "colours",
        "Q5",
        "Shortanswer",
        "Q1",
        "2-08 TSL",
        "2-08 TSL",
    ]
    types = [q["type"] for q in result.questions]
    assert types == [
        "matching",
        "single",
        "multiple",
        "numerical",
        "short",
        "truefalse",
        "truefalse",
        "truefalse",
    ]
    q = result.questions
    assert q[0]["text"] == "Match the <b>activity</b> to the description."
    assert q[0]["pairs"][0] == {
        "prompt": "An activity supporting asynchronous discussions.",
        "answer": "Forum",
    }
    assert q[0]["pairs"][-1] == {"prompt": "", "answer": "Chat"}
    assert len(q[0]["pairs"]) == 5
    assert _fractions(q[1]) == [("yellow", 100.0), ("red", 0.0), ("blue", 0.0)]
    assert [c["feedback"] for c in q[1]["choices"]] == [
        "right; good!",
        "wrong, it's yellow",
        "wrong, it's yellow",
    ]
    assert _fractions(q[2]) == [
        ("yellow", 50.0),
        ("red", -100.0),
        ("off-beige", 50.0),
        ("blue", -100.0),
    ]
    assert q[3]["choices"] == [{"text": "3", "fraction": 100.0, "tolerance": 2.0, "feedback": ""}]
    assert _fractions(q[4]) == [("Frog", 100.0), ("Cat", 50.0), ("*", 0.0)]
    assert q[4]["choices"][1]["feedback"] == "What is it with Moodlers and cats?"
    assert _fractions(q[5]) == FT
    assert [c["feedback"] for c in q[5]["choices"]] == [
        "42 is the Ultimate Answer.",
        "You gave the right answer.",
    ]
    assert q[5]["general_feedback"] == (
        "This is, of course, a Hitchiker's Guide to the Galaxy reference."
    )
    assert _fractions(q[6]) == TF and _fractions(q[7]) == TF
    assert q[2]["text"] == "<p>What's between orange and green in the spectrum?</p>"
    assert all(x["max_score"] == 1.0 and x["category"] == [] for x in q)


def test_gift_category_fixture():
    result = gift.parse(_read("gift/questions_in_category.gift.txt"))
    assert result.errors == [] and result.skipped == []
    assert [(q["name"], q["type"]) for q in result.questions] == [
        ("Moodle activities", "matching"),
        ("Greeting", "single"),
        ("Moodle user", "short"),
        ("Moodle acronym", "truefalse"),
    ]
    assert all(q["category"] == ["Default for New Features"] for q in result.questions)
    greeting = result.questions[1]
    assert greeting["text"].startswith(
        '<a href="http://demo.moodle.net/file.php/5/media/bonjour.mp3">Listen to this greeting:</a>'
    )
    assert _fractions(greeting) == [
        ("English", 0.0),
        ("French", 100.0),
        ("German", 0.0),
        ("Spanish", 0.0),
    ]
    assert greeting["choices"][1]["feedback"] == "Yes, well done!"
    assert _fractions(result.questions[2]) == [("Moodler", 100.0)]
    assert 'style="font-style: italic;"' in result.questions[3]["text"]
    assert _fractions(result.questions[3]) == TF


# --- Moodle XML fixtures ------------------------------------------------------------------------


def test_xml_multichoice_fixture_with_files():
    result = moodlexml.parse(_read("xml/multichoice.xml"))
    assert result.errors == [] and result.skipped == []
    (q,) = result.questions
    assert q["name"] == "Greeting" and q["type"] == "single"
    assert q["category"] == ["Default for testhead", "Multichoice"]
    assert q["text"].startswith('<p><a href="@@PLUGINFILE@@/bonjour.mp3">')
    assert _fractions(q) == [("English", 0.0), ("French", 100.0), ("German", 0.0), ("Danish", 0.0)]
    assert [c["feedback"] for c in q["choices"]] == [
        "Sorry, listen again.",
        "Yes, well done!",
        "Sorry, listen again.",
        "Sorry, listen again.",
    ]
    # Only the question text keeps its files; here it links to a sound file (not a type of
    # document Kalan accepts), and the flags are in the answers (plain text in Kalan): each
    # file is named in the warnings.
    assert q["images"] == []
    assert q["penalty"] == 0.1 and q["shuffle_answers"] is True and q["line"] == 12
    assert result.warnings == [
        "Question 1 (ligne 12) « Greeting » : lien vers le fichier « bonjour.mp3 » ignoré : "
        "les documents acceptés sont pdf, odt, docx, xlsx, ods, txt, csv (le texte du lien est "
        "gardé)",
        *(
            f"Question 1 (ligne 12) « Greeting » : image « flag-{flag}.jpg » (réponse "
            f"« {language} ») ignorée : seul l’énoncé garde ses images"
            for flag, language in [
                ("uk", "English"),
                ("france", "French"),
                ("german", "German"),
                ("denmark", "Danish"),
            ]
        ),
    ]


def test_xml_truefalse_fixture_with_files():
    result = moodlexml.parse(_read("xml/truefalse.xml"))
    assert result.errors == [] and result.skipped == []
    false_q, true_q = result.questions
    assert false_q["name"] == "Moodle acronym (False)" and _fractions(false_q) == FT
    assert true_q["name"] == "Moodle acronym (True)" and _fractions(true_q) == TF
    assert false_q["choices"][0]["feedback"] == "Your answer is incorrect."
    assert false_q["choices"][1]["feedback"] == "Your answer is correct."
    assert false_q["general_feedback"].startswith("For further information, see the")
    for q in result.questions:
        assert q["type"] == "truefalse"
        assert q["category"] == ["Default for testhead", "TrueFalse"]
        assert "@@PLUGINFILE@@/logo.jpg" in q["text"]
        assert [i["name"] for i in q["images"]] == ["logo.jpg"]
        assert q["images"][0]["data"][:3] == b"\xff\xd8\xff"  # JPEG
    # The feedback images are lost (feedback is plain text in Kalan), each one named.
    assert len(result.warnings) == 6
    assert result.warnings[2] == (
        "Question 1 (ligne 12) « Moodle acronym (False) » : image « infos.jpg » (commentaire "
        "général) ignorée : seul l’énoncé garde ses images"
    )


def test_xml_nested_categories_fixture():
    result = moodlexml.parse(_read("xml/nested_categories_with_questions.xml"))
    assert result.errors == []
    assert result.skipped == []
    assert [(q["name"], q["category"]) for q in result.questions] == [
        ("Iota Question", ["Iota"]),
        ("Kappa Essay Question", ["Iota", "Kappa"]),
        ("Kappa Question", ["Iota", "Kappa"]),
        ("Lambda Question", ["Iota", "Kappa", "Lambda"]),
        ("Mu Question", ["Iota", "Mu"]),
    ]
    essay = result.questions.pop(1)
    assert (essay["type"], essay["choices"], essay["pairs"]) == ("essay", [], [])
    assert all(q["type"] == "truefalse" and _fractions(q) == TF for q in result.questions)
    assert result.questions[0]["text"] == "<p>Testing Iota Question</p>"


def test_xml_invalid_grades_fixture_names_the_question():
    result = moodlexml.parse(_read("xml/error_invalid_grades.xml"))
    assert result.questions == [] and result.skipped == []
    (message,) = result.errors
    assert message.startswith(
        "Question 1 (ligne 4) « Question with <strong>invalid grades</strong> : x > 1 & x < 2 » : "
    )
    assert "33 %" in message and "« 2 »" in message


def test_xml_html_chars_in_idnumbers_fixture():
    result = moodlexml.parse(_read("xml/html_chars_in_idnumbers.xml"))
    assert result.errors == [] and result.skipped == []
    (q,) = result.questions
    assert q["name"] == "Alpha Question" and q["category"] == ["Alpha"]
    assert q["type"] == "truefalse" and _fractions(q) == TF
    # The question's idnumber is kept (unescaped), the category's is named as not kept.
    assert q["idnumber"] == "T & F" and q["category_info"] == ["This is Alpha category for test"]
    assert result.warnings == [
        "Catégorie « Alpha » (ligne 4) : identifiant (idnumber « The inequalities < & > ») ignoré"
    ]


# --- safety and whole-file errors ---------------------------------------------------------------

XXE = b"""<?xml version="1.0"?>
<!DOCTYPE quiz [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<quiz><question type="shortanswer"><name><text>&xxe;</text></name></question></quiz>"""

LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<quiz><question type="category"><category><text>&lol9;</text></category></question></quiz>"""


@pytest.mark.parametrize("data", [XXE, LAUGHS], ids=["xxe", "billion-laughs"])
def test_xml_entities_and_dtd_are_refused(data):
    with pytest.raises(
        ImportFormatError, match=r"Fichier XML refusé : entités ou DTD interdites\."
    ):
        moodlexml.parse(data)


def test_oversized_files_are_refused():
    data = b"<quiz>" + b" " * (10 * 1024 * 1024) + b"</quiz>"
    with pytest.raises(ImportFormatError, match=r"Le fichier dépasse 10 Mo\."):
        moodlexml.parse(data)
    with pytest.raises(ImportFormatError, match=r"Le fichier dépasse 10 Mo\."):
        gift.parse(data)


def test_the_size_cap_is_the_upload_setting(settings):
    settings.KALAN_UPLOAD_MAX_SIZE = 2 * 1024 * 1024
    data = b"<quiz>" + b" " * (2 * 1024 * 1024) + b"</quiz>"
    for parse in (moodlexml.parse, gift.parse):
        with pytest.raises(ImportFormatError, match=r"Le fichier dépasse 2 Mo\."):
            parse(data)
    # One byte shorter than the cap, the same file is read (and has no questions).
    assert moodlexml.parse(data[: 2 * 1024 * 1024 - 7] + b"</quiz>").questions == []


def test_malformed_xml_gives_the_line():
    data = b'<?xml version="1.0"?>\n<quiz>\n<question type="truefalse">\n</quiz>'
    with pytest.raises(ImportFormatError, match=r"^XML invalide : ligne 4"):
        moodlexml.parse(data)
    with pytest.raises(ImportFormatError, match="racine"):
        moodlexml.parse(b"<html></html>")


def test_gift_encoding():
    with pytest.raises(ImportFormatError, match="Le fichier n’est pas en UTF-8"):
        gift.parse("::Q:: Été ? {T}".encode("latin-1"))
    result = gift.parse("\ufeff::Q:: Été ? {T}".encode())
    assert result.questions[0]["name"] == "Q" and result.questions[0]["text"] == "<p>Été ?</p>"


def test_gift_syntax_details():
    data = (
        "// a comment\n"
        "$CATEGORY: $course$/Top/Sub\n"
        "\n"
        "::Esc\\:aped:: 1 \\= 1 \\{ \\} \\~ \\# ? {\n"
        "  =%100%a\\=b#fb \\# hash\n"
        "  ~%-50%c\n"
        "  ~d\n"
        "  ####[html]<b>général</b>\n"
        "}\n"
        "\n"
        "::N:: Année ? {#=2012:0 =%50%2011:1#Presque}\n"
        "\n"
        "::R:: Entre 1 et 5 {#1..5}\n"
        "\n"
        "[markdown]Texte sans titre qui sert de nom {=a =%50%b}\n"
        "\n"
        "::Desc:: Juste une description.\n"
        "\n"
        "::Cloze:: a {=x} b {=y} c\n"
        "\n"
        "::Bad:: {=a ~b ~%10%c}\n"
        "\n"
        "::Multi:: {~%50%a ~%50%b ~%-100%c}\n"
    ).encode()
    result = gift.parse(data)
    by_name = _by_name(result)
    esc = by_name["Esc:aped"]
    assert esc["text"] == "<p>1 = 1 { } ~ # ?</p>"
    assert esc["category"] == ["Top", "Sub"]
    assert esc["type"] == "single"
    assert esc["choices"][0] == {
        "text": "a=b",
        "fraction": 100.0,
        "tolerance": None,
        "feedback": "fb # hash",
    }
    assert _fractions(esc)[1:] == [("c", -50.0), ("d", 0.0)]
    assert esc["general_feedback"] == "général"
    assert [(c["text"], c["fraction"], c["tolerance"]) for c in by_name["N"]["choices"]] == [
        ("2012", 100.0, 0.0),
        ("2011", 50.0, 1.0),
    ]
    assert by_name["N"]["choices"][1]["feedback"] == "Presque"
    assert (
        by_name["R"]["choices"][0]["text"] == "3" and by_name["R"]["choices"][0]["tolerance"] == 2
    )
    short = by_name["Texte sans titre qui sert de nom"]
    assert short["type"] == "short" and _fractions(short) == [("a", 100.0), ("b", 50.0)]
    assert by_name["Multi"]["type"] == "multiple"
    assert result.skipped == []
    assert by_name["Desc"]["type"] == "description"
    assert by_name["Desc"]["max_score"] == 0.0
    assert len(result.errors) == 2
    assert result.errors[0].startswith("Question 6 (ligne 19) « Cloze » : ")
    assert result.errors[1].startswith(
        "Question 7 (ligne 21) « Bad » : Une seule réponse vaut 100 %"
    )


GIFT_ERROR = re.compile(r"Question (\d+) \(ligne (\d+)\)(?: « .* »)? : \S.*", re.DOTALL)


def assert_gift_contract(text: str, result) -> None:
    """What interop's error policy promises of any parse: each kept question has a known type
    and passed the structure check and the caps; each error names its question, by a number
    that only grows, and a line of the file."""
    last_line = len(text.splitlines()) + 1
    numbers = []
    for error in result.errors:
        match = GIFT_ERROR.fullmatch(error)
        assert match, error
        numbers.append(int(match.group(1)))
        assert 1 <= int(match.group(2)) <= last_line, (error, last_line)
    assert numbers == sorted(set(numbers))
    for question in result.questions:
        assert question["type"] in TYPES
        assert structure_reason(question) is None, question


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_gift_parse_never_crashes_on_text(text):
    try:
        result = gift.parse(text.encode("utf-8"))
    except ImportFormatError:
        return
    assert_gift_contract(text, result)


@settings(max_examples=200, deadline=None)
@given(st.binary())
def test_gift_parse_never_crashes_on_bytes(data):
    with contextlib.suppress(ImportFormatError):
        gift.parse(data)


GIFT_ALPHABET = st.sampled_from([*"ab:=~#{}\\->%[]T\n /1.5", "::", "{", "}", "\n\n"])


@settings(max_examples=200, deadline=None)
@given(st.lists(GIFT_ALPHABET, max_size=40).map("".join))
# Blocks that parse and that only the structure check refuses (an answer twice, a weight over
# 100 %, one pair), after a comment and blank lines, so that every run checks that branch.
@example("// a\n\nQ {=a =a}\n\n\n::R:: S {=%200%b}\n\nT {=a -> b}\n\nU {=a ~b}")
def test_gift_parse_never_crashes_on_gift_like_text(text):
    try:
        result = gift.parse(text.encode())
    except ImportFormatError:
        return
    assert_gift_contract(text, result)


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=200))
def test_xml_parse_only_raises_import_errors(data):
    with contextlib.suppress(ImportFormatError):
        moodlexml.parse(b"<quiz>" + data + b"</quiz>")


def _tf(extra: str, text: str = "<p>Vrai ?</p>") -> bytes:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<quiz>
  <question type="truefalse">
    <name><text>Hostile</text></name>
    <questiontext format="html"><text><![CDATA[{text}]]></text></questiontext>
    {extra}
    <answer fraction="100"><text>true</text></answer>
    <answer fraction="0"><text>false</text></answer>
  </question>
</quiz>""".encode()


@pytest.mark.parametrize(
    "extra, message",
    [
        ("<penalty>beaucoup</penalty>", "<penalty> « beaucoup » n’est pas un nombre."),
        ("<penalty>5</penalty>", "la pénalité « 5 » doit être entre 0 et 1."),
        ("<defaultgrade>inf</defaultgrade>", "<defaultgrade> « inf » n’est pas un nombre fini."),
    ],
)
def test_xml_hostile_values_name_the_question_and_its_line(extra, message):
    result = moodlexml.parse(_tf(extra))
    assert result.questions == []
    assert result.errors == [f"Question 1 (ligne 3) « Hostile » : {message}"]


def test_xml_hostile_files_and_links_are_errors_or_named_never_a_crash():
    text = (
        '<p><img src="@@PLUGINFILE@@/absente.png"> <img src="http://evil.example/x.png">'
        '<a href="javascript:alert(1)">clic</a> <a href="@@PLUGINFILE@@/%E9%ZZ.pdf">pdf</a></p>'
    )
    result = moodlexml.parse(
        _tf(
            '<generalfeedback><text>ok</text><file name="x.png">AAAA</file></generalfeedback>'
            "<hint><text></text><options>1</options><bizarre>1</bizarre></hint>"
            "<tags><tag><text>  </text></tag></tags><inconnu><a>1</a></inconnu>",
            text,
        )
    )
    assert result.errors == []
    (question,) = result.questions
    assert question["images"] == [] and question["tags"] == [] and question["hints"] == []
    where = "Question 1 (ligne 3) « Hostile » : "
    assert result.warnings == [
        where + "image « absente.png » absente du fichier, ignorée",
        where + "image externe « http://evil.example/x.png » ignorée : seules les images "
        "jointes au fichier sont reprises",
        where + "lien « javascript:alert(1) » ignoré (le texte du lien est gardé)",
        # Not UTF-8 once decoded: the replacement character stands for the byte.
        where + "lien vers le fichier « \ufffd%ZZ.pdf » absent du fichier, ignoré (le texte du "
        "lien est gardé)",
        where + "élément <inconnu> (ligne 6) ignoré",
        where + "fichier « x.png » (commentaire général) ignoré : seul l’énoncé garde ses images",
        where + "options de l’indice 1 (options) ignorées",
        where + "élément <bizarre> de l’indice 1 ignoré",
    ]
    encoded = _tf("", '<p><img src="@@PLUGINFILE@@/a.png"></p>').replace(
        b"</questiontext>", b'<file name="a.png" encoding="hex">00</file></questiontext>'
    )
    assert moodlexml.parse(encoded).errors == [
        "Question 1 (ligne 3) « Hostile » : fichier « a.png » (ligne 5) : seul l’encodage "
        "base64 est lu."
    ]
    garbled = encoded.replace(b'encoding="hex">00', b'encoding="base64">@@@')
    assert moodlexml.parse(garbled).errors == [
        "Question 1 (ligne 3) « Hostile » : fichier « a.png » (ligne 5) : base64 illisible."
    ]


XML_TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=30)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(
                [
                    "penalty",
                    "idnumber",
                    "hint",
                    "tags",
                    "units",
                    "usecase",
                    "hidden",
                    "shuffleanswers",
                    "answernumbering",
                    "x-y",
                ]
            ),
            XML_TEXT,
        ),
        max_size=6,
    )
)
def test_xml_parse_never_crashes_on_hostile_elements(elements):
    from xml.sax.saxutils import escape

    extra = "".join(f"<{tag}>{escape(value)}</{tag}>" for tag, value in elements)
    result = moodlexml.parse(_tf(extra))
    assert len(result.questions) + len(result.errors) == 1


# --- round trips --------------------------------------------------------------------------------


def _demo_questions() -> list[dict]:
    """The question banks of the demo's course packages (content/demo/*/questions.*)."""
    from django.conf import settings

    questions = []
    for folder in sorted((Path(settings.BASE_DIR) / "content" / "demo").iterdir()):
        for name, module in (("questions.gift", gift), ("questions.xml", moodlexml)):
            if (folder / name).exists():
                questions += module.parse((folder / name).read_bytes()).questions
    return questions


def _fixture_questions(module, folder: str) -> list[dict]:
    questions = []
    for path in sorted((FIXTURES / folder).iterdir()):
        questions += module.parse(path.read_bytes()).questions
    return questions


def _assert_round_trip(module, questions: list[dict]):
    result = module.parse(module.export(questions))
    assert result.errors == [] and result.skipped == []
    # Moodle XML adds its keys (idnumber, hints…) with their defaults: a question read from
    # another source is compared on the keys it has; one read from Moodle XML on all of them.
    got = [
        {k: v for k, v in comparable(r).items() if k in q}
        for r, q in zip(result.questions, questions, strict=True)
    ]
    assert got == [comparable(q) for q in questions]
    return result


def test_demo_questions_are_valid():
    from quizzes.interop import structure_reason

    questions = _demo_questions()
    assert len(questions) > 50
    assert {q["type"] for q in questions} == {
        "single",
        "multiple",
        "truefalse",
        "short",
        "numerical",
        "matching",
        "ordering",
    }
    assert [structure_reason(q) for q in questions] == [None] * len(questions)


def test_round_trip_demo_moodle_xml():
    _assert_round_trip(moodlexml, _demo_questions())


def test_round_trip_demo_gift_ordering_included():
    questions = _demo_questions()
    assert any(q["type"] == "ordering" for q in questions)
    _assert_round_trip(gift, questions)


@pytest.mark.parametrize("folder", ["gift", "xml"])
def test_round_trip_fixtures(folder):
    questions = _fixture_questions(gift if folder == "gift" else moodlexml, folder)
    assert questions
    # GIFT has no place for Moodle XML's extra keys (idnumber, hints, penalty…).
    base = ("name", "type", "text", "max_score", "general_feedback", "category", "choices")
    _assert_round_trip(gift, [{k: q[k] for k in (*base, "pairs", "images")} for q in questions])
    result = _assert_round_trip(moodlexml, questions)
    assert [q["images"] for q in result.questions] == [q["images"] for q in questions]
