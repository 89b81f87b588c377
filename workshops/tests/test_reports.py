"""The funders' report against a two-workshop example computed by hand, its scope for a
supervisor, and its query count."""

from datetime import UTC, date, datetime

import pytest
from django.db import connection
from django.db.models import Q
from django.test.utils import CaptureQueriesContext

from accounts.tests.factories import LearnerFactory, SupervisorFactory, UnitFactory
from courses.models import Enrollment
from courses.tests.factories import course_build
from quizzes.tests.factories import question_make, quiz_make
from tracking.tests.factories import tree_build
from workshops import reports, services
from workshops.demo import attempt_with_answers

from .factories import participants_make, workshop_make

pytestmark = pytest.mark.django_db


def _moment(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 9, tzinfo=UTC)


def _mark(workshop, records, statuses):
    """`statuses`: for each record, one status per session in order ('' leaves it unmarked)."""
    sessions = list(workshop.sessions.order_by("date", "part"))
    for index, session in enumerate(sessions):
        marks = {
            record.pk: row[index]
            for record, row in zip(records, statuses, strict=True)
            if row[index]
        }
        services.attendance_save(session=session, marks=marks, marked_by=None)


@pytest.fixture
def example(db):
    """Workshop A (Mopti, 8-10 Nov 2022, EUCAP, with the course and one quiz for both tests):
    p1, p2, p3. Workshop B (Ségou, 6 Mar 2023, PNUD, no course, paper tests): p1, p4.

    - p1 Adjudant, Brigade de Sévaré: A present 6/6, tests 25 % → 75 %; B present 2/2, paper
      40 → 70; enrolled before A, completed the course on 1 Dec 2022.
    - p2 Maréchal des logis, Région de Ségou: A present at the first session, absent 5, tests
      50 % → 100 %; enrolled before A, nothing since.
    - p3 Inspecteur de police, Police › Direction régionale de Mopti: A absent 5, late at the
      last session, no test; enrolled before A, nothing since.
    - p4 Adjudant, Brigade de Sévaré: B late, then excused; paper 60 → 60."""
    tree = tree_build()
    police = UnitFactory(name="Police nationale")
    police_mopti = UnitFactory(name="Direction régionale de Mopti", parent=police)
    p1 = LearnerFactory(full_name="P1", rank="Adjudant", unit=tree.sevare)
    p2 = LearnerFactory(full_name="P2", rank="Maréchal des logis", unit=tree.segou)
    p3 = LearnerFactory(full_name="P3", rank="Inspecteur de police", unit=police_mopti)
    p4 = LearnerFactory(full_name="P4", rank=" Adjudant ", unit=tree.sevare)
    course = course_build(title="Droits humains et OPJ", modules=1, lessons=1, sequential=False)
    quiz = quiz_make(
        course,
        questions=[question_make(name=f"Question {n}") for n in range(1, 5)],
        title="Test de l’atelier",
        delay_minutes=0,
    )
    a = workshop_make(
        title="Atelier A",
        region="Mopti",
        funder="EUCAP Sahel Mali",
        start_date=date(2022, 11, 8),
        end_date=date(2022, 11, 10),
        course=course,
        pre_test=quiz,
        post_test=quiz,
    )
    b = workshop_make(
        title="Atelier B",
        region="Ségou",
        funder="PNUD",
        start_date=date(2023, 3, 6),
        end_date=date(2023, 3, 6),
    )
    a1, a2, a3 = participants_make(a, [p1, p2, p3])
    b1, b4 = participants_make(b, [p1, p4])
    present, absent, late, excused = "present", "absent", "late", "excused"
    _mark(
        a,
        [a1, a2, a3],
        [
            [present] * 6,
            [present] + [absent] * 5,
            [absent] * 5 + [late],
        ],
    )
    _mark(b, [b1, b4], [[present, present], [late, excused]])
    for learner, pre, post in ((p1, 1, 3), (p2, 2, 4)):
        attempt_with_answers(learner=learner, quiz=quiz, right=pre)
        attempt_with_answers(learner=learner, quiz=quiz, right=post)
    for record, pre, post in ((b1, 40, 70), (b4, 60, 60)):
        services.paper_result_enter(participant=record, kind="pre", percent=pre, entered_by=None)
        services.paper_result_enter(participant=record, kind="post", percent=post, entered_by=None)
    before = _moment(date(2022, 10, 1))
    Enrollment.objects.filter(course=course).update(
        enrolled_at=before, started_at=None, completed_at=None
    )
    Enrollment.objects.filter(course=course, learner=p1).update(
        started_at=_moment(date(2022, 10, 2)), completed_at=_moment(date(2022, 12, 1))
    )
    return {"tree": tree, "a": a, "b": b, "people": (p1, p2, p3, p4)}


def _report(workshops, people_q=None):
    return reports.funders_report(workshops=workshops, people_q=people_q or Q())


def test_the_figures_match_the_hand_computed_example(example):
    report = _report([example["a"], example["b"]])
    line_a, line_b = report.lines
    # Workshop A: 3 participations, 3 trained (p3 late once), 8 attended marks of 18.
    assert (line_a.participants, line_a.trained, line_a.attended, line_a.marked) == (3, 3, 8, 18)
    assert line_a.attendance_rate == pytest.approx(100 * 8 / 18)
    assert line_a.gain.count == 2
    assert line_a.gain.mean_pre == pytest.approx(37.5)
    assert line_a.gain.mean_post == pytest.approx(87.5)
    assert line_a.gain.hake_g == pytest.approx(0.8)  # 50 / 62.5
    assert line_a.gain.improved == 2
    # Follow-up: of p1, p2, p3 (trained), p1 completed on 1 Dec; the others did nothing since.
    assert (line_a.relays, line_a.followed, line_a.completed) == (3, 1, 1)
    # Workshop B: paper scores (40 → 70, 60 → 60), no course.
    assert (line_b.participants, line_b.trained, line_b.attended, line_b.marked) == (2, 2, 3, 4)
    assert line_b.gain.mean_pre == pytest.approx(50)
    assert line_b.gain.mean_post == pytest.approx(65)
    assert line_b.gain.hake_g == pytest.approx(0.3)  # 15 / 50
    assert line_b.gain.improved == 1
    assert (line_b.relays, line_b.followed, line_b.completed) == (None, None, None)
    # Across both: p1 counts once.
    assert (report.trained, report.participations) == (4, 5)
    assert (report.attended, report.marked) == (11, 22)
    assert report.attendance_rate == pytest.approx(50)
    g = report.gain
    assert g.count == 4
    assert g.mean_pre == pytest.approx(43.75)  # (25 + 50 + 40 + 60) / 4
    assert g.mean_post == pytest.approx(76.25)  # (75 + 100 + 70 + 60) / 4
    assert g.mean_gain == pytest.approx(32.5)
    assert g.hake_g == pytest.approx(32.5 / 56.25)
    assert g.improved == 3
    assert (report.relays, report.followed, report.completed) == (3, 1, 1)
    assert report.completed_rate == pytest.approx(100 / 3)
    shares = lambda items: [(s.label, s.count, round(s.percent)) for s in items]  # noqa: E731
    assert shares(report.by_corps) == [
        ("Gendarmerie nationale", 3, 75),
        ("Police nationale", 1, 25),
    ]
    assert shares(report.by_region) == [
        ("Gendarmerie nationale › Région de Mopti", 2, 50),
        ("Gendarmerie nationale › Région de Ségou", 1, 25),
        ("Police nationale › Direction régionale de Mopti", 1, 25),
    ]
    assert shares(report.by_unit) == [
        ("Gendarmerie nationale › Région de Mopti › Brigade de Sévaré", 2, 50),
        ("Gendarmerie nationale › Région de Ségou", 1, 25),
        ("Police nationale › Direction régionale de Mopti", 1, 25),
    ]
    assert shares(report.by_rank) == [
        ("Adjudant", 2, 50),
        ("Inspecteur de police", 1, 25),
        ("Maréchal des logis", 1, 25),
    ]


def test_a_person_never_present_is_not_trained_nor_a_relay(example):
    a = example["a"]
    p5 = LearnerFactory(full_name="P5", rank="Gendarme", unit=example["tree"].segou)
    participants_make(a, [p5])  # added, never marked
    line = _report([a]).lines[0]
    assert (line.participants, line.trained, line.relays) == (4, 3, 3)


def test_a_supervisor_counts_only_the_people_of_their_scope(example):
    tree = example["tree"]
    p1, _p2, _p3, p4 = example["people"]
    supervisor = SupervisorFactory(supervised_units=[tree.mopti])
    filters = reports.Filters(start=date(2022, 1, 1), end=date(2023, 12, 31))
    workshops = list(reports.workshops_in_period(user=supervisor, filters=filters))
    assert [w.title for w in workshops] == ["Atelier A", "Atelier B"]
    report = _report(workshops, reports.people_q_for(user=supervisor))
    assert (report.trained, report.participations) == (2, 3)  # p1 (twice), p4
    assert [line.participants for line in report.lines] == [1, 2]
    assert report.gain.count == 3  # p1 in A, p1 and p4 in B
    assert [s.label for s in report.by_corps] == ["Gendarmerie nationale"]
    # A supervisor of Ségou: only A (p2), and p2 alone.
    other = SupervisorFactory(supervised_units=[tree.segou])
    workshops = list(reports.workshops_in_period(user=other, filters=filters))
    assert [w.title for w in workshops] == ["Atelier A"]
    report = _report(workshops, reports.people_q_for(user=other))
    assert (report.trained, report.participations, report.relays, report.followed) == (1, 1, 1, 0)
    assert p1.full_name not in {s.label for s in report.by_unit}
    assert p4  # used above


def test_the_period_funder_and_region_select_the_workshops(example, django_user_model):
    from accounts.tests.factories import UserFactory

    admin = UserFactory(is_superuser=True)
    both = reports.Filters(start=date(2022, 11, 8), end=date(2023, 3, 6))
    assert len(reports.workshops_in_period(user=admin, filters=both)) == 2
    only_a = reports.Filters(start=date(2022, 1, 1), end=date(2022, 12, 31))
    assert [w.title for w in reports.workshops_in_period(user=admin, filters=only_a)] == [
        "Atelier A"
    ]
    pnud = reports.Filters(start=date(2022, 1, 1), end=date(2023, 12, 31), funder="PNUD")
    assert [w.title for w in reports.workshops_in_period(user=admin, filters=pnud)] == ["Atelier B"]
    mopti = reports.Filters(start=date(2022, 1, 1), end=date(2023, 12, 31), region="Mopti")
    assert [w.title for w in reports.workshops_in_period(user=admin, filters=mopti)] == [
        "Atelier A"
    ]
    assert reports.filter_choices(user=admin) == (["EUCAP Sahel Mali", "PNUD"], ["Mopti", "Ségou"])


def test_the_report_costs_the_same_queries_for_two_or_six_workshops(example):
    a, b = example["a"], example["b"]
    with CaptureQueriesContext(connection) as two:
        _report([a, b])
    more = [a, b]
    for index in range(4):
        workshop = workshop_make(
            title=f"Atelier {index}",
            course=a.course,
            pre_test=a.pre_test,
            post_test=a.pre_test,
            start_date=date(2023, 5, 1 + index),
            end_date=date(2023, 5, 1 + index),
        )
        learners = [LearnerFactory(unit=example["tree"].sevare) for _ in range(3)]
        records = participants_make(workshop, learners)
        _mark(workshop, records, [["present", "late"]] * 3)
        more.append(workshop)
    with CaptureQueriesContext(connection) as six:
        report = _report(more)
    assert report.trained == 4 + 12
    assert len(two) == len(six) <= 6, [q["sql"] for q in six.captured_queries]
