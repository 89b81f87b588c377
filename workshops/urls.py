from django.urls import path, re_path

from . import attestation_views, report_views, views

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
    # The invited person's answer (POST only): « oui » confirms, « non » declines.
    re_path(
        r"^ateliers/(?P<pk>[0-9]+)/invitation/(?P<answer>oui|non)/$",
        views.invitation_respond,
        name="invitation_respond",
    ),
    path("ateliers/<int:pk>/rapport/", views.report, name="workshop_report"),
    path("ateliers/<int:pk>/rapport/xlsx/", views.report_xlsx, name="workshop_report_xlsx"),
    # The funders' reports (report_views.py): over a period, and over one workshop.
    path("ateliers/rapports/", report_views.period_report, name="reports"),
    re_path(
        r"^ateliers/rapports/(?P<fmt>xlsx|pdf)/$",
        report_views.period_export,
        name="reports_export",
    ),
    path("ateliers/<int:pk>/bilan/", report_views.workshop_funders, name="workshop_funders"),
    re_path(
        r"^ateliers/(?P<pk>[0-9]+)/bilan/(?P<fmt>xlsx|pdf)/$",
        report_views.workshop_funders_export,
        name="workshop_funders_export",
    ),
    re_path(
        r"^ateliers/(?P<pk>[0-9]+)/tests/(?P<kind>pre|post)/papier/$",
        views.paper_scores,
        name="workshop_paper_scores",
    ),
    re_path(
        r"^ateliers/(?P<pk>[0-9]+)/tests/(?P<kind>pre|post)/papier/(?P<participant_id>[0-9]+)/$",
        views.paper_answers,
        name="workshop_paper_answers",
    ),
    path(
        "ateliers/attestations/<str:serial>/pdf/",
        attestation_views.attestation_download,
        name="attestation_download",
    ),
]
