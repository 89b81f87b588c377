"""Page weight of the quiz question page and the supervisor dashboard, against the budgets of
the design (the lesson page has its own test in courses). Compressed bytes are
deterministic, so these are tests, not benchmarks."""

import gzip
import re

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse

from accounts.tests.factories import LearnerFactory
from courses import services as course_services
from courses.models import Enrollment
from courses.tests.factories import course_build
from quizzes import services as quiz_services
from quizzes.tests.factories import question_make, quiz_make
from tracking.tests.factories import supervisor_of, tree_build

pytestmark = pytest.mark.django_db

HTML_BUDGET = 14 * 1024
TOTAL_BUDGET = 60 * 1024
OFFLINE_SCRIPTS = [
    b'<script src="/static/js/offline.js" defer>',
    b'<script id="offline-strings" type="application/json">',
]


def _weigh(response, scripts=OFFLINE_SCRIPTS) -> int:
    assert response.status_code == 200
    # Nothing to run but the offline script (issue 19), deferred, and its texts (JSON).
    assert re.findall(rb"<script[^>]*>", response.content) == scripts
    html = len(gzip.compress(response.content))
    with open(finders.find("css/kalan.css"), "rb") as css_file:
        css = len(gzip.compress(css_file.read()))
    with open(finders.find("js/offline.js"), "rb") as script_file:
        css += len(gzip.compress(script_file.read()))  # the offline script (issue 19)
    assert html <= HTML_BUDGET, html
    assert html + css <= TOTAL_BUDGET, html + css
    return html


def test_quiz_question_page_fits_the_budget(client):
    course = course_build(title="Formation pesée", modules=1, lessons=1, sequential=False)
    kinds = ["single", "multiple", "matching", "ordering", "short"]
    quiz = quiz_make(
        course, questions=[question_make(kind) for kind in kinds], questions_per_page=len(kinds)
    )
    learner = LearnerFactory()
    course_services.enrollment_create(learner=learner, course=course)
    attempt = quiz_services.attempt_start(learner=learner, quiz=quiz)
    client.force_login(learner)
    # An attempt's page also carries the offline quiz queue's texts (JSON, no code).
    quiz_scripts = [
        OFFLINE_SCRIPTS[0],
        b'<script id="offline-quiz-strings" type="application/json">',
        OFFLINE_SCRIPTS[1],
    ]
    _weigh(client.get(reverse("quizzes:attempt_page", args=[attempt.pk, 1])), quiz_scripts)


def test_dashboard_with_a_full_page_of_learners_fits_the_budget(client):
    tree = tree_build()
    course = course_build(title="Formation du tableau de bord", modules=1, lessons=1)
    for n in range(60):  # more than one page of the learner table (50 rows)
        learner = LearnerFactory(unit=tree.sevare, full_name=f"Apprenant numéro {n:03d}")
        Enrollment.objects.create(learner=learner, course=course, progress_percent=n)
    client.force_login(supervisor_of(tree.mopti))
    response = client.get(reverse("tracking:dashboard"))
    assert len(response.context["page"].object_list) == 50
    _weigh(response)
