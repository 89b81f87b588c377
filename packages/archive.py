"""A package on disk or in a zip, read into memory with every limit checked first, and
written back deterministically (same files → same bytes, zip included)."""

import io
import stat
import zipfile
import zlib
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

MANIFEST = "course.yaml"
# 1980-01-01, the earliest date a zip can hold: the archive's bytes depend on its files only.
ZIP_DATE = (1980, 1, 1, 0, 0, 0)


class PackageError(Exception):
    """Nothing was written; `problems` says why, each naming its file and line."""

    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = list(problems)


def _limits():
    return (
        settings.KALAN_PACKAGE_MAX_FILES,
        settings.KALAN_PACKAGE_MAX_UNPACKED_SIZE,
        settings.KALAN_PACKAGE_MAX_RATIO,
    )


def _name_problem(name: str) -> str | None:
    if "\\" in name or "\x00" in name:
        return _("%(name)s : nom de fichier interdit dans un paquet.") % {"name": name}
    path = PurePosixPath(name)
    if path.is_absolute() or name.startswith("/") or (len(name) > 1 and name[1] == ":"):
        return _("%(name)s : chemin absolu interdit dans un paquet.") % {"name": name}
    if ".." in path.parts:
        return _("%(name)s : chemin qui sort du paquet (« .. ») interdit.") % {"name": name}
    return None


def _strip_top_folder(files: dict[str, bytes]) -> dict[str, bytes]:
    """A zip made of the folder itself (`course/course.yaml`) is read as the folder."""
    if MANIFEST in files:
        return files
    tops = {name.split("/", 1)[0] for name in files}
    if len(tops) == 1 and all("/" in name for name in files):
        top = tops.pop() + "/"
        return {name.removeprefix(top): data for name, data in files.items()}
    return files


def _open_zip(source) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(source)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise PackageError([_("Le fichier n’est pas une archive zip lisible.")]) from None


def _members_check(archive: zipfile.ZipFile) -> list[zipfile.ZipInfo]:
    """The archive's directory against the limits, before any member is read: raises
    PackageError with every problem, else returns the members to read."""
    max_files, max_total, max_ratio = _limits()
    members = [info for info in archive.infolist() if not info.is_dir()]
    if len(members) > max_files:
        raise PackageError(
            [
                _("L’archive contient %(n)d fichiers : la limite est de %(max)d.")
                % {"n": len(members), "max": max_files}
            ]
        )
    problems, total = [], 0
    for info in members:
        problem = _name_problem(info.filename)
        if problem:
            problems.append(problem)
        if stat.S_ISLNK(info.external_attr >> 16):
            problems.append(
                _("%(name)s : lien symbolique interdit dans un paquet.") % {"name": info.filename}
            )
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > 1024 * 1024 and ratio > max_ratio:
            problems.append(
                _("%(name)s : compressé %(ratio)d fois, au-delà de %(max)d (archive piégée ?).")
                % {"name": info.filename, "ratio": ratio, "max": max_ratio}
            )
    if total > max_total:
        problems.append(
            _("L’archive décompressée pèserait %(size)s : la limite est de %(max)s.")
            % {"size": filesizeformat(total), "max": filesizeformat(max_total)}
        )
    if not members:
        problems.append(_("L’archive est vide."))
    if problems:
        raise PackageError(problems)
    return members


def zip_check(source) -> None:
    """What can be said of an upload at once, from the zip's directory alone (not a zip, a
    path out of the package, a bomb…): raises PackageError. The contents are checked by the
    import itself."""
    with _open_zip(source) as archive:
        _members_check(archive)


def read_zip(data: bytes | io.IOBase) -> dict[str, bytes]:
    _max_files, max_total, _max_ratio = _limits()
    source = io.BytesIO(data) if isinstance(data, bytes | bytearray) else data
    archive = _open_zip(source)
    with archive:
        members = _members_check(archive)
        files, read = {}, 0
        for info in members:
            # The sizes in the zip's directory may lie: never read more than they promise.
            try:
                with archive.open(info) as member:
                    content = member.read(info.file_size + 1)
            except (zipfile.BadZipFile, zlib.error, NotImplementedError, RuntimeError, EOFError):
                # A wrong checksum, a method zipfile does not know, a password.
                raise PackageError(
                    [
                        _("%(name)s : fichier illisible dans l’archive (abîmée ou chiffrée).")
                        % {"name": info.filename}
                    ]
                ) from None
            read += len(content)
            if len(content) > info.file_size or read > max_total:
                raise PackageError(
                    [
                        _("%(name)s : taille annoncée fausse (archive piégée ?).")
                        % {"name": info.filename}
                    ]
                )
            files[info.filename] = content
    return _strip_top_folder(files)


def read_folder(root: Path) -> dict[str, bytes]:
    max_files, max_total, _ratio = _limits()
    if not root.is_dir():
        raise PackageError([_("%(path)s : dossier introuvable.") % {"path": root}])
    files, problems, total = {}, [], 0
    for path in sorted(root.rglob("*")):
        name = path.relative_to(root).as_posix()
        if path.is_symlink():
            problems.append(
                _("%(name)s : lien symbolique interdit dans un paquet.") % {"name": name}
            )
            continue
        if not path.is_file():
            continue
        if len(files) >= max_files:
            raise PackageError(
                [_("Le dossier contient plus de %(max)d fichiers.") % {"max": max_files}]
            )
        size = path.stat().st_size
        total += size
        if total > max_total:
            raise PackageError(
                [_("Le dossier pèse plus de %(max)s.") % {"max": filesizeformat(max_total)}]
            )
        files[name] = path.read_bytes()
    if problems:
        raise PackageError(problems)
    return files


def read_package(path: Path) -> dict[str, bytes]:
    path = Path(path)
    if path.is_dir():
        return read_folder(path)
    if not path.is_file():
        raise PackageError([_("%(path)s : fichier ou dossier introuvable.") % {"path": path}])
    limit = settings.KALAN_PACKAGE_IMPORT_MAX_SIZE
    if path.stat().st_size > limit:
        raise PackageError(
            [
                _("%(path)s pèse %(size)s : la limite est de %(max)s.")
                % {
                    "path": path.name,
                    "size": filesizeformat(path.stat().st_size),
                    "max": filesizeformat(limit),
                }
            ]
        )
    with path.open("rb") as handle:
        return read_zip(handle)


def zip_bytes(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, files[name])
    return buffer.getvalue()


def write_package(files: dict[str, bytes], destination: Path) -> None:
    """A `.zip` destination gets an archive; any other, a folder (emptied of the files of an
    older export first, so that a lesson removed since does not linger)."""
    destination = Path(destination)
    if destination.suffix == ".zip":
        destination.write_bytes(zip_bytes(files))
        return
    if destination.exists():
        for old in sorted(destination.rglob("*"), reverse=True):
            if old.is_file() or old.is_symlink():
                old.unlink()
            elif old.is_dir():
                old.rmdir()
    for name in sorted(files):
        target = destination / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(files[name])
