"""In chromium on a phone (390 by 844): a supervisor invites two learners to a workshop; one
confirms on « Mes formations », the other opens the workshop's page and declines; the
supervisor then sees one participation and the declined invitation apart. Every page is
checked with axe and photographed at 390 and 1366 px."""

import pytest

from conftest import login_browser
from lms.tests.test_accessibility import axe_check

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_supervisor_invites_two_learners_one_confirms_the_other_declines(
    page, client, base_url, wagtail_site, role_groups, page_shots
):
    from accounts.tests.factories import LearnerFactory, SupervisorFactory
    from courses.models import Enrollment
    from courses.tests.factories import course_build
    from tracking.tests.factories import tree_build
    from workshops.models import Participant

    from .factories import workshop_ahead

    tree = tree_build()
    supervisor = SupervisorFactory(supervised_units=[tree.mopti], full_name="Seydou Sangaré")
    course = course_build(title="Droits humains et OPJ", modules=1, lessons=1)
    workshop = workshop_ahead(
        created_by=supervisor, title="Atelier des OPJ de Mopti", course=course, capacity=20
    )
    mariam, kadidia = (
        LearnerFactory(unit=tree.sevare, full_name=name, email=f"{slug}@example.ml")
        for name, slug in (("Mariam Cissé", "mariam"), ("Kadidia Bocoum", "kadidia"))
    )

    page.set_viewport_size({"width": 390, "height": 844})
    login_browser(page, client, supervisor, base_url)
    page.goto(f"/ateliers/{workshop.pk}/")
    page.get_by_role("link", name="Ajouter des participants").click()
    page.get_by_label("Inviter (la personne confirme elle-même)").check()
    for learner in (mariam, kadidia):
        page.get_by_label(f"{learner.full_name} · {learner.matricule}", exact=False).check()
    axe_check(page, "inviter des participants")
    page_shots(page, "atelier-inviter")
    page.get_by_role("button", name="Valider").click()
    page.wait_for_url(f"**/ateliers/{workshop.pk}/")
    assert "2 invitations envoyées." in page.content()
    invitations = page.get_by_role("region", name="Invitations").first
    assert invitations.get_by_text("En attente de réponse").count() == 2
    assert "Aucune inscription confirmée pour l’instant." in page.content()
    axe_check(page, "atelier avec invitations")
    page_shots(page, "atelier-invitations-en-attente")

    # Mariam confirms from « Mes formations ».
    login_browser(page, client, mariam, base_url)
    page.goto("/")
    card = page.locator("article", has_text=workshop.title)
    assert "Hôtel La Palmeraie, Sévaré (Mopti)" in card.inner_text()
    axe_check(page, "mes formations avec une invitation")
    page_shots(page, "mes-formations-invitation")
    card.get_by_role("button", name="Je confirme ma participation").click()
    page.wait_for_url(f"**/ateliers/{workshop.pk}/")
    assert "Participation confirmée" in page.content() and "Mes présences" in page.content()
    axe_check(page, "participation confirmée")
    page_shots(page, "atelier-participation-confirmee")
    page.goto("/")
    assert page.get_by_role("button", name="Je confirme ma participation").count() == 0
    assert page.get_by_role("heading", name="Ateliers en présentiel").is_visible()

    # Kadidia opens the workshop's page from « Mes formations » and declines there.
    login_browser(page, client, kadidia, base_url)
    page.goto("/")
    page.get_by_role("link", name=workshop.title, exact=True).click()
    page.wait_for_url(f"**/ateliers/{workshop.pk}/")
    assert page.get_by_role("heading", name="Votre invitation").is_visible()
    axe_check(page, "invitation")
    page_shots(page, "atelier-invitation")
    page.get_by_role("button", name="Je ne pourrai pas venir").click()
    page.wait_for_url(f"**/ateliers/{workshop.pk}/")
    assert "Réponse enregistrée" in page.content()
    assert "que vous ne pourrez pas venir à cet atelier." in page.content()
    axe_check(page, "invitation déclinée")
    page_shots(page, "atelier-invitation-declinee")

    assert dict(workshop.participants.values_list("learner_id", "status")) == {
        mariam.pk: Participant.Status.REGISTERED,
        kadidia.pk: Participant.Status.DECLINED,
    }
    assert list(Enrollment.objects.values_list("learner_id", flat=True)) == [mariam.pk]

    # The supervisor: one participation, the declined invitation apart.
    login_browser(page, client, supervisor, base_url)
    page.goto(f"/ateliers/{workshop.pk}/")
    assert page.get_by_role("heading", name="1 participation").is_visible()
    invitations = page.get_by_role("region", name="Invitations").first
    assert "Kadidia Bocoum" in invitations.inner_text()
    assert "Invitation déclinée" in invitations.inner_text()
    assert "Mariam Cissé" not in invitations.inner_text()
    axe_check(page, "atelier après les réponses")
    page_shots(page, "atelier-invitations-repondues")
