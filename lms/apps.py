from django.apps import AppConfig


class LmsConfig(AppConfig):
    name = "lms"
    verbose_name = "Kalan"

    def ready(self):
        # Connects the site table's invalidation in every process (web, Celery, commands),
        # not only in those that have loaded the URLs.
        from . import routing  # noqa: F401
