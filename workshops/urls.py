from django.urls import path, re_path

from . import attestation_views, views

app_name = "workshops"

urlpatterns = [
    path("ateliers/", views.workshop_list, name="list"),
    path("ateliers/nouveau/", views.workshop_create, name="create"),
    path("ateliers/<int:pk>/", views.workshop_detail, name="workshop"),
    path(
        "ateliers/<int:pk>/seances/<int:session_id>/presences/",
        views.attendance,
        name="workshop_attendance",
    ),
    path("ateliers/<int:pk>/participants/", views.participants_add, name="workshop_participants"),
    path("ateliers/<int:pk>/rapport/", views.report, name="workshop_report"),
    re_path(
        r"^ateliers/(?P<pk>[0-9]+)/tests/(?P<kind>pre|post)/papier/$",
        views.paper_scores,
        name="workshop_paper_scores",
    ),
    path(
        "ateliers/attestations/<str:serial>/pdf/",
        attestation_views.attestation_download,
        name="attestation_download",
    ),
]
