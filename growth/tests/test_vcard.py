"""The vCard reader: versions 3.0 and 4.0, folding, escapes, and never a crash."""

from django.test import SimpleTestCase
from hypothesis import given, settings
from hypothesis import strategies as st

from growth.vcard import VCardError, parse

V4 = (
    "BEGIN:VCARD\r\n"
    "VERSION:4.0\r\n"
    "FN:Marie-Ève Tremblay\r\n"
    "N:Tremblay;Marie-Ève;;;\r\n"
    "ORG:Banque Laurentienne\\, Inc.;Ressources humaines\r\n"
    "TITLE:Conseillère principale\r\n"
    'EMAIL;TYPE="work,pref":me.tremblay@example.ca\r\n'
    "EMAIL;TYPE=home:marie@example.org\r\n"
    "TEL;VALUE=uri;TYPE=cell:tel:+1-514-555-0100\r\n"
    "NOTE:Rencontrée au salon de l'emploi\\; très utile.\\nA parlé d'un poste en\r\n"
    "  analyse.\r\n"
    "CATEGORIES:mentor,RH\\,paie\r\n"
    "END:VCARD\r\n"
)

V3 = """BEGIN:VCARD
VERSION:3.0
N:Smith;John;Q.;Dr.;Jr.
ORG:Acme
item1.EMAIL;type=INTERNET;type=WORK:john@acme.test
TEL;TYPE=WORK,VOICE:(555) 555-0123
END:VCARD
BEGIN:VCARD
VERSION:3.0
FN:Ana Lima
END:VCARD
"""


class VCardTests(SimpleTestCase):
    def test_it_reads_a_version_4_card(self):
        [card] = parse(V4.encode())
        self.assertEqual(card.name, "Marie-Ève Tremblay")
        self.assertEqual(card.organisation, "Banque Laurentienne, Inc., Ressources humaines")
        self.assertEqual(card.role, "Conseillère principale")
        self.assertEqual(card.emails, ["me.tremblay@example.ca", "marie@example.org"])
        self.assertEqual(card.phones, ["+1-514-555-0100"])
        self.assertEqual(
            card.note,
            "Rencontrée au salon de l'emploi; très utile.\nA parlé d'un poste en analyse.",
        )
        self.assertEqual(card.categories, ["mentor", "RH,paie"])

    def test_it_reads_version_3_cards_with_groups_and_builds_the_name_from_n(self):
        first, second = parse(V3)
        self.assertEqual(first.name, "Dr. John Q. Smith Jr.")
        self.assertEqual(first.email, "john@acme.test")
        self.assertEqual(first.phone, "(555) 555-0123")
        self.assertEqual(second.name, "Ana Lima")
        self.assertEqual(second.emails, [])

    def test_it_decodes_quoted_printable_values(self):
        text = (
            "BEGIN:VCARD\nVERSION:2.1\nN:Roy;Luc\n"
            "NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:Caf=C3=A9 =\ncr=C3=A8me\nEND:VCARD\n"
        )
        [card] = parse(text)
        self.assertEqual(card.name, "Luc Roy")
        self.assertEqual(card.note, "Café crème")

    def test_it_reads_latin_1_files(self):
        [card] = parse("BEGIN:VCARD\nVERSION:3.0\nFN:Hélène\nEND:VCARD\n".encode("latin-1"))
        self.assertEqual(card.name, "Hélène")

    def test_it_explains_what_is_wrong(self):
        cases = {
            "": "no contact",
            "hello": "no contact",
            "BEGIN:VCARD\nFN:A\n": "not closed",
            "END:VCARD\n": "never began",
            "BEGIN:VCARD\nBEGIN:VCARD\n": "before the previous one ended",
            "BEGIN:VCARD\nVERSION:4.0\nNOTE:x\nEND:VCARD\n": "has no name",
            "BEGIN:VCARD\nVERSION:9.9\nFN:A\nEND:VCARD\n": "version 9.9",
            "BEGIN:VCARD\nFN A\nEND:VCARD\n": "Line 2 is not a vCard property",
            "BEGIN:VCARD\nF N:A\nEND:VCARD\n": "invalid property name",
        }
        for text, expected in cases.items():
            with self.subTest(text=text), self.assertRaisesMessage(VCardError, expected):
                parse(text)

    def test_it_refuses_files_over_two_megabytes(self):
        with self.assertRaisesMessage(VCardError, "too large"):
            parse(b"BEGIN:VCARD\n" + b"NOTE:" + b"x" * (3 * 1024 * 1024))

    @settings(max_examples=300, deadline=None)
    @given(st.binary(max_size=400))
    def test_it_never_raises_anything_but_a_vcard_error_on_bytes(self, data):
        try:
            cards = parse(b"BEGIN:VCARD\n" + data + b"\nEND:VCARD\n")
        except VCardError as error:
            self.assertTrue(str(error))
        else:
            self.assertTrue(all(card.name for card in cards))

    @settings(max_examples=300, deadline=None)
    @given(
        st.lists(
            st.one_of(
                st.sampled_from(
                    ["BEGIN:VCARD", "END:VCARD", "VERSION:4.0", "VERSION:3.0", " folded", "\t"]
                ),
                st.builds(
                    lambda name, params, value: f"{name}{params}:{value}",
                    st.sampled_from(
                        ["FN", "N", "ORG", "EMAIL", "TEL", "NOTE", "CATEGORIES", "X-Y"]
                    ),
                    st.sampled_from(
                        ["", ";TYPE=work", ';TYPE="a:b"', ";ENCODING=QUOTED-PRINTABLE"]
                    ),
                    st.text(max_size=30),
                ),
                st.text(max_size=20),
            ),
            max_size=20,
        )
    )
    def test_it_never_raises_anything_but_a_vcard_error_on_card_like_text(self, lines):
        try:
            parse("\r\n".join(lines))
        except VCardError as error:
            self.assertTrue(str(error))


class StepCounter:
    """Counts the lines of growth/vcard.py that Python runs while a call runs.

    A bound on work that does not depend on the machine's speed (no timing): a parser whose
    steps grow faster than its input is quadratic, however fast the computer. Past `budget`
    steps it stops the call at once, so a quadratic parser fails quickly instead of hanging.
    """

    class Exceeded(Exception):
        pass

    def __init__(self, budget):
        self.budget = budget
        self.steps = 0

    def _trace(self, frame, event, arg):
        if not frame.f_code.co_filename.endswith("growth/vcard.py"):
            return None
        return self._count

    def _count(self, frame, event, arg):
        if event == "line":
            self.steps += 1
            if self.steps > self.budget:
                raise self.Exceeded(f"more than {self.budget} steps")
        return self._count

    def run(self, function, *args):
        import sys

        previous = sys.gettrace()
        sys.settrace(self._trace)
        try:
            return function(*args)
        finally:
            sys.settrace(previous)


def soft_breaks(count):
    """A vCard 2.1 card whose quoted-printable note has `count` soft line breaks (3 bytes each)."""
    return (
        "BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Soft\r\nNOTE;ENCODING=QUOTED-PRINTABLE:"
        + "=\r\n" * count
        + "x\r\nEND:VCARD\r\n"
    ).encode()


def folds(count):
    """A card whose note is folded (RFC 6350) into `count` continuation lines."""
    return ("BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Folded\r\nNOTE:" + "\r\n a" * count).encode() + (
        b"\r\nEND:VCARD\r\n"
    )


class ParsingCostTests(SimpleTestCase):
    """The probe's finding: 16,000 soft line breaks (48 KB) took 8 s, a 1.5 MB card 10 minutes,
    because each soft break re-scanned the growing line. Work must grow with the input, no faster.
    """

    def steps(self, data, per_byte=40):
        counter = StepCounter(budget=per_byte * len(data))
        cards = counter.run(parse, data)
        return counter.steps, cards

    def test_sixteen_thousand_soft_line_breaks_take_a_number_of_steps_linear_in_the_size(self):
        data = soft_breaks(16_000)
        self.assertEqual(len(data) // 1000, 48)  # the probe's 48 KB
        _steps, [card] = self.steps(data)
        self.assertEqual(card.note, "x")

    def test_a_card_of_one_and_a_half_megabytes_is_read_in_linear_steps(self):
        for data in (soft_breaks(500_000), folds(500_000)):
            self.assertGreater(len(data), 1_500_000)
            _steps, [card] = self.steps(data)
            self.assertEqual(card.name in ("Soft", "Folded"), True)
        self.assertEqual(parse(folds(500_000))[0].note, "a" * 5000)  # kept to the note limit

    def test_steps_grow_in_proportion_to_the_input(self):
        for make in (soft_breaks, folds):
            small, _ = self.steps(make(10_000))
            large, _ = self.steps(make(80_000))
            # Eight times the input: about eight times the work (a quadratic parser: 64 times).
            self.assertLess(large, 9 * small, make.__name__)

    def test_a_long_line_without_a_colon_folded_many_times_is_refused_in_linear_steps(self):
        data = b"BEGIN:VCARD\r\nFN" + b"\r\n x" * 200_000 + b"\r\nEND:VCARD\r\n"
        counter = StepCounter(budget=40 * len(data))
        with self.assertRaisesMessage(VCardError, "not a vCard property"):
            counter.run(parse, data)

    def test_an_ordinary_address_book_of_five_thousand_cards_is_read_whole(self):
        card = (
            "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Person {i}\r\nORG:Company {i}\r\n"
            "EMAIL;TYPE=work:p{i}@example.org\r\nTEL;TYPE=cell:+1 514 555 {i:04d}\r\n"
            "NOTE:Met at the conference\\, talked about careers.\r\nCATEGORIES:friends,work\r\n"
            "END:VCARD\r\n"
        )
        data = "".join(card.format(i=i) for i in range(5000)).encode()
        _steps, cards = self.steps(data)
        self.assertEqual(len(cards), 5000)
        self.assertEqual(cards[-1].email, "p4999@example.org")
