import pytest
from django.contrib.staticfiles import finders


def test_favicon_ico_redirects_to_the_svg_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"].endswith("img/favicon.svg")
    assert finders.find("img/favicon.svg")


@pytest.mark.django_db
def test_pages_link_the_icon(client):
    html = client.get("/connexion/").content.decode()
    assert 'rel="icon"' in html and "img/favicon.svg" in html
