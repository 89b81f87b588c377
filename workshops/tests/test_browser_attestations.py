"""In chromium: the roll call brings a participant to the threshold, a real Celery worker
issues the attestation de participation; the participant downloads it on a phone; anyone
verifies it by its code; an administrator revokes it, and the verification says so. Every
page is photographed at 390 and 1366 px, and ours are checked with axe."""

import io
import time

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from conftest import admin_sign_in, login_browser
from lms.tests.test_accessibility import axe_check

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_participant_downloads_the_attestation_and_the_public_verifies_it(
    page,
    client,
    base_url,
    wagtail_site,
    role_groups,
    page_shots,
    celery_project_worker,
    settings,
    tmp_path,
):
    from django.contrib.auth.models import Permission

    from accounts import roles
    from accounts.tests.factories import LearnerFactory, UserFactory
    from workshops import services
    from workshops.models import Attestation

    from .factories import participants_make, workshop_make

    settings.MEDIA_ROOT = str(tmp_path)
    trainer = UserFactory(matricule="CNDH-FOR-09", full_name="Hawa Dembélé")
    workshop = workshop_make(trainers=[trainer], days=2)  # four half-days
    holder, other = participants_make(
        workshop,
        [
            LearnerFactory(full_name="Mariam Cissé", rank="Maréchal des logis"),
            LearnerFactory(full_name="Cheick Oumar Diallo"),
        ],
    )
    # The trainer's roll calls: Mariam present, late, present, excused (3 of 4 = 75 %,
    # below 80 %), then corrected: the last one present after all (4 of 4).
    sessions = list(workshop.sessions.order_by("date", "part"))
    for session, status in zip(sessions, ["present", "late", "present", "excused"], strict=True):
        services.attendance_save(
            session=session, marks={holder.pk: status, other.pk: "absent"}, marked_by=trainer
        )
    assert not Attestation.objects.exists()
    services.attendance_save(session=sessions[3], marks={holder.pk: "present"}, marked_by=trainer)
    # The task queued after that commit runs in the worker.
    deadline = time.monotonic() + 60
    while not Attestation.objects.exclude(pdf_sha256="").exists():
        assert time.monotonic() < deadline, "no attestation after 60 s"
        time.sleep(0.2)
    attestation = Attestation.objects.get()
    assert attestation.participant_id == holder.pk and attestation.sessions_attended == 4

    # The participant, on a phone.
    page.set_viewport_size({"width": 390, "height": 844})
    login_browser(page, client, holder.learner, base_url)
    page.goto("/")
    page.get_by_role("link", name=workshop.title).first.click()
    page.wait_for_url(f"**/ateliers/{workshop.pk}/")
    section = page.locator("section[aria-labelledby=attestation]")
    expect(section).to_contain_text("Votre attestation de participation est disponible.")
    expect(section).to_contain_text(attestation.code_display)
    axe_check(page, "attestation sur la fiche de l’atelier")
    page_shots(page, "atelier-attestation-participant")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Télécharger l’attestation (PDF)").click()
    download = download_info.value
    assert download.suggested_filename == f"{attestation.serial}.pdf"
    data = download.path().read_bytes()
    text = " ".join(PdfReader(io.BytesIO(data)).pages[0].extract_text().split())
    assert "Attestation de participation" in text and "Mariam Cissé" in text
    assert "4 demi-journées sur 4 (100 %)" in text and "réussite" not in text.lower()

    # Anyone, signed out: the verification form, the code typed loosely.
    page.context.clear_cookies()
    page.goto("/certificats/verifier/")
    page.get_by_label("Code de vérification").fill(attestation.code.lower())
    page.get_by_role("button", name="Vérifier").click()
    page.wait_for_url(f"**/certificats/verifier/{attestation.code_display}/")
    expect(page.get_by_text("Attestation valide")).to_be_visible()
    expect(page.locator("dl.facts")).to_contain_text("Attestation de participation")
    expect(page.locator("dl.facts")).to_contain_text("4 demi-journées sur 4")
    axe_check(page, "vérification d’une attestation de participation")
    page_shots(page, "attestation-participation-verification")

    # The trainer sees who has one.
    login_browser(page, client, trainer, base_url)
    page.goto(f"/ateliers/{workshop.pk}/")
    table = page.locator("table.table")
    expect(table).to_contain_text(attestation.serial)
    expect(table).to_contain_text("Pas encore")
    axe_check(page, "atelier, colonne des attestations")
    page_shots(page, "atelier-attestations-formateur")

    # An administrator revokes it, with a reason, after a confirmation.
    role_groups[roles.ADMINISTRATORS].permissions.add(
        *Permission.objects.filter(
            content_type__app_label="workshops",
            codename__in=["change_attestation", "view_attestation"],
        )
    )
    admin = UserFactory(role=roles.ADMINISTRATORS, matricule="ADM-ATTEST")
    admin_sign_in(page, admin.matricule)
    page.goto("/admin/ateliers-attestations/")
    expect(page.locator("table.listing")).to_contain_text(attestation.serial)
    axe_check(page, "admin, attestations de participation")
    page_shots(page, "admin-attestations-participation")
    page.get_by_role("link", name="Révoquer…").click()
    axe_check(page, "admin, révoquer une attestation de participation")
    page_shots(page, "admin-attestation-participation-revoquer")
    page.get_by_label("Motif de la révocation").fill("Erreur sur la personne")
    page.get_by_role("button", name="Révoquer définitivement").click()
    expect(page.get_by_text(f"Attestation {attestation.serial} révoquée.")).to_be_visible()

    # The verification now says revoked; the holder can no longer download it.
    page.context.clear_cookies()
    page.goto(f"/certificats/verifier/{attestation.code_display}/")
    expect(page.get_by_text("Attestation révoquée le")).to_be_visible()
    page_shots(page, "attestation-participation-verification-revoquee")
    login_browser(page, client, holder.learner, base_url)
    page.goto(f"/ateliers/attestations/{attestation.serial}/pdf/")
    expect(page.get_by_role("heading", name="Attestation révoquée")).to_be_visible()
    axe_check(page, "attestation révoquée")
    page_shots(page, "attestation-participation-revoquee")
