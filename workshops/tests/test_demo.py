"""The demo's Sévaré workshop: load_demo makes it once, with figures on its report."""

import pytest
from django.core.management import call_command

from workshops.demo import TITLE
from workshops.models import Attendance, Workshop
from workshops.selectors import workshop_report

pytestmark = pytest.mark.django_db


def test_load_demo_makes_the_sevare_workshop_once_with_a_report(settings):
    settings.DEBUG = True
    call_command("load_demo")
    call_command("load_demo")
    workshop = Workshop.objects.get(title=TITLE)
    assert (workshop.start_date.isoformat(), workshop.end_date.isoformat()) == (
        "2022-11-08",
        "2022-11-10",
    )
    assert workshop.funder == "Mission EUCAP Sahel Mali"
    assert workshop.sessions.count() == 6
    assert workshop.participants.count() == 12
    assert Attendance.objects.filter(session__workshop=workshop).count() == 6 * 12
    assert workshop.pre_test_id == workshop.post_test_id is not None
    report = workshop_report(workshop)
    # Eleven have both tests (ten on Kalan, one on paper); one left without the post-test.
    assert (report.gain.count, report.pre_only, report.on_paper) == (11, 1, 1)
    # The quiz's four questions by name: the first (matching) is worth 2 points, the others
    # 1, so 1, 2, 3, 4 right answers make 40, 60, 80, 100 %.
    # Before, on Kalan: 40 60 40 60 80 40 60 40 60 60 = 540; on paper 25: mean 565 / 11.
    # After: 80 80 80 100 100 60 60 80 100 80 = 820; on paper 75: mean 895 / 11.
    assert report.gain.mean_pre == pytest.approx(565 / 11)
    assert report.gain.mean_post == pytest.approx(895 / 11)
    assert report.gain.hake_g == pytest.approx((895 - 565) / 11 / (100 - 565 / 11))
    assert report.gain.improved == 10  # OPJ-0107 stayed at 2 out of 4
    assert len(report.questions) == 4
    assert report.questions and all(q.answered_before for q in report.questions)


def test_load_demo_issues_the_attestations_of_those_who_reached_the_threshold(settings, tmp_path):
    from workshops.models import Attestation

    settings.DEBUG = True
    settings.MEDIA_ROOT = str(tmp_path)
    call_command("load_demo")
    call_command("load_demo")
    workshop = Workshop.objects.get(title=TITLE)
    issued = Attestation.objects.valid().filter(participant__workshop=workshop)
    # Everyone but OPJ-0112 (2 half-days of 6); OPJ-0107's excused afternoon leaves 5 of 6.
    assert issued.count() == 11
    assert not issued.filter(participant__learner__matricule="OPJ-0112").exists()
    assert issued.get(participant__learner__matricule="OPJ-0107").sessions_attended == 5
    assert issued.get(participant__learner__matricule="OPJ-0106").sessions_attended == 6
    assert all(a.pdf_sha256 and a.trainer_names == "Hawa Dembélé" for a in issued)
    assert {a.learner_name for a in issued} >= {"Boubacar Touré", "Fatoumata Maïga"}
