from django.urls import path

from . import views

app_name = "courses"

urlpatterns = [
    path("recherche/", views.search, name="search"),
    path("lecons/<int:lesson_id>/terminer/", views.lesson_complete, name="lesson_complete"),
    path("inscription/<int:course_id>/", views.course_enroll, name="enroll"),
    path("formation/<int:course_id>/terminee/", views.course_completed, name="completed"),
    path("hors-ligne/", views.offline_page, name="offline"),
    path("hors-ligne/formation/<int:course_id>/", views.offline_manifest, name="offline_manifest"),
    path(
        "hors-ligne/lecons/<int:lesson_id>/terminer/",
        views.lesson_complete_sync,
        name="lesson_complete_sync",
    ),
]
