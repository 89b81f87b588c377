"""The platform's Ed25519 signing key: a PKCS8 PEM file at settings.KALAN_OB3_KEY_PATH.

The file must outlive deployments: verifiers fetch the public key from the issuer profile, so
a lost or regenerated key makes every badge already downloaded fail verification."""

import os
import tempfile
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    load_pem_private_key,
)
from django.conf import settings
from django.utils.translation import gettext as _

from .errors import OpenBadgeError


class SigningKeyError(OpenBadgeError):
    pass


def key_path() -> Path:
    return Path(settings.KALAN_OB3_KEY_PATH)


def private_key_load(path: Path | None = None) -> Ed25519PrivateKey:
    path = Path(path) if path is not None else key_path()
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise SigningKeyError(
            _(
                "Clé de signature Open Badges introuvable : %(path)s. Créez-la avec "
                "« python manage.py ob3_keygen » ou corrigez KALAN_OB3_KEY_PATH."
            )
            % {"path": path}
        ) from None
    except OSError as exc:
        raise SigningKeyError(
            _("Clé de signature Open Badges illisible : %(path)s (%(error)s).")
            % {"path": path, "error": exc.strerror}
        ) from exc
    try:
        key = load_pem_private_key(data, password=None)
    except (ValueError, TypeError) as exc:
        raise SigningKeyError(
            _("%(path)s n’est pas une clé privée PEM (PKCS8) non chiffrée.") % {"path": path}
        ) from exc
    if not isinstance(key, Ed25519PrivateKey):
        raise SigningKeyError(_("%(path)s n’est pas une clé Ed25519.") % {"path": path})
    return key


def key_generate(*, path: Path, force: bool = False) -> Ed25519PrivateKey:
    """Writes a new key, readable by its owner only (0600). An existing key is kept unless
    `force`: replacing it invalidates every badge already handed out."""
    path = Path(path)
    if path.exists() and not force:
        raise SigningKeyError(
            _(
                "La clé %(path)s existe déjà. La remplacer rendrait invérifiables les badges "
                "déjà délivrés : ajoutez --force si c’est voulu."
            )
            % {"path": path}
        )
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(Encoding.PEM, PrivateFormat.PKCS8, NoEncryption())
    # Written beside the target, then moved into place in one step: no reader ever sees
    # half a key, and the file is 0600 from its creation (mkstemp), never world-readable.
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".ob3-", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(pem)
            stream.flush()
            os.fsync(stream.fileno())
        if force:
            os.replace(temporary, path)
        else:
            # link() fails if the name exists: two concurrent runs never overwrite each other.
            try:
                os.link(temporary, path)
            except FileExistsError:
                raise SigningKeyError(
                    _("La clé %(path)s vient d’être créée par un autre processus.") % {"path": path}
                ) from None
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
    return key
