from wagtail import hooks
from wagtail.permissions import register_permission_policy

from .admin_views import CertificatePermissionPolicy, CertificateViewSet
from .models import Certificate

register_permission_policy(Certificate, CertificatePermissionPolicy(Certificate))


@hooks.register("register_admin_viewset")
def register_certificate_viewset():
    return CertificateViewSet()
