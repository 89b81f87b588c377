"""Small packages for tests: a course of one module (a lesson, a quiz of one question)."""

import io
import zipfile

from packages.archive import zip_bytes

COURSE = """\
format: kalan-course/1
id: essai
title: Formation d’essai
slug: formation-essai
summary: Un résumé.
objectives: |-
  - Savoir **lire**.
contents:
- module:
    key: m1
    title: Module un
    slug: module-un
    contents:
    - lesson: lessons/m1/l1.md
    - quiz:
        key: m1/quiz
        title: Quiz du module
        slug: quiz-du-module
        review:
          after: [score]
        slots:
        - question: Capitale
"""
LESSON = """\
---
key: m1/l1
title: Première leçon
slug: premiere-lecon
---

Un texte avec un [lien vers le quiz](page:m1/quiz).

::: remember
title: À retenir
points:
- Un point.
:::
"""
GIFT = "::Capitale::Quelle est la capitale du Mali ?{=Bamako ~Mopti ~Ségou}\n"


def package(**changes) -> dict[str, bytes]:
    files = {"course.yaml": COURSE, "lessons/m1/l1.md": LESSON, "questions.gift": GIFT}
    files.update(changes)
    return {name: text.encode() for name, text in files.items() if text is not None}


def package_zip(**changes) -> bytes:
    return zip_bytes(package(**changes))


def zipped(entries) -> bytes:
    """A zip written entry by entry, as a hostile tool would: (name or ZipInfo, bytes)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for info, data in entries:
            archive.writestr(info, data)
    return buffer.getvalue()
