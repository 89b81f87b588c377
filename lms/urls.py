from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from courses import views as courses_views

from . import routing, views

urlpatterns = [
    path("", courses_views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("favicon.ico", views.favicon),
    path("manifest.webmanifest", views.webmanifest, name="webmanifest"),
    path("sw.js", views.service_worker, name="service_worker"),
    path(".well-known/security.txt", views.security_txt, name="security_txt"),
    path("", include("accounts.urls")),
    path("", include("courses.urls")),
    path("", include("quizzes.urls")),
    path("", include("certificates.urls")),
    path("", include("tracking.urls")),
    path("", include("workshops.urls")),
    path("", include("jobs.urls")),
    path("admin/", include(wagtailadmin_urls)),
    path("django-admin/", admin.site.urls),
    path("documents/", include(wagtaildocs_urls)),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Wagtail's page tree serves everything else (courses live under /formations/), through
# Wagtail's own view routed in fewer queries (lms/routing.py), under Wagtail's URL name.
urlpatterns += [
    *(pattern for pattern in wagtail_urls.urlpatterns if pattern.name != "wagtail_serve"),
    re_path(wagtail_urls.serve_pattern, routing.serve, name="wagtail_serve"),
]

handler400 = "lms.views.error_400"
handler403 = "lms.views.error_403"
handler404 = "lms.views.error_404"
handler500 = "lms.views.error_500"
