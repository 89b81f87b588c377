"""The invitation's pages: the supervisor invites from the add page, the invited person
answers by POST from « Mes formations » or the workshop's page; hostile input gets a French
message or a 404, never a 500."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.tests.factories import LearnerFactory, SupervisorFactory, UserFactory
from tracking.tests.factories import tree_build
from workshops import services
from workshops.models import Participant, Workshop

from .factories import invitations_make, participants_make, workshop_ahead

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup(db):
    tree = tree_build()
    trainer = UserFactory(full_name="Formatrice CNDH")
    workshop = workshop_ahead(trainers=[trainer])
    supervisor = SupervisorFactory(supervised_units=[tree.mopti])
    registered = participants_make(workshop, [LearnerFactory(unit=tree.sevare)])[0]
    invited, declined = invitations_make(
        workshop,
        [
            LearnerFactory(unit=tree.sevare, full_name="Bakary Invité"),
            LearnerFactory(unit=tree.sevare, full_name="Coumba Déclinée"),
        ],
    )
    services.invitation_respond(record=declined, accept=False)
    return tree, trainer, supervisor, workshop, registered, invited, declined


def _url(workshop_pk, answer="oui"):
    return reverse("workshops:invitation_respond", args=[workshop_pk, answer])


def _status(record):
    return Participant.objects.get(pk=record.pk).status


def test_a_supervisor_invites_from_the_add_page(client, setup):
    tree, _trainer, supervisor, workshop, *_rows = setup
    picked, listed = LearnerFactory(unit=tree.sevare), LearnerFactory(unit=tree.mopti)
    client.force_login(supervisor)
    url = reverse("workshops:workshop_participants", args=[workshop.pk])
    page = client.get(url).content.decode()
    assert "Inscrire directement" in page and "Inviter (la personne confirme elle-même)" in page
    # Someone invited holds a place and is not offered again; someone who declined is.
    assert "Bakary Invité" not in page and "Coumba Déclinée" in page
    response = client.post(
        url,
        {
            "mode": "inviter",
            "learners": [picked.pk],
            "csv_file": SimpleUploadedFile("p.csv", listed.matricule.encode(), "text/csv"),
        },
        follow=True,
    )
    assert "2 invitations envoyées." in response.content.decode()
    assert {
        p.learner_id: p.status for p in workshop.participants.filter(learner__in=[picked, listed])
    } == {picked.pk: "invited", listed.pk: "invited"}


@pytest.mark.parametrize("mode", ["", "invite", "inscrire\x00", "x" * 500])
def test_a_forged_mode_adds_nobody_and_says_so(client, setup, mode):
    tree, _trainer, supervisor, workshop, *_rows = setup
    learner = LearnerFactory(unit=tree.sevare)
    client.force_login(supervisor)
    before = Participant.objects.count()
    response = client.post(
        reverse("workshops:workshop_participants", args=[workshop.pk]),
        {"mode": mode, "learners": [learner.pk]},
    )
    assert response.status_code == 200
    assert "Choisissez d’inscrire directement ou d’inviter." in response.content.decode()
    assert Participant.objects.count() == before


def test_inviting_to_a_workshop_that_is_over_says_so(client, setup):
    tree, _trainer, supervisor, workshop, *_rows = setup
    past = timezone.localdate() - timedelta(days=30)
    Workshop.objects.filter(pk=workshop.pk).update(start_date=past, end_date=past)
    client.force_login(supervisor)
    response = client.post(
        reverse("workshops:workshop_participants", args=[workshop.pk]),
        {"mode": "inviter", "learners": [LearnerFactory(unit=tree.sevare).pk]},
    )
    assert response.status_code == 200
    assert "Cet atelier est terminé : on ne peut plus y inviter." in response.content.decode()


def test_the_invited_person_sees_the_invitation_on_mes_formations(client, setup, wagtail_site):
    *_head, workshop, registered, invited, declined = setup
    client.force_login(invited.learner)
    page = client.get(reverse("home")).content.decode()
    assert "Invitation à un atelier" in page and workshop.title in page
    assert "Hôtel La Palmeraie, Sévaré (Mopti)" in page
    assert "Je confirme ma participation" in page and "Je ne pourrai pas venir" in page
    assert page.count('name="csrfmiddlewaretoken"') >= 2
    assert _url(workshop.pk, "oui") in page and _url(workshop.pk, "non") in page
    # Not yet among the workshops one takes part in.
    assert "Programme et présences" not in page
    for other in (declined, registered):
        client.force_login(other.learner)
        assert "Je confirme ma participation" not in client.get(reverse("home")).content.decode()


def test_the_workshops_page_shows_the_invitation_then_the_record(client, setup):
    *_head, workshop, _registered, invited, _declined = setup
    client.force_login(invited.learner)
    page = client.get(reverse("workshops:workshop", args=[workshop.pk])).content.decode()
    assert "Votre invitation" in page and "Je confirme ma participation" in page
    assert "Mes présences" not in page
    response = client.post(_url(workshop.pk, "oui"), follow=True)
    assert response.redirect_chain[-1][0] == reverse("workshops:workshop", args=[workshop.pk])
    page = response.content.decode()
    assert "Participation confirmée : votre inscription à l’atelier est enregistrée." in page
    assert "Mes présences" in page and "Je confirme ma participation" not in page
    assert _status(invited) == "registered"


def test_declining_then_answering_again_says_so_and_changes_nothing(client, setup):
    *_head, workshop, _registered, invited, _declined = setup
    client.force_login(invited.learner)
    page = client.post(_url(workshop.pk, "non"), follow=True).content.decode()
    assert "Réponse enregistrée : vous ne participerez pas à cet atelier." in page
    assert "que vous ne pourrez pas venir à cet atelier." in page
    response = client.post(_url(workshop.pk, "oui"), follow=True)
    assert response.status_code == 200
    assert "Vous avez déjà répondu que vous ne pourrez pas venir" in response.content.decode()
    assert _status(invited) == "declined"


def test_someone_elses_invitation_or_none_is_404(client, setup):
    tree, trainer, supervisor, workshop, registered, invited, _declined = setup
    for intruder in (LearnerFactory(unit=tree.sevare), registered.learner, supervisor, trainer):
        client.force_login(intruder)
        for answer in ("oui", "non"):
            assert client.post(_url(workshop.pk, answer)).status_code == 404
    assert _status(invited) == "invited" and _status(registered) == "registered"


@pytest.mark.parametrize(
    "path",
    [
        "/ateliers/999999/invitation/oui/",
        "/ateliers/99999999999999999999999/invitation/oui/",
        "/ateliers/0/invitation/non/",
        "/ateliers/{pk}/invitation/peut-etre/",
        "/ateliers/{pk}/invitation/OUI/",
        "/ateliers/-1/invitation/oui/",
        "/ateliers/abc/invitation/oui/",
    ],
)
def test_bad_ids_and_answers_are_404(client, setup, path):
    *_head, workshop, _registered, invited, _declined = setup
    client.force_login(invited.learner)
    assert client.post(path.format(pk=workshop.pk)).status_code == 404
    assert _status(invited) == "invited"


def test_get_is_405_and_a_post_without_csrf_is_refused(setup):
    *_head, workshop, _registered, invited, _declined = setup
    client = Client(enforce_csrf_checks=True)
    client.force_login(invited.learner)
    assert client.get(_url(workshop.pk)).status_code == 405
    assert client.post(_url(workshop.pk)).status_code == 403
    assert _status(invited) == "invited"
    # With the page's token, it goes through.
    page = client.get(reverse("workshops:workshop", args=[workshop.pk]))
    token = page.cookies["csrftoken"].value if "csrftoken" in page.cookies else None
    token = token or client.cookies["csrftoken"].value
    assert client.post(_url(workshop.pk), {"csrfmiddlewaretoken": token}).status_code == 302
    assert _status(invited) == "registered"


def test_signed_out_the_answer_goes_to_sign_in(client, setup):
    *_head, workshop, _registered, invited, _declined = setup
    response = client.post(_url(workshop.pk))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
    assert _status(invited) == "invited"


def test_after_the_last_day_the_page_says_so_and_the_answer_is_refused(client, setup):
    *_head, workshop, _registered, invited, _declined = setup
    past = timezone.localdate() - timedelta(days=2)
    Workshop.objects.filter(pk=workshop.pk).update(start_date=past, end_date=past)
    client.force_login(invited.learner)
    page = client.get(reverse("workshops:workshop", args=[workshop.pk])).content.decode()
    message = "Cet atelier est terminé : il n’est plus possible de répondre à l’invitation."
    assert message in page and "Je confirme ma participation" not in page
    response = client.post(_url(workshop.pk), follow=True)
    assert message in response.content.decode()
    assert _status(invited) == "invited"


def test_the_trainer_and_supervisor_see_the_invitations_apart(client, setup):
    _tree, trainer, supervisor, workshop, registered, invited, declined = setup
    for person in (trainer, supervisor):
        client.force_login(person)
        page = client.get(reverse("workshops:workshop", args=[workshop.pk])).content.decode()
        participants, invitations = page.split('id="invitations"')
        assert "1 participation" in participants and registered.learner.full_name in participants
        assert "Bakary Invité" not in participants and "Coumba Déclinée" not in participants
        assert "Bakary Invité" in invitations and invited.learner.matricule in invitations
        assert "En attente de réponse" in invitations and "Invitation déclinée" in invitations
        assert "déclinée le" in invitations and "envoyée le" in invitations
        assert declined.learner.matricule in invitations


def test_the_roll_call_page_lists_only_the_registered(client, setup):
    _tree, trainer, _supervisor, workshop, registered, invited, declined = setup
    session = workshop.sessions.first()
    client.force_login(trainer)
    url = reverse("workshops:workshop_attendance", args=[workshop.pk, session.pk])
    page = client.get(url).content.decode()
    assert registered.learner.full_name in page
    assert "Bakary Invité" not in page and "Coumba Déclinée" not in page
    response = client.post(url, {f"p-{invited.pk}": "present"})
    assert not invited.attendances.exists()
    assert response.status_code == 302  # an unknown row is not in the form: nothing saved
    paper = client.get(reverse("workshops:workshop_paper_scores", args=[workshop.pk, "pre"]))
    assert "Bakary Invité" not in paper.content.decode()
    assert declined.learner.full_name not in paper.content.decode()


def test_the_reports_pages_leave_the_invitations_out(client, setup):
    _tree, trainer, _supervisor, workshop, registered, _invited, _declined = setup
    client.force_login(trainer)
    page = client.get(reverse("workshops:workshop_report", args=[workshop.pk])).content.decode()
    assert registered.learner.full_name in page
    assert "Bakary Invité" not in page and "Coumba Déclinée" not in page
    assert "0 sur 1 participations." in page
    funders = client.get(reverse("workshops:workshop_funders", args=[workshop.pk]))
    assert funders.status_code == 200
    assert funders.context["report"].participations == 1
