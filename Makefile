# Kalan: the two commands of the README, and a few helpers.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip

.PHONY: run test install install-dev browser node lint format messages check clean

PORT ?= 8000

## make run: install, start the embedded Redis, migrate, load the demo, then serve on
## http://127.0.0.1:$(PORT) with a Celery worker and beat, all supervised (make run PORT=8001).
run: $(VENV)/.installed
	$(PY) manage.py run_platform --setup --addr 127.0.0.1:$(PORT)

## make test: install what the tests need (chromium included) and run the whole suite, in
## one process per core (pytest-xdist; at most 4). One process: make test PYTEST_ARGS=-n0
TEST_PROCESSES ?= --numprocesses=logical --maxprocesses=4
test: $(VENV)/.installed-dev browser node
	$(PY) manage.py check
	$(PY) manage.py makemigrations --check --dry-run
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	@# pytest exits 5 when it collected no test: that is a failure here, not a success.
	$(VENV)/bin/pytest $(TEST_PROCESSES) $(PYTEST_ARGS); rc=$$?; \
	  if [ $$rc -eq 5 ]; then echo "ERREUR : aucun test exécuté."; exit 1; fi; exit $$rc

$(VENV)/bin/python:
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.11 est requis ($(PYTHON) introuvable)."; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

$(VENV)/.installed: $(VENV)/bin/python requirements.txt
	$(PIP) install --quiet -r requirements.txt
	@touch $@

$(VENV)/.installed-dev: $(VENV)/.installed requirements-dev.txt
	$(PIP) install --quiet -r requirements-dev.txt
	@touch $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

## Debian's chromium for the browser tests (never `playwright install`: it cannot download).
browser:
	@test -x /usr/bin/chromium || { \
	  echo "Installation de chromium (apt-get)…"; \
	  SUDO=$$( [ "$$(id -u)" -eq 0 ] || echo sudo ); \
	  $$SUDO apt-get install -y -q chromium >/dev/null 2>&1 || \
	  { $$SUDO apt-get update -q >/dev/null && $$SUDO apt-get install -y -q chromium >/dev/null; }; }
	@test -x /usr/bin/chromium || { echo "chromium n'a pas pu être installé."; exit 1; }

## Node 20 and npm from Debian for the outside Open Badges verifier test
## (certificates/tests/test_outside_verifier.py runs `npm ci` itself, into var/test/node/).
node:
	@command -v node >/dev/null && command -v npm >/dev/null || { \
	  echo "Installation de nodejs et npm (apt-get)…"; \
	  SUDO=$$( [ "$$(id -u)" -eq 0 ] || echo sudo ); \
	  $$SUDO apt-get install -y -q nodejs npm >/dev/null 2>&1 || \
	  { $$SUDO apt-get update -q >/dev/null && $$SUDO apt-get install -y -q nodejs npm >/dev/null; }; }
	@command -v node >/dev/null && command -v npm >/dev/null || { echo "nodejs/npm n'ont pas pu être installés."; exit 1; }

lint: $(VENV)/.installed-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(VENV)/.installed-dev
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

## Extract and compile the translations (needs GNU gettext). The .mo files are committed.
## English only: locale/fr/ holds hand-written corrections of Wagtail's and Django's French
## (our msgids are French already), which makemessages -l fr or -a would bury under ours.
messages: $(VENV)/.installed
	$(PY) manage.py makemessages -l en --no-location --ignore=.venv --ignore=var --ignore=staticfiles
	$(PY) manage.py compilemessages --ignore=.venv

clean:
	rm -rf var staticfiles
