"""Password hashing: Argon2id, with the first configuration of the OWASP Password Storage
Cheat Sheet (19 MiB of memory, 2 passes, 1 lane).

Why not Django's defaults:
- PBKDF2-SHA256 at 1,000,000 iterations costs about 0.25 s of one core per sign-in on our
  2-core server: when a unit's officers sign in together before a quiz, the hashes queue
  up and every other request waits behind them (bench/RESULTS.md).
- Django's Argon2 defaults (100 MiB, 8 lanes) cost about 0.2 s of CPU and 100 MiB for each
  sign-in in flight, 1.6 GB for the 16 threads of the production server.
- This configuration costs about 22 ms of one core and 19 MiB. Its memory hardness makes a
  guessing attack on stolen hashes dearer on GPUs than PBKDF2 at a million iterations.

Hashes keep the standard "argon2$argon2id$v=19$m=…,t=…,p=…" format, so Django's own
Argon2PasswordHasher can read them. Older PBKDF2 hashes (PASSWORD_HASHERS keeps their
hasher) are rehashed with these parameters at the user's next sign-in."""

from django.contrib.auth.hashers import Argon2PasswordHasher


class KalanArgon2PasswordHasher(Argon2PasswordHasher):
    time_cost = 2
    memory_cost = 19 * 1024  # KiB
    parallelism = 1
