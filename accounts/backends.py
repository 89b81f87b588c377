from django.contrib.auth.backends import ModelBackend


class MatriculeBackend(ModelBackend):
    """Django's backend; the manager's natural key makes the matricule case-insensitive."""


def axes_username(request, credentials):
    """Count failures per matricule whatever its case, as sign-in ignores case."""
    raw = (credentials or {}).get("username") or request.POST.get("username", "")
    return raw.strip().upper()
