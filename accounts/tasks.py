from celery import shared_task
from django.core.mail import EmailMessage


@shared_task(bind=True, max_retries=5, retry_backoff=True, autoretry_for=(OSError,))
def email_send(self, *, subject: str, body: str, to: list[str]):
    """Sends one plain-text email. Retries with backoff when the mail server is unreachable."""
    EmailMessage(subject=subject, body=body, to=to).send()
