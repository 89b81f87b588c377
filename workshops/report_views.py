"""« Rapport des ateliers »: the funders' report over a period, and over one workshop, as a
page, an XLSX workbook and a PDF. Administrators and supervisors see the period report (a
supervisor counts only the people of their scope); whoever sees a workshop sees its report.
Anything else answers 404; bad filters are shown on the form, never a 500."""

from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from . import report_charts, report_exports, reports, selectors
from .report_forms import PeriodForm, default_period

FORMATS = {
    "xlsx": report_exports.XLSX_CONTENT_TYPE,
    "pdf": "application/pdf",
}


def _period_form(request):
    if not reports.user_may_see_reports(request.user):
        raise Http404
    funders, regions = reports.filter_choices(user=request.user)
    data = request.GET if "du" in request.GET or "au" in request.GET else None
    form = PeriodForm(data, funders=funders, regions=regions)
    if data is None:
        initial = default_period(reports.period_bounds(user=request.user), timezone.localdate())
        form = PeriodForm(
            {"du": initial["du"].isoformat(), "au": initial["au"].isoformat()},
            funders=funders,
            regions=regions,
        )
    return form


def _scope_label(user, people_q) -> str:
    if people_q == Q():
        return _("Tous les participants")
    return _("Les participants des unités suivies par %(name)s") % {"name": user.full_name}


def _period_report(request, form):
    filters = form.filters()
    workshops = reports.workshops_in_period(user=request.user, filters=filters)
    people_q = reports.people_q_for(user=request.user)
    report = reports.funders_report(workshops=workshops, people_q=people_q)
    return filters, report, _scope_label(request.user, people_q)


def _period_title(filters) -> str:
    return _("Rapport des ateliers du %(start)s au %(end)s") % {
        "start": date_format(filters.start, "SHORT_DATE_FORMAT"),
        "end": date_format(filters.end, "SHORT_DATE_FORMAT"),
    }


def _page(request, *, report, title, filters, scope="", form=None, workshop=None, status=200):
    context = {
        "form": form,
        "report": report,
        "title": title,
        "filters": filters,
        "workshop": workshop,
        "scope": scope,
        "query": request.GET.urlencode() if form is not None else "",
    }
    if report is not None:
        context.update(
            gains=report_charts.workshop_gains(report.lines),
            corps_chart=report_charts.share_bars(report.by_corps),
            region_chart=report_charts.share_bars(report.by_region),
        )
    return render(request, "workshops/reports/report.html", context, status=status)


def _file(*, fmt, report, filters, title, scope, name):
    if fmt == "xlsx":
        data = report_exports.report_xlsx(report=report, filters=filters, title=title)
    else:
        data = report_exports.report_pdf(report=report, filters=filters, title=title, scope=scope)
    response = HttpResponse(data, content_type=FORMATS[fmt])
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response


@require_GET
@login_required
def period_report(request):
    form = _period_form(request)
    if not form.is_valid():
        return _page(
            request,
            report=None,
            title=_("Rapport des ateliers"),
            filters=None,
            form=form,
            status=400,
        )
    filters, report, scope = _period_report(request, form)
    return _page(
        request,
        report=report,
        title=_period_title(filters),
        filters=filters,
        scope=scope,
        form=form,
    )


@require_GET
@login_required
def period_export(request, fmt: str):
    form = _period_form(request)
    if not form.is_valid():
        return _page(
            request,
            report=None,
            title=_("Rapport des ateliers"),
            filters=None,
            form=form,
            status=400,
        )
    filters, report, scope = _period_report(request, form)
    name = f"kalan-rapport-ateliers-{filters.start:%Y%m%d}-{filters.end:%Y%m%d}"
    return _file(
        fmt=fmt,
        report=report,
        filters=filters,
        title=_period_title(filters),
        scope=scope,
        name=name,
    )


def _workshop_report(request, pk):
    workshop = selectors.workshop_get_visible(user=request.user, pk=pk)
    people_q = reports.people_q_for(user=request.user, workshop=workshop)
    report = reports.funders_report(workshops=[workshop], people_q=people_q)
    return workshop, report, _scope_label(request.user, people_q)


@require_GET
@login_required
def workshop_funders(request, pk: int):
    workshop, report, scope = _workshop_report(request, pk)
    return _page(
        request,
        report=report,
        title=_("Bilan de l’atelier « %(title)s »") % {"title": workshop.title},
        filters=None,
        scope=scope,
        workshop=workshop,
    )


@require_GET
@login_required
def workshop_funders_export(request, pk: int, fmt: str):
    workshop, report, scope = _workshop_report(request, pk)
    name = f"kalan-bilan-atelier-{workshop.start_date:%Y%m%d}-{slugify(workshop.title)[:40]}"
    return _file(
        fmt=fmt,
        report=report,
        filters=None,
        title=_("Bilan de l’atelier « %(title)s »") % {"title": workshop.title},
        scope=scope,
        name=name,
    )
