"""Numbers as English and French writers write them, in digits or in words.

`find_numbers(text, lang=None)` gives every number of `text` with its value and its place;
`parse_number(text, lang=None)` reads a text that is one number.

Digits:
- thousands grouped with a space of any kind (normal, non-breaking U+00A0, narrow no-break
  U+202F, thin U+2009): "1 200", "1 200,5", "12 000 000";
- "1,200" and "1,200,000": a comma followed by groups of exactly three digits groups thousands,
  in both languages (Québec writers use it too, and a three-decimal figure is rare in goals);
  "1,5", "1,25", "0,500" are decimals;
- "1.5", "1.25" are decimals; "1.200" (one dot, three digits) is 1200 in French text (Europe
  groups with dots) and 1.2 in English or unknown text: the one case the language decides;
- both marks: the last one is the decimal mark ("1,200.50", "1.200,50", "1 200,50");
- "k" and "M" multiply ("1.5k", "2 k$", "3M$"), and so do "thousand", "mille", "million(s)",
  "milliard(s)", "billion(s)";
- digits run into letters ("2h30", "3e") or into other digits with slashes or dashes (dates,
  phone numbers) are read digit group by digit group, never as one big number.

Words: one … nineteen, twenty … ninety, hundred, thousand, million and their compounds
("twenty-five", "one hundred and fifty", "a thousand"); French un/une … seize, dix-sept …,
vingt … soixante, soixante-dix, quatre-vingt(s), quatre-vingt-dix, septante/octante/huitante/
nonante (Belgium, Switzerland), cent(s), mille, "vingt et un", "deux cents". The articles
"a"/"an"/"un"/"une" alone count as 1 only when asked (`articles=True`): "in a year", "une
heure".
"""

import copy
import re
from dataclasses import dataclass

from core.language.folding import fold

__all__ = ["Number", "NUMBER_WORDS", "find_numbers", "parse_number", "word_number_pattern"]

_UNITS_EN = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12,
}  # fmt: skip
_UNITS_FR = {
    "zero": 0, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6,
    "sept": 7, "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13,
    "quatorze": 14, "quinze": 15, "seize": 16, "vingt": 20, "vingts": 20, "trente": 30,
    "quarante": 40, "cinquante": 50, "soixante": 60, "septante": 70, "octante": 80,
    "huitante": 80, "nonante": 90, "douzaine": 12,
}  # fmt: skip
_SCALES = {
    "hundred": 100, "hundreds": 100, "cent": 100, "cents": 100,
    "thousand": 1000, "thousands": 1000, "mille": 1000, "milliers": 1000,
    "million": 10**6, "millions": 10**6, "milliard": 10**9, "milliards": 10**9,
    "billion": 10**9, "billions": 10**9,
}  # fmt: skip
_ARTICLES = {"a": 1, "an": 1, "un": 1, "une": 1}
_JOINERS = {"and", "et"}

# "un"/"une" are numbers inside a compound ("vingt et un"); alone they are articles.
NUMBER_WORDS = {**_UNITS_EN, **_UNITS_FR, "un": 1, "une": 1}
_ALL_WORDS = sorted({*NUMBER_WORDS, *_SCALES, "quatre-vingt", "quatre-vingts"}, key=len)


def word_number_pattern() -> str:
    """A regular expression (text) matching one number word, folded, longest first."""
    return "|".join(re.escape(word) for word in reversed(_ALL_WORDS))


@dataclass(frozen=True)
class Number:
    value: float
    start: int
    end: int
    text: str

    @property
    def is_integer(self):
        return float(self.value).is_integer()


_SPACE = "[ \u00a0\u202f\u2009\u2007]"
# A run of digits with separators; interpreted afterwards (see _read_digits).
_DIGITS = re.compile(
    rf"(?<![\w.,])(?<!\d{_SPACE})\d+(?:(?:[.,]|{_SPACE}(?=\d{{3}}(?![\d])))\d+)*"
    rf"(?:{_SPACE}?(?P<mult>[kK](?![^\W\d_])|M(?=\$|€|{_SPACE}?\$|{_SPACE}?€|\b)))?"
)
_MULTIPLIER_WORDS = re.compile(
    rf"^{_SPACE}+(?P<word>thousand|thousands|mille|millions?|milliards?|billions?)\b",
    re.IGNORECASE,
)


def _group_value(run, lang):
    """The value of a run of digits and separators, or None when it is not one number."""
    parts = re.split(_SPACE, run)
    if len(parts) > 1:
        if not (1 <= len(parts[0]) <= 3 and parts[0].isdigit()):
            return None
        head = "".join(parts[:-1])
        last = parts[-1]
        if not all(len(p) == 3 and p.isdigit() for p in parts[1:-1]):
            return None
        # "1 200,5": the last group may carry a decimal part.
        match = re.fullmatch(r"(\d{3})(?:[.,](\d+))?", last)
        if not match or not head.isdigit():
            return None
        return float(head + match[1] + ("." + match[2] if match[2] else ""))
    marks = [char for char in run if char in ",."]
    if not marks:
        return float(run)
    pieces = re.split(r"[.,]", run)
    if len(set(marks)) == 2:
        decimal = marks[-1]
        grouping = marks[:-1]
        if len(set(grouping)) != 1 or grouping[0] == decimal:
            return None
        whole, fraction = run.rsplit(decimal, 1)
        groups = whole.split(grouping[0])
        if not (1 <= len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:])):
            return None
        return float("".join(groups) + "." + fraction)
    mark = marks[0]
    if len(marks) > 1:
        # "1,200,000" or "1.200.000": grouping only.
        if 1 <= len(pieces[0]) <= 3 and all(len(p) == 3 for p in pieces[1:]):
            return float("".join(pieces))
        return None
    whole, fraction = pieces
    three = len(fraction) == 3 and 1 <= len(whole) <= 3 and whole != "0"
    if three and (mark == "," or lang == "fr"):
        return float(whole + fraction)
    return float(whole + "." + fraction)


def _read_digits(text, lang):
    found = []
    for match in _DIGITS.finditer(text):
        run = match.group(0)
        mult = match["mult"]
        if mult:
            run = run[: match.start("mult") - match.start()].rstrip(" \u00a0\u202f\u2009\u2007")
        end = match.end()
        value = _group_value(run, lang)
        if value is None:
            # Not one number (a date, a version): each plain digit group on its own.
            for piece in re.finditer(r"\d+", run):
                found.append(
                    Number(float(piece.group(0)), match.start() + piece.start(),
                           match.start() + piece.end(), piece.group(0))
                )  # fmt: skip
            continue
        if mult:
            value *= 1000 if mult in "kK" else 10**6
        else:
            words = _MULTIPLIER_WORDS.match(text[end:])
            if words:
                value *= _SCALES[fold(words["word"])]
                end += words.end()
        found.append(Number(value, match.start(), end, text[match.start() : end]))
    return found


_WORD_TOKEN = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


def _can_add(current, value, french):
    """Whether a units/tens word can follow `current` within one number ("twenty" + "five",
    "soixante" + "douze", "cent" + "vingt"), so "nineteen ninety" is two numbers."""
    if current == 0:
        return True
    rest = current % 100
    if rest == 0:
        return value < 100
    if rest % 10:
        return False
    if french and rest in (60, 80):
        return value < 20
    return value < 10


class _Words:
    """One number being read word by word."""

    def __init__(self):
        self.total = self.current = 0
        self.words = 0
        self.french = False
        self.previous = None

    def take(self, word):
        """Read `word`; False when it cannot continue this number."""
        if word in ("vingt", "vingts") and self.previous == "quatre" and self.current % 10 == 4:
            self.current += 76  # quatre-vingt(s)
        elif word in ("dozen", "douzaine"):
            self.current = max(self.current, 1) * 12
        elif word in NUMBER_WORDS:
            value = NUMBER_WORDS[word]
            self.french = self.french or (word in _UNITS_FR and word not in _UNITS_EN)
            if not _can_add(self.current, value, self.french):
                return False
            self.current += value
        elif word in ("hundred", "hundreds", "cent", "cents"):
            if self.current % 100 == 0 and self.current:
                return False
            self.current = max(self.current, 1) * 100
        elif word in _SCALES:
            self.total += max(self.current, 1) * _SCALES[word]
            self.current = 0
        else:
            return False
        self.words += 1
        self.previous = word
        return True

    @property
    def value(self):
        return float(self.total + self.current)


def _take_pieces(number, word):
    """Feed the hyphenated pieces of `word` to `number`; how many characters were read."""
    read = 0
    for piece in word.split("-"):
        if piece not in _JOINERS and not number.take(piece):
            return max(read - 1, 0) if read else 0
        read += len(piece) + 1
    return len(word)


def _read_words(text, articles):
    """Numbers written in words, as (value, start, end)."""
    found = []
    tokens = [(fold(m.group(0)), m.start(), m.end()) for m in _WORD_TOKEN.finditer(text)]
    index = 0
    while index < len(tokens):
        word, start, end = tokens[index]
        following = tokens[index + 1][0] if index + 1 < len(tokens) else ""
        if word in _ARTICLES and following.split("-")[0] in (*_SCALES, "dozen", "douzaine"):
            number = _Words()  # "a hundred", "a thousand", "une douzaine"
        elif word in _ARTICLES:
            if articles:
                found.append((1.0, start, end))
            index += 1
            continue
        elif word.split("-")[0] in NUMBER_WORDS or word.split("-")[0] in _SCALES:
            number = _Words()
            taken = _take_pieces(number, word)
            index += 1
            if taken < len(word):
                # "two-year", "trois-quarts": the number ends inside the word.
                if number.words:
                    found.append((number.value, start, start + taken))
                continue
        else:
            index += 1
            continue
        if number.words == 0:
            index += 1  # the article before a scale word
        while index < len(tokens):
            word, _start, word_end = tokens[index]
            pieces = [piece for piece in word.split("-") if piece not in _JOINERS]
            if word in _JOINERS and index + 1 < len(tokens):
                # "one hundred and five", "vingt et un": a joiner between two number words.
                after = tokens[index + 1][0].split("-")[0]
                if after in NUMBER_WORDS and copy.copy(number).take(after):
                    index += 1
                    continue
                break
            probe = copy.copy(number)
            if pieces and all(probe.take(piece) for piece in pieces):
                number = probe
                end = word_end
                index += 1
                continue
            break
        if number.words:
            found.append((number.value, start, end))
    return found


def find_numbers(
    text: str, lang: str | None = None, words: bool = True, articles: bool = False
) -> list[Number]:
    """Every number in `text` as `Number(value, start, end, text)`, in order; never raises.

    `lang` ("en", "fr" or None) only decides "1.200" (see the module's docstring); `words`
    reads numbers in words; `articles` also reads a lone "a"/"an"/"un"/"une" as 1.
    """
    text = "" if text is None else str(text)
    found = _read_digits(text, lang)
    if words:
        taken = [(n.start, n.end) for n in found]
        for value, start, end in _read_words(text, articles):
            if not any(s < end and start < e for s, e in taken):
                found.append(Number(float(value), start, end, text[start:end]))
    return sorted(found, key=lambda number: number.start)


def parse_number(text: str, lang: str | None = None) -> float | None:
    """The value of `text` when it is exactly one number (digits or words), else None."""
    text = (text or "").strip()
    numbers = find_numbers(text, lang)
    if len(numbers) == 1 and numbers[0].start == 0 and numbers[0].end == len(text):
        return numbers[0].value
    return None
