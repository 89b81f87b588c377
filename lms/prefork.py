"""What gunicorn's master does before it forks the web workers (gunicorn.conf.py).

The application is loaded once in the master (`preload_app`), and every worker starts as a
copy-on-write copy of it: the pages of code, translations and compiled templates stay shared
for as long as nothing writes to them. So the master also loads what each worker would
otherwise load by itself on its first requests (`warm_up`), and before each fork it closes
any connection it holds and moves its objects out of the garbage collector's reach
(`before_fork`), so that a worker neither inherits a socket nor dirties every shared page at
its first collection. bench/memory.py measures the effect (PSS per worker)."""

import gc
import logging
from pathlib import Path

logger = logging.getLogger(__name__)


def our_templates() -> list[str]:
    """The names of the templates of the project and of its own apps (not the libraries')."""
    from django.apps import apps
    from django.conf import settings

    base = Path(settings.BASE_DIR).resolve()
    roots = [Path(folder) for folder in settings.TEMPLATES[0]["DIRS"]]
    for config in apps.get_app_configs():
        # Our apps are the top-level folders of the project (the virtualenv may be inside it).
        if Path(config.path).resolve().parent == base:
            roots.append(Path(config.path) / "templates")
    names = set()
    for root in roots:
        for file in root.rglob("*"):
            if file.suffix in (".html", ".txt", ".xml", ".svg") and file.is_file():
                names.add(file.relative_to(root).as_posix())
    return sorted(names)


def warm_up() -> None:
    """Imports every URL module and Wagtail hook, loads the translation catalogues and
    compiles the project's templates, without a single query: the master must hold no
    connection when it forks."""
    from django.conf import settings
    from django.template import TemplateDoesNotExist, TemplateSyntaxError, engines
    from django.urls import get_resolver
    from django.utils import translation
    from wagtail import hooks

    get_resolver().url_patterns  # noqa: B018 (imports every urls module)
    hooks.search_for_hooks()
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            translation.gettext("Mes formations")
    engine = engines["django"]
    for name in our_templates():
        try:
            engine.get_template(name)
        except (TemplateDoesNotExist, TemplateSyntaxError, UnicodeDecodeError) as exc:
            # An e-mail fragment or a template extended from elsewhere: the worker loads it
            # when a page needs it, as without warm-up.
            logger.debug("warm-up: %s not compiled (%s)", name, exc)


def before_fork() -> None:
    """Closes the database and cache connections (a worker must never share a socket with its
    master or its siblings), then freezes the collector: the objects of the master move to a
    generation that collections in the workers never walk, so their pages stay shared."""
    from django.core.cache import caches
    from django.db import connections

    connections.close_all()
    for cache in caches.all(initialized_only=True):
        cache.close()
        # Django's Redis cache keeps its connections open across close() (it is called after
        # every request): its pools are disconnected here, in the master only.
        client = cache.__dict__.get("_cache")
        for pool in getattr(client, "_pools", {}).values():
            pool.disconnect()
    gc.collect()
    gc.freeze()
