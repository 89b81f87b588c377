"""The demo signatory for `load_demo`: a plausible (fictitious) name and title, no signature
image. Idempotent, and it never overwrites a name an administrator has set."""

from .models import CertificateBranding

DEMO_SIGNATORY_NAME = "Djénéba Samaké"
DEMO_SIGNATORY_TITLE = "Présidente de la CNDH"


def demo_branding_load(*, site) -> CertificateBranding:
    branding = CertificateBranding.for_site(site)
    if not branding.signatory_name:
        branding.signatory_name = DEMO_SIGNATORY_NAME
        branding.signatory_title = DEMO_SIGNATORY_TITLE
        branding.save()
    return branding
