"""Time to first byte of a signed-in learner's lesson and home (« Mes formations »), as
issue 22 measures it: sign in, warm up, then 5 series of 30 requests of each page on one
kept-alive connection; min / median / max over the 150, and each series' median.

    # gunicorn with production settings, as configured by gunicorn.conf.py
    DATABASE_URL=postgres://…/kalan CACHE_URL=redis://127.0.0.1:6379/6 \\
        .venv/bin/python bench/ttfb.py
    # other gunicorn settings (the whole command line after `gunicorn lms.wsgi`)
    … bench/ttfb.py --gunicorn "-c /dev/null --worker-class sync --workers 4"
    # the same requests through Django's WSGI handler in this process (no socket)
    … bench/ttfb.py --in-process
    # a server already running, for instance a peer (wagtail-lms under runserver)
    .venv/bin/python bench/ttfb.py --url http://127.0.0.1:8000 --lesson /lms/…/ \\
        --home / --login /accounts/login/ --user learner --password …

The database must hold the demo (`manage.py load_demo`); the learner is OPJ-0001. The client
sends `X-Forwarded-Proto: https` over plain HTTP, as the TLS proxy in front does. The peer
wagtail-lms is measured only when it runs somewhere (`--url`): the bench says so otherwise."""

import argparse
import importlib.util
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import webstack


def measure(browser, path, *, series, requests, server=None, remote=False):
    all_times, medians, sizes = [], [], set()
    # A server of ours: its processes' CPU; in-process: this process's; --url: not known.
    cpu = server.cpu_seconds() if server else time.process_time()
    for _ in range(series):
        times = []
        for _ in range(requests):
            response = browser.request("GET", path)
            if response.status != 200:
                sys.exit(f"GET {path}: {response.status}")
            times.append(response.ttfb * 1000)
            sizes.add(response.wire)
        medians.append(statistics.median(times))
        all_times += times
    cpu = (server.cpu_seconds() if server else time.process_time()) - cpu
    return all_times, medians, sizes, None if remote else cpu * 1000 / len(all_times)


def report(name, all_times, medians, sizes, cpu):
    series = " ".join(f"{m:.1f}" for m in medians)
    size = f"{min(sizes)}" if len(sizes) == 1 else f"{min(sizes)}–{max(sizes)}"
    print(
        f"{name:<8} min {min(all_times):6.1f}  median {statistics.median(all_times):6.1f}  "
        f"max {max(all_times):7.1f} ms   series medians: {series}   bytes on the wire: {size}"
        + (f"   server CPU {cpu:.1f} ms/request" if cpu is not None else "")
    )


def profile(browser, transport, pages, args):
    """The mean time of each part of a request, in ms, the pages side by side."""
    timer = webstack.LayerTimer(transport.application)
    count = args.series * args.requests
    columns = {}
    for name, path in pages.items():
        rows = timer.run(lambda path=path: browser.request("GET", path), count)
        columns[name] = {label: (wall, cpu) for label, wall, cpu in rows}
    print(f"mean of {count} requests, ms (wall: elapsed; CPU: this process's thread)")
    labels = list(columns["lesson"])
    print(f"{'':<58}" + "".join(f"{name + ' wall':>12}{name + ' CPU':>11}" for name in columns))
    for label in labels:
        cells = "".join(f"{col[label][0]:12.2f}{col[label][1]:11.2f}" for col in columns.values())
        print(f"{label:<58}{cells}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--series", type=int, default=5)
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--warmup", type=int, default=30, help="requests of each page first")
    parser.add_argument(
        "--gunicorn",
        default="-c gunicorn.conf.py",
        help="gunicorn's arguments after `gunicorn lms.wsgi` (default: %(default)s)",
    )
    parser.add_argument("--in-process", action="store_true")
    parser.add_argument(
        "--profile",
        action="store_true",
        help="in-process: where each page's time goes (middleware, session, user, routing…)",
    )
    parser.add_argument("--url", help="a server already running: only measure it")
    parser.add_argument(
        "--origin",
        help="with --url: the Origin its CSRF check expects (default: --url itself; a Kalan "
        "behind its TLS proxy expects https://…)",
    )
    parser.add_argument("--lesson", help="the lesson's path (default: the demo learner's)")
    parser.add_argument("--home", default="/")
    parser.add_argument("--login", default="/connexion/")
    parser.add_argument("--user", default="OPJ-0001")
    parser.add_argument("--password", default=webstack.DEMO_PASSWORD)
    parser.add_argument("--accept-encoding", default="gzip, deflate, br, zstd")
    parser.add_argument(
        "--tls", action="store_true", help="gunicorn serves HTTPS itself (as bench/load/run.sh)"
    )
    parser.add_argument(
        "--new-connection",
        action="store_true",
        help="a new connection for every request, its set-up counted in the time",
    )
    args = parser.parse_args()

    server = None
    if args.url:
        host, _, port = args.url.split("//", 1)[1].rstrip("/").partition(":")
        transport = webstack.Connection(host, int(port or 80))
        origin = args.origin or args.url.rstrip("/")
        lesson = args.lesson
        if not lesson:
            sys.exit("--url needs --lesson")
        label = args.url
    else:
        port = webstack.free_port()
        env = webstack.production_env(port)
        lesson = args.lesson or webstack.kalan_lesson_path(env, args.user)
        webstack.collectstatic(env)  # production's manifest storage needs it, in-process too
        if args.in_process or args.profile:
            import os

            os.environ.update(env)
            os.environ["ALLOWED_HOSTS"] = "127.0.0.1"
            sys.path.insert(0, str(webstack.ROOT))
            transport = webstack.InProcess()
            origin = "https://127.0.0.1:8000"
            label = "in-process (Django's WSGI handler, production settings)"
        else:
            log = Path(tempfile.gettempdir()) / "kalan-bench-ttfb-gunicorn.log"
            tls_args = webstack.self_signed(Path(tempfile.mkdtemp())) if args.tls else ()
            server = webstack.Gunicorn(args.gunicorn, port, env, log, tls_args)
            transport = webstack.Connection(
                "127.0.0.1", port, tls=args.tls, fresh=args.new_connection
            )
            origin = f"https://127.0.0.1:{port}"
            label = f"gunicorn lms.wsgi {args.gunicorn} (production settings)"
            if args.tls:
                label += ", HTTPS served by gunicorn"
            if args.new_connection:
                label += ", a new connection per request"
    try:
        browser = webstack.Browser(transport, origin, args.accept_encoding)
        browser.sign_in(args.login, args.user, args.password)
        for _ in range(args.warmup):
            browser.request("GET", lesson)
            browser.request("GET", args.home)
        print(label)
        print(
            f"{args.series} series of {args.requests} requests per page after "
            f"{args.warmup} of warm-up; Accept-Encoding: {args.accept_encoding or '(none)'}"
        )
        print(f"lesson: {lesson}")
        if args.profile:
            profile(browser, transport, {"lesson": lesson, "home": args.home}, args)
            return
        for name, path in (("lesson", lesson), ("home", args.home)):
            report(
                name,
                *measure(
                    browser,
                    path,
                    series=args.series,
                    requests=args.requests,
                    server=server,
                    remote=bool(args.url),
                ),
            )
    finally:
        transport.close()
        if server is not None:
            server.stop()
    if not args.url and importlib.util.find_spec("wagtail_lms") is None:
        print(
            "wagtail-lms: not installed here (no module wagtail_lms), not measured; "
            "run it elsewhere and measure it with --url"
        )


if __name__ == "__main__":
    main()
