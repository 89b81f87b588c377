from django.urls import path, re_path

from . import views

app_name = "tracking"

urlpatterns = [
    path("suivi/", views.dashboard, name="dashboard"),
    re_path(r"^suivi/export\.(?P<fmt>csv|xlsx)$", views.export, name="export"),
    path("suivi/apprenants/<int:pk>/", views.learner_detail, name="learner"),
    path("suivi/affectations/", views.assignments, name="assignments"),
    path(
        "suivi/affectations/<int:pk>/supprimer/",
        views.assignment_delete,
        name="assignment_delete",
    ),
]
