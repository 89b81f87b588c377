"""Registered in ready(); filled in by the admin slice."""


def register() -> None:
    return None
