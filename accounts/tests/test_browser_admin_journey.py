"""The administrator's journey, end to end in a browser (issue 15): add a unit, move it, import
learners into it through the admin's background job, see them counted on the units list, then
revoke a certificate with a reason and a confirmation; the public page then says « révoquée »."""

import re
import time

import pytest
from django.contrib.auth.models import Permission

from accounts import roles
from accounts.models import Unit, User
from accounts.tests.factories import LearnerFactory, UnitFactory, UserFactory
from certificates.models import Certificate
from certificates.tests.factories import completed_enrollment

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CSV = (
    "matricule;nom_complet;grade;unite;email;telephone\n"
    "G-2001;Awa Traoré;Adjudant;;;+223 70 00 00 01\n"
    "G-2002;Moussa Diarra;Gendarme;;moussa@example.ml;\n"
    "G-2003;Fanta Keïta;Maréchal des logis;Poste de Ber;;\n"
)


def _wait_for(condition, timeout=30):
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.2)


def test_an_administrator_adds_moves_imports_and_revokes(
    page,
    wagtail_site,
    role_groups,
    celery_project_worker,
    settings,
    tmp_path,
    screenshot_dir,
):
    from playwright.sync_api import expect

    settings.MEDIA_ROOT = str(tmp_path)
    # The flush after transactional tests removes what migration 0002 gave administrators.
    role_groups[roles.ADMINISTRATORS].permissions.add(
        *Permission.objects.filter(content_type__app_label__in=["accounts", "certificates"])
    )
    UserFactory(matricule="CNDH-ADM-01", role=roles.ADMINISTRATORS, full_name="Adama Coulibaly")
    gendarmerie = UnitFactory(name="Gendarmerie nationale")
    UnitFactory(name="Région de Gao", parent=Unit.objects.get(pk=gendarmerie.pk))
    UnitFactory(name="Région de Tombouctou", parent=Unit.objects.get(pk=gendarmerie.pk))
    # A learner with a certificate, issued by the real worker once the course is completed.
    holder = LearnerFactory(full_name="Oumar Sangaré", unit=Unit.objects.get(name="Région de Gao"))
    completed_enrollment(learner=holder, title="Droits de la personne gardée à vue")
    _wait_for(lambda: Certificate.objects.filter(learner=holder).exclude(pdf_sha256="").exists())
    certificate = Certificate.objects.get(learner=holder)

    page.goto("/admin/login/")
    page.fill("input[name=username]", "CNDH-ADM-01")
    page.fill("input[name=password]", "motdepasse-test")
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/")

    # Adds « Brigade de Bourem » under Gao.
    # The administrator's pages sit together under « Administration » in the menu.
    page.set_viewport_size({"width": 1366, "height": 900})
    page.get_by_role("button", name="Administration").click()
    units_link = page.get_by_role("link", name="Unités").first
    units_link.wait_for()
    page.wait_for_timeout(400)  # the submenu slides in
    page.screenshot(path=screenshot_dir / "admin-menu-administration-1366.png")
    units_link.click()
    page.get_by_role("link", name="Ajouter une unité").first.click()
    page.get_by_label("Nom").fill("Brigade de Bourem")
    page.get_by_label("Unité parente").select_option(label="— Région de Gao")
    page.get_by_role("button", name="Créer").click()
    expect(page.locator("main")).to_contain_text("Brigade de Bourem")
    bourem = Unit.objects.get(name="Brigade de Bourem")
    assert bourem.full_path == "Gendarmerie nationale › Région de Gao › Brigade de Bourem"

    # Moves it under Tombouctou.
    page.get_by_role("link", name=re.compile("Brigade de Bourem")).first.click()
    page.get_by_label("Unité parente").select_option(label="— Région de Tombouctou")
    page.get_by_role("button", name="Enregistrer").click()
    expect(page.locator("main")).to_contain_text("Brigade de Bourem")
    bourem = Unit.objects.get(name="Brigade de Bourem")
    assert bourem.full_path == "Gendarmerie nationale › Région de Tombouctou › Brigade de Bourem"

    # Imports three learners into it from the admin menu, and waits for the job.
    csv_file = tmp_path / "bourem.csv"
    csv_file.write_text(CSV, encoding="utf-8")
    page.get_by_role("button", name="Administration").click()
    page.get_by_role("link", name="Importer des apprenants").first.click()
    for width, height in ((390, 844), (1366, 900)):
        page.set_viewport_size({"width": width, "height": height})
        page.screenshot(
            path=screenshot_dir / f"admin-import-apprenants-{width}.png", full_page=True
        )
    page.get_by_label("Fichier CSV").set_input_files(csv_file)
    page.get_by_label("Importer dans l’unité").select_option(label="— — Brigade de Bourem")
    page.get_by_role("button", name="Importer").click()
    page.wait_for_url("**/taches/*/")
    page.get_by_text("Import terminé").wait_for(timeout=30_000)  # after the page's refreshes
    main = page.locator("main").inner_text()
    assert "3 créé(s), 0 mis à jour, 0 inchangé(s), 1 unité(s) créée(s)." in main
    for width, height in ((390, 844), (1366, 900)):
        page.set_viewport_size({"width": width, "height": height})
        page.screenshot(
            path=screenshot_dir / f"tache-import-apprenants-{width}.png", full_page=True
        )
    assert User.objects.get(matricule="G-2001").unit == bourem
    assert User.objects.get(matricule="G-2003").unit.full_path.endswith("Bourem › Poste de Ber")

    # The units list counts them: 2 in Bourem itself, 3 with Poste de Ber.
    page.goto("/admin/unites/")
    bourem_row = page.locator("tr", has_text="Brigade de Bourem")
    expect(bourem_row.locator("td")).to_contain_text(["Brigade de Bourem", "2", "3"])
    expect(page.locator("tr", has_text="Région de Tombouctou").locator("td")).to_contain_text(
        ["Région de Tombouctou", "0", "3"]
    )

    # Revokes the certificate with a reason, through the confirmation page.
    page.set_viewport_size({"width": 1366, "height": 900})
    page.get_by_role("button", name="Administration").click()
    page.get_by_role("link", name="Attestations").first.click()
    page.locator("tr", has_text="Oumar Sangaré").get_by_role("link", name="Révoquer…").click()
    expect(page.locator("main")).to_contain_text("Une révocation est définitive")
    page.get_by_label("Motif de la révocation").fill("Délivrée par erreur : formation non suivie.")
    page.get_by_role("button", name="Révoquer définitivement").click()
    expect(page.locator("body")).to_contain_text(f"Attestation {certificate.serial} révoquée.")
    certificate.refresh_from_db()
    assert certificate.revoked_reason == "Délivrée par erreur : formation non suivie."

    # The public verification page, for anybody, says « révoquée ».
    page.context.clear_cookies()
    page.goto(f"/certificats/verifier/{certificate.code}/")
    expect(page.locator("main")).to_contain_text("Attestation révoquée le")
