"""Workshop pages. Every object comes from a scoped selector: out of scope answers 404."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template.defaultfilters import floatformat
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from lms import charts
from quizzes.grading import ResponseError

from . import attestations, report_exports, selectors, services
from .forms import (
    AttendanceForm,
    PaperAnswersForm,
    PaperScoresForm,
    ParticipantsAddForm,
    WorkshopForm,
    attendance_bound_rows,
)
from .models import Participant, TestResult


@require_GET
@login_required
def workshop_list(request):
    workshops = selectors.workshop_list_visible(user=request.user).order_by("-start_date")
    may_create = selectors.user_may_create_workshop(request.user)
    if not workshops and not may_create:
        raise PermissionDenied(_("Cette page est réservée aux formateurs et aux superviseurs."))
    return render(
        request,
        "workshops/workshop_list.html",
        {"workshops": workshops, "may_create": may_create},
    )


@require_http_methods(["GET", "POST"])
@login_required
def workshop_create(request):
    if not selectors.user_may_create_workshop(request.user):
        raise PermissionDenied(
            _("Seuls les superviseurs et les administrateurs créent un atelier.")
        )
    form = WorkshopForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        fields = {name: data[name] for name in WorkshopForm.Meta.fields}
        try:
            workshop = services.workshop_create(
                created_by=request.user,
                trainers=data["trainer_matricules"],
                programme=data["programme"],
                **fields,
            )
        except ValidationError as exc:
            for field, errors in exc.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            messages.success(request, _("Atelier créé, avec ses séances."))
            return redirect("workshops:workshop", pk=workshop.pk)
    return render(request, "workshops/workshop_form.html", {"form": form})


@require_GET
@login_required
def workshop_detail(request, pk: int):
    """The workshop's page for those who run or follow it; for a participant, their own
    record (dates, place, programme, their attendance), or their invitation."""
    try:
        workshop = selectors.workshop_get_visible(user=request.user, pk=pk)
    except Http404:
        record = selectors.participant_own_get(user=request.user, pk=pk)
        if record.status != Participant.Status.REGISTERED:
            # An invitation, pending or declined: its own page, with the answers.
            return render(
                request,
                "workshops/invitation.html",
                {"workshop": record.workshop, "record": record, "today": timezone.localdate()},
            )
        return render(
            request,
            "workshops/participant_record.html",
            {
                "workshop": record.workshop,
                "record": record,
                "attendances": record.attendances.select_related("session").order_by(
                    "session__date", "session__part"
                ),
                "attestation": attestations.participant_attestation(record),
                "tests": selectors.participant_tests(record, today=timezone.localdate()),
            },
        )
    # A supervisor who neither trains nor created the workshop sees their own people only.
    people_q = selectors.people_q_for(user=request.user, workshop=workshop)
    return render(
        request,
        "workshops/workshop_detail.html",
        {
            "workshop": workshop,
            "sessions": selectors.session_summaries(workshop, people_q),
            # With their attendance and attestation: who has one, at a glance.
            "participants": attestations.participants_with_attestations(workshop, people_q),
            "invitations": list(selectors.invitations_of(workshop, people_q)),
            "whole_list": people_q == Q(),
            "may_mark": selectors.user_may_mark_attendance(user=request.user, workshop=workshop),
            "may_add": selectors.user_may_add_participants(user=request.user, workshop=workshop),
        },
    )


@require_POST
@login_required
def invitation_respond(request, pk: int, answer: str):
    """The invited person's answer, from « Mes formations » or the workshop's page: « oui »
    confirms, « non » declines. Someone else's invitation, or none: 404."""
    pk = int(pk)
    record = selectors.invitation_own_get(user=request.user, pk=pk)
    try:
        services.invitation_respond(record=record, accept=answer == "oui")
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request,
            _("Participation confirmée : votre inscription à l’atelier est enregistrée.")
            if answer == "oui"
            else _("Réponse enregistrée : vous ne participerez pas à cet atelier."),
        )
    return redirect("workshops:workshop", pk=pk)


@require_http_methods(["GET", "POST"])
@login_required
def attendance(request, pk: int, session_id: int):
    """One form per session: a row per participant, one tap each, a single POST saves the
    whole session."""
    workshop = selectors.workshop_get_visible(user=request.user, pk=pk)
    if not selectors.user_may_mark_attendance(user=request.user, workshop=workshop):
        raise Http404
    session = selectors.session_get(workshop=workshop, pk=session_id)
    rows = selectors.attendance_rows(session)
    form = AttendanceForm(request.POST or None, rows=rows)
    if request.method == "POST" and form.is_valid():
        count = services.attendance_save(
            session=session, marks=form.marks(), marked_by=request.user
        )
        messages.success(
            request,
            ngettext(
                "Présences enregistrées : %(n)d ligne.",
                "Présences enregistrées : %(n)d lignes.",
                count,
            )
            % {"n": count},
        )
        return redirect("workshops:workshop", pk=workshop.pk)
    return render(
        request,
        "workshops/attendance.html",
        {
            "workshop": workshop,
            "session": session,
            "form": form,
            "rows": attendance_bound_rows(form),
        },
    )


@require_http_methods(["GET", "POST"])
@login_required
def participants_add(request, pk: int):
    workshop = selectors.workshop_get_visible(user=request.user, pk=pk)
    if not selectors.user_may_add_participants(user=request.user, workshop=workshop):
        raise Http404
    form = ParticipantsAddForm(
        request.POST or None, request.FILES or None, user=request.user, workshop=workshop
    )
    if request.method == "POST" and form.is_valid():
        try:
            added = services.participants_add(
                workshop=workshop,
                learners=form.cleaned_data["chosen"],
                added_by=request.user,
                invite=form.invite,
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            if form.invite:
                text = ngettext(
                    "%(n)d invitation envoyée.", "%(n)d invitations envoyées.", added
                ) % {"n": added}
            else:
                text = ngettext(
                    "%(n)d participation ajoutée.", "%(n)d participations ajoutées.", added
                ) % {"n": added}
            messages.success(request, text)
            return redirect("workshops:workshop", pk=workshop.pk)
    return render(request, "workshops/participants_add.html", {"workshop": workshop, "form": form})


def _percent_note(percent: float | None) -> str:
    """A bar's figure, as the report's table writes it: « 67 % », « — » without a score."""
    return "—" if percent is None else f"{floatformat(percent, 0)} %"


def _scoped_report(request, pk: int):
    """The workshop and its knowledge report, counting whom the reader may see (the page and
    its XLSX alike), and whether that is everyone."""
    workshop = selectors.workshop_get_visible(user=request.user, pk=pk)
    people_q = selectors.people_q_for(user=request.user, workshop=workshop)
    return workshop, selectors.workshop_report(workshop, people_q), people_q == Q()


@require_GET
@login_required
def report(request, pk: int):
    workshop, data, whole_list = _scoped_report(request, pk)
    return render(
        request,
        "workshops/report.html",
        {
            "whole_list": whole_list,
            "workshop": workshop,
            "report": data,
            "dots": charts.paired_dots(
                [
                    (
                        charts.truncated(row.participant.learner.full_name, 17),
                        row.pre.percent,
                        row.post.percent,
                    )
                    for row in data.rows
                    if row.complete
                ]
            ),
            "bars": charts.bars(
                [
                    (
                        charts.truncated(question.name, 44),
                        [
                            (question.before, _percent_note(question.before), "chart__bar--before"),
                            (question.after, _percent_note(question.after), ""),
                        ],
                    )
                    for question in data.questions
                ],
                track_width=300,
                note_width=70,
            ),
            "may_enter": selectors.user_may_mark_attendance(user=request.user, workshop=workshop),
        },
    )


@require_GET
@login_required
def report_xlsx(request, pk: int):
    """The knowledge report as a workbook: the same figures as the page, for the same people."""
    workshop, report_data, _whole_list = _scoped_report(request, pk)
    data = report_exports.knowledge_xlsx(workshop=workshop, report=report_data)
    response = HttpResponse(data, content_type=report_exports.XLSX_CONTENT_TYPE)
    name = f"kalan-gain-atelier-{workshop.start_date:%Y%m%d}-{slugify(workshop.title)[:40]}"
    response["Content-Disposition"] = f'attachment; filename="{name}.xlsx"'
    return response


@require_http_methods(["GET", "POST"])
@login_required
def paper_scores(request, pk: int, kind: str):
    """The trainer enters the scores of a paper test (for participants without a phone);
    they are marked as entered by the trainer. A test taken on Kalan wins over a paper
    score for the same person."""
    workshop = selectors.workshop_get_visible(user=request.user, pk=pk)
    if not selectors.user_may_mark_attendance(user=request.user, workshop=workshop):
        raise Http404
    participants = selectors.participants_of(workshop)
    current = selectors.paper_scores_of(workshop=workshop, kind=kind)
    form = PaperScoresForm(request.POST or None, participants=participants, current=current)
    answer_counts = selectors.paper_answer_counts(workshop=workshop, kind=kind)
    if request.method == "POST" and form.is_valid():
        count = services.paper_results_enter(
            scores=form.scores(), kind=kind, entered_by=request.user
        )
        messages.success(
            request,
            ngettext(
                "%(n)d note sur papier enregistrée.", "%(n)d notes sur papier enregistrées.", count
            )
            % {"n": count},
        )
        return redirect("workshops:workshop_report", pk=workshop.pk)
    return render(
        request,
        "workshops/paper_scores.html",
        {
            "workshop": workshop,
            "form": form,
            "kind": kind,
            "kind_label": TestResult.Kind(kind).label,
            # (participant, bound field, answers entered question by question) per row.
            "rows": [(p, form[f"s-{p.pk}"], answer_counts.get(p.pk, 0)) for p in form.participants],
            "copy": selectors.paper_copy(workshop=workshop, kind=kind),
        },
    )


@require_http_methods(["GET", "POST"])
@login_required
def paper_answers(request, pk: int, kind: str, participant_id: int):
    """The trainer enters one participant's paper copy of a test, question by question; the
    server grades it with the quiz's own grading and the score is marked as entered by the
    trainer. It replaces a score typed by hand, and a score typed later replaces it."""
    workshop = selectors.workshop_get_visible(user=request.user, pk=pk)
    if not selectors.user_may_mark_attendance(user=request.user, workshop=workshop):
        raise Http404
    participant = selectors.participant_get(workshop=workshop, pk=participant_id)
    copy = selectors.paper_copy(workshop=workshop, kind=kind)
    form = None
    if copy is not None and copy.possible:
        form = PaperAnswersForm(
            request.POST if request.method == "POST" else None,
            copy=copy,
            current=selectors.paper_answers_of(participant=participant, kind=kind),
        )
        if request.method == "POST" and form.is_valid():
            try:
                result = services.paper_answers_enter(
                    participant=participant,
                    kind=kind,
                    entries=form.entries,
                    entered_by=request.user,
                )
            except (ValidationError, ResponseError) as exc:
                form.errors.extend(exc.messages if hasattr(exc, "messages") else [str(exc)])
            else:
                answered = sum(1 for entry in form.entries if entry.response is not None)
                messages.success(
                    request,
                    ngettext(
                        "Copie de %(name)s enregistrée : note %(percent)s %% (%(answered)d "
                        "réponse sur %(total)d question).",
                        "Copie de %(name)s enregistrée : note %(percent)s %% (%(answered)d "
                        "réponses sur %(total)d questions).",
                        len(form.entries),
                    )
                    % {
                        "name": participant.learner.full_name,
                        "answered": answered,
                        "total": len(form.entries),
                        "percent": floatformat(result.percent, -2),
                    },
                )
                return redirect("workshops:workshop_report", pk=workshop.pk)
    return render(
        request,
        "workshops/paper_answers.html",
        {
            "workshop": workshop,
            "participant": participant,
            "kind": kind,
            "kind_label": TestResult.Kind(kind).label,
            "copy": copy,
            "form": form,
            "questions": form.views() if form is not None else [],
            "result": selectors.paper_result_of(participant=participant, kind=kind),
            "online": selectors.paper_test_online(participant=participant, kind=kind),
        },
    )
