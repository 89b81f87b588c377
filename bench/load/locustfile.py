"""Learners of the bench course on their phones: sign in, read, then a quiz started by the
whole room at once. Started by bench/load/run.sh; see the README-like header there.

One locust user is one learner (LOAD-0001, LOAD-0002… in spawn order). Its journey:

1. sign in: GET /connexion/ (the CSRF cookie), POST the matricule and the password, with the
   CSRF token, the cookie sent back and Referer/Origin set as a browser does over HTTPS;
2. "Mes formations" (/);
3. read lesson 1 (GET), think, mark it done (POST /lecons/<id>/terminer/), read lesson 2,
   think, mark it done, open the quiz's front page, and wait for the bell;
4. the bell: every learner POSTs /quiz/<id>/commencer/ at the same moment (see below);
5. answer the 5 questions one page at a time: GET the page, parse its form, think, POST a
   random answer with the page's save_id and nav=next (nav=summary on the last page); then the
   summary, submit (/tentatives/<id>/envoyer/) and the review;
6. finish the lessons not marked done yet (the bell may have interrupted the reading), then keep
   going until the run ends: "Mes attestations", rereading a lesson, "Mes formations", and a
   new attempt after a failed one.

Think times (uniform, multiplied by THINK_SCALE, 1 by default; a smoke run may shrink them):
- reading a lesson or a review: 30–90 s;
- answering one question: 10–30 s. A quiz page holds one question of a few lines and one tap
  to answer, against minutes of reading for a lesson. It also packs the saves of the whole
  room into the minutes after the bell, which is the moment the targets are about;
- glancing at a navigation page (Mes formations, the quiz summary) before the next tap: 3–10 s.

The bell (a gevent Event, in this process: run locust without workers) rings at the first of:
- every learner is ready: all users spawned, and each one has marked both lessons done and
  opened the quiz page (users that gave up after failed sign-ins count as ready);
- the run clock (from the start of the test) reaches QUIZ_BELL_AT seconds. By default
  run time - 130 x THINK_SCALE s, and never before the spawn ends + 10 s: the five answers take
  100 s on average and at most 126 s for 97.5 % of learners, so most attempts are submitted
  before the run ends. For a 3-minute run that is 50 s.
Both rules depend only on the options, so two runs with the same options ring the same way.
QUIZ_BELL_SPREAD=N (seconds, 0 by default) spreads the starts uniformly over N s after the bell.
QUIZ_BELL_PROBE=1 measures a floor instead: see BELL_PROBE below.
When it rings, the learners waiting at the quiz and those still reading (their reading is cut
short, as when the instructor says "start the quiz now") POST "commencer" at once; those still
signing in start right after. The locust log prints when and why it rang and how many learners
were at each stage.

Every answer must be 2xx or the expected redirect, with what the page should contain; anything
else is a failure (catch_response). Request names group the stats by endpoint.

At the end of the test (test_stop) the run's state goes to $LOAD_STATE_OUT (JSON): the bell, the
attempts started but not submitted when the run stopped and the learners whose start had no
answer yet (check.py compares them with the database), and how many attempts passed or
failed."""

import json
import logging
import os
import random
import re
import time
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

import gevent
import urllib3
from gevent.event import Event
from locust import HttpUser, constant, events, task
from locust.exception import StopUser

# Beside this file: locust puts the locustfile's folder on sys.path.
from quizform import QuizForm
from urllib3.util.retry import Retry
from urllib3.util.ssl_ import create_urllib3_context

# The server's certificate is self-signed (the locust users set verify=False).
urllib3.disable_warnings(urllib3.exceptions.InsecureRequestWarning)
# One TLS context for every connection. Without it urllib3 makes a context per connection and
# loads the system's CA bundle into it even with verify=False: 40 ms of locust's CPU for each
# new connection, and a learner's tap after thinking is nearly always a new connection. On a
# 2-core machine that CPU is taken from the server under test.
NO_VERIFY_CONTEXT = create_urllib3_context()
NO_VERIFY_CONTEXT.check_hostname = False

FIXTURE = json.loads(Path(os.environ["LOAD_FIXTURE"]).read_text())
STATE_OUT = os.environ.get("LOAD_STATE_OUT")
THINK_SCALE = float(os.environ.get("THINK_SCALE", "1"))
READ = (30, 90)
ANSWER = (10, 30)
GLANCE = (3, 10)
QUIZ_BUDGET = 130  # seconds kept for the quiz after the bell, at THINK_SCALE 1
# Seconds over which the learners' starts are spread after the bell (uniformly); 0, the default,
# is the synchronised start of the targets. A measure of what a staggered start would give.
BELL_SPREAD = float(os.environ.get("QUIZ_BELL_SPREAD", "0"))
# QUIZ_BELL_PROBE=1: a floor for the bell, not a learner's behaviour. At the bell each learner
# first GETs « Mes attestations » twice (a cheap signed-in page, as many requests as a start
# and its first page), then waits PROBE_PAUSE s so that the real starts come after the
# probes' burst, not during it. The probes are reported as "probe: mes attestations".
BELL_PROBE = os.environ.get("QUIZ_BELL_PROBE", "") == "1"
PROBE_PAUSE = 30
SIGN_IN_TRIES = 3

LESSONS = FIXTURE["lessons"]
QUIZ = FIXTURE["quiz"]
LESSON_URLS = {lesson["url"] for lesson in LESSONS}
COMPLETE_TARGETS = LESSON_URLS | {QUIZ["url"], FIXTURE["course_url"]}

log = logging.getLogger("kalan-load")


class Broken(Exception):
    """A request failed (already counted by locust): the learner waits and tries again."""


class Run:
    """Shared by every user of this process."""

    bell = Event()
    t0 = None
    bell_at = None
    bell_info = None
    total = 0
    spawned = False
    next_matricule = 0
    phase: dict[int, str] = {}  # user number -> signing in, reading, ready, quiz, after, gone
    open_attempts: dict[int, str] = {}  # attempt id -> matricule, started and not submitted
    # Learners whose "commencer" had no answer yet when the run stopped: the server may have
    # made their attempt without the run ever learning its id.
    starting: set[str] = set()
    outcomes = Counter()
    resent = Counter()  # requests sent again after a connection error, by error


class BrowserRetry(Retry):
    """Sends a request again, once, when its connection fails before an answer, as browsers
    do when a kept-alive connection turns out to be closed by the server: gunicorn closes
    idle connections after 2 s (keepalive), without a TLS close_notify, and a tap that comes
    just then meets an EOF (an SSLError for urllib3, hence other=1) or a reset. Every resend is
    counted (Run.resent) and reported with the run's state, so a server that drops
    connections still shows: as resends, and as errors when the second try fails too."""

    def increment(self, method=None, url=None, response=None, error=None, **kwargs):
        if error is not None:
            Run.resent[f"{method} {type(error).__name__}"] += 1
        return super().increment(method, url, response, error, **kwargs)


def _clock() -> float:
    return time.monotonic() - Run.t0 if Run.t0 is not None else 0.0


def ring(reason: str):
    if Run.bell.is_set():
        return
    phases = Counter(Run.phase.values())
    Run.bell_info = {
        "at_s": round(_clock(), 1),
        "reason": reason,
        "users_started": len(Run.phase),
        "phases": dict(phases),
    }
    log.warning("quiz bell at %.1f s (%s): %s", _clock(), reason, dict(phases))
    Run.bell.set()


def _everyone_ready():
    if not Run.spawned:
        return
    ready = sum(1 for p in Run.phase.values() if p in ("ready", "gone"))
    if ready >= Run.total:
        ring("every learner ready")


@events.test_start.add_listener
def _test_start(environment, **kwargs):
    options = environment.parsed_options
    Run.t0 = time.monotonic()
    Run.total = options.num_users
    spawn_seconds = options.num_users / options.spawn_rate
    if os.environ.get("QUIZ_BELL_AT"):
        Run.bell_at = float(os.environ["QUIZ_BELL_AT"])
    elif options.run_time:
        Run.bell_at = max(spawn_seconds + 10, options.run_time - QUIZ_BUDGET * THINK_SCALE)
    if Run.bell_at is not None:
        gevent.spawn_later(Run.bell_at, ring, f"run clock reached {Run.bell_at:.0f} s")
    log.warning(
        "%d learners, spawned in %.0f s; the bell rings when all are ready, or at %s s",
        Run.total,
        spawn_seconds,
        f"{Run.bell_at:.0f}" if Run.bell_at is not None else "(no deadline)",
    )


@events.spawning_complete.add_listener
def _spawned(user_count, **kwargs):
    Run.spawned = True
    _everyone_ready()


@events.test_stop.add_listener
def _test_stop(environment, **kwargs):
    state = {
        "users": Run.total,
        "bell_at_deadline_s": Run.bell_at,
        "bell": Run.bell_info,
        "phases_at_stop": dict(Counter(Run.phase.values())),
        "open_attempts": {str(k): v for k, v in sorted(Run.open_attempts.items())},
        "starts_in_flight": sorted(Run.starting),
        "outcomes": dict(Run.outcomes),
        "resent_after_connection_error": dict(Run.resent),
        "think_scale": THINK_SCALE,
    }
    log.warning("state at stop: %s", json.dumps(state))
    if STATE_OUT:
        Path(STATE_OUT).write_text(json.dumps(state, indent=2))


def _with_context(build):
    """Wraps an adapter's build_connection_pool_key_attributes to hand urllib3 the shared
    TLS context (requests' own hook for it)."""

    def wrapped(request, verify, cert=None):
        host_params, pool_kwargs = build(request, verify, cert)
        pool_kwargs["ssl_context"] = NO_VERIFY_CONTEXT
        return host_params, pool_kwargs

    return wrapped


def _why(response) -> str:
    """A failure's message: the connection error, or the status with the redirect or the
    page's error message."""
    if not response.status_code:
        return f"no answer: {response.error!r}"
    message = re.search(r'role="alert">([^<]*)', response.text or "")
    return " ".join(
        part
        for part in (
            f"HTTP {response.status_code}",
            response.headers.get("Location", ""),
            message.group(1).strip() if message else "",
        )
        if part
    )


class Learner(HttpUser):
    wait_time = constant(0)  # the journey sleeps by itself

    def on_start(self):
        self.client.verify = False
        # Neither a CA bundle nor a proxy from the environment: the server is local and its
        # certificate self-signed.
        self.client.trust_env = False
        retry = BrowserRetry(
            total=1, connect=1, read=1, other=1, status=0, redirect=0, allowed_methods=None
        )
        for adapter in self.client.adapters.values():
            adapter.max_retries = retry
            adapter.build_connection_pool_key_attributes = _with_context(
                adapter.build_connection_pool_key_attributes
            )
        Run.next_matricule += 1
        self.number = Run.next_matricule
        self.matricule = FIXTURE["matricules"][self.number - 1]
        self.base = self.host.rstrip("/")
        self.signed_in = False
        self.sign_in_failures = 0
        self.done_lessons: set[int] = set()
        self.before_bell = True
        self.first_attempt_done = False
        self.passed = False
        self.attempt_id = None
        self._phase("signing in")

    def _phase(self, name: str):
        Run.phase[self.number] = name

    # --- requests -------------------------------------------------------------------------

    def think(self, bounds, *, bell=False) -> bool:
        """Sleeps a random time within bounds; with bell=True the bell cuts it short (True)."""
        seconds = random.uniform(*bounds) * THINK_SCALE
        if bell:
            return Run.bell.wait(seconds)
        gevent.sleep(seconds)
        return False

    def get(self, path: str, name: str, must_contain=()):
        with self.client.get(
            path, name=name, allow_redirects=False, catch_response=True
        ) as response:
            if response.status_code != 200:
                response.failure(_why(response))
                raise Broken
            for needle in must_contain:
                if needle not in response.text:
                    response.failure(f"page without {needle!r}")
                    raise Broken
            response.success()
            return response.text

    def post(self, path: str, data: dict, name: str, *, referer: str, to: str) -> str:
        """POSTs a form as a browser does and expects a redirect whose path matches `to`."""
        token = self.client.cookies.get("csrftoken")
        headers = {"Referer": self.base + referer, "Origin": self.base}
        with self.client.post(
            path,
            data={"csrfmiddlewaretoken": token, **data},
            headers=headers,
            name=name,
            allow_redirects=False,
            catch_response=True,
        ) as response:
            location = urlsplit(response.headers.get("Location", "")).path
            if response.status_code != 302:
                response.failure(_why(response))
                raise Broken
            if not re.fullmatch(to, location):
                response.failure(f"redirected to {location}")
                raise Broken
            response.success()
            return location

    # --- the journey ----------------------------------------------------------------------

    @task
    def journey(self):
        try:
            if not self.signed_in:
                self.sign_in()
            if self.before_bell:
                self.read_until_bell()
            if not self.first_attempt_done:
                self.take_quiz("quiz: start")
                self.first_attempt_done = True
                self._phase("after")
            for lesson in LESSONS:
                if lesson["id"] not in self.done_lessons:
                    self.read(lesson)
                    self.think(READ)
                    self.complete(lesson)
            self.keep_going()
        except Broken:
            self.think(GLANCE)

    def sign_in(self):
        try:
            self.get("/connexion/", "sign in: form", ['name="csrfmiddlewaretoken"'])
            self.post(
                "/connexion/",
                {"username": self.matricule, "password": FIXTURE["password"], "next": ""},
                "sign in",
                referer="/connexion/",
                to="/",
            )
        except Broken:
            self.sign_in_failures += 1
            if self.sign_in_failures >= SIGN_IN_TRIES:
                self._phase("gone")
                _everyone_ready()
                raise StopUser() from None
            raise
        self.signed_in = True
        self.get("/", "mes formations", [FIXTURE["course_title"]])
        if not Run.bell.is_set():
            self._phase("reading")

    def read(self, lesson):
        self.get(
            lesson["url"],
            "lesson: read",
            [lesson["title"], 'lesson-done"'],
        )

    def complete(self, lesson):
        self.post(
            f"/lecons/{lesson['id']}/terminer/",
            {},
            "lesson: complete",
            referer=lesson["url"],
            to="|".join(re.escape(u) for u in COMPLETE_TARGETS),
        )
        self.done_lessons.add(lesson["id"])

    def read_until_bell(self):
        """Reads both lessons and waits at the quiz; the bell may cut the reading short."""
        if not Run.bell.is_set() and not self.done_lessons:
            self.think(GLANCE, bell=True)  # from "Mes formations" to the first lesson
        for lesson in LESSONS:
            if Run.bell.is_set():
                break
            if lesson["id"] in self.done_lessons:
                continue
            self.read(lesson)
            if self.think(READ, bell=True):
                break
            self.complete(lesson)
        if not Run.bell.is_set():
            self.get(QUIZ["url"], "quiz: front page", [QUIZ["title"]])
            self._phase("ready")
            _everyone_ready()
            Run.bell.wait()
        if BELL_SPREAD:
            gevent.sleep(random.uniform(0, BELL_SPREAD))
        if BELL_PROBE:
            rang = time.monotonic()
            for _ in range(2):
                self.get("/certificats/", "probe: mes attestations", ["<h1>Mes attestations</h1>"])
            gevent.sleep(max(0.0, rang + PROBE_PAUSE - time.monotonic()))
        self.before_bell = False
        self._phase("quiz")

    def take_quiz(self, start_name: str):
        """Starts (or resumes) an attempt, answers every page, submits, reads the review."""
        # A user stopped at the end of the run dies in the request (GreenletExit is not
        # caught here): its name stays in Run.starting.
        Run.starting.add(self.matricule)
        try:
            location = self.post(
                f"/quiz/{QUIZ['id']}/commencer/",
                {},
                start_name,
                referer=QUIZ["url"],
                to=r"/tentatives/\d+/page/1/",
            )
        except Broken:
            Run.starting.discard(self.matricule)
            raise
        attempt_id = int(location.split("/")[2])
        Run.open_attempts[attempt_id] = self.matricule
        Run.starting.discard(self.matricule)
        path = location
        while True:
            form = QuizForm(self.get(path, "quiz: page", ['name="save_id"']))
            self.think(ANSWER)
            nav = "next" if "next" in form.navs else "summary"
            location = self.post(
                path,
                {**form.random_answers(), "save_id": form.hidden.get("save_id", ""), "nav": nav},
                "quiz: save",
                referer=path,
                to=rf"/tentatives/{attempt_id}/(page/\d+|recapitulatif)/",
            )
            if location.endswith("/recapitulatif/"):
                break
            path = location
        self.get(location, "quiz: summary", [f"/tentatives/{attempt_id}/envoyer/"])
        self.think(GLANCE)
        review = self.post(
            f"/tentatives/{attempt_id}/envoyer/",
            {},
            "quiz: submit",
            referer=location,
            to=rf"/tentatives/{attempt_id}/relecture/",
        )
        Run.open_attempts.pop(attempt_id, None)
        text = self.get(review, "quiz: review", ['class="result'])
        self.passed = self.passed or 'class="result status--done"' in text
        Run.outcomes["passed" if 'class="result status--done"' in text else "failed"] += 1
        self.think(READ)

    def keep_going(self):
        """After the quiz and the lessons: what a learner does until the end of the run."""
        step = random.choice(["certificates", "lesson", "home", "retry"])
        if step == "retry" and not self.passed:
            self.get(QUIZ["url"], "quiz: front page", [QUIZ["title"]])
            self.think(GLANCE)
            self.take_quiz("quiz: start (retry)")
            return
        if step == "certificates":
            self.get("/certificats/", "mes attestations", ["<h1>Mes attestations</h1>"])
        elif step == "lesson":
            self.read(random.choice(LESSONS))
        else:
            self.get("/", "mes formations", [FIXTURE["course_title"]])
        self.think(READ)
