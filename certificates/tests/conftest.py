import pytest

from certificates.openbadges import keys


@pytest.fixture(autouse=True)
def ob3_key(settings, tmp_path):
    """Every certificates test signs with a throwaway key, never the machine's var/ one."""
    path = tmp_path / "ob3-keys" / "ob3-ed25519.pem"
    settings.KALAN_OB3_KEY_PATH = path
    return keys.key_generate(path=path)
