from django.urls import path

from . import views

app_name = "quizzes"

urlpatterns = [
    path("quiz/<int:quiz_id>/commencer/", views.attempt_start, name="start"),
    path("tentatives/<int:attempt_id>/page/<int:page>/", views.attempt_page, name="attempt_page"),
    path(
        "tentatives/<int:attempt_id>/recapitulatif/", views.attempt_summary, name="attempt_summary"
    ),
    path("tentatives/<int:attempt_id>/envoyer/", views.attempt_submit, name="attempt_submit"),
    path("tentatives/<int:attempt_id>/relecture/", views.attempt_review, name="attempt_review"),
    path(
        "tentatives/<int:attempt_id>/hors-ligne/page/<int:page>/",
        views.attempt_save_sync,
        name="attempt_save_sync",
    ),
    path(
        "tentatives/<int:attempt_id>/hors-ligne/envoyer/",
        views.attempt_submit_sync,
        name="attempt_submit_sync",
    ),
    path("suivi/a-corriger/", views.grading_list, name="grading_list"),
    path("suivi/a-corriger/<int:item_id>/", views.grading_item, name="grading_item"),
]
