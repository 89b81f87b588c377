"""Importers that never crash and never lose content silently (issue 17, part 1): the shapes
grading cannot read refused with a French message on both formats, GIFT's line numbers,
[markdown], Moodle's ordering syntax, the caps, and exports that say what the file holds."""

import tracemalloc

import pytest
from django.core.management import CommandError, call_command

from quizzes.interop import ImportFormatError, export_file, gift, moodlexml
from quizzes.models import Question, QuestionCategory

# --- malformed shapes, on both formats ----------------------------------------------------------


def _xml_question(kind: str, body: str, name: str = "Titre", single: str = "true") -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<quiz>\n'
        f'<question type="{kind}"><name><text>{name}</text></name>'
        '<questiontext format="html"><text>Énoncé</text></questiontext>'
        f"<single>{single}</single>{body}</question>\n</quiz>\n"
    ).encode()


def _answers(*pairs) -> str:
    return "".join(
        f'<answer fraction="{fraction}"><text>{text}</text></answer>' for text, fraction in pairs
    )


SHAPES = [
    # (what, GIFT block, Moodle XML, expected reason)
    (
        "single choice without a correct answer",
        "::Titre::Énoncé {~a ~b}",
        _xml_question("multichoice", _answers(("a", 0), ("b", 0))),
        "Aucune réponse correcte.",
    ),
    (
        "multiple answers without a correct one",
        "::Titre::Énoncé {~%0%a ~%0%b}",
        _xml_question("multichoice", _answers(("a", 0), ("b", 0)), single="false"),
        "Aucune réponse correcte.",
    ),
    (
        "multiple answers with negative weights only",
        "::Titre::Énoncé {~%-50%a ~%-50%b}",
        _xml_question("multichoice", _answers(("a", -50), ("b", -50)), single="false"),
        "Aucune réponse correcte.",
    ),
    (
        "the same answer twice",
        "::Titre::Énoncé {=Oui ~oui ~non}",
        _xml_question("multichoice", _answers(("Oui", 100), ("oui", 0), ("non", 0))),
        "La réponse « oui » figure deux fois.",
    ),
    (
        "matching with one pair",
        "::Titre::Énoncé {=a -> 1}",
        _xml_question(
            "matching", "<subquestion><text>a</text><answer><text>1</text></answer></subquestion>"
        ),
        "Il faut au moins deux éléments.",
    ),
    (
        "matching with one pair and distractors",
        "::Titre::Énoncé {=a -> 1 = -> 2 = -> 3}",
        _xml_question(
            "matching",
            "<subquestion><text>a</text><answer><text>1</text></answer></subquestion>"
            "<subquestion><text></text><answer><text>2</text></answer></subquestion>"
            "<subquestion><text></text><answer><text>3</text></answer></subquestion>",
        ),
        "Il faut au moins deux éléments.",
    ),
    (
        "the same element twice in a matching",
        "::Titre::Énoncé {=a -> 1 =a -> 2}",
        _xml_question(
            "matching",
            "<subquestion><text>a</text><answer><text>1</text></answer></subquestion>"
            "<subquestion><text>a</text><answer><text>2</text></answer></subquestion>",
        ),
        "L’élément « a » figure deux fois.",
    ),
    (
        "numerical with no answer",
        "::Titre::Énoncé {#~#rien}",
        _xml_question("numerical", '<answer fraction="100"><text>*</text></answer>'),
        "ucune réponse",
    ),
    (
        "ordering with one item",
        "::Titre::Énoncé {>1 ALL VERTICAL\nseul\n}",
        _xml_question("ordering", '<answer fraction="1"><text>seul</text></answer>'),
        "Il faut au moins deux éléments.",
    ),
    (
        "ordering with the same item twice",
        "::Titre::Énoncé {>2 ALL\nun\nun\n}",
        _xml_question("ordering", _answers(("un", 1), ("un", 2))),
        "L’élément « un » figure deux fois.",
    ),
    (
        "a grade the database cannot hold",
        "// max_score: 100000\n::Titre::Énoncé {=a ~b}",
        _xml_question(
            "multichoice", "<defaultgrade>100000</defaultgrade>" + _answers(("a", 100), ("b", 0))
        ),
        "la note doit être comprise entre 0,01 et 9999,99.",
    ),
    (
        "a tolerance the database cannot hold",
        "::Titre::Énoncé {#3:1e20}",
        _xml_question(
            "numerical", '<answer fraction="100"><text>3</text><tolerance>1e20</tolerance></answer>'
        ),
        "la tolérance « 100000000000000000000 » doit être comprise entre 0 et 99999999.",
    ),
    (
        "an answer longer than its field",
        "::Titre::Énoncé {=" + "a" * 501 + " ~b}",
        _xml_question("multichoice", _answers(("a" * 501, 100), ("b", 0))),
        "dépasse 500 caractères.",
    ),
]


@pytest.mark.parametrize(("what", "block", "xml", "reason"), SHAPES, ids=[s[0] for s in SHAPES])
def test_malformed_shapes_are_refused_on_both_formats(what, block, xml, reason):
    from_gift = gift.parse(("// en-tête\n\n" + block + "\n").encode())
    assert from_gift.questions == []
    assert len(from_gift.errors) == 1
    # The question starts at its first line that is not a comment.
    line = 3 + block[: block.index("::")].count("\n")
    assert from_gift.errors[0].startswith(f"Question 1 (ligne {line}) « Titre » : ")
    assert reason in from_gift.errors[0]
    from_xml = moodlexml.parse(xml)
    assert from_xml.questions == []
    assert len(from_xml.errors) == 1
    assert from_xml.errors[0].startswith("Question 1 (ligne 3) « Titre » : ")
    assert reason in from_xml.errors[0]


@pytest.mark.django_db
@pytest.mark.parametrize("shape", [s for s in SHAPES if "database" in s[0]], ids=lambda s: s[0])
def test_the_command_refuses_what_the_database_cannot_hold(shape, tmp_path, capsys):
    """These reached the database and failed there (DataError) before."""
    path = tmp_path / "q.xml"
    path.write_bytes(shape[2])
    with pytest.raises(CommandError, match="aucune question n'a été importée"):
        call_command("import_questions", str(path), format="moodlexml")
    assert shape[3] in capsys.readouterr().err
    assert not Question.objects.exists()


@pytest.mark.django_db
def test_the_import_command_names_the_question_and_the_line(tmp_path, capsys):
    path = tmp_path / "q.gift"
    path.write_text(
        "::Bonne::Oui ? {=oui ~non}\n\n// commentaire\n::Titre::Laquelle ?\n{\n~a\n~b\n}\n",
        encoding="utf-8",
    )
    with pytest.raises(CommandError, match="1 erreur"):
        call_command("import_questions", str(path), format="gift")
    err = capsys.readouterr().err
    assert "Question 2 (ligne 4) « Titre » : Aucune réponse correcte." in err
    assert "Traceback" not in err
    assert not Question.objects.exists() and not QuestionCategory.objects.exists()


# --- GIFT line numbers --------------------------------------------------------------------------


def test_gift_errors_give_the_question_line_and_the_fault_line():
    data = (
        b"$CATEGORY: $course$/A\n"  # 1
        b"\n"
        b"// un commentaire\n"  # 3
        b"::Vide::Laquelle ? {\n"  # 4
        b"  =bonne\n"
        b"  ~\n"  # 6
        b"  ~mauvaise\n"
        b"}\n"
        b"\n"
        b"\n"
        b"::Nombre::Combien ? {#\n"  # 11
        b"  =12\n"
        b"  =douze\n"  # 13
        b"}\n"
        b"\n"
        b"::Assoc::Associez {\n"  # 16
        b"  =a -> 1\n"
        b"  =c 3\n"  # 18
        b"}\n"
        b"\n"
        b"Laquelle\\n(sur deux lignes) ? {~x ~y}\n"  # 21
    )
    assert gift.parse(data).errors == [
        "Question 1 (ligne 4) « Vide » : une réponse est vide (ligne 6).",
        "Question 2 (ligne 11) « Nombre » : La valeur « douze » n’est pas un nombre (ligne 13).",
        "Question 3 (ligne 16) « Assoc » : chaque élément d’une association s’écrit "
        "« =élément -> réponse » (ligne 18).",
        "Question 4 (ligne 21) « Laquelle (sur deux lignes) ? » : Aucune réponse correcte.",
    ]


def test_gift_line_numbers_count_a_category_and_leading_blank_lines():
    data = b"\n\n\n$CATEGORY: $course$/A\n\n::T::Q {~a ~b}\n"
    assert gift.parse(data).errors[0].startswith("Question 1 (ligne 6) « T »")
    data = b"$CATEGORY: $course$/A\n::T::Q {~a ~b}\n"
    assert gift.parse(data).errors[0].startswith("Question 1 (ligne 2) « T »")


# --- [markdown] ---------------------------------------------------------------------------------


def test_gift_markdown_is_rendered_and_cleaned():
    data = (
        "::Md::[markdown]Un **gras**, un *italique*\\n\\n- un\\n- deux\\n\\n"
        "<script>alert(1)</script> [lien](javascript:alert(1)) ![i](http://x/y.png) {\n"
        "  =[markdown]**oui** #[markdown]*bravo*\n"
        "  ~non\n"
        "  ####[markdown]Voir l’**article 10**.\n"
        "}\n"
    ).encode()
    result = gift.parse(data)
    assert result.errors == []
    question = result.questions[0]
    text = question["text"]
    assert "<strong>gras</strong>" in text and "<em>italique</em>" in text
    assert "<ul>" in text and "<li>un</li>" in text
    assert "**" not in text
    # Raw HTML is escaped by markdown-it (html=False), then nh3 keeps the allow-list only.
    # Raw HTML is escaped by markdown-it (html=False), a javascript: link is not made a link,
    # and nh3 keeps the question text's allow-list only (no link, no outside image).
    assert "<script" not in text and "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "<a" not in text and "href" not in text and "<img" not in text
    assert question["choices"][0]["text"] == "oui"
    assert question["choices"][0]["feedback"] == "bravo"
    assert question["general_feedback"] == "Voir l’article 10."


def test_gift_markdown_round_trips_through_html():
    result = gift.parse(b"::Md::[markdown]Un **gras** {=oui ~non}\n")
    assert _round_trip(result.questions)


def _round_trip(questions):
    again = gift.parse(gift.export(questions))
    assert again.errors == []
    return [q | {"images": []} for q in again.questions] == [q | {"images": []} for q in questions]


# --- Moodle's ordering syntax ---------------------------------------------------------------------


def test_gift_reads_moodle_ordering_syntax():
    data = (
        "::Procédure::Remettez dans l’ordre {>4 ALL VERTICAL ABSOLUTE_POSITION SHOW\n"
        "  Interpellation\n"
        "  Notification des droits\\n(en langue comprise)\n"
        "\n"  # not here: a blank line ends the question
    ).encode()
    assert gift.parse(data).errors  # the block is not closed
    data = (
        "::Procédure::Remettez dans l’ordre {>3 ALL VERTICAL ABSOLUTE_POSITION SHOW\n"
        "  Interpellation\n"
        "  Notification des droits\\n(en langue comprise)\n"
        "  Audition\n"
        "  ####Dans cet ordre.\n"
        "}\n"
        "\n"
        "::Court::Ordre {>2 Histoire\nGéographie}\n"
        "\n"
        "::Minimal::Ordre {>3\nun\ndeux\ntrois\n}\n"
    ).encode()
    result = gift.parse(data)
    assert result.errors == []
    procedure, court, minimal = result.questions
    assert procedure["type"] == "ordering"
    assert [p["prompt"] for p in procedure["pairs"]] == [
        "Interpellation",
        "Notification des droits\n(en langue comprise)",
        "Audition",
    ]
    assert procedure["general_feedback"] == "Dans cet ordre."
    # "H" is a layout keyword, not the start of « Histoire »: options are whole words.
    assert [p["prompt"] for p in court["pairs"]] == ["Histoire", "Géographie"]
    assert [p["prompt"] for p in minimal["pairs"]] == ["un", "deux", "trois"]


def test_gift_ordering_without_its_count_is_an_error_with_its_line():
    result = gift.parse(b"::O::Ordre {>ALL\nun\ndeux\n}\n")
    assert result.errors == [
        "Question 1 (ligne 1) « O » : une remise en ordre commence par « {>N » "
        "(N : le nombre d’éléments montrés)."
    ]


def test_gift_exports_ordering_in_moodle_syntax_and_reads_it_back():
    question = {
        "name": "Procédure",
        "type": "ordering",
        "text": "<p>Remettez dans l’ordre</p>",
        "max_score": 2.0,
        "general_feedback": "",
        "category": ["Garde à vue"],
        "choices": [],
        "pairs": [
            {"prompt": "Interpellation", "answer": ""},
            {"prompt": "Droits = {notifiés}", "answer": ""},
            {"prompt": "Audition\nfin", "answer": ""},
        ],
        "images": [],
    }
    exported = gift.export([question]).decode()
    assert "{>3 ALL VERTICAL ABSOLUTE_POSITION SHOW\n" in exported
    assert "non exportable" not in exported
    assert _round_trip([question])


# --- every type GIFT exports comes back as it left ------------------------------------------------


def _choice(text, fraction, feedback="", tolerance=None):
    return {"text": text, "fraction": fraction, "tolerance": tolerance, "feedback": feedback}


# One question of each type, with what GIFT can say of it: weights, per-answer feedback, a
# grade other than 1, a general feedback and the characters GIFT escapes.
GIFT_SAMPLES = {
    "single": {
        "choices": [
            _choice("Bamako", 100.0, "Oui : la capitale."),
            _choice("Mopti = {port}", 0.0, "Non #1"),
            _choice("Ségou", -50.0, "Non ~ plus ancienne"),
        ]
    },
    "multiple": {
        "choices": [
            _choice("Se taire", 50.0, "Oui"),
            _choice("Un avocat", 50.0),
            _choice("Partir : libre", -100.0, "Non"),
        ]
    },
    "truefalse": {"choices": [_choice("Vrai", 0.0, "Non : 48 h."), _choice("Faux", 100.0, "Oui.")]},
    "short": {"choices": [_choice("garde à vue", 100.0, "Exact"), _choice("GAV", 50.0, "Abrégé")]},
    "numerical": {
        "choices": [_choice("48", 100.0, "Exact", 2.0), _choice("24", 50.0, "Trop court", 0.0)]
    },
    "matching": {
        "pairs": [
            {"prompt": "OPJ", "answer": "officier de police judiciaire"},
            {"prompt": "GAV -> fin", "answer": "garde à vue"},
            {"prompt": "CNDH", "answer": "Commission nationale des droits de l’homme"},
        ]
    },
    "ordering": {
        "pairs": [
            {"prompt": "Interpellation", "answer": ""},
            {"prompt": "Notification des droits", "answer": ""},
            {"prompt": "Audition", "answer": ""},
        ]
    },
    # GIFT carries neither an essay's template nor its grading instructions (README).
    "essay": {"response_template": "", "grader_info": ""},
    "description": {"max_score": 0.0, "general_feedback": ""},
}


@pytest.mark.parametrize("kind", gift.EXPORTED_TYPES)
def test_every_type_gift_exports_round_trips(kind):
    """The README's table says which types GIFT writes: each is read back unchanged."""
    assert kind in GIFT_SAMPLES, f"no round-trip sample for the exported type {kind}"
    question = {
        "name": f"Exemple {kind}",
        "type": kind,
        "text": "<p>Énoncé <strong>gras</strong> : {question} ?</p>",
        "max_score": 2.5,
        "general_feedback": "Voir l’article 10 # alinéa 2.",
        "category": ["Garde à vue", "Droits/devoirs"],
        "choices": [],
        "pairs": [],
        "images": [],
    } | GIFT_SAMPLES[kind]
    result = export_file(gift, [question])
    assert result.exported == [question["name"]] and result.left_out == []
    again = gift.parse(result.data)
    assert again.errors == [] and again.skipped == []
    assert again.questions == [question]


# --- exports say what the file holds --------------------------------------------------------------


def _bank(*types):
    return [
        {
            "name": f"Q{n} {kind}",
            "type": kind,
            "text": "<p>?</p>",
            "max_score": 1.0,
            "general_feedback": "",
            "category": [],
            "choices": [
                {"text": "a", "fraction": 100.0, "tolerance": None, "feedback": ""},
                {"text": "b", "fraction": 0.0, "tolerance": None, "feedback": ""},
            ]
            if kind != "ordering"
            else [],
            "pairs": [{"prompt": "x", "answer": ""}, {"prompt": "y", "answer": ""}]
            if kind == "ordering"
            else [],
            "images": [],
        }
        for n, kind in enumerate(types, start=1)
    ]


def test_export_file_counts_what_the_file_holds():
    questions = _bank("single", "ordering", "cloze", "single")
    result = export_file(gift, questions)
    assert result.exported == ["Q1 single", "Q2 ordering", "Q4 single"]
    assert result.left_out == ["« Q3 cloze » (type cloze : type inconnu de GIFT)"]
    assert result.summary() == (
        "3 questions exportées ; 1 non exportée : « Q3 cloze » (type cloze : type inconnu de GIFT)."
    )
    again = gift.parse(result.data)
    assert [q["name"] for q in again.questions] == result.exported
    assert export_file(moodlexml, _bank("single")).summary() == "1 question exportée."


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", ["gift", "moodlexml"])
def test_export_command_reports_what_it_wrote(fmt, tmp_path, capsys):
    from quizzes.tests.factories import category_make, question_make

    category = category_make(name="Origine")
    question_make(category=category, name="Choix")
    question_make("ordering", category=category, name="Ordre")
    output = tmp_path / "export"
    call_command("export_questions", category="Origine", format=fmt, output=str(output))
    assert capsys.readouterr().err.strip() == "2 questions exportées."
    parsed = (gift if fmt == "gift" else moodlexml).parse(output.read_bytes())
    assert sorted(q["name"] for q in parsed.questions) == ["Choix", "Ordre"]
    assert parsed.errors == [] and parsed.skipped == []


# --- caps -----------------------------------------------------------------------------------------


def test_gift_answers_cap_stops_early_with_the_line(settings):
    settings.KALAN_QUESTION_IMPORT_MAX_ANSWERS = 5
    block = "::Trop::Laquelle ? {\n=r0\n" + "".join(f"~r{n}\n" for n in range(1, 9)) + "}\n"
    result = gift.parse(("::Bonne::Oui ? {=oui ~non}\n\n" + block).encode())
    assert [q["name"] for q in result.questions] == ["Bonne"]
    assert result.errors == [
        "Question 2 (ligne 3) « Trop » : 9 réponses ou éléments, au-delà de la limite de 5 par "
        "question (ligne 9)."
    ]
    settings.KALAN_QUESTION_IMPORT_MAX_ANSWERS = 9
    assert gift.parse(block.encode()).errors == []


def test_gift_ordering_and_matching_obey_the_answers_cap(settings):
    settings.KALAN_QUESTION_IMPORT_MAX_ANSWERS = 3
    ordering = "::O::Ordre {>4\nun\ndeux\ntrois\nquatre\n}\n"
    matching = "::M::Assoc {=a -> 1 =b -> 2 =c -> 3 =d -> 4}\n"
    for data in (ordering, matching):
        errors = gift.parse(data.encode()).errors
        assert len(errors) == 1 and "4 réponses ou éléments" in errors[0], errors


def test_xml_answers_cap(settings):
    settings.KALAN_QUESTION_IMPORT_MAX_ANSWERS = 3
    data = _xml_question("multichoice", _answers(("a", 100), ("b", 0), ("c", 0), ("d", 0)))
    assert moodlexml.parse(data).errors == [
        "Question 1 (ligne 3) « Titre » : 4 réponses ou éléments, au-delà de la limite de 3 "
        "par question."
    ]


@pytest.mark.parametrize("module", [gift, moodlexml])
def test_questions_cap_refuses_the_whole_file_at_the_first_one_over(module, settings):
    settings.KALAN_QUESTION_IMPORT_MAX_QUESTIONS = 3
    questions = _bank("single", "single", "single", "single")
    data = module.export(questions)
    with pytest.raises(ImportFormatError, match="plus de 3 questions"):
        module.parse(data)
    settings.KALAN_QUESTION_IMPORT_MAX_QUESTIONS = 4
    assert len(module.parse(data).questions) == 4


def test_gift_questions_cap_names_the_line(settings):
    settings.KALAN_QUESTION_IMPORT_MAX_QUESTIONS = 2
    data = "\n\n".join(f"::Q{n}::? {{=a ~b}}" for n in range(5)).encode()
    with pytest.raises(ImportFormatError) as refused:
        gift.parse(data)
    assert str(refused.value) == (
        "Le fichier contient plus de 2 questions (la question 3 commence à la ligne 5) : "
        "découpez-le en plusieurs fichiers. Rien n’a été importé."
    )


def test_text_cap(settings):
    settings.KALAN_QUESTION_IMPORT_MAX_TEXT = 100
    result = gift.parse(("::Long::" + "x" * 101 + " {=a ~b}\n").encode())
    assert result.errors == ["Question 1 (ligne 1) « Long » : l’énoncé dépasse 100 caractères."]


def test_a_hostile_answer_count_is_refused_before_it_is_built():
    """The issue's file: 223,083 answers in one question. Refused while parsing, in a few MB
    (152 MB of peak allocations before the cap, measured with tracemalloc)."""
    answers = " ".join(f"~r{n}" for n in range(1, 223_083))
    data = ("::Énorme::Laquelle ? {=r0 " + answers + "}\n").encode()
    tracemalloc.start()
    try:
        result = gift.parse(data)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert result.questions == []
    assert "223083 réponses ou éléments, au-delà de la limite de 100" in result.errors[0]
    assert peak < 30 * 1024 * 1024
