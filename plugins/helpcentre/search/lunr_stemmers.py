"""The Arabic, Greek and Hebrew stemmers of lunr-languages, written again in Python.

lunr-languages stems these three languages with rule sets of its own, which no Python package
reproduces (Snowball's Greek stemmer, for one, gives other terms). The browser runs them on every
query, so the build must cut articles' words the same way or a query would miss its article.
Each function below follows the JavaScript step by step, as read from the minified files that
Material for MkDocs ships; the test-suite compares them word for word with lunr-languages run
in node.

Arabic and Hebrew keep their tables (prefixes, suffixes, root patterns, the stemmer's own stop
words) in plain data inside the JavaScript; they are read from the file the browser loads, so
that both sides use one table. Greek's rules are code (suffix lists with exceptions, after
G. Ntais' Greek stemmer), written here as a list of steps.

JavaScript strings are sequences of UTF-16 code units: Arabic's length tests and letter
positions count them, and so does this code (a letter beyond the Basic Multilingual Plane is
two units there, as in the browser).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable


class StemmerSourceError(ValueError):
    """Raised when a lunr-languages file does not hold the tables a stemmer needs."""


def _units(word: str) -> str:
    # The word as JavaScript sees it: one character per UTF-16 code unit.
    if all(ord(char) < 0x10000 for char in word):
        return word
    return "".join(
        char
        if ord(char) < 0x10000
        else chr(0xD800 + ((ord(char) - 0x10000) >> 10)) + chr(0xDC00 + (ord(char) & 0x3FF))
        for char in word
    )


def _text(units: str) -> str:
    # Back from code units to text (a pair of surrogates is one character again).
    if all(not 0xD800 <= ord(char) < 0xE000 for char in units):
        return units
    return units.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass")


def _table(source: str, name: str, where: str) -> dict[str, str]:
    # ``e.pre={pre1:"...",...}``: an object literal with bare keys and double-quoted strings.
    match = re.search(r"e\." + name + r"=\{([^}]*)\}", source)
    if not match:
        raise StemmerSourceError(f"{where}: cannot find the stemmer's {name!r} table")
    return dict(re.findall(r'(\w+):"([^"]*)"', match.group(1)))


def _patterns(source: str, where: str) -> dict:
    match = re.search(r"e\.patterns=JSON\.parse\('([^']*)'\)", source)
    if not match:
        raise StemmerSourceError(f"{where}: cannot find the stemmer's patterns")
    return json.loads(match.group(1))


def _stemmer_stop_words(source: str, where: str) -> frozenset[str]:
    # The stemmer checks its own list (Arabic's differs from the stop word filter's).
    match = re.search(r'removeStopWords=function\(\)\{if\("([^"]*)"\.split', source)
    if not match:
        raise StemmerSourceError(f"{where}: cannot find the stemmer's stop words")
    return frozenset(match.group(1).split(" "))


def _alternation(words: str) -> str:
    # The JavaScript joins a table entry's words with "|", in the order written.
    return "|".join(re.escape(word) for word in words.split(" "))


# --------------------------------------------------------------------------------------------
# Hebrew


def hebrew_stemmer(source: str, where: str = "lunr.he.min.js") -> Callable[[str], str]:
    """Return lunr.he's stemmer: points and cantillation marks dropped, final letters written
    as their ordinary forms (the first of each only, as ``String.replace`` does), words of the
    stemmer's stop list left as they are.

    Raises:
        StemmerSourceError: if ``source`` is not a lunr.he file this code knows.
    """
    stops = _stemmer_stop_words(source, where)
    marks = re.compile("[\u05b0-\u05bf]")
    finals = (("ך", "כ"), ("ם", "מ"), ("ן", "נ"), ("ף", "פ"), ("ץ", "צ"))

    def stem(word: str) -> str:
        word = marks.sub("", word)
        if word in stops:
            return word
        for final, ordinary in finals:
            word = word.replace(final, ordinary, 1)
        return word

    return stem


# --------------------------------------------------------------------------------------------
# Arabic


class _ArabicWord:
    """One word going through lunr.ar's steps; ``done`` ends them, as the JS ``result``."""

    def __init__(self, word: str) -> None:
        self.word = word
        self.done = False
        self.prefix_removed = False
        self.suffix_removed = False


def arabic_stemmer(source: str, where: str = "lunr.ar.min.js") -> Callable[[str], str]:
    """Return lunr.ar's stemmer: tatweel and harakat dropped, alef and hamza forms normalised,
    then prefixes, suffixes and the root patterns of words of four to seven letters.

    Raises:
        StemmerSourceError: if ``source`` is not a lunr.ar file this code knows.
    """
    prefixes = _table(source, "pre", where)
    suffixes = _table(source, "suf", where)
    patterns = _patterns(source, where)
    stops = _stemmer_stop_words(source, where)
    for key in ("pre1", "pre2", "pre3", "pre4"):
        if key not in prefixes:
            raise StemmerSourceError(f"{where}: the prefix table has no {key!r}")
    for key in ("suf1", "suf2", "suf3", "suf4"):
        if key not in suffixes:
            raise StemmerSourceError(f"{where}: the suffix table has no {key!r}")
    for key in ("pt43", "pt53", "pt54", "pt63", "pt64", "pt73"):
        if key not in patterns:
            raise StemmerSourceError(f"{where}: the patterns have no {key!r}")

    def head(key: str) -> re.Pattern[str]:
        return re.compile("^(?:" + _alternation(prefixes[key]) + ")")

    def tail(key: str) -> re.Pattern[str]:
        return re.compile("(?:" + _alternation(suffixes[key]) + r")\Z")

    pre4, pre3, pre2, pre1 = head("pre4"), head("pre3"), head("pre2"), head("pre1")
    suf4, suf3, suf2, suf1 = tail("suf4"), tail("suf3"), tail("suf2"), tail("suf1")
    alefs = re.compile("[آأإٱى]")
    harakat = re.compile("[\u064b-\u065b]")
    alef_runs = re.compile("(\u0627)\\1+")

    def check(state: _ArabicWord, name: str) -> None:
        # A pattern names letters at positions; a match ends the stemming, and its "mPt" (if
        # any) rebuilds the word from the letters it points at.
        word = state.word
        for pattern in patterns[name]:
            if not all(
                rule["l"] < len(word) and word[rule["l"]] in rule["c"].split(",")
                for rule in pattern["pt"]
            ):
                continue
            if "mPt" in pattern:
                letters: dict[int, str] = {}
                for rule in pattern["mPt"]:
                    if rule.get("m") is not None:
                        letters[rule["l"]] = word[rule["m"]] if rule["m"] < len(word) else ""
                    else:
                        letters[rule["l"]] = rule["c"]
                state.word = "".join(letters.get(i, "") for i in range(max(letters) + 1))
            state.done = True
            return

    def remove_prefix_1(state: _ArabicWord) -> None:
        if not state.prefix_removed and len(state.word) > 3:
            cut = pre1.sub("", state.word, count=1)
            state.prefix_removed = cut != state.word
            state.word = cut

    def remove_suffix_1(state: _ArabicWord) -> None:
        if not state.suffix_removed and len(state.word) > 3:
            cut = suf1.sub("", state.word, count=1)
            state.suffix_removed = cut != state.word
            state.word = cut

    def remove_suffix_432(state: _ArabicWord) -> None:
        # Unlike the one-letter suffix, this step does not look at whether one was removed.
        before = state.word
        for pattern, least in ((suf4, 6), (suf3, 5), (suf2, 4)):
            if state.word == before and len(state.word) >= least:
                state.word = pattern.sub("", state.word, count=1)
        if state.word != before:
            state.suffix_removed = True

    def pattern(name: str) -> Callable[[_ArabicWord], None]:
        return lambda state: check(state, name)

    six = (pattern("pt63"), remove_suffix_432, remove_suffix_1, remove_prefix_1, pattern("pt64"))
    five = (pattern("pt53"), remove_suffix_432, remove_suffix_1, remove_prefix_1, pattern("pt54"))
    four = (pattern("pt43"), remove_suffix_1, remove_prefix_1, remove_suffix_432)

    def word_check(state: _ArabicWord) -> None:
        # Seven letters and more: before each removal, a seven-letter word is tried against
        # the seven-letter patterns once.
        steps = (remove_suffix_432, remove_suffix_1, remove_prefix_1)
        index, checked = 0, False
        while len(state.word) >= 7 and not state.done and index < len(steps):
            if len(state.word) != 7 or checked:
                steps[index](state)
                index += 1
                checked = False
            else:
                check(state, "pt73")
                checked = True
        for length, chain in ((6, six), (5, five), (4, four)):
            index = 0
            while len(state.word) == length and not state.done and index < len(chain):
                chain[index](state)
                index += 1

    def stem(text: str) -> str:
        word = _units(text).replace("ـ", "")
        word = harakat.sub("", word)
        word = alefs.sub("ا", word, count=1)
        if word in stops:
            return _text(word)
        word = word.replace("ؤ", "ء", 1).replace("ئ", "ء", 1)
        word = alef_runs.sub("ا", word)
        if len(word) > 3 and word[0] == "و" and word[1] == "و":
            word = word[1:]
        before = word
        for prefix, least in ((pre4, 7), (pre3, 6), (pre2, 5)):
            if word == before and len(word) >= least:
                word = prefix.sub("", word, count=1)
        state = _ArabicWord(word)
        state.prefix_removed = word != before
        if len(state.word) <= 2:
            return _text(state.word)
        state.word = re.sub("\u0627\\Z", "", state.word, count=1).replace("ة", "", 1)
        word_check(state)
        return _text(state.word)

    return stem


# --------------------------------------------------------------------------------------------
# Greek

_GREEK_CAPITALS = re.compile("[ΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩ]+")
_GREEK_VOWEL = re.compile("[ΑΕΗΙΟΥΩ]\\Z")
_GREEK_VOWEL_NOT_Y = re.compile("[ΑΕΗΙΟΩ]\\Z")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _ends(text: str) -> tuple[str, ...]:
    return tuple(text.split())


#: Irregular nouns first rewritten whole (their endings would be cut wrongly otherwise).
_GREEK_IRREGULAR = {
    **dict.fromkeys(("ΦΑΓΙΑ", "ΦΑΓΙΟΥ", "ΦΑΓΙΩΝ"), "ΦΑ"),
    **dict.fromkeys(("ΣΚΑΓΙΑ", "ΣΚΑΓΙΟΥ", "ΣΚΑΓΙΩΝ"), "ΣΚΑ"),
    **dict.fromkeys(("ΣΟΓΙΟΥ", "ΣΟΓΙΑ", "ΣΟΓΙΩΝ"), "ΣΟ"),
    **dict.fromkeys(("ΤΑΤΟΓΙΑ", "ΤΑΤΟΓΙΟΥ", "ΤΑΤΟΓΙΩΝ"), "ΤΑΤΟ"),
    **dict.fromkeys(("ΚΡΕΑΣ", "ΚΡΕΑΤΟΣ", "ΚΡΕΑΤΑ", "ΚΡΕΑΤΩΝ"), "ΚΡΕ"),
    **dict.fromkeys(("ΠΕΡΑΣ", "ΠΕΡΑΤΟΣ", "ΠΕΡΑΤΑ", "ΠΕΡΑΤΩΝ"), "ΠΕΡ"),
    **dict.fromkeys(("ΤΕΡΑΣ", "ΤΕΡΑΤΟΣ", "ΤΕΡΑΤΑ", "ΤΕΡΑΤΩΝ"), "ΤΕΡ"),
    **dict.fromkeys(("ΦΩΣ", "ΦΩΤΟΣ", "ΦΩΤΑ", "ΦΩΤΩΝ"), "ΦΩ"),
    **dict.fromkeys(("ΚΑΘΕΣΤΩΣ", "ΚΑΘΕΣΤΩΤΟΣ", "ΚΑΘΕΣΤΩΤΑ", "ΚΑΘΕΣΤΩΤΩΝ"), "ΚΑΘΕΣΤ"),
    **dict.fromkeys(("ΓΕΓΟΝΟΣ", "ΓΕΓΟΝΟΤΟΣ", "ΓΕΓΟΝΟΤΑ", "ΓΕΓΟΝΟΤΩΝ"), "ΓΕΓΟΝ"),
    "ΕΥΑ": "ΕΥ",
}
# The JavaScript's "(.*)(A|B|...)$": the shortest of the listed endings that ends the word.
_GREEK_IRREGULAR_END = re.compile("(.*)(" + "|".join(_GREEK_IRREGULAR) + ")")

#: Words the stemmer leaves whole (adverbs, prepositions, particles, acronyms).
_GREEK_KEPT = _words("""
    ΑΚΡΙΒΩΣ ΑΛΑ ΑΛΛΑ ΑΛΛΙΩΣ ΑΛΛΟΤΕ ΑΜΑ ΑΝΩ ΑΝΑ ΑΝΑΜΕΣΑ ΑΝΑΜΕΤΑΞΥ ΑΝΕΥ ΑΝΤΙ ΑΝΤΙΠΕΡΑ ΑΝΤΙΟ
    ΑΞΑΦΝΑ ΑΠΟ ΑΠΟΨΕ ΑΡΑ ΑΡΑΓΕ ΑΥΡΙΟ ΑΦΟΙ ΑΦΟΥ ΑΦΟΤΟΥ ΒΡΕ ΓΕΙΑ ΓΙΑ ΓΙΑΤΙ ΓΡΑΜΜΑ ΔΕΗ ΔΕΝ ΔΗΛΑΔΗ
    ΔΙΧΩΣ ΔΥΟ ΕΑΝ ΕΓΩ ΕΔΩ ΕΔΑ ΕΙΘΕ ΕΙΜΑΙ ΕΙΜΑΣΤΕ ΕΙΣΑΙ ΕΙΣΑΣΤΕ ΕΙΝΑΙ ΕΙΣΤΕ ΕΙΤΕ ΕΚΕΙ ΕΚΟ ΕΛΑ
    ΕΜΑΣ ΕΜΕΙΣ ΕΝΤΕΛΩΣ ΕΝΤΟΣ ΕΝΤΩΜΕΤΑΞΥ ΕΝΩ ΕΞΙ ΕΞΙΣΟΥ ΕΞΗΣ ΕΞΩ ΕΟΚ ΕΠΑΝΩ ΕΠΕΙΔΗ ΕΠΕΙΤΑ ΕΠΙ
    ΕΠΙΣΗΣ ΕΠΟΜΕΝΩΣ ΕΠΤΑ ΕΣΑΣ ΕΣΕΙΣ ΕΣΤΩ ΕΣΥ ΕΣΩ ΕΤΣΙ ΕΥΓΕ ΕΦΕ ΕΦΕΞΗΣ ΕΧΤΕΣ ΕΩΣ ΗΔΗ ΗΜΙ ΗΠΑ
    ΗΤΟΙ ΘΕΣ ΙΔΙΩΣ ΙΔΗ ΙΚΑ ΙΣΩΣ ΚΑΘΕ ΚΑΘΕΤΙ ΚΑΘΟΛΟΥ ΚΑΘΩΣ ΚΑΙ ΚΑΝ ΚΑΠΟΤΕ ΚΑΠΟΥ ΚΑΤΑ ΚΑΤΙ
    ΚΑΤΟΠΙΝ ΚΑΤΩ ΚΕΙ ΚΙΧ ΚΚΕ ΚΟΛΑΝ ΚΥΡΙΩΣ ΚΩΣ ΜΑΚΑΡΙ ΜΑΛΙΣΤΑ ΜΑΛΛΟΝ ΜΑΙ ΜΑΟ ΜΑΟΥΣ ΜΑΣ
    ΜΕΘΑΥΡΙΟ ΜΕΣ ΜΕΣΑ ΜΕΤΑ ΜΕΤΑΞΥ ΜΕΧΡΙ ΜΗΔΕ ΜΗΝ ΜΗΠΩΣ ΜΗΤΕ ΜΙΑ ΜΙΑΣ ΜΙΣ ΜΜΕ ΜΟΛΟΝΟΤΙ ΜΟΥ ΜΠΑ
    ΜΠΑΣ ΜΠΟΥΦΑΝ ΜΠΡΟΣ ΝΑΙ ΝΕΣ ΝΤΑ ΝΤΕ ΞΑΝΑ ΟΗΕ ΟΚΤΩ ΟΜΩΣ ΟΝΕ ΟΠΑ ΟΠΟΥ ΟΠΩΣ ΟΣΟ ΟΤΑΝ ΟΤΕ ΟΤΙ
    ΟΥΤΕ ΟΧΙ ΠΑΛΙ ΠΑΝ ΠΑΝΟ ΠΑΝΤΟΤΕ ΠΑΝΤΟΥ ΠΑΝΤΩΣ ΠΑΝΩ ΠΑΡΑ ΠΕΡΑ ΠΕΡΙ ΠΕΡΙΠΟΥ ΠΙΑ ΠΙΟ ΠΙΣΩ
    ΠΛΑΙ ΠΛΕΟΝ ΠΛΗΝ ΠΟΤΕ ΠΟΥ ΠΡΟ ΠΡΟΣ ΠΡΟΧΤΕΣ ΠΡΟΧΘΕΣ ΡΟΔΙ ΠΩΣ ΣΑΙ ΣΑΣ ΣΑΝ ΣΕΙΣ ΣΙΑ ΣΚΙ ΣΟΙ
    ΣΟΥ ΣΡΙ ΣΥΝ ΣΥΝΑΜΑ ΣΧΕΔΟΝ ΤΑΔΕ ΤΑΞΙ ΤΑΧΑ ΤΕΙ ΤΗΝ ΤΗΣ ΤΙΠΟΤΑ ΤΙΠΟΤΕ ΤΙΣ ΤΟΝ ΤΟΤΕ ΤΟΥ ΤΟΥΣ
    ΤΣΑ ΤΣΕ ΤΣΙ ΤΣΟΥ ΤΩΝ ΥΠΟ ΥΠΟΨΗ ΥΠΟΨΙΝ ΥΣΤΕΡΑ ΦΕΤΟΣ ΦΙΣ ΦΠΑ ΧΑΦ ΧΘΕΣ ΧΤΕΣ ΧΩΡΙΣ ΩΣ ΩΣΑΝ
    ΩΣΟΤΟΥ ΩΣΠΟΥ ΩΣΤΕ ΩΣΤΟΣΟ
""")

#: What a step makes of the stem left before its ending (``None``: the word stays whole).
_Restore = Callable[[str], "str | None"]

_STEPS: list[tuple[tuple[str, ...], _Restore]] = []


def _step(endings: str) -> Callable[[_Restore], _Restore]:
    # Register a step: the longest of ``endings`` after at least one letter is cut, and the
    # function decides what the stem becomes.
    def register(restore: _Restore) -> _Restore:
        _STEPS.append((_ends(endings), restore))
        return restore

    return register


def _vowel(stem: str) -> bool:
    return _GREEK_VOWEL.search(stem) is not None


def _vowel_not_y(stem: str) -> bool:
    return _GREEK_VOWEL_NOT_Y.search(stem) is not None


def _back_if_whole(stems: str, ending: str) -> _Restore:
    # The commonest step: the ending's first letters come back after one of the listed stems.
    back = _words(stems)
    return lambda stem: stem + ending if stem in back else stem


def _cut_only(stem: str) -> str:
    return stem


_ADES_KEEP = _ends("ΟΚ ΜΑΜ ΜΑΝ ΜΠΑΜΠ ΠΑΤΕΡ ΓΙΑΓΙ ΝΤΑΝΤ ΚΥΡ ΘΕΙ ΠΕΘΕΡ ΜΟΥΣΑΜ ΚΑΠΛΑΜ ΠΑΡ ΨΑΡ ΤΖΟΥΡ "
                   "ΤΑΜΠΟΥΡ ΓΑΛΑΤ ΦΑΦΛΑΤ")  # fmt: skip


@_step("ΑΔΕΣ ΑΔΩΝ")
def _ades(stem: str) -> str:
    return stem if stem.endswith(_ADES_KEEP) else stem + "ΑΔ"


@_step("ΕΔΕΣ ΕΔΩΝ")
def _edes(stem: str) -> str:
    return stem + "ΕΔ" if stem.endswith(_ends("ΟΠ ΙΠ ΕΜΠ ΥΠ ΓΗΠ ΔΑΠ ΚΡΑΣΠ ΜΙΛ")) else stem


_OUDES_BACK = _ends("ΑΡΚ ΚΑΛΙΑΚ ΠΕΤΑΛ ΛΙΧ ΠΛΕΞ ΣΚ Σ ΦΛ ΦΡ ΒΕΛ ΛΟΥΛ ΧΝ ΣΠ ΤΡΑΓ ΦΕ")


@_step("ΟΥΔΕΣ ΟΥΔΩΝ")
def _oudes(stem: str) -> str:
    return stem + "ΟΥΔ" if stem.endswith(_OUDES_BACK) else stem


_step("ΕΩΣ ΕΩΝ ΕΑΣ ΕΑ")(_back_if_whole("Θ Δ ΕΛ ΓΑΛ Ν Π ΙΔ ΠΑΡ ΣΤΕΡ ΟΡΦ ΑΝΔΡ ΑΝΤΡ", "Ε"))


_EIO = _ends("ΕΙΟ ΕΙΟΣ ΕΙΟΙ ΕΙΑ ΕΙΑΣ ΕΙΕΣ ΕΙΟΥ ΕΙΟΥΣ ΕΙΩΝ")


@_step(" ".join(_EIO))
def _eio(stem: str) -> str | None:
    # Cut only after more than four letters; the ending stays otherwise.
    return stem if len(stem) > 4 else None


_IOS_BACK = _words("""
    ΑΓ ΑΓΓΕΛ ΑΓΡ ΑΕΡ ΑΘΛ ΑΚΟΥΣ ΑΞ ΑΣ Β ΒΙΒΛ ΒΥΤ Γ ΓΙΑΓ ΓΩΝ Δ ΔΑΝ ΔΗΛ ΔΗΜ ΔΟΚΙΜ ΕΛ ΖΑΧΑΡ ΗΛ ΗΠ
    ΙΔ ΙΣΚ ΙΣΤ ΙΟΝ ΙΩΝ ΚΙΜΩΛ ΚΟΛΟΝ ΚΟΡ ΚΤΗΡ ΚΥΡ ΛΑΓ ΛΟΓ ΜΑΓ ΜΠΑΝ ΜΠΡ ΝΑΥΤ ΝΟΤ ΟΠΑΛ ΟΞ ΟΡ ΟΣ
    ΠΑΝΑΓ ΠΑΤΡ ΠΗΛ ΠΗΝ ΠΛΑΙΣ ΠΟΝΤ ΡΑΔ ΡΟΔ ΣΚ ΣΚΟΡΠ ΣΟΥΝ ΣΠΑΝ ΣΤΑΔ ΣΥΡ ΤΗΛ ΤΙΜ ΤΟΚ ΤΟΠ ΤΡΟΧ
    ΦΙΛ ΦΩΤ Χ ΧΙΛ ΧΡΩΜ ΧΩΡ
""")


@_step("ΙΟΥΣ ΙΑΣ ΙΕΣ ΙΟΣ ΙΟΥ ΙΟΙ ΙΩΝ ΙΟΝ ΙΑ ΙΟ")
def _ios(stem: str) -> str:
    result = stem
    if _vowel(stem) or len(stem) < 2 or stem in _IOS_BACK:
        result += "Ι"
    if stem == "ΠΑΛ":
        result += "ΑΙ"
    return result


_IKOS_BACK = _words("""
    ΑΔ ΑΛ ΑΜΑΝ ΑΜΕΡ ΑΜΜΟΧΑΛ ΑΝΗΘ ΑΝΤΙΔ ΑΠΛ ΑΤΤ ΑΦΡ ΒΑΣ ΒΡΩΜ ΓΕΝ ΓΕΡ Δ ΔΙΚΑΝ ΔΥΤ ΕΙΔ ΕΝΔ ΕΞΩΔ
    ΗΘ ΘΕΤ ΚΑΛΛΙΝ ΚΑΛΠ ΚΑΤΑΔ ΚΟΥΖΙΝ ΚΡ ΚΩΔ ΛΟΓ Μ ΜΕΡ ΜΟΝΑΔ ΜΟΥΛ ΜΟΥΣ ΜΠΑΓΙΑΤ ΜΠΑΝ ΜΠΟΛ ΜΠΟΣ
    ΜΥΣΤ Ν ΝΙΤ ΞΙΚ ΟΠΤ ΠΑΝ ΠΕΤΣ ΠΙΚΑΝΤ ΠΙΤΣ ΠΛΑΣΤ ΠΛΙΑΤΣ ΠΟΝΤ ΠΟΣΤΕΛΝ ΠΡΩΤΟΔ ΣΕΡΤ ΣΗΜΑΝΤ
    ΣΤΑΤ ΣΥΝΑΔ ΣΥΝΟΜΗΛ ΤΕΛ ΤΕΧΝ ΤΡΟΠ ΤΣΑΜ ΥΠΟΔ Φ ΦΙΛΟΝ ΦΥΛΟΔ ΦΥΣ ΧΑΣ
""")


@_step("ΙΚΟΣ ΙΚΟΝ ΙΚΕΙΣ ΙΚΟΙ ΙΚΕΣ ΙΚΟΥΣ ΙΚΗ ΙΚΗΣ ΙΚΟ ΙΚΑ ΙΚΟΥ ΙΚΩΝ ΙΚΩΣ")
def _ikos(stem: str) -> str:
    if _vowel(stem) or stem in _IKOS_BACK or stem.endswith("ΦΟΙΝ"):
        return stem + "ΙΚ"
    return stem


# Step 8 of the JavaScript (the whole word "ΑΓΑΜΕ" becomes "ΑΓΑΜ") runs here, between steps.
_AGAME = "ΑΓΑΜΕ"


_step("ΑΓΑΜΕ ΗΣΑΜΕ ΟΥΣΑΜΕ ΗΚΑΜΕ ΗΘΗΚΑΜΕ")(_cut_only)


_step("ΑΜΕ")(_back_if_whole("ΑΝΑΠ ΑΠΟΘ ΑΠΟΚ ΑΠΟΣΤ ΒΟΥΒ ΞΕΘ ΟΥΛ ΠΕΘ ΠΙΚΡ ΠΟΤ ΣΙΧ Χ", "ΑΜ"))


_step("ΑΓΑΝΕ ΗΣΑΝΕ ΟΥΣΑΝΕ ΙΟΝΤΑΝΕ ΙΟΤΑΝΕ ΙΟΥΝΤΑΝΕ ΟΝΤΑΝΕ ΟΤΑΝΕ ΟΥΝΤΑΝΕ ΗΚΑΝΕ ΗΘΗΚΑΝΕ")(
    _back_if_whole("ΤΡ ΤΣ", "ΑΓΑΝ")
)


_ANE_BACK = _words("""
    ΒΕΤΕΡ ΒΟΥΛΚ ΒΡΑΧΜ Γ ΔΡΑΔΟΥΜ Θ ΚΑΛΠΟΥΖ ΚΑΣΤΕΛ ΚΟΡΜΟΡ ΛΑΟΠΛ ΜΩΑΜΕΘ Μ ΜΟΥΣΟΥΛΜΑΝ ΟΥΛ Π
    ΠΕΛΕΚ ΠΛ ΠΟΛΙΣ ΠΟΡΤΟΛ ΣΑΡΑΚΑΤΣ ΣΟΥΛΤ ΤΣΑΡΛΑΤ ΟΡΦ ΤΣΙΓΓ ΤΣΟΠ ΦΩΤΟΣΤΕΦ Χ ΨΥΧΟΠΛ ΑΓ ΓΑΛ
    ΓΕΡ ΔΕΚ ΔΙΠΛ ΑΜΕΡΙΚΑΝ ΟΥΡ ΠΙΘ ΠΟΥΡΙΤ Σ ΖΩΝΤ ΙΚ ΚΑΣΤ ΚΟΠ ΛΙΧ ΛΟΥΘΗΡ ΜΑΙΝΤ ΜΕΛ ΣΙΓ ΣΠ ΣΤΕΓ
    ΤΡΑΓ ΤΣΑΓ Φ ΕΡ ΑΔΑΠ ΑΘΙΓΓ ΑΜΗΧ ΑΝΙΚ ΑΝΟΡΓ ΑΠΗΓ ΑΠΙΘ ΑΤΣΙΓΓ ΒΑΣ ΒΑΣΚ ΒΑΘΥΓΑΛ ΒΙΟΜΗΧ
    ΒΡΑΧΥΚ ΔΙΑΤ ΔΙΑΦ ΕΝΟΡΓ ΘΥΣ ΚΑΠΝΟΒΙΟΜΗΧ ΚΑΤΑΓΑΛ ΚΛΙΒ ΚΟΙΛΑΡΦ ΛΙΒ ΜΕΓΛΟΒΙΟΜΗΧ ΜΙΚΡΟΒΙΟΜΗΧ
    ΝΤΑΒ ΞΗΡΟΚΛΙΒ ΟΛΙΓΟΔΑΜ ΟΛΟΓΑΛ ΠΕΝΤΑΡΦ ΠΕΡΗΦ ΠΕΡΙΤΡ ΠΛΑΤ ΠΟΛΥΔΑΠ ΠΟΛΥΜΗΧ ΣΤΕΦ ΤΑΒ ΤΕΤ
    ΥΠΕΡΗΦ ΥΠΟΚΟΠ ΧΑΜΗΛΟΔΑΠ ΨΗΛΟΤΑΒ
""")


@_step("ΑΝΕ")
def _ane(stem: str) -> str:
    return stem + "ΑΝ" if _vowel_not_y(stem) or stem in _ANE_BACK else stem


_step("ΗΣΕΤΕ")(_cut_only)


_ETE_BACK_END = _ends("""
    ΟΔ ΑΙΡ ΦΟΡ ΤΑΘ ΔΙΑΘ ΣΧ ΕΝΔ ΕΥΡ ΤΙΘ ΥΠΕΡΘ ΡΑΘ ΕΝΘ ΡΟΘ ΣΘ ΠΥΡ ΑΙΝ ΣΥΝΔ ΣΥΝ ΣΥΝΘ ΧΩΡ ΠΟΝ ΒΡ
    ΚΑΘ ΕΥΘ ΕΚΘ ΝΕΤ ΡΟΝ ΑΡΚ ΒΑΡ ΒΟΛ ΩΦΕΛ
""")
_ETE_BACK = _words("""
    ΑΒΑΡ ΒΕΝ ΕΝΑΡ ΑΒΡ ΑΔ ΑΘ ΑΝ ΑΠΛ ΒΑΡΟΝ ΝΤΡ ΣΚ ΚΟΠ ΜΠΟΡ ΝΙΦ ΠΑΓ ΠΑΡΑΚΑΛ ΣΕΡΠ ΣΚΕΛ ΣΥΡΦ ΤΟΚ
    Υ Δ ΕΜ ΘΑΡΡ Θ
""")


@_step("ΕΤΕ")
def _ete(stem: str) -> str:
    if _vowel_not_y(stem) or stem.endswith(_ETE_BACK_END) or stem in _ETE_BACK:
        return stem + "ΕΤ"
    return stem


@_step("ΟΝΤΑΣ ΩΝΤΑΣ")
def _ontas(stem: str) -> str:
    result = stem + "ΟΝΤ" if stem == "ΑΡΧ" else stem
    return result + "ΩΝΤ" if stem.endswith("ΚΡΕ") else result


_step("ΟΜΑΣΤΕ ΙΟΜΑΣΤΕ")(_back_if_whole("ΟΝ", "ΟΜΑΣΤ"))


_step("ΙΕΣΤΕ")(_back_if_whole("Π ΑΠ ΣΥΜΠ ΑΣΥΜΠ ΑΚΑΤΑΠ ΑΜΕΤΑΜΦ", "ΙΕΣΤ"))


_step("ΕΣΤΕ")(_back_if_whole("ΑΛ ΑΡ ΕΚΤΕΛ Ζ Μ Ξ ΠΑΡΑΚΑΛ ΠΡΟ ΝΙΣ", "ΕΣΤ"))


_step("ΗΘΗΚΑ ΗΘΗΚΕΣ ΗΘΗΚΕ")(_cut_only)


@_step("ΗΚΑ ΗΚΕΣ ΗΚΕ")
def _ika(stem: str) -> str:
    ends = _ends("ΣΚΩΛ ΣΚΟΥΛ ΝΑΡΘ ΣΦ ΟΘ ΠΙΘ")
    if stem.endswith(ends) or stem in _words("ΔΙΑΘ Θ ΠΑΡΑΚΑΤΑΘ ΠΡΟΣΘ ΣΥΝΘ"):
        return stem + "ΗΚ"
    return stem


_OUSA_BACK = _words("""
    ΦΑΡΜΑΚ ΧΑΔ ΑΓΚ ΑΝΑΡΡ ΒΡΟΜ ΕΚΛΙΠ ΛΑΜΠΙΔ ΛΕΧ Μ ΠΑΤ Ρ Λ ΜΕΔ ΜΕΣΑΖ ΥΠΟΤΕΙΝ ΑΜ ΑΙΘ ΑΝΗΚ
    ΔΕΣΠΟΖ ΕΝΔΙΑΦΕΡ
""")
_OUSA_BACK_END = _ends("ΠΟΔΑΡ ΒΛΕΠ ΠΑΝΤΑΧ ΦΡΥΔ ΜΑΝΤΙΛ ΜΑΛΛ ΚΥΜΑΤ ΛΑΧ ΛΗΓ ΦΑΓ ΟΜ ΠΡΩΤ")


@_step("ΟΥΣΑ ΟΥΣΕΣ ΟΥΣΕ")
def _ousa(stem: str) -> str:
    if _vowel(stem) or stem in _OUSA_BACK or stem.endswith(_OUSA_BACK_END):
        return stem + "ΟΥΣ"
    return stem


_AGA_BACK = _words("""
    ΑΒΑΣΤ ΠΟΛΥΦ ΑΔΗΦ ΠΑΜΦ Ρ ΑΣΠ ΑΦ ΑΜΑΛ ΑΜΑΛΛΙ ΑΝΥΣΤ ΑΠΕΡ ΑΣΠΑΡ ΑΧΑΡ ΔΕΡΒΕΝ ΔΡΟΣΟΠ ΞΕΦ ΝΕΟΠ
    ΝΟΜΟΤ ΟΛΟΠ ΟΜΟΤ ΠΡΟΣΤ ΠΡΟΣΩΠΟΠ ΣΥΜΠ ΣΥΝΤ Τ ΥΠΟΤ ΧΑΡ ΑΕΙΠ ΑΙΜΟΣΤ ΑΝΥΠ ΑΠΟΤ ΑΡΤΙΠ ΔΙΑΤ ΕΝ
    ΕΠΙΤ ΚΡΟΚΑΛΟΠ ΣΙΔΗΡΟΠ Λ ΝΑΥ ΟΥΛΑΜ ΟΥΡ Π ΤΡ Μ
""")
_AGA_BACK_END = _ends("ΟΦ ΠΕΛ ΧΟΡΤ ΛΛ ΣΦ ΡΠ ΦΡ ΠΡ ΛΟΧ ΣΜΗΝ")


@_step("ΑΓΑ ΑΓΕΣ ΑΓΕ")
def _aga(stem: str) -> str:
    if (
        stem in _AGA_BACK
        or (stem.endswith(_AGA_BACK_END) and stem not in ("ΨΟΦ", "ΝΑΥΛΟΧ"))
        or stem.endswith("ΚΟΛΛ")
    ):
        return stem + "ΑΓ"
    return stem


_step("ΗΣΕ ΗΣΟΥ ΗΣΑ")(_back_if_whole("Ν ΧΕΡΣΟΝ ΔΩΔΕΚΑΝ ΕΡΗΜΟΝ ΜΕΓΑΛΟΝ ΕΠΤΑΝ Ι", "ΗΣ"))


_step("ΗΣΤΕ")(_back_if_whole("ΑΣΒ ΣΒ ΑΧΡ ΧΡ ΑΠΛ ΑΕΙΜΝ ΔΥΣΧΡ ΕΥΧΡ ΚΟΙΝΟΧΡ ΠΑΛΙΜΨ", "ΗΣΤ"))


_step("ΟΥΝΕ ΗΣΟΥΝΕ ΗΘΟΥΝΕ")(_back_if_whole("Ν Ρ ΣΠΙ ΣΤΡΑΒΟΜΟΥΤΣ ΚΑΚΟΜΟΥΤΣ ΕΞΩΝ", "ΟΥΝ"))


_step("ΟΥΜΕ ΗΣΟΥΜΕ ΗΘΟΥΜΕ")(_back_if_whole("ΠΑΡΑΣΟΥΣ Φ Χ ΩΡΙΟΠΛ ΑΖ ΑΛΛΟΣΟΥΣ ΑΣΟΥΣ", "ΟΥΜ"))


@_step("ΜΑΤΟΙ ΜΑΤΟΥΣ ΜΑΤΟ ΜΑΤΑ ΜΑΤΩΣ ΜΑΤΩΝ ΜΑΤΟΣ ΜΑΤΕΣ ΜΑΤΗ ΜΑΤΗΣ ΜΑΤΟΥ")
def _matos(stem: str) -> str:
    if stem == "ΓΡΑΜ":
        return stem + "ΜΑ"
    return stem + ("ΜΑΤ" if stem in ("ΓΕ", "ΣΤΑ") else "Μ")


@_step("ΟΥΑ")
def _oua(stem: str) -> str:
    return stem + "ΟΥ"


#: The last endings, cut only when no step above changed the word's length.
_GREEK_ENDINGS = _ends("""
    Α ΑΓΑΤΕ ΑΓΑΝ ΑΕΙ ΑΜΑΙ ΑΝ ΑΣ ΑΣΑΙ ΑΤΑΙ ΑΩ Ε ΕΙ ΕΙΣ ΕΙΤΕ ΕΣΑΙ ΕΣ ΕΤΑΙ Ι ΙΕΜΑΙ ΙΕΜΑΣΤΕ ΙΕΤΑΙ
    ΙΕΣΑΙ ΙΕΣΑΣΤΕ ΙΟΜΑΣΤΑΝ ΙΟΜΟΥΝ ΙΟΜΟΥΝΑ ΙΟΝΤΑΝ ΙΟΝΤΟΥΣΑΝ ΙΟΣΑΣΤΑΝ ΙΟΣΑΣΤΕ ΙΟΣΟΥΝ ΙΟΣΟΥΝΑ
    ΙΟΤΑΝ ΙΟΥΜΑ ΙΟΥΜΑΣΤΕ ΙΟΥΝΤΑΙ ΙΟΥΝΤΑΝ Η ΗΔΕΣ ΗΔΩΝ ΗΘΕΙ ΗΘΕΙΣ ΗΘΕΙΤΕ ΗΘΗΚΑΤΕ ΗΘΗΚΑΝ ΗΘΟΥΝ
    ΗΘΩ ΗΚΑΤΕ ΗΚΑΝ ΗΣ ΗΣΑΝ ΗΣΑΤΕ ΗΣΕΙ ΗΣΕΣ ΗΣΟΥΝ ΗΣΩ Ο ΟΙ ΟΜΑΙ ΟΜΑΣΤΑΝ ΟΜΟΥΝ ΟΜΟΥΝΑ ΟΝΤΑΙ
    ΟΝΤΑΝ ΟΝΤΟΥΣΑΝ ΟΣ ΟΣΑΣΤΑΝ ΟΣΑΣΤΕ ΟΣΟΥΝ ΟΣΟΥΝΑ ΟΤΑΝ ΟΥ ΟΥΜΑΙ ΟΥΜΑΣΤΕ ΟΥΝ ΟΥΝΤΑΙ ΟΥΝΤΑΝ ΟΥΣ
    ΟΥΣΑΝ ΟΥΣΑΤΕ Υ ΥΑ ΥΣ Ω ΩΝ ΟΙΣ
""")
_COMPARATIVES = _ends("ΕΣΤΕΡ ΕΣΤΑΤ ΟΤΕΡ ΟΤΑΤ ΥΤΕΡ ΥΤΑΤ ΩΤΕΡ ΩΤΑΤ")


def _cutter(endings: tuple[str, ...]) -> re.Pattern[str]:
    # "^(.+?)(A|B)$": at least one letter, then the longest listed ending.
    return re.compile("(.+?)(" + "|".join(endings) + ")")


_CUT_STEPS = [(_cutter(endings), restore) for endings, restore in _STEPS]
_CUT_ENDINGS = _cutter(_GREEK_ENDINGS)
_CUT_COMPARATIVES = _cutter(_COMPARATIVES)
_AGAME_STEP = next(i for i, (endings, _) in enumerate(_STEPS) if endings[0] == _AGAME)


def _greek_upper(word: str) -> str:
    # The stemmer proper, on a capitalised word.
    if len(word) < 3 or not _GREEK_CAPITALS.fullmatch(word) or word in _GREEK_KEPT:
        return word
    result = word
    irregular = _GREEK_IRREGULAR_END.fullmatch(result)
    if irregular:
        result = irregular.group(1) + _GREEK_IRREGULAR[irregular.group(2)]
    for index, (cut, restore) in enumerate(_CUT_STEPS):
        if index == _AGAME_STEP and result == _AGAME:
            result = "ΑΓΑΜ"
        match = cut.fullmatch(result)
        if match:
            restored = restore(match.group(1))
            if restored is not None:
                result = restored
    if len(word) == len(result):
        match = _CUT_ENDINGS.fullmatch(result)
        if match:
            result = match.group(1)
    match = _CUT_COMPARATIVES.fullmatch(result)
    if match:
        stem = match.group(1)
        if stem not in ("ΕΞ", "ΕΣ", "ΑΝ", "ΚΑΤ", "Κ", "ΠΡ"):
            result = stem
        if stem in ("ΚΑ", "Μ", "ΕΛΕ", "ΛΕ", "ΔΕ"):
            result += "ΥΤ"
    return result


def greek_stem(word: str) -> str:
    """Stem one lower-case, accent-free Greek word as lunr.el does (upper case in, lower out).

    Words that are not all Greek letters, shorter than three, or on the stemmer's list of kept
    words come back as they went in, after the same round trip through upper case.
    """
    return _greek_upper(word.upper()).lower()
