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


def test_the_demo_learner_finds_the_demo_lessons(settings, client):
    """load_demo rebuilds the search index: a word's start finds the demo's lessons."""
    from django.urls import reverse
    from wagtail.search.models import IndexEntry

    settings.DEBUG = True
    call_command("load_demo")
    IndexEntry.objects.all().delete()  # an index made before a change of the search fields
    call_command("load_demo")
    client.force_login(User.objects.get(matricule="OPJ-0001"))
    html = client.get(reverse("courses:search"), {"q": "tortur"}).content.decode()
    assert "<mark>torture</mark>" in html.lower() and "Aucun résultat" not in html
