from accounts.importers import parse_learners_csv

HEADER = "matricule,nom_complet,grade,unite,email,telephone\n"


def test_parses_a_good_file():
    data = (
        HEADER
        + "g-100,Awa Touré,Adjudant,Gendarmerie nationale › Région de Mopti › Brigade de Sévaré,"
        "awa@example.ml,+223 70 00 00 00\n"
        + "G-101,Bakary Dembélé,,Police nationale > Commissariat 1,,\n"
    ).encode()
    result = parse_learners_csv(data)
    assert result.errors == []
    assert [r.matricule for r in result.rows] == ["G-100", "G-101"]
    assert result.rows[0].unit_path == [
        "Gendarmerie nationale",
        "Région de Mopti",
        "Brigade de Sévaré",
    ]
    assert result.rows[1].unit_path == ["Police nationale", "Commissariat 1"]


def test_accepts_bom_semicolons_and_english_headers():
    data = "\ufeffmatricule;full_name;rank;unit;email;phone\nP-1;Ali Cissé;Inspecteur;A/B;;\n"
    result = parse_learners_csv(data.encode("utf-8"))
    assert result.errors == []
    assert result.rows[0].full_name == "Ali Cissé"
    assert result.rows[0].unit_path == ["A", "B"]


def test_reports_each_bad_row_with_its_line_number_and_reason():
    data = (
        HEADER
        + "G-1,Awa Touré,,A › B,not-an-email,\n"  # line 2
        + ",Sans Matricule,,A,,\n"  # line 3
        + "G-2,,,A,,\n"  # line 4
        + "G-3,Nom,,,,\n"  # line 5
        + "G-4,Nom,,A,,abc\n"  # line 6
        + "G-5,Bon,,A,,\n"  # line 7: valid
        + "g-5,Doublon,,A,,\n"  # line 8: duplicate of line 7
        + "G 6!,Nom,,A,,\n"  # line 9
    ).encode()
    result = parse_learners_csv(data)
    errors = dict(result.errors)
    assert sorted(errors) == [2, 3, 4, 5, 6, 8, 9]
    assert "adresse e-mail invalide" in errors[2]
    assert "matricule manquant" in errors[3]
    assert "nom complet manquant" in errors[4]
    assert "unité manquante" in errors[5]
    assert "téléphone invalide" in errors[6]
    assert "déjà présent à la ligne 7" in errors[8]
    assert "matricule invalide" in errors[9]


def test_rejects_missing_columns():
    result = parse_learners_csv(b"matricule,grade\nG-1,Adjudant\n")
    assert len(result.errors) == 1
    line, reason = result.errors[0]
    assert line == 1
    assert "nom_complet" in reason and "unite" in reason


def test_rejects_a_file_that_is_not_utf8():
    data = (HEADER + "G-1,Awa Touré,,Brigade de Sévaré,,\n").encode("cp1252")
    result = parse_learners_csv(data)
    assert result.rows == []
    assert "UTF-8" in result.errors[0][1]
    assert "ligne 2" in result.errors[0][1]


def test_rejects_empty_and_header_only_files():
    assert "vide" in parse_learners_csv(b"").errors[0][1]
    assert "aucun apprenant" in parse_learners_csv(HEADER.encode()).errors[0][1]


def test_rejects_an_oversized_file():
    result = parse_learners_csv(b"x" * (10 * 1024 * 1024 + 1))
    assert "10 Mo" in result.errors[0][1]


def test_the_size_cap_is_the_upload_setting(settings):
    settings.KALAN_UPLOAD_MAX_SIZE = 1024 * 1024
    over = parse_learners_csv(b"x" * (1024 * 1024 + 1))
    assert over.errors == [(0, "Le fichier dépasse 1 Mo.")] and not over.rows
    at_cap = HEADER.encode() + b"#" * (1024 * 1024 - len(HEADER))
    assert len(at_cap) == 1024 * 1024
    assert all("dépasse" not in message for _line, message in parse_learners_csv(at_cap).errors)
