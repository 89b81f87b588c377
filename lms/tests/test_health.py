import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_healthz_reports_database_and_broker(client):
    response = client.get(reverse("healthz"))
    assert response.status_code == 200
    assert response.json() == {"database": "ok", "broker": "ok", "status": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_healthz_is_503_when_the_broker_is_down(client, monkeypatch):
    from kombu import Connection

    from lms.celery import app

    # A real Redis connection attempt to a port where nothing listens: refused at once.
    monkeypatch.setattr(app, "connection_for_write", lambda: Connection("redis://127.0.0.1:1/0"))
    response = client.get(reverse("healthz"))
    assert response.status_code == 503
    assert response.json() == {"database": "ok", "broker": "error", "status": "error"}


def test_healthz_is_503_when_the_database_is_down(client, monkeypatch):
    from lms import views

    monkeypatch.setattr(views, "database_check", lambda: "OperationalError")
    response = client.get(reverse("healthz"))
    assert response.status_code == 503
    assert response.json()["database"] == "error"
