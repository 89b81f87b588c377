"""The browser tests read a page only once it has loaded.

A click that submits a form or follows a link returns when the next page's response has
arrived, not when its document is parsed: `page.content()` read at that moment gave `''` and
failed CI once (`workshops/tests/test_browser.py`, December 2026). Reads that do not wait by
themselves (`content()`, `inner_text()`, `is_visible()`, `count()`) follow such a click only
after `page.wait_for_load_state()`, a `wait_for_url`, or inside `expect_navigation`;
Playwright's `expect(...)` retries and needs nothing.
"""

import os
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
READS = re.compile(
    r"page\.content\(\)|\.inner_text\(\)|\.text_content\(\)|\.is_visible\(\)|\.count\(\)"
)


def reads_right_after_a_click(source):
    """The 1-based numbers of the lines that read the page on the line after a click."""
    found = []
    lines = source.splitlines()
    previous = None
    for number, line in enumerate(lines, start=1):
        code = line.strip()
        if not code or code.startswith("#"):
            continue
        clicked = previous is not None and previous[1].endswith(".click()")
        guarded = (
            previous is not None
            and previous[0] >= 2
            and (lines[previous[0] - 2].strip().startswith("with "))
        )
        if clicked and not guarded and READS.search(code) and "expect(" not in code:
            found.append(number)
        previous = (number, code)
    return found


def test_the_check_finds_a_read_right_after_a_click_and_accepts_a_wait():
    racing = 'page.get_by_role("link", name="A").click()\nassert "x" in page.content()\n'
    waiting = (
        'page.get_by_role("link", name="A").click()\n'
        "page.wait_for_load_state()\n"
        'assert "x" in page.content()\n'
    )
    navigating = (
        "with page.expect_navigation():\n"
        '    page.get_by_role("button", name="A").click()\n'
        'assert page.locator("h1").inner_text() == "B"\n'
    )
    retried = (
        'page.get_by_role("link", name="A").click()\nexpect(page.locator("h1")).to_be_visible()\n'
    )
    assert reads_right_after_a_click(racing) == [2]
    assert reads_right_after_a_click(waiting) == []
    assert reads_right_after_a_click(navigating) == []
    assert reads_right_after_a_click(retried) == []


def test_no_browser_test_reads_a_page_before_it_has_loaded():
    # The project's own files: hidden folders (.venv, bench/load/.venv, .git) and node_modules
    # are not walked (a second of walking on every run).
    files = []
    for folder, subfolders, names in os.walk(ROOT):
        subfolders[:] = [n for n in subfolders if not n.startswith(".") and n != "node_modules"]
        files += [Path(folder) / n for n in names if n.startswith("test_") and n.endswith(".py")]
    assert files
    racing = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in files
        for number in reads_right_after_a_click(path.read_text())
    ]
    assert racing == [], f"Lecture de la page avant son chargement : {racing}"
