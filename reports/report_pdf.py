"""The career plan (reports.report) laid out as a PDF with reportlab's platypus.

Standard Helvetica covers French (é, à, ç, « ») in its Latin-1/WinAnsi encoding; the few
typographic characters it may not draw (narrow no-break spaces, dashes, curly quotes, ellipsis)
are mapped to safe equivalents first, and anything else outside Latin-1 becomes "?".
"""

import datetime
import io
from decimal import Decimal
from xml.sax.saxutils import escape

from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from reportlab.graphics.shapes import Circle, Drawing, Line, PolyLine, Rect, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import (
    KeepTogether,
    ListFlowable,
    ListItem,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from goals.plan import chart
from reports.report import Report

ACCENT = colors.HexColor("#1f5f5b")
MUTED = colors.HexColor("#4f5a60")
LINE = colors.HexColor("#d9d4ca")

# Characters Helvetica's encoding may lack, mapped to ones it has.
SAFE = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u2039": "<",
        "\u203a": ">",
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
        "\u2026": "...",
        "\u202f": "\u00a0",
        "\u2009": " ",
        "\u2007": " ",
        "\u2022": "-",
        "\u2194": "-",
    }
)


def safe(text: str) -> str:
    """`text` drawable with Helvetica: typographic characters mapped, the rest Latin-1."""
    text = str(text).translate(SAFE)
    return text.encode("latin-1", "replace").decode("latin-1")


def para(text: str, style: ParagraphStyle) -> Paragraph:
    """A paragraph of plain text (escaped: platypus reads a little markup)."""
    return Paragraph(escape(safe(text)).replace("\n", "<br/>"), style)


def fact(label: str, value: object) -> str:
    """ "Label: value", with the space French puts before the colon."""
    return _("%(label)s: %(value)s") % {"label": label, "value": value}


def money(value: Decimal, currency: str) -> str:
    return safe(f"{formats.number_format(value, 2, use_l10n=True, force_grouping=True)} {currency}")


def day(value: datetime.date | datetime.datetime | None) -> str:
    """A date, or a moment as a date in the active time zone, as YYYY-MM-DD."""
    if not value:
        return ""
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value)
    return value.strftime("%Y-%m-%d")


def progress_bar(percent: float, width: float = 120 * mm, height: float = 5 * mm) -> Drawing:
    """A horizontal bar: the share of the way to the goal."""
    drawing = Drawing(width, height + 2)
    drawing.add(Rect(0, 1, width, height, fillColor=colors.white, strokeColor=MUTED))
    drawing.add(
        Rect(0, 1, width * max(0, min(100, percent)) / 100, height, fillColor=ACCENT, strokeWidth=0)
    )
    return drawing


def indicator_chart(goal: object, width: int = 440, height: int = 170) -> Drawing | None:
    """The indicator over time against the straight path to the target (goals.plan.chart)."""
    geometry = chart(goal, width=width, height=height)
    if geometry is None:
        return None

    def flip(y):  # SVG counts y downwards, reportlab upwards.
        return height - y

    drawing = Drawing(width, height)
    left, right = geometry["left"], geometry["right"]
    top, bottom = flip(geometry["top"]), flip(geometry["bottom"])
    drawing.add(Line(left, bottom, right, bottom, strokeColor=MUTED))
    drawing.add(Line(left, bottom, left, top, strokeColor=MUTED))
    label = {"fontName": "Helvetica", "fontSize": 8, "fillColor": MUTED}
    drawing.add(String(left - 4, top - 3, safe(geometry["high"]), textAnchor="end", **label))
    drawing.add(String(left - 4, bottom, safe(geometry["low"]), textAnchor="end", **label))
    drawing.add(String(left, bottom - 14, day(geometry["first"]), **label))
    drawing.add(String(right, bottom - 14, day(geometry["last"]), textAnchor="end", **label))
    ideal = geometry["ideal"]
    drawing.add(
        Line(
            ideal["x1"],
            flip(ideal["y1"]),
            ideal["x2"],
            flip(ideal["y2"]),
            strokeColor=MUTED,
            strokeDashArray=[4, 3],
        )
    )
    points = [(point["x"], flip(point["y"])) for point in geometry["points"]]
    if len(points) > 1:
        drawing.add(
            PolyLine(
                [coordinate for point in points for coordinate in point],
                strokeColor=ACCENT,
                strokeWidth=2,
            )
        )
    for x, y in points:
        drawing.add(Circle(x, y, 3, fillColor=ACCENT, strokeColor=ACCENT))
    return drawing


def styles() -> dict[str, ParagraphStyle]:
    sheet = getSampleStyleSheet()
    return {
        "title": sheet["Title"],
        "h2": ParagraphStyle("h2", parent=sheet["Heading2"], textColor=ACCENT, spaceBefore=10),
        "h3": ParagraphStyle("h3", parent=sheet["Heading3"], spaceBefore=6),
        "body": sheet["BodyText"],
        "muted": ParagraphStyle("muted", parent=sheet["BodyText"], textColor=MUTED),
        "cell": ParagraphStyle("cell", parent=sheet["BodyText"], fontSize=8, leading=10),
    }


def _targets(report, style):
    flow = [para(_("Target occupations and skills gap"), style["h2"])]
    if not report.targets:
        flow.append(para(_("No target occupation yet."), style["muted"]))
    for entry in report.targets:
        figures = entry.gap
        block = [
            para(entry.label, style["h3"]),
            para(fact(_("Horizon"), entry.horizon), style["body"]),
            para(
                _("Skills covered: %(percent)s %% (essential skills count three times)")
                % {"percent": figures.percent},
                style["body"],
            ),
            progress_bar(figures.percent),
            para(
                _(
                    "Essential skills: %(covered)s covered, %(partial)s partly covered, "
                    "%(missing)s to develop"
                )
                % {
                    "covered": figures.essential_covered,
                    "partial": figures.essential_partial,
                    "missing": figures.essential_missing,
                },
                style["body"],
            ),
        ]
        if figures.guide:
            block.append(para(_("Skills to develop first"), style["body"]))
            block.append(
                ListFlowable(
                    [ListItem(para(item.label, style["body"])) for item in figures.guide[:8]],
                    bulletType="bullet",
                    start="-",
                )
            )
        flow.append(KeepTogether(block))
    return flow


def _goals(report, style):
    flow = [para(_("Career goals"), style["h2"])]
    if not report.goals:
        flow.append(para(_("No career goal yet."), style["muted"]))
    for row in report.goals:
        goal = row.goal
        facts = [fact(_("Status"), goal.get_status_display())]
        if goal.deadline:
            facts.append(fact(_("Deadline"), day(goal.deadline)))
        block = [para(goal.statement, style["h3"]), para(" · ".join(facts), style["body"])]
        if goal.indicator_name:
            block.append(
                para(
                    f"{goal.indicator_name}: "
                    + _("from %(baseline)s, now %(latest)s, target %(target)s")
                    % {
                        "baseline": goal.baseline,
                        "latest": goal.latest_value,
                        "target": goal.target_value,
                    },
                    style["body"],
                )
            )
        block.append(para(fact(_("Progress"), f"{goal.progress_percent} %"), style["body"]))
        block.append(progress_bar(goal.progress_percent))
        drawing = indicator_chart(goal)
        if drawing is not None:
            block.append(Spacer(1, 3 * mm))
            block.append(drawing)
            block.append(
                para(
                    _("Dashed: the path to the target by the deadline. Solid: your check-ins."),
                    style["muted"],
                )
            )
        stages = list(goal.stages.all())
        if stages:
            block.append(para(_("Intermediate goals"), style["body"]))
            block.append(
                ListFlowable(
                    [
                        ListItem(
                            para(
                                f"[{_('done') if stage.done else _('to do')}] {stage.title} "
                                f"({day(stage.deadline)})",
                                style["body"],
                            )
                        )
                        for stage in stages
                    ],
                    bulletType="1",
                )
            )
        flow.append(KeepTogether(block))
    return flow


def _learning(report, style):
    flow = [para(_("Learning plan"), style["h2"])]
    if not report.learning:
        flow.append(para(_("No learning item yet."), style["muted"]))
        return flow
    cell = style["cell"]
    rows = [
        [
            para(heading, cell)
            for heading in (
                _("Title"),
                _("Status"),
                _("Cost"),
                _("Who pays"),
                _("Cost to you"),
                _("Return on investment"),
            )
        ]
    ]
    for row in report.learning:
        item = row.item
        title = item.title + (f"\n{item.provider}" if item.provider else "")
        rows.append(
            [
                para(title, cell),
                para(item.get_status_display(), cell),
                para(money(item.cost, item.currency), cell),
                para(item.get_payer_display(), cell),
                para(money(row.roi.total_cost, item.currency), cell),
                para(row.verdict, cell),
            ]
        )
    for currency, total in report.open_costs.items():
        rows.append(
            [
                para(_("Still to pay for planned and current items"), cell),
                "",
                "",
                "",
                para(money(total, currency), cell),
                "",
            ]
        )
    table = Table(
        rows,
        colWidths=[40 * mm, 20 * mm, 24 * mm, 26 * mm, 24 * mm, 46 * mm],
        repeatRows=1,
    )
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, LINE),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eef3f2")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    flow.append(table)
    return flow


def _mentorships(report, style):
    flow = [para(_("Mentorship"), style["h2"])]
    if not report.mentorships:
        flow.append(para(_("No mentorship yet."), style["muted"]))
    for row in report.mentorships:
        if row.role == "mentee":
            heading = _("Mentored by %(name)s") % {"name": row.other_name}
        else:
            heading = _("Mentor of %(name)s") % {"name": row.other_name}
        facts = [
            fact(_("Status"), row.mentorship.get_status_display()),
            fact(_("Sessions"), row.session_count),
        ]
        if row.last_session:
            facts.append(fact(_("Last session"), day(row.last_session)))
        if row.next_session:
            facts.append(fact(_("Next session"), day(row.next_session)))
        block = [para(heading, style["h3"]), para(" · ".join(facts), style["body"])]
        if row.mentorship.objectives:
            block.append(para(fact(_("Objectives"), row.mentorship.objectives), style["body"]))
        flow.append(KeepTogether(block))
    return flow


def render_pdf(report: Report, **canvas_options: object) -> bytes:
    """The PDF's bytes. `canvas_options` go to reportlab (tests pass invariant, pageCompression)."""
    buffer = io.BytesIO()
    with translation.override(report.language):
        title = _("My career plan")
        document = SimpleDocTemplate(
            buffer,
            pagesize=A4,
            leftMargin=18 * mm,
            rightMargin=18 * mm,
            topMargin=18 * mm,
            bottomMargin=18 * mm,
            title=safe(title),
            author=safe(report.person.display_name),
            lang=report.language,
            **canvas_options,
        )
        style = styles()
        flow = [
            para(title, style["title"]),
            para(
                _("%(name)s, on %(day)s")
                % {"name": report.person.display_name, "day": day(report.generated_on)},
                style["muted"],
            ),
            Spacer(1, 4 * mm),
        ]
        flow += _targets(report, style)
        flow += _goals(report, style)
        flow += _learning(report, style)
        flow += _mentorships(report, style)
        document.build(flow)
    return buffer.getvalue()
