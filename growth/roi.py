"""Return on investment of a learning item: one rule for the page, the API and the CLI.

What the person pays (their share only: an employer or a grant costs them nothing), plus the
interest of a loan (standard amortised loan, monthly payments), against the salary change they
expect per year. The payback period is that total cost divided by the monthly salary change,
counted from when the new salary starts, before tax.
"""

import math
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, localcontext

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from growth.models import LearningItem

CENT = Decimal("0.01")

FREE = "free"
NO_ESTIMATE = "no_estimate"
NEVER = "never"
PAYS_BACK = "pays_back"


@dataclass(frozen=True)
class Roi:
    principal: Decimal  # what the person pays, before interest
    interest: Decimal
    total_cost: Decimal
    monthly_payment: Decimal | None  # for a loan
    salary_change: Decimal | None  # per year
    payback_months: int | None
    outcome: str  # FREE, NO_ESTIMATE, NEVER or PAYS_BACK

    @property
    def verdict(self):
        """A sentence in the active language."""
        return verdict(self)


def loan_total(
    principal: Decimal, annual_rate_percent: Decimal, term_months: int
) -> tuple[Decimal, Decimal]:
    """What an amortised loan of `principal` costs in all: monthly payment × number of months.

    A zero rate costs exactly the principal. Returns (total, monthly_payment), unrounded.
    """
    principal = Decimal(principal)
    rate = Decimal(annual_rate_percent or 0)
    months = int(term_months or 0)
    if principal < 0 or rate < 0:
        raise ValueError("The principal and the rate cannot be negative.")
    if months < 1:
        raise ValueError("A loan lasts at least one month.")
    with localcontext() as context:
        context.prec = 40
        monthly_rate = rate / Decimal(1200)
        if monthly_rate == 0:
            payment = principal / months
        else:
            payment = principal * monthly_rate / (1 - (1 + monthly_rate) ** -months)
        return payment * months, payment


def compute(
    cost: Decimal,
    payer: str,
    loan_rate: Decimal | None = None,
    loan_term_months: int | None = None,
    salary_change: Decimal | None = None,
) -> Roi:
    """The return on investment for the given figures (see the module's docstring)."""
    cost = Decimal(cost or 0)
    if cost < 0:
        raise ValueError("The cost cannot be negative.")
    salary = None if salary_change is None else Decimal(salary_change)
    monthly_payment = None
    if payer in ("employer", "grant"):
        principal = Decimal(0)
        total = Decimal(0)
    elif payer == "loan" and loan_term_months:
        principal = cost
        total, monthly_payment = loan_total(cost, loan_rate or 0, loan_term_months)
    else:
        principal = cost
        total = cost
    principal = principal.quantize(CENT, ROUND_HALF_UP)
    total = total.quantize(CENT, ROUND_HALF_UP)
    if monthly_payment is not None:
        monthly_payment = monthly_payment.quantize(CENT, ROUND_HALF_UP)
    interest = total - principal

    payback = None
    if total == 0:
        outcome = FREE
        payback = 0
    elif salary is None:
        outcome = NO_ESTIMATE
    elif salary <= 0:
        outcome = NEVER
    else:
        outcome = PAYS_BACK
        payback = max(1, math.ceil(total * 12 / salary))
    return Roi(
        principal=principal,
        interest=interest,
        total_cost=total,
        monthly_payment=monthly_payment,
        salary_change=salary,
        payback_months=payback,
        outcome=outcome,
    )


def for_item(item: LearningItem) -> Roi:
    """The return on investment of a growth.models.LearningItem."""
    return compute(
        item.cost,
        item.payer,
        loan_rate=item.loan_rate,
        loan_term_months=item.loan_term_months,
        salary_change=item.salary_change,
    )


def duration(months: int) -> str:
    """'2 years 4 months', '1 year', '5 months' in the active language."""
    years, rest = divmod(int(months), 12)
    parts = []
    if years:
        parts.append(ngettext("%(count)d year", "%(count)d years", years) % {"count": years})
    if rest or not years:
        parts.append(ngettext("%(count)d month", "%(count)d months", rest) % {"count": rest})
    return " ".join(parts)


def verdict(roi: Roi) -> str:
    """A plain-language verdict in the active language."""
    if roi.outcome == FREE:
        return _("Free to you: someone else pays, so there is nothing to pay back.")
    if roi.outcome == NO_ESTIMATE:
        return _("Enter the salary change you expect to see when it pays for itself.")
    if roi.outcome == NEVER:
        return _("Never pays back at this salary change.")
    if roi.payback_months <= 1:
        return _("Pays for itself within a month.")
    return _("Pays for itself in about %(duration)s.") % {"duration": duration(roi.payback_months)}
