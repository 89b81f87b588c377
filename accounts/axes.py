"""Sign-in lockouts with two limits (lms/settings/base.py says which and why)."""

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_failure_limit
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum

# Why a request is refused, for the lockout page (accounts.views.signin_locked_out).
LOCKOUT_ACCOUNT = "account"
LOCKOUT_ADDRESS = "address"


def lockout_minutes() -> int:
    """AXES_COOLOFF_TIME in whole minutes, as the sign-in form and the lockout page state it."""
    return int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)


class SignInAttemptsHandler(AxesDatabaseHandler):
    """Axes counts one thing against one limit: here, the failures of the (matricule, address)
    pair against AXES_FAILURE_LIMIT. The failures of the address across every matricule are
    counted too, against KALAN_SIGNIN_ADDRESS_FAILURE_LIMIT: past it, this method answers
    AXES_FAILURE_LIMIT, which locks every matricule from that address and only there.

    The address count is not one of AXES_LOCKOUT_PARAMETERS on purpose: axes would then also
    wipe it when anyone signs in from that address (AXES_RESET_ON_SUCCESS), and one's own
    account would reset the count of guesses at everybody else's."""

    def get_failures(self, request, credentials: dict | None = None) -> int:
        pair = super().get_failures(request, credentials)
        limit = get_failure_limit(request, credentials)
        address = (
            AccessAttempt.objects.filter(
                ip_address=request.axes_ip_address,
                attempt_time__gte=get_cool_off_threshold(request),
            ).aggregate(total=Sum("failures_since_start"))["total"]
            or 0
        )
        if address >= settings.KALAN_SIGNIN_ADDRESS_FAILURE_LIMIT:
            request.kalan_lockout = LOCKOUT_ADDRESS
            return max(pair, limit)
        if pair >= limit:
            request.kalan_lockout = LOCKOUT_ACCOUNT
        return pair
