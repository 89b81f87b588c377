"""The attestation on the participant's page, its download, the trainer's column, and its
public verification (certificates' page, through the registry)."""

import json

import pytest
from django.urls import reverse

from accounts.tests.factories import LearnerFactory, SupervisorFactory
from tracking.tests.factories import tree_build
from workshops import attestations, services

from .factories import participants_make, workshop_make

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    tree = tree_build()
    workshop = workshop_make(days=1)
    holder = LearnerFactory(unit=tree.sevare, full_name="Mariam Cissé")
    other = LearnerFactory(unit=tree.sevare, full_name="Kadidia Bocoum")
    holder_record, other_record = participants_make(workshop, [holder, other])
    for session in workshop.sessions.all():
        services.attendance_save(
            session=session,
            marks={holder_record.pk: "present", other_record.pk: "excused"},
            marked_by=None,
        )
    attestation = attestations.attestation_issue(participant_id=holder_record.pk)
    return {
        "tree": tree,
        "workshop": workshop,
        "holder": holder,
        "other": other,
        "attestation": attestation,
    }


def _download(setup):
    return reverse("workshops:attestation_download", args=[setup["attestation"].serial])


def test_the_holder_finds_and_downloads_it_from_their_workshop_page(client, setup):
    client.force_login(setup["holder"])
    html = client.get(reverse("workshops:workshop", args=[setup["workshop"].pk])).content.decode()
    assert "Votre attestation de participation est disponible." in html
    assert _download(setup) in html and setup["attestation"].code_display in html
    response = client.get(_download(setup))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert f'filename="{setup["attestation"].serial}.pdf"' in response["Content-Disposition"]


def test_below_the_threshold_the_page_states_the_rule(client, setup):
    client.force_login(setup["other"])
    html = client.get(reverse("workshops:workshop", args=[setup["workshop"].pk])).content.decode()
    assert "Présence relevée : 0 séance" in html and "sur 2." in html
    assert "à partir de 80 % des séances suivies" in html
    assert "Télécharger l’attestation" not in html


def test_reached_but_not_issued_yet_says_it_is_on_its_way(client, setup):
    from workshops.models import Attestation

    Attestation.objects.all().delete()
    client.force_login(setup["holder"])
    html = client.get(reverse("workshops:workshop", args=[setup["workshop"].pk])).content.decode()
    assert "en cours d’émission" in html


def test_the_trainer_sees_who_has_one_and_may_download_it(client, setup):
    client.force_login(setup["workshop"].trainers.get())
    html = client.get(reverse("workshops:workshop", args=[setup["workshop"].pk])).content.decode()
    assert setup["attestation"].serial in html and "Pas encore" in html
    assert "2 sur 2" in html and "0 sur 2" in html
    assert client.get(_download(setup)).status_code == 200


def test_who_may_download(client, setup):
    supervisor = SupervisorFactory(supervised_units=[setup["tree"].mopti])
    outsider = SupervisorFactory(supervised_units=[setup["tree"].segou])
    for user, status in (
        (supervisor, 200),
        (outsider, 404),
        (setup["other"], 404),  # a fellow participant
    ):
        client.force_login(user)
        assert client.get(_download(setup)).status_code == status, user
    client.logout()
    assert client.get(_download(setup)).status_code == 302
    client.force_login(setup["holder"])
    for serial in ("CNDH-AP-1999-000001", "../../etc/passwd", "x" * 300, "<script>"):
        url = reverse("workshops:attestation_download", args=[serial.replace("/", "-")])
        assert client.get(url).status_code == 404


def test_a_revoked_attestation_is_no_longer_handed_out(client, setup):
    attestations.attestation_revoke(attestation=setup["attestation"], reason="Doublon")
    client.force_login(setup["holder"])
    response = client.get(_download(setup))
    assert response.status_code == 410
    assert "Attestation révoquée" in response.content.decode()
    html = client.get(reverse("workshops:workshop", args=[setup["workshop"].pk])).content.decode()
    assert "a été révoquée le" in html and "Doublon" not in html


def test_the_public_verification_finds_it_and_says_participation(client, setup):
    attestation = setup["attestation"]
    response = client.get(reverse("certificates:verify_code", args=[attestation.code_display]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Attestation valide" in html and "Attestation de participation" in html
    assert "Mariam Cissé" in html and attestation.serial in html
    assert attestation.workshop_title in html and "Hôtel La Palmeraie, Sévaré (Mopti)" in html
    assert "2 demi-journées sur 2" in html
    assert "réussite" not in html.lower()
    # The form takes the code typed loosely, then the same page.
    typed = client.get(reverse("certificates:verify"), {"code": attestation.code.lower()})
    assert typed.status_code == 302


def test_the_public_verification_as_json(client, setup):
    attestation = setup["attestation"]
    url = reverse("certificates:verify_code", args=[attestation.code_display])
    facts = json.loads(client.get(url, {"format": "json"}).content)
    assert facts == {
        "status": "valid",
        "revoked_at": None,
        "holder": "Mariam Cissé",
        "document": "attestation_de_participation",
        "workshop": attestation.workshop_title,
        "place": attestation.place,
        "start_date": "2022-11-08",
        "end_date": "2022-11-08",
        "issued_at": facts["issued_at"],
    }
    attestations.attestation_revoke(attestation=attestation, reason="Doublon")
    revoked = json.loads(client.get(url, {"format": "json"}).content)
    assert revoked["status"] == "revoked" and revoked["revoked_at"]
    assert "Doublon" not in json.dumps(revoked)


def test_a_revoked_attestation_verifies_as_revoked(client, setup):
    attestation = setup["attestation"]
    attestations.attestation_revoke(attestation=attestation, reason="Erreur de personne")
    html = client.get(
        reverse("certificates:verify_code", args=[attestation.code_display])
    ).content.decode()
    assert "Attestation révoquée le" in html and "Attestation valide" not in html
    assert "Erreur de personne" not in html


@pytest.mark.parametrize(
    "code",
    [
        "ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ",  # well formed, unknown
        "'; DROP TABLE workshops_attestation; --",
        "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
        "A" * 500,
    ],
)
def test_bad_codes_answer_404_and_say_nothing(client, setup, code):
    response = client.get(reverse("certificates:verify_code", args=[code]))
    assert response.status_code == 404
    html = response.content.decode()
    assert "Aucune attestation ne correspond" in html
    assert "Mariam" not in html and "<script>alert" not in html


@pytest.mark.parametrize("code", ["abc", "1234-5678", "<b>ABCD</b>", "-" * 40])
def test_a_badly_formed_code_in_the_form_gets_a_french_error(client, setup, code):
    response = client.get(reverse("certificates:verify"), {"code": code})
    assert response.status_code == 400
    assert "Ce code n’a pas le bon format" in response.content.decode()


def test_a_code_with_nul_characters_is_a_bad_request(client, setup):
    response = client.get(reverse("certificates:verify"), {"code": "\x00" * 20})
    assert response.status_code == 400


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("0", "supérieure ou égale à 1"),
        ("101", "inférieure ou égale à 100"),
        ("quatre-vingts", "Saisissez un nombre entier"),
        ("-5", "supérieure ou égale à"),
    ],
)
def test_a_bad_threshold_on_the_creation_form_gets_a_french_error(client, value, message):
    supervisor = SupervisorFactory(supervised_units=[tree_build().mopti])
    client.force_login(supervisor)
    response = client.post(
        reverse("workshops:create"),
        {
            "title": "Atelier",
            "place": "Sévaré",
            "region": "Mopti",
            "start_date": "2026-03-02",
            "end_date": "2026-03-03",
            "capacity": "30",
            "attendance_threshold": value,
        },
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    from workshops.models import Workshop

    assert not Workshop.objects.exists()


def test_a_threshold_left_empty_is_the_default_80(client):
    from workshops.models import Workshop

    client.force_login(SupervisorFactory(supervised_units=[tree_build().mopti]))
    data = {
        "title": "Atelier",
        "place": "Sévaré",
        "region": "Mopti",
        "start_date": "2026-03-02",
        "end_date": "2026-03-03",
        "capacity": "30",
        "attendance_threshold": "",
    }
    assert client.post(reverse("workshops:create"), data).status_code == 302
    assert Workshop.objects.get().attendance_threshold == 80
    data["title"], data["attendance_threshold"] = "Atelier exigeant", "100"
    assert client.post(reverse("workshops:create"), data).status_code == 302
    assert Workshop.objects.get(title="Atelier exigeant").attendance_threshold == 100
