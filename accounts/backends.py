def axes_username(request, credentials):
    """Count failures per matricule whatever its case, as sign-in ignores case."""
    raw = (credentials or {}).get("username") or request.POST.get("username", "")
    return raw.strip().upper()
