"""Bench fixture of bench/load/run.sh: one bench course and N enrolled learners.

Run with the application's environment (run.sh sets it), after migrate and load_demo:

    .venv/bin/python bench/load/fixture.py --learners 300 --out /tmp/…/fixture.json

It creates, in a fresh database:
- the course « Banc de charge » (non-sequential modules, completion rule all_requirements): one
  module with two lessons (bodies copied from the first two demo lessons, so that pages weigh
  what real ones do) and one quiz of 5 questions taken from the demo question bank, one of each
  of the single, true/false, multiple, matching and short answer types, one question per page,
  unlimited attempts and a pass mark of PASS_PERCENT, low enough that random answers sometimes
  pass and sometimes fail;
- LOAD-0001 … LOAD-N in the Apprenants group, in a unit of their own (no assignment reaches
  them), all with the same password, hashed once (each sign-in still verifies it with the
  production hasher);
- an enrollment of each learner in the bench course.

It writes what the locustfile needs (URLs, lesson ids, quiz id, password, matricules) as JSON."""

import argparse
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent

PASSWORD = "kalan-load-2026"  # noqa: S105 (bench accounts in a throwaway database)
COURSE_TITLE = "Banc de charge"
# Random answers score about a quarter of the points on these five questions (a true/false
# is right half the time, a single choice one time in three or four, a multiple choice or a
# matching partly, a short answer never): at 30 % attempts pass and fail both often, so that
# submits complete courses (and queue certificates) as well as leave them open.
PASS_PERCENT = 30
QUESTION_TYPES = ["single", "truefalse", "multiple", "matching", "short"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--learners", type=int, required=True)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()

    sys.path.insert(0, str(ROOT))
    os.chdir(ROOT)
    import django

    django.setup()
    from django.contrib.auth.hashers import make_password
    from django.contrib.auth.models import Group
    from django.db import transaction

    from accounts import roles
    from accounts.models import User
    from accounts.services import unit_get_or_create_path
    from courses.models import CourseIndexPage, CoursePage, Enrollment, LessonPage, ModulePage
    from quizzes.models import Question, QuizPage, QuizSlot

    with transaction.atomic():
        if CoursePage.objects.filter(title=COURSE_TITLE).exists():
            sys.exit("The bench course already exists: run.sh gives the fixture a fresh database.")
        index = CourseIndexPage.objects.get()
        course = index.add_child(
            instance=CoursePage(
                title=COURSE_TITLE,
                slug="banc-de-charge",
                summary="Formation du banc de charge.",
                sequential_modules=False,
                completion_rule=CoursePage.CompletionRule.ALL_REQUIREMENTS,
                self_enrollment=False,
            )
        )
        course.save_revision().publish()
        module = course.add_child(instance=ModulePage(title="Module unique"))
        module.save_revision().publish()
        demo_lessons = list(LessonPage.objects.live().order_by("path")[:2])
        lessons = []
        for n, source in enumerate(demo_lessons, start=1):
            lesson = module.add_child(
                instance=LessonPage(
                    title=f"Leçon de charge {n}",
                    slug=f"lecon-de-charge-{n}",
                    body=source.body.raw_data,
                )
            )
            lesson.save_revision().publish()
            lessons.append(lesson)
        questions = []
        for kind in QUESTION_TYPES:
            question = Question.objects.filter(question_type=kind).order_by("pk").first()
            if question is None:
                sys.exit(f"The demo bank has no {kind} question: did load_demo run?")
            questions.append(question)
        quiz = QuizPage(
            title="Quiz de charge",
            slug="quiz-de-charge",
            pass_percent=PASS_PERCENT,
            attempts_allowed=0,
            delay_minutes=0,
            time_limit_minutes=0,
            questions_per_page=1,
            review_after=["score", "correctness", "answer", "feedback"],
            review_open=["score", "correctness", "feedback"],
            review_closed=["score", "correctness", "answer", "feedback"],
        )
        quiz.slots = [QuizSlot(question=q, sort_order=i) for i, q in enumerate(questions)]
        module.add_child(instance=quiz)
        quiz.save_revision().publish()

        unit = unit_get_or_create_path(names=["Gendarmerie nationale", "Banc de charge"])
        password = make_password(PASSWORD)  # once: every learner shares this hash
        matricules = [f"LOAD-{n:04d}" for n in range(1, args.learners + 1)]
        users = User.objects.bulk_create(
            [
                User(
                    matricule=m,
                    full_name=f"Agent de charge {m[5:]}",
                    rank="Gendarme",
                    unit=unit,
                    language="fr",
                    password=password,
                )
                for m in matricules
            ],
            batch_size=500,
        )
        learners = Group.objects.get(name=roles.LEARNERS)
        User.groups.through.objects.bulk_create(
            [User.groups.through(user_id=u.pk, group_id=learners.pk) for u in users],
            batch_size=1000,
        )
        Enrollment.objects.bulk_create(
            [Enrollment(learner=u, course=course) for u in users], batch_size=1000
        )

    course.refresh_from_db()
    data = {
        "course_id": course.pk,
        "course_title": course.title,
        "course_url": course.url,
        "lessons": [{"id": x.pk, "title": x.title, "url": x.url} for x in lessons],
        "quiz": {"id": quiz.pk, "title": quiz.title, "url": quiz.url, "pass": PASS_PERCENT},
        "question_ids": [q.pk for q in questions],
        "password": PASSWORD,
        "matricules": matricules,
    }
    Path(args.out).write_text(json.dumps(data, indent=2, ensure_ascii=False))
    print(
        f"fixture: course {course.pk} ({course.url}), lessons {[x.pk for x in lessons]}, "
        f"quiz {quiz.pk}, {len(users)} learners LOAD-0001…{matricules[-1]}"
    )


if __name__ == "__main__":
    main()
