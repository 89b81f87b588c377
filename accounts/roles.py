"""The role groups. Their names are data (created by migration 0002), not translated strings."""

LEARNERS = "Apprenants"
EDITORS = "Éditeurs"
REVIEWERS = "Relecteurs"
SUPERVISORS = "Superviseurs"
ADMINISTRATORS = "Administrateurs"

ALL = (LEARNERS, EDITORS, REVIEWERS, SUPERVISORS, ADMINISTRATORS)
# Only these groups reach the Wagtail admin.
ADMIN_ACCESS = (EDITORS, REVIEWERS, ADMINISTRATORS)
