import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_healthz_reports_database_broker_and_cache(client):
    response = client.get(reverse("healthz"))
    assert response.status_code == 200
    assert response.json() == {"database": "ok", "broker": "ok", "cache": "ok", "status": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_healthz_is_503_when_the_broker_is_down(client, monkeypatch):
    from kombu import Connection

    from lms.celery import app

    # A real Redis connection attempt to a port where nothing listens: refused at once.
    monkeypatch.setattr(app, "connection_for_write", lambda: Connection("redis://127.0.0.1:1/0"))
    response = client.get(reverse("healthz"))
    assert response.status_code == 503
    assert response.json() == {
        "database": "ok",
        "broker": "error",
        "cache": "ok",
        "status": "error",
    }


def test_healthz_is_503_when_the_database_is_down(client, monkeypatch):
    from lms import views

    monkeypatch.setattr(views, "database_check", lambda: "OperationalError")
    response = client.get(reverse("healthz"))
    assert response.status_code == 503
    assert response.json()["database"] == "error"


def test_healthz_answers_plain_http_in_production_so_a_probe_sees_the_503():
    """Production redirects HTTP to HTTPS, but not /healthz: a load balancer probing a node
    directly with the database down must see 503, not a 301 it would count as healthy."""
    from .test_settings import run_manage

    code = (
        "from django.test import Client; c = Client();"
        " r = c.get('/healthz'); s = c.get('/healthz', secure=True);"
        " p = c.get('/connexion/');"
        " print(r.status_code, r.get('Location'), s.status_code, p.status_code)"
    )
    result = run_manage(
        "shell",
        "-c",
        code,
        SECRET_KEY="k3y-" + "aZ9!qW" * 10,
        ALLOWED_HOSTS="testserver",
        DATABASE_URL="postgres://postgres@127.0.0.1:1/kalan_down",  # nothing listens there
    )
    assert result.returncode == 0, result.stderr
    plain, location, secure, other_page = result.stdout.split()[-4:]
    assert (plain, location, secure) == ("503", "None", "503")
    assert other_page == "301"  # every other page still goes to HTTPS
