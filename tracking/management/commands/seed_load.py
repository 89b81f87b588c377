"""Loads a synthetic data set for benchmarks (tracking/seed.py says what and how):

    manage.py seed_load --learners 10000 --courses 10

Refuses to run twice: --replace first deletes the seed's own rows, and nothing else."""

import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils.translation import gettext as _

from tracking import seed as seeding


class Command(BaseCommand):
    help = _(
        "Crée un jeu de données d’essai (unités, apprenants, formations, inscriptions, "
        "tentatives, attestations) pour les mesures de performance."
    )

    def add_arguments(self, parser):
        parser.add_argument("--learners", type=int, default=10000, help=_("Nombre d’apprenants."))
        parser.add_argument("--courses", type=int, default=10, help=_("Nombre de formations."))
        parser.add_argument(
            "--seed",
            type=int,
            default=2026,
            help=_("Graine du générateur (même graine, mêmes données)."),
        )
        parser.add_argument(
            "--replace",
            action="store_true",
            help=_("Supprime d’abord les données d’essai existantes (et elles seules)."),
        )
        parser.add_argument(
            "--allow-production",
            action="store_true",
            help=_("Autorise le chargement alors que DEBUG est désactivé."),
        )

    def handle(self, *args, learners, courses, seed: int, replace, allow_production, **options):
        if not settings.DEBUG and not allow_production:
            raise CommandError(
                _("Refusé : DEBUG est désactivé. Ajoutez --allow-production pour forcer.")
            )
        if learners < 1 or courses < 1:
            raise CommandError(_("Il faut au moins un apprenant et une formation."))
        started = time.perf_counter()
        deleted, deleted_in = {}, 0.0
        with transaction.atomic():
            if existed := seeding.seed_exists():
                if not replace:
                    raise CommandError(
                        _(
                            "Des données d’essai existent déjà (comptes %(users)s…, formations "
                            "%(courses)s…). Relancez avec --replace pour les remplacer."
                        )
                        % {"users": seeding.MATRICULE_PREFIX, "courses": seeding.SLUG_PREFIX}
                    )
                deleted = seeding.seed_delete()
            deleted_in = time.perf_counter() - started
            summary = seeding.seed_load(learners=learners, courses=courses, seed=seed)
        # Benchmarks run right after: give the planner fresh statistics, or PostgreSQL guesses
        # the sizes of tables that grew from nothing in one go and picks plans that take
        # seconds (autovacuum may be off, or not have run yet). On PostgreSQL, VACUUM also
        # reclaims what --replace deleted, which would otherwise double every scan. It cannot
        # run inside a transaction (a test's, for one): ANALYZE alone then.
        maintenance = "ANALYZE"
        if connection.vendor == "postgresql" and not connection.in_atomic_block:
            maintenance = "VACUUM ANALYZE"
        analyzed = time.perf_counter()
        with connection.cursor() as cursor:
            cursor.execute(maintenance)
        summary.timings[maintenance] = time.perf_counter() - analyzed
        total = time.perf_counter() - started
        if existed:
            self.stdout.write(_("Supprimé (données d’essai précédentes), en %.1f s :") % deleted_in)
            for label, n in sorted(deleted.items()):
                self.stdout.write(f"  {label:<32} {n:>9}")
        self.stdout.write(
            _("Créé sur %(vendor)s, graine %(seed)d :")
            % {"vendor": connection.vendor, "seed": seed}
        )
        for label, n in summary.counts.items():
            self.stdout.write(f"  {label:<32} {n:>9}")
        for phase, seconds in summary.timings.items():
            self.stdout.write(f"  {phase:<32} {seconds:>8.1f} s")
        self.stdout.write(_("Terminé en %.1f s.") % total)
