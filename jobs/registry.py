"""The kinds of background job. Apps declare theirs in `AppConfig.ready()`, so that `jobs`
imports none of them (like the course completion registry of `courses`)."""

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.utils.translation import ngettext


class JobFailed(Exception):
    """An expected failure: `message` (already translated) is shown to the owner, with the
    `errors` one by one when there are several (an import's questions)."""

    def __init__(self, message: str, errors: list[str] | None = None):
        super().__init__(message)
        self.message = message
        self.errors = list(errors or [])

    @classmethod
    def nothing_imported(cls, errors: list[str]) -> "JobFailed":
        """An all-or-nothing import refused: « Rien n’a été importé : 3 erreurs. » and each
        error (the learners', the questions' and the course packages' imports)."""
        return cls(
            ngettext(
                "Rien n’a été importé : %(n)d erreur.",
                "Rien n’a été importé : %(n)d erreurs.",
                len(errors),
            )
            % {"n": len(errors)},
            errors=errors,
        )


@dataclass
class Outcome:
    """What a runner returns: a summary for the owner, for an export the file written (a
    local temporary path, moved into the default storage under `filename`), and for an
    import the model instances it created, which the job's page lists (Job.outcome), and
    links onward, [{"label", "url"}] (an imported course in the admin's explorer)."""

    message: str
    path: Path | None = None
    filename: str = ""
    errors: list[str] = field(default_factory=list)
    created: list = field(default_factory=list)
    links: list[dict] = field(default_factory=list)


# report(processed, total) updates the progress page; total may be None when unknown.
Report = Callable[[int, int | None], None]


@dataclass(frozen=True)
class Kind:
    name: str
    label: Callable[[dict], str]  # the page title, from the job's params
    run: Callable[..., Outcome]  # run(job, report) -> Outcome; raises JobFailed
    # Who may start, see and download such a job: checked again at every request, so a
    # supervisor who lost their units no longer downloads what they exported before.
    allowed: Callable[..., bool]  # allowed(user, params)
    back_url: Callable[[dict], str]  # where the owner came from
    # The produced file is deleted as it is served (initial passwords): a second download,
    # by the owner or anyone holding their session later, finds nothing.
    download_once: bool = False


_kinds: dict[str, Kind] = {}


def kind_register(kind: Kind) -> None:
    _kinds[kind.name] = kind


def kind_get(name: str) -> Kind | None:
    """None for a kind no app declares any more (a job left from an older version)."""
    return _kinds.get(name)


def file_size_cap_error(size: int) -> str | None:
    """Why a file is too large to be read whole (KALAN_UPLOAD_MAX_SIZE), or None: the
    parsers' own check, whoever hands them the file."""
    limit = settings.KALAN_UPLOAD_MAX_SIZE
    if size > limit:
        return _("Le fichier dépasse %(size)d Mo.") % {"size": limit // (1024 * 1024)}
    return None


def upload_size_error(size: int, *, limit: int) -> str | None:
    """Why an uploaded file is refused for its size, in the current language, or None. The
    import forms say it at once, and the import jobs again (a file can reach the storage
    another way)."""
    if size > limit:
        return _("Le fichier pèse %(size)s : la limite est de %(limit)s. Découpez-le.") % {
            "size": filesizeformat(size),
            "limit": filesizeformat(limit),
        }
    return None
