"""gunicorn's configuration for Kalan's web processes, the one place where it is written:
`gunicorn -c gunicorn.conf.py` in production (README, « Production »), in the load bench
(bench/load/run.sh) and in bench/ttfb.py and bench/memory.py. Options given on the command
line win over this file (the benches add --bind, the load bench its TLS certificate).

Environment: WEB_BIND (0.0.0.0:8000), WEB_WORKERS (2 per core), WEB_THREADS (4),
WEB_KEEPALIVE (75 s), WEB_MAX_REQUESTS (1000) and WEB_MAX_REQUESTS_JITTER (100).

Why these values (bench/RESULTS.md has the figures):
- gthread, 2 processes per core, 4 threads each: Python holds the GIL while it renders, so one
  process per core keeps the cores busy, a second one runs while the first waits on
  PostgreSQL, and threads cover the waits that are not CPU (network, Argon2 at sign-in, which
  releases the GIL). bench/load/run.sh explains the choice in full;
- keep-alive 75 s: a phone that reads a lesson for a minute keeps its connection, instead of
  a new TCP (and TLS) handshake at every tap; gthread keeps idle connections in its poller;
- the application is loaded once, in the master, and the workers share its memory
  (`preload_app`, lms/prefork.py): a deploy restarts gunicorn, since SIGHUP forks new workers
  from the same, old, master;
- a worker is replaced after 1,000 requests (± 100, so that they are not all replaced at
  once): a slow growth of memory (caches, fragmentation) never accumulates for days.
"""

import gc
import os

wsgi_app = "lms.wsgi:application"
bind = os.environ.get("WEB_BIND", "0.0.0.0:8000")
worker_class = "gthread"
workers = int(os.environ.get("WEB_WORKERS", 2 * len(os.sched_getaffinity(0))))
threads = int(os.environ.get("WEB_THREADS", 4))
keepalive = int(os.environ.get("WEB_KEEPALIVE", 75))
max_requests = int(os.environ.get("WEB_MAX_REQUESTS", 1000))
max_requests_jitter = int(os.environ.get("WEB_MAX_REQUESTS_JITTER", 100))
preload_app = True

# No collection in the master while it loads the application: the objects it creates stay
# packed together instead of leaving freed holes on pages the workers will share (the
# recipe of Python's documentation of gc.freeze).
gc.disable()


def when_ready(server):
    """The application is loaded: load what the first requests of each worker would."""
    from lms import prefork

    prefork.warm_up()


def pre_fork(server, worker):
    from lms import prefork

    prefork.before_fork()


def post_fork(server, worker):
    gc.enable()
