"""The return-on-investment rule, checked against figures computed by hand."""

from decimal import Decimal

from django.test import SimpleTestCase
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from growth import roi

money = st.decimals(min_value=0, max_value=500_000, places=2, allow_nan=False)
rates = st.decimals(min_value=0, max_value=40, places=2, allow_nan=False)
terms = st.integers(min_value=1, max_value=360)


class RoiTests(SimpleTestCase):
    def test_it_adds_the_interest_of_an_amortised_loan(self):
        # 10 000 at 5 % a year over 60 months: 188.71 a month (standard amortisation table).
        result = roi.compute(10_000, "loan", loan_rate=5, loan_term_months=60)
        self.assertEqual(result.monthly_payment, Decimal("188.71"))
        self.assertEqual(result.total_cost, Decimal("11322.74"))
        self.assertEqual(result.interest, Decimal("1322.74"))

    def test_it_computes_a_one_month_loan_as_principal_plus_one_month_of_interest(self):
        # 1 200 at 12 % a year for one month: 1 % interest.
        result = roi.compute(1200, "loan", loan_rate=12, loan_term_months=1)
        self.assertEqual(result.total_cost, Decimal("1212.00"))

    def test_it_costs_the_principal_at_a_zero_rate(self):
        result = roi.compute(3600, "loan", loan_rate=0, loan_term_months=36)
        self.assertEqual(result.total_cost, Decimal("3600.00"))
        self.assertEqual(result.monthly_payment, Decimal("100.00"))

    def test_it_counts_the_payback_in_months(self):
        # 11 322.74 paid back at 6 000 a year (500 a month): 22.6 months, so 23.
        result = roi.compute(10_000, "loan", 5, 60, salary_change=6000)
        self.assertEqual(result.payback_months, 23)
        with translation.override("en"):
            self.assertEqual(result.verdict, "Pays for itself in about 1 year 11 months.")

    def test_it_says_the_verdict_in_french(self):
        result = roi.compute(14_000, "self", salary_change=6000)  # 28 months
        with translation.override("fr"):
            self.assertEqual(result.verdict, "Se rentabilise en environ 2 ans 4 mois.")
        with translation.override("en"):
            self.assertEqual(result.verdict, "Pays for itself in about 2 years 4 months.")

    def test_it_is_free_to_the_person_when_the_employer_or_a_grant_pays(self):
        for payer in ("employer", "grant"):
            result = roi.compute(8000, payer, salary_change=None)
            self.assertEqual(result.total_cost, Decimal("0.00"))
            self.assertEqual(result.outcome, roi.FREE)
            with translation.override("en"):
                self.assertIn("Free to you", result.verdict)

    def test_it_never_pays_back_without_a_raise(self):
        for change in (0, -2000):
            result = roi.compute(5000, "self", salary_change=change)
            self.assertEqual(result.outcome, roi.NEVER)
            self.assertIsNone(result.payback_months)
            with translation.override("en"):
                self.assertEqual(result.verdict, "Never pays back at this salary change.")

    def test_it_asks_for_the_salary_change_when_there_is_none(self):
        result = roi.compute(5000, "self")
        self.assertEqual(result.outcome, roi.NO_ESTIMATE)

    def test_it_says_within_a_month_for_a_tiny_cost(self):
        result = roi.compute(100, "self", salary_change=12_000)
        with translation.override("en"):
            self.assertEqual(result.verdict, "Pays for itself within a month.")

    def test_it_writes_durations_in_years_and_months(self):
        with translation.override("en"):
            self.assertEqual(roi.duration(12), "1 year")
            self.assertEqual(roi.duration(5), "5 months")
            self.assertEqual(roi.duration(25), "2 years 1 month")
        with translation.override("fr"):
            self.assertEqual(roi.duration(13), "1 an 1 mois")

    def test_it_refuses_a_negative_cost(self):
        with self.assertRaises(ValueError):
            roi.compute(-1, "self")

    @given(principal=money, low=rates, high=rates, term=terms)
    def test_it_costs_more_at_a_higher_rate(self, principal, low, high, term):
        low, high = sorted((low, high))
        cheap = roi.compute(principal, "loan", low, term).total_cost
        dear = roi.compute(principal, "loan", high, term).total_cost
        self.assertGreaterEqual(dear, cheap)
        self.assertGreaterEqual(cheap, principal)

    @given(principal=money, term=terms)
    def test_it_costs_exactly_the_principal_at_zero_rate(self, principal, term):
        self.assertEqual(roi.compute(principal, "loan", 0, term).total_cost, principal)

    @given(principal=money, rate=rates, short=terms, long=terms)
    def test_it_costs_more_over_a_longer_term(self, principal, rate, short, long):
        short, long = sorted((short, long))
        self.assertGreaterEqual(
            roi.compute(principal, "loan", rate, long).total_cost,
            roi.compute(principal, "loan", rate, short).total_cost,
        )

    @given(cost=money, small=st.integers(1, 200_000), large=st.integers(1, 200_000))
    def test_it_pays_back_sooner_with_a_larger_raise(self, cost, small, large):
        small, large = sorted((small, large))
        slow = roi.compute(cost, "self", salary_change=small)
        fast = roi.compute(cost, "self", salary_change=large)
        if cost == 0:
            self.assertEqual(slow.outcome, roi.FREE)
        else:
            self.assertLessEqual(fast.payback_months, slow.payback_months)
            # The payback covers the cost: months × monthly raise ≥ cost.
            self.assertGreaterEqual(fast.payback_months * Decimal(large) / 12, fast.total_cost)
