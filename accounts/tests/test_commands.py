import csv

import pytest
from django.core.management import CommandError, call_command

from accounts.models import Unit, User
from accounts.tests.factories import LearnerFactory, UnitFactory

pytestmark = pytest.mark.django_db

HEADER = "matricule,nom_complet,grade,unite,email,telephone\n"
GOOD = (
    HEADER + "G-100,Awa Touré,Adjudant,Gendarmerie nationale › Région de Mopti › Brigade de Sévaré,"
    "awa@example.ml,+223 70 00 00 00\n" + "G-101,Bakary Dembélé,Gendarme,"
    "Gendarmerie nationale › Région de Mopti › Brigade de Sévaré,,\n"
    + "P-200,Ali Cissé,Inspecteur,Police nationale › Commissariat 1,,\n"
)


def write(tmp_path, text, name="learners.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_good_file_creates_learners_and_units(tmp_path, capsys):
    call_command("import_learners", write(tmp_path, GOOD))
    out = capsys.readouterr().out
    assert "3 créé(s)" in out and "5 unité(s) créée(s)" in out
    awa = User.objects.get(matricule="G-100")
    assert awa.full_name == "Awa Touré"
    assert awa.unit.full_path == "Gendarmerie nationale › Région de Mopti › Brigade de Sévaré"
    assert awa.email == "awa@example.ml"
    assert awa.groups.filter(name="Apprenants").exists()
    assert not awa.has_usable_password()
    assert Unit.objects.count() == 5


def test_import_updates_existing_learners_and_reuses_units(tmp_path, capsys):
    root = UnitFactory(name="Gendarmerie nationale")
    LearnerFactory(matricule="G-100", full_name="Ancien Nom", unit=root)
    call_command("import_learners", write(tmp_path, GOOD))
    assert "1 mis à jour" in capsys.readouterr().out
    assert User.objects.get(matricule="G-100").full_name == "Awa Touré"
    assert Unit.get_root_nodes().filter(name="Gendarmerie nationale").count() == 1
    # A second run changes nothing.
    call_command("import_learners", write(tmp_path, GOOD))
    assert "3 inchangé(s)" in capsys.readouterr().out


def test_bad_row_writes_nothing_and_reports_the_line(tmp_path, capsys):
    bad = GOOD + "G-102,Sans Unité,,,,\n"
    with pytest.raises(CommandError, match="aucun apprenant n'a été importé"):
        call_command("import_learners", write(tmp_path, bad))
    assert "ligne 5 : unité manquante" in capsys.readouterr().err
    assert User.objects.count() == 0
    assert Unit.objects.count() == 0


def test_failure_while_writing_rolls_everything_back(tmp_path, monkeypatch):
    from accounts import services

    calls = {"n": 0}
    real = services.unit_get_or_create_path

    def fail_on_second(*, names, under=None):
        calls["n"] += 1
        if calls["n"] == 2:
            raise RuntimeError("disque plein")
        return real(names=names, under=under)

    monkeypatch.setattr(services, "unit_get_or_create_path", fail_on_second)
    with pytest.raises(RuntimeError):
        call_command("import_learners", write(tmp_path, GOOD))
    assert User.objects.count() == 0
    assert Unit.objects.count() == 0


def test_passwords_out_writes_initial_passwords(tmp_path):
    out = tmp_path / "passwords.csv"
    call_command("import_learners", write(tmp_path, GOOD), passwords_out=str(out))
    with out.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert {r["matricule"] for r in rows} == {"G-100", "G-101", "P-200"}
    awa = User.objects.get(matricule="G-100")
    password = next(r["mot_de_passe"] for r in rows if r["matricule"] == "G-100")
    assert awa.check_password(password)


def test_initial_passwords_never_start_like_a_formula(tmp_path, monkeypatch):
    """token_urlsafe can start with "-": such a password became a formula in Excel."""
    from accounts import services

    monkeypatch.setattr(services.secrets, "token_urlsafe", lambda n: "-1+1abcdefgh")
    out = tmp_path / "passwords.csv"
    call_command("import_learners", write(tmp_path, GOOD), passwords_out=str(out))
    with out.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        assert row["mot_de_passe"][0].isalpha()
        assert User.objects.get(matricule=row["matricule"]).check_password(row["mot_de_passe"])


def test_passwords_out_cells_go_through_the_formula_escaping(tmp_path, monkeypatch):
    from accounts import services

    monkeypatch.setattr(services, "initial_password", lambda: "=1+1")
    out = tmp_path / "passwords.csv"
    call_command("import_learners", write(tmp_path, GOOD), passwords_out=str(out))
    with out.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert {r["mot_de_passe"] for r in rows} == {"'=1+1"}


def test_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="Fichier introuvable"):
        call_command("import_learners", str(tmp_path / "absent.csv"))


def test_a_staff_matricule_is_refused_and_nothing_is_written(tmp_path, capsys, role_groups):
    from accounts import roles
    from accounts.tests.factories import UserFactory

    editor = UserFactory(matricule="CNDH-ED-9", role=roles.EDITORS, email="ed@cndh.ml")
    text = HEADER + "G-1,Awa,,A,,\nCNDH-ED-9,Éditeur,,A,attaquant@example.com,\n"
    with pytest.raises(CommandError):
        call_command("import_learners", write(tmp_path, text))
    assert "ligne 3 : le matricule CNDH-ED-9 est celui d’un compte de l’équipe" in (
        capsys.readouterr().err
    )
    editor.refresh_from_db()
    assert editor.email == "ed@cndh.ml"
    assert not User.objects.filter(matricule="G-1").exists()


@pytest.mark.django_db
def test_a_unit_path_deeper_than_the_tree_allows_is_refused_with_its_row(tmp_path, capsys):
    """treebeard's path holds 63 levels (PathOverflow beyond): the importer stops far below,
    names the row, and writes nothing, not even the good rows' units."""
    deep = " › ".join(f"Niveau {n}" for n in range(70))
    path = tmp_path / "apprenants.csv"
    path.write_text(
        "matricule,nom_complet,grade,unite\n"
        "G-1,Awa Touré,,Gendarmerie › Mopti\n"
        f'G-2,Bakary Dembélé,,"{deep}"\n'
        f"G-3,Ali Cissé,,Police › {'x' * 151}\n",
        encoding="utf-8",
    )
    with pytest.raises(CommandError, match="2 erreur"):
        call_command("import_learners", str(path))
    err = capsys.readouterr().err
    assert "ligne 3 : chemin d'unité trop profond (12 niveaux au plus)" in err
    assert "ligne 4 : nom d'unité trop long (150 caractères au plus)" in err
    assert "Traceback" not in err and "PathOverflow" not in err
    assert (
        not Unit.objects.exists() and not User.objects.filter(matricule__startswith="G-").exists()
    )
