#!/usr/bin/env bash
# Load benchmark of Kalan, run by hand (never in CI): a production-like stack on this machine,
# then locust (headless) with N learners, once per N, and a check of the database afterwards.
#
#   bench/load/run.sh                                   # 100, 200 and 300 users, 3 minutes each
#   bench/load/run.sh --users "20" --run-time 1m        # smoke run
#   bench/load/run.sh --users "20" --run-time 2m --think-scale 0.2   # whole journey, quickly
#   bench/load/run.sh --users 300 --run-time 12m       # whole journey at real think times
#
# 3 minutes is shorter than a learner's journey (sign-in queue, 2 lessons of 30-90 s, 5 answers
# of 10-30 s): in a 3-minute run the quiz bell rings on the clock, at 50 s, and few lessons are
# marked done; a 12-minute run at 300 users covers the whole journey, certificates included.
#
# Options (or environment variables): --users "100 200 300" (LOAD_USERS), --run-time 3m
# (LOAD_RUN_TIME), --spawn-seconds 30 (LOAD_SPAWN_SECONDS: every user is in within that time),
# --think-scale 1 (THINK_SCALE: multiplies the learners' think times), QUIZ_BELL_AT (seconds;
# see locustfile.py for when the synchronised quiz start happens by default), QUIZ_BELL_SPREAD
# (seconds over which the starts are spread after the bell; 0), QUIZ_BELL_PROBE (1: a floor,
# see locustfile.py), WEB_WORKERS and
# WEB_THREADS (gunicorn, 4 and 4), WEB_KEEPALIVE (seconds, 75).
#
# Needs: the application's venv (.venv, `make run` or `make test` makes it), PostgreSQL on
# 127.0.0.1:5432 (user postgres, trust auth), Redis on 127.0.0.1:6379, openssl, curl, psql.
# Port 8443 must be free. Locust lives in its own venv, bench/load/.venv, made from
# bench/load/requirements.txt, so the application's venv is never touched.
#
# The stack, in a temporary directory that is removed at the end:
# - DJANGO_SETTINGS_MODULE=lms.settings.production, untouched: HTTPS redirect, Secure cookies and
#   HSTS stay on. gunicorn serves HTTPS itself on 127.0.0.1:8443 with a self-signed certificate
#   made here (locust does not verify it);
# - PostgreSQL database kalan_load: dropped and made again from a seed copy before every run, so
#   that every run starts from the same state (the seed, kalan_load_seed, is made once by
#   migrate, load_demo, ob3_keygen and bench/load/fixture.py, and dropped at the end);
# - Redis db 5 as the Celery broker; one Celery worker (2 processes, default queue);
# - email to the console; media, static files and the Open Badges key in the temporary dir.
#
# Results go to bench/load/results/<date>/ (git-ignored): locust's CSV files per run
# (u100_stats.csv…), the locust, gunicorn and Celery logs, the run state (u100_state.json), the
# checker's output (u100_check.txt), where the CPU went (u100_cpu.txt, by bench/load/cpu.py:
# the machine is shared, and other work takes from the same 2 cores) and summary.md with every
# run's table and the targets.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"

USERS_LIST="${LOAD_USERS:-100 200 300}"
RUN_TIME="${LOAD_RUN_TIME:-3m}"
SPAWN_SECONDS="${LOAD_SPAWN_SECONDS:-30}"
THINK_SCALE="${THINK_SCALE:-1}"
# 2 cores. Python holds the GIL while it renders a page or builds a queryset, so one process
# per core is the least that keeps both cores busy; two per core let one process run while the
# other waits on PostgreSQL (the quiz's row locks, commits). Threads cover the waits that are
# not CPU: TLS handshakes, network, Argon2 at sign-in (argon2-cffi releases the GIL, so 4 threads
# of one worker can hash on both cores). 16 requests in flight is already 8 per core: more
# threads would only queue the same work on the CPU instead of in gunicorn's backlog, and
# add PostgreSQL connections (CONN_MAX_AGE keeps one per thread).
WEB_WORKERS="${WEB_WORKERS:-4}"
WEB_THREADS="${WEB_THREADS:-4}"
# gunicorn closes an idle connection after 2 s by default, so a phone that reads a lesson for a
# minute opens a new TLS connection for every tap, and a request sent as the server closes
# meets an EOF and is sent again. 75 s (nginx's default) covers the learners' think times;
# gthread keeps idle connections in its poller, not in a thread.
WEB_KEEPALIVE="${WEB_KEEPALIVE:-75}"
export WEB_WORKERS WEB_THREADS WEB_KEEPALIVE  # read by gunicorn.conf.py
CELERY_CONCURRENCY=2

while [ $# -gt 0 ]; do
  case "$1" in
    --users) USERS_LIST="$2"; shift 2 ;;
    --run-time) RUN_TIME="$2"; shift 2 ;;
    --spawn-seconds) SPAWN_SECONDS="$2"; shift 2 ;;
    --think-scale) THINK_SCALE="$2"; shift 2 ;;
    -h | --help) sed -n '2,39p' "$0"; exit 0 ;;
    *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
  esac
done
export THINK_SCALE

APP_PY="$ROOT/.venv/bin/python"
PG_ADMIN=(psql -h 127.0.0.1 -p 5432 -U postgres -d postgres -v ON_ERROR_STOP=1 -qAt)
DB=kalan_load
SEED_DB=kalan_load_seed
PORT=8443
HOST="https://127.0.0.1:$PORT"
MAX_USERS=$(printf '%s\n' $USERS_LIST | sort -n | tail -1)

say() { printf '\n== %s\n' "$*"; }
die() { echo "run.sh: $*" >&2; exit 1; }

[ -x "$APP_PY" ] || die "no $APP_PY: make the application's venv first (make run or make test)"
for tool in psql openssl curl; do command -v "$tool" >/dev/null || die "$tool is missing"; done
"${PG_ADMIN[@]}" -c 'select 1' >/dev/null || die "PostgreSQL does not answer on 127.0.0.1:5432"
"$APP_PY" -c 'import redis; redis.Redis(host="127.0.0.1", port=6379, db=5).ping()' \
  || die "Redis does not answer on 127.0.0.1:6379"
if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then die "port $PORT is already in use"; fi

# --- locust's own venv ------------------------------------------------------------------------
LOCUST_VENV="$HERE/.venv"
if ! cmp -s "$HERE/requirements.txt" "$LOCUST_VENV/.requirements.txt" 2>/dev/null; then
  say "locust venv ($LOCUST_VENV)"
  python3 -m venv "$LOCUST_VENV"
  "$LOCUST_VENV/bin/pip" install --quiet -r "$HERE/requirements.txt"
  cp "$HERE/requirements.txt" "$LOCUST_VENV/.requirements.txt"
fi

# --- the temporary directory and the environment -----------------------------------------------
STAMP="$(date +%Y%m%d-%H%M%S)"
RESULTS="$HERE/results/$STAMP"
mkdir -p "$RESULTS"
WORK="$(mktemp -d /tmp/kalan-load.XXXXXX)"
mkdir -p "$WORK/tls" "$WORK/media" "$WORK/var"

export DJANGO_SETTINGS_MODULE=lms.settings.production
SECRET_KEY="$("$APP_PY" -c 'import secrets; print(secrets.token_urlsafe(50))')"
export SECRET_KEY
export ALLOWED_HOSTS="127.0.0.1,localhost"
export DATABASE_URL="postgres://postgres@127.0.0.1:5432/$DB"
export CELERY_BROKER_URL="redis://127.0.0.1:6379/5"
# Production requires a cache shared by every process (sessions, rate limits): Redis db 6,
# emptied before each run.
export CACHE_URL="redis://127.0.0.1:6379/6"
export KALAN_VAR_DIR="$WORK/var"
export MEDIA_ROOT="$WORK/media"
export STATIC_ROOT="$WORK/static"  # collectstatic stays out of the work tree
export KALAN_OB3_KEY_PATH="$WORK/keys/ob3-ed25519.pem"
export EMAIL_URL="consolemail://"  # base.py: EMAIL_URL, read by django-environ's email_url
export WAGTAILADMIN_BASE_URL="https://127.0.0.1:$PORT"
export LOG_LEVEL=WARNING
export LOAD_FIXTURE="$WORK/fixture.json"

# --- stopping everything, whatever happens ------------------------------------------------------
# Each server runs in its own process group (setsid): stopping it stops its workers too, and
# nothing else.
WEB_PID=""
WORKER_PID=""
LOCUST_PID=""
CPU_PID=""

stop_group() {
  local pid="$1" name="$2" seconds="${3:-20}"
  [ -n "$pid" ] || return 0
  kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM -- "-$pid" 2>/dev/null || true
  for _ in $(seq 1 $((seconds * 2))); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.5
  done
  echo "$name did not stop within $seconds s: SIGKILL" >&2
  kill -KILL -- "-$pid" 2>/dev/null || true
}

stop_stack() {
  stop_group "$WEB_PID" gunicorn
  stop_group "$WORKER_PID" celery
  WEB_PID=""
  WORKER_PID=""
}

cleanup() {
  local status=$?
  trap - EXIT INT TERM
  stop_group "$LOCUST_PID" locust
  [ -z "$CPU_PID" ] || kill "$CPU_PID" 2>/dev/null || true
  stop_stack
  "${PG_ADMIN[@]}" -c "DROP DATABASE IF EXISTS $SEED_DB WITH (FORCE)" 2>/dev/null || true
  rm -rf "$WORK"
  echo "results: $RESULTS"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

start_stack() {
  local users="$1"
  cd "$ROOT"
  # gunicorn.conf.py, as in production (it reads WEB_WORKERS, WEB_THREADS and WEB_KEEPALIVE);
  # only the address and the TLS certificate are the bench's own.
  setsid "$ROOT/.venv/bin/gunicorn" -c "$ROOT/gunicorn.conf.py" \
    --bind "127.0.0.1:$PORT" \
    --certfile "$WORK/tls/cert.pem" --keyfile "$WORK/tls/key.pem" \
    --log-level warning --error-logfile "$RESULTS/u${users}_gunicorn.log" &
  WEB_PID=$!
  setsid "$APP_PY" -m celery -A lms worker --concurrency "$CELERY_CONCURRENCY" -Q celery \
    -n "kalan-load@%h" --loglevel WARNING >"$RESULTS/u${users}_celery.log" 2>&1 &
  WORKER_PID=$!
  for _ in $(seq 1 90); do
    if [ "$(curl -ks -o /dev/null -w '%{http_code}' "$HOST/healthz")" = 200 ]; then
      return 0
    fi
    kill -0 "$WEB_PID" 2>/dev/null || die "gunicorn stopped: see $RESULTS/u${users}_gunicorn.log"
    sleep 1
  done
  die "$HOST/healthz did not answer 200 within 90 s"
}

# --- machine and versions ------------------------------------------------------------------------
{
  echo "date: $(date -Is)"
  echo "cores: $(nproc); $(lscpu | grep -m1 'Model name' | sed 's/  */ /g')"
  echo "memory: $(free -h | awk '/^Mem:/ {print $2}')"
  echo "PostgreSQL: $("${PG_ADMIN[@]}" -c 'show server_version')"
  echo "Redis: $("$APP_PY" -c 'import redis; print(redis.Redis(host="127.0.0.1").info()["redis_version"])')"
  echo "gunicorn: $("$ROOT/.venv/bin/gunicorn" --version 2>&1 | head -1), -c gunicorn.conf.py, gthread," \
    "$WEB_WORKERS workers x $WEB_THREADS threads, keep-alive $WEB_KEEPALIVE s, preloaded," \
    "max-requests ${WEB_MAX_REQUESTS:-1000}, TLS (self-signed P-256)"
  echo "celery: worker --concurrency $CELERY_CONCURRENCY -Q celery (no beat)"
  echo "locust: $("$LOCUST_VENV/bin/locust" --version 2>&1 | head -1)"
  echo "one sign-in's password hash here (production hasher, one core): $("$APP_PY" -c '
import time
from django.conf import settings
settings.configure(PASSWORD_HASHERS=["accounts.hashers.KalanArgon2PasswordHasher"])
from django.contrib.auth.hashers import get_hasher, make_password
make_password("warm-up")
start = time.perf_counter()
for _ in range(10):
    make_password("kalan-load-2026")
h = get_hasher()
print(f"{(time.perf_counter() - start) / 10 * 1000:.0f} ms ({h.algorithm}, m={h.memory_cost} KiB, t={h.time_cost}, p={h.parallelism})")
')"
  echo "users: $USERS_LIST; run time: $RUN_TIME; spawn: $SPAWN_SECONDS s; think scale: $THINK_SCALE; starts spread over: ${QUIZ_BELL_SPREAD:-0} s"
  echo "command: $0 --users \"$USERS_LIST\" --run-time $RUN_TIME --spawn-seconds $SPAWN_SECONDS" \
    "--think-scale $THINK_SCALE"
} | tee "$RESULTS/machine.txt"

# --- the seed database ---------------------------------------------------------------------------
say "seed database ($MAX_USERS learners)"
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 \
  -subj "/CN=127.0.0.1" -addext "subjectAltName=IP:127.0.0.1,DNS:localhost" \
  -keyout "$WORK/tls/key.pem" -out "$WORK/tls/cert.pem" 2>/dev/null
"${PG_ADMIN[@]}" -c "DROP DATABASE IF EXISTS $SEED_DB WITH (FORCE)"
"${PG_ADMIN[@]}" -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)"
"${PG_ADMIN[@]}" -c "CREATE DATABASE $DB"
cd "$ROOT"
"$APP_PY" manage.py migrate --noinput -v0
"$APP_PY" manage.py collectstatic --noinput -v0
"$APP_PY" manage.py load_demo --allow-production >"$RESULTS/load_demo.log"
"$APP_PY" manage.py ob3_keygen --if-missing >/dev/null
"$APP_PY" "$HERE/fixture.py" --learners "$MAX_USERS" --out "$LOAD_FIXTURE"
cp "$LOAD_FIXTURE" "$RESULTS/fixture.json"
"${PG_ADMIN[@]}" -c "CREATE DATABASE $SEED_DB TEMPLATE $DB"

# --- the runs --------------------------------------------------------------------------------------
CHECKS_FAILED=0
PREFIXES=()
for USERS in $USERS_LIST; do
  PREFIX="$RESULTS/u$USERS"
  PREFIXES+=("$PREFIX")
  say "$USERS users for $RUN_TIME"
  "${PG_ADMIN[@]}" -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)"
  "${PG_ADMIN[@]}" -c "CREATE DATABASE $DB TEMPLATE $SEED_DB"
  rm -rf "$MEDIA_ROOT/certificats"
  "$APP_PY" -c 'import redis; redis.Redis(host="127.0.0.1", port=6379, db=6).flushdb()'
  start_stack "$USERS"
  RATE="$(awk -v u="$USERS" -v s="$SPAWN_SECONDS" 'BEGIN { printf "%.3f", u / s }')"
  echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)" | tee "${PREFIX}_load.txt"
  # Other work on the machine competes for the same 2 cores: keep a picture of it.
  top -b -n 1 -c -w 200 | sed -n '7,14p' >"${PREFIX}_top_before.txt" 2>/dev/null || true
  export LOAD_STATE_OUT="${PREFIX}_state.json"
  set +e
  (
    cd "$HERE"
    exec setsid "$LOCUST_VENV/bin/locust" -f "$HERE/locustfile.py" --headless \
      --users "$USERS" --spawn-rate "$RATE" --run-time "$RUN_TIME" --host "$HOST" \
      --csv "$PREFIX" --only-summary --loglevel WARNING
  ) >"${PREFIX}_locust.log" 2>&1 &
  LOCUST_PID=$!
  "$LOCUST_VENV/bin/python" "$HERE/cpu.py" --group "gunicorn=$WEB_PID" \
    --group "celery=$WORKER_PID" --group "locust=$LOCUST_PID" --database "$DB" \
    --out "${PREFIX}_cpu.txt" &
  CPU_PID=$!
  wait "$LOCUST_PID"
  LOCUST_STATUS=$?
  wait "$CPU_PID"
  set -e
  LOCUST_PID=""
  CPU_PID=""
  echo "locust exited with $LOCUST_STATUS (1: some requests failed)"
  echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "${PREFIX}_load.txt"
  top -b -n 1 -c -w 200 | sed -n '7,14p' >"${PREFIX}_top_after.txt" 2>/dev/null || true
  grep -h "quiz bell" "${PREFIX}_locust.log" || true
  cat "${PREFIX}_cpu.txt" 2>/dev/null || true
  # The server goes on with the requests it had queued when locust stopped (their clients are
  # gone): stop it first, gracefully (gunicorn finishes what it is doing, within its 30 s
  # graceful timeout), so that the database no longer changes but for the Celery worker.
  stop_group "$WEB_PID" gunicorn 45
  WEB_PID=""
  say "checks after $USERS users"
  "$APP_PY" "$HERE/check.py" --fixture "$LOAD_FIXTURE" --state "${PREFIX}_state.json" \
    | tee "${PREFIX}_check.txt" || true
  grep -q '^checker: OK' "${PREFIX}_check.txt" || CHECKS_FAILED=1
  stop_stack
  say "summary of $USERS users"
  "$LOCUST_VENV/bin/python" "$HERE/summary.py" "$PREFIX" || true
done

say "all runs"
"$LOCUST_VENV/bin/python" "$HERE/summary.py" "${PREFIXES[@]}" >"$RESULTS/summary.md" || true
cat "$RESULTS/summary.md"
for PREFIX in "${PREFIXES[@]}"; do
  echo "$(basename "$PREFIX"): $(tr '\n' ' ' <"${PREFIX}_load.txt")"
done
[ "$CHECKS_FAILED" = 0 ] || die "a checker failed: see the *_check.txt files in $RESULTS"
