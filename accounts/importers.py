"""Reading a learners CSV into validated rows. Pure: no database writes happen here, so a bad
file is reported in full before anything is written."""

import csv
import io
import re
import unicodedata
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _

from jobs.registry import file_size_cap_error
from jobs.spreadsheets import formula_like

from .models import Unit, User, matricule_validator
from .services import LearnerRow

MAX_ROWS = 50_000
# treebeard's path column (255 characters, 4 per level) holds 63 levels; no command structure
# is that deep, and a hostile file must fail here with its line, not in the database.
UNIT_MAX_DEPTH = 12
UNIT_NAME_MAX_LENGTH = Unit._meta.get_field("name").max_length
UNIT_SEPARATORS = re.compile(r"\s*(?:›|>|/)\s*")
PHONE = re.compile(r"^\+?[0-9 ().-]{6,20}$")

# Accepted column names (compared without case, accents or punctuation).
COLUMNS = {
    "matricule": ("matricule", "service_number"),
    "full_name": ("nom_complet", "nom", "full_name", "name"),
    "rank": ("grade", "rank"),
    "unit": ("unite", "unit", "unit_path", "chemin_unite"),
    "email": ("email", "courriel", "e_mail", "mail"),
    "phone": ("telephone", "phone", "tel"),
}
REQUIRED = ("matricule", "full_name", "unit")


@dataclass
class ParseResult:
    rows: list[LearnerRow] = field(default_factory=list)
    errors: list[tuple[int, str]] = field(default_factory=list)


def _key(header: str) -> str:
    text = unicodedata.normalize("NFKD", header).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "_", text.strip().lower()).strip("_")


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ValueError(
            _(
                "Le fichier n'est pas en UTF-8 (octet invalide à la ligne %(line)d). "
                "Enregistrez-le au format « CSV UTF-8 »."
            )
            % {"line": line}
        ) from exc


def parse_learners_csv(
    data: bytes, *, unit_optional: bool = False, max_rows: int = MAX_ROWS
) -> ParseResult:
    """Returns the rows and, for each bad line, its number and the reason. With
    `unit_optional` (the file is placed under a unit chosen in the admin), the `unite` column
    may be missing or empty: such a learner goes into the chosen unit itself."""
    result = ParseResult()
    if too_large := file_size_cap_error(len(data)):
        result.errors.append((0, too_large))
        return result
    try:
        text = _decode(data)
    except ValueError as exc:
        result.errors.append((0, str(exc)))
        return result
    if not text.strip():
        result.errors.append((0, _("Le fichier est vide.")))
        return result
    first_line = text.splitlines()[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader)
    except csv.Error as exc:
        result.errors.append((1, _("Ligne illisible : %(error)s") % {"error": exc}))
        return result
    positions = {}
    for index, name in enumerate(header):
        for column, aliases in COLUMNS.items():
            if _key(name) in aliases and column not in positions:
                positions[column] = index
    required = [c for c in REQUIRED if not (unit_optional and c == "unit")]
    missing = [c for c in required if c not in positions]
    if missing:
        result.errors.append(
            (
                1,
                _("Colonnes obligatoires absentes : %(columns)s. Attendu : %(expected)s.")
                % {
                    "columns": ", ".join(COLUMNS[c][0] for c in missing),
                    "expected": "matricule, nom_complet, grade, unite, email, telephone",
                },
            )
        )
        return result

    seen: dict[str, int] = {}
    while True:
        try:
            record = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            result.errors.append(
                (reader.line_num, _("Ligne illisible : %(error)s") % {"error": exc})
            )
            break
        line = reader.line_num
        if not any(cell.strip() for cell in record):
            continue
        if len(result.rows) + len(result.errors) >= max_rows:
            result.errors.append(
                (line, _("Plus de %(max)d lignes : découpez le fichier.") % {"max": max_rows})
            )
            break
        row, problems = _row(record, positions, line, unit_optional=unit_optional)
        if row is not None and row.matricule in seen:
            problems.append(
                _("matricule %(matricule)s déjà présent à la ligne %(line)d")
                % {"matricule": row.matricule, "line": seen[row.matricule]}
            )
        if problems:
            result.errors.append((line, "; ".join(problems)))
        else:
            seen[row.matricule] = line
            result.rows.append(row)
    if not result.rows and not result.errors:
        result.errors.append((0, _("Le fichier ne contient aucun apprenant.")))
    return result


def _row(record: list[str], positions: dict[str, int], line: int, *, unit_optional: bool):
    def cell(column):
        index = positions.get(column)
        return record[index].strip() if index is not None and index < len(record) else ""

    problems = []
    matricule = cell("matricule").upper()
    if not matricule:
        problems.append(_("matricule manquant"))
    else:
        try:
            matricule_validator(matricule)
        except ValidationError:
            problems.append(_("matricule invalide « %(value)s »") % {"value": matricule[:40]})
    full_name = cell("full_name")
    max_name = User._meta.get_field("full_name").max_length
    if not full_name:
        problems.append(_("nom complet manquant"))
    elif len(full_name) > max_name:
        problems.append(_("nom complet trop long (%(max)d caractères au plus)") % {"max": max_name})
    elif formula_like(full_name):
        # No name starts so; such a cell is a spreadsheet formula planted in the file.
        problems.append(_("nom complet invalide : il commence par =, +, - ou @"))
    rank = cell("rank")
    if len(rank) > User._meta.get_field("rank").max_length:
        problems.append(_("grade trop long"))
    unit_path = [part for part in UNIT_SEPARATORS.split(cell("unit")) if part]
    if not unit_path and not unit_optional:
        problems.append(_("unité manquante"))
    elif any(len(part) > UNIT_NAME_MAX_LENGTH for part in unit_path):
        problems.append(
            _("nom d'unité trop long (%(max)d caractères au plus)") % {"max": UNIT_NAME_MAX_LENGTH}
        )
    elif any(formula_like(part) for part in unit_path):
        problems.append(_("nom d'unité invalide : il commence par =, +, - ou @"))
    elif len(unit_path) > UNIT_MAX_DEPTH:
        problems.append(
            _("chemin d'unité trop profond (%(max)d niveaux au plus)") % {"max": UNIT_MAX_DEPTH}
        )
    email = cell("email")
    if email:
        try:
            validate_email(email)
        except ValidationError:
            problems.append(_("adresse e-mail invalide « %(value)s »") % {"value": email[:80]})
    phone = cell("phone")
    if phone and not PHONE.match(phone):
        problems.append(_("numéro de téléphone invalide « %(value)s »") % {"value": phone[:40]})
    if problems:
        return (LearnerRow(line, matricule, "", "", [], "", "") if matricule else None), problems
    return LearnerRow(line, matricule, full_name, rank, unit_path, email.lower(), phone), problems


def rows_place_under(rows: list[LearnerRow], *, unit: Unit) -> list[tuple[int, str]]:
    """Makes each row's unit path relative to `unit`, in place, and returns the lines whose
    path would then be too deep. A path that already starts with the unit's own path (a file
    written with full paths) is not repeated under it; an empty path means the unit itself."""
    prefix = [u.name.lower() for u in unit.get_ancestors()] + [unit.name.lower()]
    errors = []
    for row in rows:
        lowered = [part.lower() for part in row.unit_path]
        if lowered[: len(prefix)] == prefix:
            row.unit_path = row.unit_path[len(prefix) :]
        if unit.depth + len(row.unit_path) > UNIT_MAX_DEPTH:
            errors.append(
                (
                    row.line,
                    _("chemin d'unité trop profond (%(max)d niveaux au plus)")
                    % {"max": UNIT_MAX_DEPTH},
                )
            )
    return errors
