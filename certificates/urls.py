from django.urls import path

from . import views

app_name = "certificates"

urlpatterns = [
    path("certificats/", views.my_certificates, name="mine"),
    path("certificats/verifier/", views.verify_form, name="verify"),
    path("certificats/verifier/<str:code>/", views.verify_code, name="verify_code"),
    path("certificats/emetteur/", views.issuer_profile, name="issuer"),
    path(
        "certificats/formation/<int:course_id>/etat/",
        views.certificate_status,
        name="status",
    ),
    path("certificats/statut/<int:number>/", views.status_list, name="status_list"),
    path("certificats/<str:serial>/pdf/", views.certificate_download, name="download"),
    path(
        "certificats/<str:serial>/openbadge.json",
        views.certificate_openbadge,
        name="openbadge",
    ),
]
