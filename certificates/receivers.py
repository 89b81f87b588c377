def course_completed_queue_certificate(sender, enrollment, **kwargs):
    """Queues the certificate once the completion is committed."""
    from .tasks import certificate_issue

    certificate_issue.delay_on_commit(enrollment.learner_id, enrollment.course_id)
