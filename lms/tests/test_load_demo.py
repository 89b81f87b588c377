import pytest
from django.core.management import call_command

from accounts.models import Unit, User

pytestmark = pytest.mark.django_db


def test_load_demo_is_idempotent_and_prints_the_accounts(settings, capsys):
    settings.DEBUG = True
    call_command("load_demo")
    out = capsys.readouterr().out
    assert "OPJ-0001" in out and "SUP-0001" in out and "CNDH-ED-01" in out
    counts = (User.objects.count(), Unit.objects.count())
    call_command("load_demo")
    assert (User.objects.count(), Unit.objects.count()) == counts
    supervisor = User.objects.get(matricule="SUP-0001")
    assert [u.full_path for u in supervisor.supervised_units.all()] == [
        "Gendarmerie nationale › Région de Mopti"
    ]


def test_load_demo_names_a_signatory_without_overwriting_one(settings):
    from certificates.services import branding_get

    settings.DEBUG = True
    call_command("load_demo")
    branding = branding_get()
    assert branding.signatory_name and branding.signatory_title
    assert branding.signature is None
    branding.signatory_name = "Nom choisi"
    branding.save()
    call_command("load_demo")
    assert branding_get().signatory_name == "Nom choisi"


def test_load_demo_refuses_without_debug(settings):
    from django.core.management import CommandError

    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("load_demo")
