"""Issue 16, point 12: the interface speaks to officers of any gender. Participles about the
person (« Vous êtes inscrit », « Inscrit le ») and « cet apprenant » read as male; the
wording is neutral instead (« Vous suivez désormais… », « Inscription le… »)."""

import re
from pathlib import Path

from django.conf import settings

GENDERED = re.compile(
    # « les personnes inscrites » agrees with « personnes »: neutral.
    r"(?<!personnes )\b(?:inscrite?s?|connectée?s?|déconnectée?s?|prête?s?|invitée?s?)\b"
    r"|\bbienvenue?s?\b"
    # A course is « affectée »; people « affectés » are counted as « Affectations ».
    r"|\baffectés?\b|\bcet apprenant\b",
    re.IGNORECASE,
)
# content/ holds course packages: lesson texts written by the CNDH, not the interface.
SKIPPED_PARTS = {"tests", "migrations", ".venv", "var", "staticfiles", "node_modules", "content"}
SKIPPED_FILES: set[str] = set()


def _sources():
    root = Path(settings.BASE_DIR)
    for path in root.rglob("*"):
        if path.suffix not in {".html", ".txt", ".py"} or not path.is_file():
            continue
        parts = set(path.relative_to(root).parts)
        if parts & SKIPPED_PARTS or path.name in SKIPPED_FILES:
            continue
        yield root, path


def test_no_gendered_participle_about_the_user_in_our_strings():
    found = []
    for root, path in _sources():
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            # Comments and identifiers in English are not shown; French strings are quoted or
            # in templates.
            if path.suffix == ".py" and not re.search(r"[\"'].*[\"']", line):
                continue
            for match in GENDERED.finditer(line):
                found.append(f"{path.relative_to(root)}:{number}: {match.group(0)}")
    assert not found, "\n".join(found)
