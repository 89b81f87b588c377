from django.urls import path

from . import views

app_name = "jobs"

urlpatterns = [
    path("taches/<int:pk>/", views.job_detail, name="job"),
    path("taches/<int:pk>/telecharger/", views.job_download, name="job_download"),
]
