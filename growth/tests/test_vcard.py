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
