"""Certificate events, sent INSIDE the transaction that records them (see courses/signals.py)."""

from django.dispatch import Signal

# sender=Certificate, certificate: a new valid certificate (serial set).
certificate_issued = Signal()
# sender=Certificate, certificate: revoked now (revoked_at and the reason set).
certificate_revoked = Signal()
