"""In chromium: an editor opens a quiz's statistics in the admin, reads
the grades' distribution drawn from lms/charts.py (columns in percent of the page's width,
labels inside the drawing) on a phone and a desktop, then the statistics of one question."""

import pytest

from conftest import login_browser

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_editor_reads_a_quizs_statistics_on_a_phone_and_a_desktop(
    page, client, base_url, wagtail_site, role_groups, page_shots
):
    from django.contrib.auth.models import Permission

    from accounts import roles
    from accounts.tests.factories import LearnerFactory, UserFactory
    from courses import services as course_services
    from courses.tests.factories import course_build
    from quizzes import grading
    from quizzes import services as quiz_services
    from quizzes.tests.factories import question_make, quiz_make

    # The flush of transactional tests removed what the migrations gave editors.
    role_groups[roles.EDITORS].permissions.add(
        *Permission.objects.filter(content_type__app_label="quizzes")
    )
    course_services.course_tree_setup()  # the catalogue and the editors' page permissions
    course = course_build(title="Garde à vue", modules=1, lessons=1, sequential=False)
    questions = [question_make(name=f"Question {n}") for n in range(1, 5)]
    quiz = quiz_make(course, questions=questions, title="Évaluation finale", delay_minutes=0)
    # Five learners, 0 to 4 right answers out of 4: 0, 25, 50, 75 and 100 %.
    for right in range(5):
        learner = LearnerFactory()
        course_services.enrollment_create(learner=learner, course=course)
        attempt = quiz_services.attempt_start(learner=learner, quiz=quiz)
        items = sorted(attempt.items.all(), key=lambda item: item.snapshot.get("name", ""))
        for item in items[:right]:
            item.response = grading.correct_response(item.snapshot)
            item.save(update_fields=["response"])
        quiz_services.attempt_submit(attempt=attempt)
    editor = UserFactory(role=roles.EDITORS, full_name="Fatoumata Diallo")

    page.set_viewport_size({"width": 1366, "height": 900})
    login_browser(page, client, editor, base_url)
    # (The quiz page's header button that leads here: quizzes/tests/test_admin.py.)
    page.goto(f"/admin/questions/quiz/{quiz.pk}/statistiques/")
    main = page.locator("main")
    assert "Tentatives terminées" in main.inner_text()
    chart = page.locator("svg.kalan-chart")
    bars = chart.locator("rect")
    assert bars.count() == 10
    # Five non-empty buckets of one attempt each, every one as tall as the others.
    heights = sorted(float(bars.nth(n).get_attribute("height")) for n in range(10))
    assert heights[:5] == [0.0] * 5 and len(set(heights[5:])) == 1 and heights[5] > 0
    for width in (390, 1366):
        page.set_viewport_size({"width": width, "height": 844})
        page.wait_for_timeout(600)  # the admin's sidebar folds or unfolds
        box = chart.bounding_box()
        # The drawing spans the page and its labels stay inside it: nothing overflows.
        assert box["width"] <= width
        for n in range(chart.locator("text").count()):
            text = chart.locator("text").nth(n)
            label = text.bounding_box()
            inside = (
                box["x"] - 1
                <= label["x"]
                <= label["x"] + label["width"]
                <= (box["x"] + box["width"] + 1)
            )
            assert inside, (width, text.text_content(), label, box)
        assert page.evaluate("document.documentElement.scrollWidth") <= width
    page_shots(page, "admin-statistiques-quiz")

    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto("/admin/snippets/quizzes/question/")
    page.locator("tr", has_text="Question 1").get_by_role("link", name="Statistiques").click()
    page.get_by_role("link", name="Évaluation finale").wait_for()
    page_shots(page, "admin-statistiques-question")
