"""Soak benchmark: does `make run`'s stack stay up for an hour of ordinary use?

Run by hand, never in CI, from a checkout whose files do not change during the run (the
supervisor starts processes again from the files on disk):

    .venv/bin/python bench/soak.py [--minutes 60] [--port 8765] [--think-scale 1]

It starts `make run PORT=…` as a user would, with a fresh KALAN_VAR_DIR (var/soak/: SQLite,
the embedded Redis, media) and no DATABASE_URL, CELERY_BROKER_URL or CACHE_URL, so everything
is the embedded default. Then, for the whole run, while beat ticks:
- the four demo learners sign in, open their courses, read and complete lessons, take quizzes
  (start, answer every page, submit, read the review), open their certificates, sign out and
  in again;
- the demo editor browses the Wagtail admin (pages, the question bank, a lesson's editor) and
  saves a question again, which writes a revision.
Every 30 s it reads /healthz and the memory (RSS) of each process of the stack. At the end it
stops the stack with Ctrl-C (SIGINT to make's process group) and reports: crashes and restarts
(the supervisor's log lines), errors (5xx, connection errors, unexpected answers, tracebacks in
the log), beat's ticks and the worker's tasks, and each process's memory after the warm-up and
at the end. Exit code 0 when there was no crash, no restart and no error."""

import argparse
import http.cookiejar
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent / "load"))
from quizform import QuizForm  # noqa: E402

PASSWORD = "kalan-demo-2026"  # the demo's published password  # noqa: S105
LEARNERS = ["OPJ-0001", "OPJ-0002", "OPJ-0003", "OPJ-0004"]
EDITOR = "CNDH-ED-01"


class Unexpected(Exception):
    pass


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.requests = Counter()
        self.errors: list[str] = []
        self.actions = Counter()

    def request(self, name: str):
        with self.lock:
            self.requests[name] += 1

    def error(self, message: str):
        with self.lock:
            self.errors.append(f"{time.strftime('%H:%M:%S')} {message}")

    def action(self, name: str):
        with self.lock:
            self.actions[name] += 1


class Browser:
    """A person's browser, without JavaScript: cookies, CSRF token, no automatic redirects."""

    def __init__(self, base: str, stats: Stats):
        self.base = base
        self.stats = stats
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar), NoRedirect()
        )

    def _cookie(self, name: str) -> str:
        return next((c.value for c in self.jar if c.name == name), "")

    def request(self, method: str, path: str, data=None, *, name: str, expect=(200,)):
        url = path if path.startswith("http") else self.base + path
        body = None
        headers = {"User-Agent": "kalan-soak"}
        if method == "POST":
            # A dict of fields, or the (name, value) pairs of a whole form (its token included).
            pairs = list(data.items()) if isinstance(data, dict) else list(data or [])
            if not any(name == "csrfmiddlewaretoken" for name, _ in pairs):
                pairs.insert(0, ("csrfmiddlewaretoken", self._cookie("csrftoken")))
            body = urllib.parse.urlencode(pairs, doseq=True).encode()
            headers.update(Referer=url, Origin=self.base)
        request = urllib.request.Request(url, data=body, headers=headers, method=method)  # noqa: S310
        self.stats.request(name)
        try:
            with self.opener.open(request, timeout=60) as response:
                status, location, text = response.status, "", response.read()
        except urllib.error.HTTPError as exc:
            status, location, text = exc.code, exc.headers.get("Location", ""), exc.read()
        except OSError as exc:
            self.stats.error(f"{name} {method} {path}: no answer ({exc!r})")
            raise Unexpected from exc
        if status not in expect:
            self.stats.error(f"{name} {method} {path}: HTTP {status} {location}")
            raise Unexpected
        return status, urllib.parse.urlsplit(location).path, text.decode("utf-8", "replace")

    def get(self, path: str, *, name: str, expect=(200,)) -> str:
        return self.request("GET", path, name=name, expect=expect)[2]

    def post(self, path: str, data=None, *, name: str, expect=(302,)) -> str:
        """POSTs a form; returns the redirect's path."""
        return self.request("POST", path, data, name=name, expect=expect)[1]


def links(html: str, pattern: str) -> list[str]:
    return sorted(set(re.findall(rf'href="({pattern})"', html)))


def actions(html: str, pattern: str) -> list[str]:
    return sorted(set(re.findall(rf'action="({pattern})"', html)))


class AdminForm(HTMLParser):
    """Every field of the admin's edit form, as the browser would send it unchanged."""

    def __init__(self, html: str, form_id: str):
        super().__init__()
        self.form_id = form_id
        self.inside = False
        self.data: list[tuple[str, str]] = []
        self._select = None
        self._selected = None
        self._textarea = None
        self._text = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and a.get("id") == self.form_id:
            self.inside = True
        if not self.inside:
            return
        name = a.get("name")
        if tag == "input" and name:
            kind = (a.get("type") or "text").lower()
            if kind in ("submit", "button", "file", "image"):
                return
            if kind in ("checkbox", "radio") and "checked" not in a:
                return
            self.data.append((name, a.get("value") or ("on" if kind == "checkbox" else "")))
        elif tag == "select" and name:
            self._select, self._selected = name, None
        elif tag == "option" and self._select is not None:
            # The selected option, else the first one, as a browser sends.
            if "selected" in a or self._selected is None:
                self._selected = a.get("value", "")
        elif tag == "textarea" and name:
            self._textarea, self._text = name, []

    def handle_data(self, data):
        if self._textarea is not None:
            self._text.append(data)

    def handle_endtag(self, tag):
        if tag == "select" and self._select is not None:
            self.data.append((self._select, self._selected or ""))
            self._select = None
        elif tag == "textarea" and self._textarea is not None:
            self.data.append((self._textarea, "".join(self._text)))
            self._textarea = None
        elif tag == "form" and self.inside:
            self.inside = False


def think(bounds, scale, stop: threading.Event):
    stop.wait(random.uniform(*bounds) * scale)


def learner_loop(base, matricule, stats, stop, scale):
    browser = Browser(base, stats)
    signed_in = False
    rounds = 0
    while not stop.is_set():
        try:
            if not signed_in:
                browser.get("/connexion/", name="sign in: form")
                to = browser.post(
                    "/connexion/",
                    {"username": matricule, "password": PASSWORD, "next": ""},
                    name="sign in",
                )
                if to != "/":
                    stats.error(f"{matricule}: sign-in redirected to {to}")
                    raise Unexpected
                signed_in = True
                stats.action("sign in")
            home = browser.get("/", name="mes formations")
            courses = links(home, r"/formations/[a-z0-9-]+/")
            if not courses:
                stats.error(f"{matricule}: no course on « Mes formations »")
                raise Unexpected
            course = random.choice(courses)
            page = browser.get(course, name="course")
            for enroll in actions(page, r"/inscription/\d+/"):
                browser.post(enroll, name="enroll")
                page = browser.get(course, name="course")
            think((2, 6), scale, stop)
            lessons = [u for u in links(page, re.escape(course) + r"[a-z0-9-/]+") if u != course]
            if lessons:
                lesson = random.choice(lessons)
                html = browser.get(lesson, name="lesson or module", expect=(200,))
                for complete in actions(html, r"/lecons/\d+/terminer/"):
                    think((5, 20), scale, stop)
                    browser.post(complete, name="lesson: complete")
                    stats.action("lesson completed")
                for start in actions(html, r"/quiz/\d+/commencer/"):
                    if random.random() < 0.5:
                        take_quiz(browser, start, stats, stop, scale)
            if random.random() < 0.3:
                certificates = browser.get("/certificats/", name="certificates")
                for pdf in links(certificates, r"/certificats/[A-Z0-9-]+/pdf/")[:1]:
                    browser.get(pdf, name="certificate: pdf")
                    stats.action("certificate downloaded")
            rounds += 1
            if rounds % 15 == 0:
                browser.post("/deconnexion/", name="sign out")
                signed_in = False
        except Unexpected:
            signed_in = False
            browser = Browser(base, stats)
        except Exception as exc:  # a fault of this script is reported, not hidden
            stats.error(f"{matricule}: soak script error {exc!r}")
        think((3, 10), scale, stop)


def take_quiz(browser, start, stats, stop, scale):
    to = browser.post(start, name="quiz: start")
    if not re.fullmatch(r"/tentatives/\d+/page/\d+/", to):
        stats.action("quiz start refused (rules)")  # delay, attempts used, module locked
        return
    attempt = to.split("/")[2]
    path = to
    while not stop.is_set():
        form = QuizForm(browser.get(path, name="quiz: page"))
        think((3, 10), scale, stop)
        nav = "next" if "next" in form.navs else "summary"
        data = {**form.random_answers(), "save_id": form.hidden.get("save_id", ""), "nav": nav}
        to = browser.post(path, data, name="quiz: save")
        if to.endswith("/recapitulatif/"):
            break
        path = to
    browser.get(to, name="quiz: summary")
    review = browser.post(f"/tentatives/{attempt}/envoyer/", name="quiz: submit")
    browser.get(review, name="quiz: review")
    stats.action("quiz submitted")


def editor_loop(base, stats, stop, scale):
    browser = Browser(base, stats)
    signed_in = False
    while not stop.is_set():
        try:
            if not signed_in:
                browser.get("/admin/login/", name="admin: sign in form")
                browser.post(
                    "/admin/login/",
                    {"username": EDITOR, "password": PASSWORD, "next": "/admin/"},
                    name="admin: sign in",
                )
                signed_in = True
            browser.get("/admin/", name="admin: dashboard")
            # The explorer opens at the site's root page.
            _, root_page, _ = browser.request(
                "GET", "/admin/pages/", name="admin: pages", expect=(302,)
            )
            explorer = browser.get(root_page, name="admin: explorer")
            pages = links(explorer, r"/admin/pages/\d+/")
            if pages:
                children = browser.get(random.choice(pages), name="admin: explorer")
                edits = links(children, r"/admin/pages/\d+/edit/")
                if edits:
                    browser.get(random.choice(edits), name="admin: page editor")
            think((5, 15), scale, stop)
            bank = browser.get("/admin/snippets/quizzes/question/", name="admin: question bank")
            questions = links(bank, r"/admin/snippets/quizzes/question/edit/\d+/")
            if questions:
                edit = random.choice(questions)
                html = browser.get(edit, name="admin: question editor")
                form = AdminForm(html, "w-editor-form")
                if form.data:
                    to = browser.post(edit, form.data, name="admin: question save", expect=(302,))
                    if "/edit/" not in to and "/question/" not in to:
                        stats.error(f"editor: question save redirected to {to}")
                    stats.action("question saved")
        except Unexpected:
            signed_in = False
            browser = Browser(base, stats)
        except Exception as exc:  # a fault of this script is reported, not hidden
            stats.error(f"editor: soak script error {exc!r}")
        think((10, 30), scale, stop)


ROLES = [
    ("redis", lambda cmd: "redis-server" in cmd),
    ("worker", lambda cmd: "celery" in cmd and " worker" in cmd),
    ("beat", lambda cmd: "celery" in cmd and " beat" in cmd),
    ("web", lambda cmd: "runserver" in cmd),
    ("run_platform", lambda cmd: "run_platform" in cmd),
]


def memory(root: psutil.Process) -> dict[str, float]:
    """RSS in MB per role, a worker's pool processes counted with it."""
    totals: Counter = Counter()
    try:
        processes = [root, *root.children(recursive=True)]
    except psutil.Error:
        return {}
    for process in processes:
        try:
            cmd = " ".join(process.cmdline())
            rss = process.memory_info().rss / 2**20
        except psutil.Error:
            continue
        for role, matches in ROLES:
            if matches(cmd):
                totals[role] += rss
                break
    return {role: round(mb, 1) for role, mb in totals.items()}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--minutes", type=float, default=60)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--think-scale", type=float, default=1.0)
    args = parser.parse_args()

    var_dir = ROOT / "var" / "soak"
    shutil.rmtree(var_dir, ignore_errors=True)
    var_dir.mkdir(parents=True)
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DATABASE_URL", "CELERY_BROKER_URL", "CACHE_URL", "DJANGO_SETTINGS_MODULE")
    }
    env["KALAN_VAR_DIR"] = str(var_dir)
    log_path = var_dir / "platform.log"
    base = f"http://127.0.0.1:{args.port}"
    started = time.monotonic()
    with log_path.open("wb") as log:
        make = subprocess.Popen(
            ["make", "run", f"PORT={args.port}"],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    stats = Stats()
    probe = Browser(base, stats)
    while time.monotonic() - started < 600:
        try:
            probe.get("/healthz", name="healthz (start)")
            break
        except Unexpected:
            stats.errors.clear()
            time.sleep(1)
    else:
        sys.exit("the platform did not answer /healthz within 10 minutes; see " + str(log_path))
    print(f"stack up in {time.monotonic() - started:.0f} s; soaking {args.minutes:g} min")
    root = psutil.Process(make.pid)

    stop = threading.Event()
    threads = [
        threading.Thread(
            target=learner_loop, args=(base, m, stats, stop, args.think_scale), daemon=True
        )
        for m in LEARNERS
    ]
    threads.append(
        threading.Thread(
            target=editor_loop, args=(base, stats, stop, args.think_scale), daemon=True
        )
    )
    for thread in threads:
        thread.start()
    samples = []
    soak_start = time.monotonic()
    end = soak_start + args.minutes * 60
    while time.monotonic() < end:
        try:
            health = json.loads(probe.get("/healthz", name="healthz", expect=(200, 503)))
        except (Unexpected, ValueError):
            health = {"status": "no answer"}
        if health.get("status") != "ok":
            stats.error(f"/healthz: {health}")
        samples.append({"minute": round((time.monotonic() - soak_start) / 60, 1), **memory(root)})
        time.sleep(min(30, max(0, end - time.monotonic())))
    stop.set()
    for thread in threads:
        thread.join(timeout=120)
    pids = [p.pid for p in root.children(recursive=True)]
    os.killpg(make.pid, signal.SIGINT)  # Ctrl-C in the terminal
    try:
        make.wait(timeout=120)
    except subprocess.TimeoutExpired:
        stats.error("the stack did not stop within 120 s of Ctrl-C (SIGINT); sent SIGTERM")
        os.killpg(make.pid, signal.SIGTERM)
        for pid in pids:
            if psutil.pid_exists(pid):
                psutil.Process(pid).terminate()
        make.wait(timeout=120)
    time.sleep(1)
    leftovers = [pid for pid in pids if psutil.pid_exists(pid)]

    text = log_path.read_text(errors="replace")
    restarts = re.findall(r".*\[run_platform\] .* s’est arrêté .*", text)
    crashes = re.findall(r".*(?:Traceback|CRITICAL|Unrecoverable).*", text)
    server_errors = re.findall(r'.*"(?:GET|POST) [^"]*" 5\d\d .*', text)
    beat_ticks = len(re.findall(r"Scheduler: Sending due task", text))
    tasks_done = len(re.findall(r"Task [\w.]+\[[\w-]+\] succeeded", text))
    warm = next((s for s in samples if s["minute"] >= min(5, args.minutes / 4)), samples[0])
    last = samples[-1]
    report = {
        "minutes": args.minutes,
        "requests": sum(stats.requests.values()),
        "requests_by_name": dict(stats.requests),
        "actions": dict(stats.actions),
        "errors": stats.errors,
        "restarts": restarts,
        "crash_lines": crashes[:20],
        "server_errors_in_log": server_errors[:20],
        "beat_ticks": beat_ticks,
        "worker_tasks_succeeded": tasks_done,
        "memory_after_warmup_mb": warm,
        "memory_at_end_mb": last,
        "processes_left_after_ctrl_c": leftovers,
        "samples": samples,
    }
    out = var_dir / "result.json"
    out.write_text(json.dumps(report, indent=2, ensure_ascii=False))
    print(f"requests: {report['requests']}; actions: {dict(stats.actions)}")
    print(f"errors: {len(stats.errors)}; restarts: {len(restarts)}; crash lines: {len(crashes)}")
    print(f"5xx in the server log: {len(server_errors)}")
    print(f"beat ticks: {beat_ticks}; worker tasks succeeded: {tasks_done}")
    print("| process | RSS after warm-up (MB) | RSS at end (MB) | growth |")
    print("|---|---:|---:|---:|")
    for role, _ in ROLES:
        if role in warm and role in last:
            growth = last[role] - warm[role]
            print(f"| {role} | {warm[role]:.1f} | {last[role]:.1f} | {growth:+.1f} |")
    print(f"processes left after Ctrl-C: {leftovers or 'none'}")
    for line in (stats.errors + restarts + crashes)[:20]:
        print("  ", line)
    print(f"full report: {out}")
    failed = stats.errors or restarts or crashes or server_errors or leftovers
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
