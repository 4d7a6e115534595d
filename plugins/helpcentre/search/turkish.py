"""Turkish stemming for the search: verb endings, then Snowball repeated, never below three letters.

Snowball's Turkish stemmer (the ``snowballstemmer`` package here, lunr-languages' ``lunr.tr`` in
the browser) strips noun endings only, and erratically for a search: it is not idempotent
("param" gives "para", "para" gives "par", so a reader typing one never meets an article writing
the other), it grinds short words down to two letters or one ("iade" to "ia", "ürünü" to "ür",
"günde" to "g"), it reads a noun's own "t" as a past tense ("kartı" to "kar") and leaves every
verb form whole ("göndermek", "istiyorum", "yatmadı", "edilmiyor").

The rule here, which ``search-turkish.js`` runs again in the browser (``turkishStemmer``, checked
word for word by the test-suite), is:

1. A verb ending is stripped first, when the word has one (:data:`VERB_ENDINGS`: the infinitive,
   the progressive, the future, ability and inability, negative tenses, passive tenses,
   participles, the verbal noun, imperatives), and with it a passive left before it
   ("gönderil-mek") and the root's last vowel, which the progressive drops ("iste-mek",
   "ist-iyor"). The verb's root is the term: "göndermek", "gönderdim", "gönderebilirsiniz",
   "gönderilir" give "gönder"; "istiyorum", "istemek" give "ist". The two verbs whose "t" becomes
   "d" before a vowel are written with their "t" ("ediyor" gives "et", as "etmek").
2. Otherwise Snowball runs until its stem stops changing, so that a stem is its own stem:
   "param", "paranız", "para" give "par". A step is refused when it makes no sense for Turkish:
   a past tense in "t" after a vowel or a voiced consonant keeps its "t" (the noun "kart" in
   "kartı"), a copula "-dır" leaving a short stem is a causative verb ("bildir", "kaldır"), and
   a vowel-final stem's "s" is the possessive's, which Snowball leaves ("iadesi" to "iades").
3. A stem shorter than four letters is not taken from Snowball: the word keeps its shortest
   beginning of three letters or more that ends with a consonant ("iade", "iadeniz" give "iad";
   "ürünü", "ürünler" give "ürün"; "günde", "günü" give "gün"), which keeps a short root whole and
   tells it from other words that Snowball ground to the same two letters.

Letters are normalised before the stop words: the dot that lower-casing leaves after an "i" of
"İ" ("İade" is "iade") and the circumflex ("hâlâ" is "hala").
"""

from __future__ import annotations

import re
from collections.abc import Callable

VOWELS = "aeıioöuü"
# A past tense's "d" is "t" only after these (gönder-di, yat-tı): a "t" after anything else is the
# word's own.
VOICELESS = "çfhkpsşt"

_I = "[ıiuü]"
_A = "[ae]"
# Person endings after a tense, after the past, and after the progressive "-yor"
_PERSON = f"(?:{_I}m|s{_I}n|{_I}z|s{_I}n{_I}z|l{_A}r|d{_I}r|t{_I}r|d{_I}|t{_I})?"
_PAST_PERSON = f"(?:m|n|k|n{_I}z|l{_A}r)?"
_YOR_PERSON = "(?:um|sun|uz|sunuz|lar|du[mnk]?|dunuz|dular|muş|sa|ken)?"
# Case endings, and possessives after the verbal noun "-mA"
_CASE = f"(?:n?{_I}|n?{_A}|n?d{_A}n?|n{_I}n|y{_I}|y{_A}|y?l{_A})?"
_POSSESSIVE = (
    f"(?:l{_A}r)?(?:{_I}m|{_I}n|s{_I}|{_I}m{_I}z|{_I}n{_I}z|l{_A}r{_I}|m{_I}z|n{_I}z|{_I})?"
)

#: Verb endings: (the ending, the fewest letters the root keeps, what the root must end with:
#: "vowel", "not-i" (not one of ı i u ü: "hesab-ım-a" is a noun) or "" for anything). The root
#: must hold a vowel. ``turkishStemmer`` in ``search-turkish.js`` has the same table.
VERB_ENDINGS: tuple[tuple[str, int, str], ...] = (
    # progressive, negative or not: gönder-iyor-um, ist-iyor, gel-miyor, yap-amıyor-um
    (f"(?:y?{_A}m{_I}|m{_I}|{_I})yor{_YOR_PERSON}", 2, ""),
    # ability and what follows it: gönder-ebilir-siniz, değiştir-ebil-mek
    (f"y?{_A}bil.*", 2, ""),
    # future, negative or not: gönder-eceğ-iz, iste-meyecek, yap-acağ-ınız-ı
    (
        f"(?:m{_A})?y?{_A}c{_A}(?:k(?:s{_I}n{_I}z|s{_I}n|l{_A}r|t{_I}r|t{_I})?"
        f"|ğ(?:{_I}m|{_I}z|{_I}n{_I}z|{_I}n|{_I}|{_I}m{_I}z){_CASE})",
        2,
        "",
    ),
    # negative (and inability) past, aorist, evidential, imperative, -mAdAn, -mAlI:
    # yat-madı, al-amadı-m, ol-maz, gönder-meyin, yap-malı
    (
        f"(?:y?{_A})?m{_A}(?:d{_I}{_PAST_PERSON}|z{_PERSON}|m{_I}ş{_PERSON}|y{_I}n(?:{_I}z)?"
        f"|d{_A}n|l{_I}{_PERSON}|y{_I}z|m)",
        2,
        "",
    ),
    # passive and a tense or participle: çek-ildi, gönder-ilir, al-ınan, öde-ndi, belirt-ilen
    (
        f"(?:{_I}[ln]|n)(?:d{_I}{_PAST_PERSON}|{_I}r{_PERSON}|m{_I}ş{_PERSON}"
        f"|{_A}n(?:l{_A}r)?{_CASE}|m{_A}s{_I}{_CASE})",
        2,
        "",
    ),
    # evidential: gel-miş, ol-muş-tur
    (f"m{_I}ş{_PERSON}", 2, ""),
    # participle -DIk with a possessive: al-dığ-ım, gönder-diğ-iniz-i
    (f"[dt]{_I}ğ(?:{_I}m|{_I}n|{_I}|{_I}m{_I}z|{_I}n{_I}z){_CASE}", 2, ""),
    # participle -(y)An after a vowel: yansı-yan-a, bekle-yen
    (f"y{_A}n(?:l{_A}r)?{_CASE}", 3, "vowel"),
    # infinitive: gönder-mek, iade et-mek-te
    (f"m{_A}k(?:t{_A}.*|l{_A})?", 2, ""),
    # verbal noun with its possessive and case: öde-me, öde-me-si-ni, gönder-me-niz
    (f"m{_A}{_POSSESSIVE}{_CASE}", 2, "not-i"),
    # past after a vowel-final root of four letters or more: iste-di-m, yansı-dı
    (f"d{_I}{_PAST_PERSON}", 4, "vowel"),
    # converb after a vowel: bekle-yip
    (f"y{_I}p", 3, "vowel"),
    # imperative plural after a vowel: bekle-yin, tıkla-yınız
    (f"y{_I}n(?:{_I}z)?", 3, "vowel"),
)

#: Verbs whose root's last "t" is "d" before a vowel (et-mek, ed-iyor; git-mek, gid-iyor).
SOFTENED_ROOTS = {"ed": "et", "gid": "git"}

_ENDINGS = [
    (re.compile(f"^(.*?)(?:{ending})$"), fewest, after) for ending, fewest, after in VERB_ENDINGS
]
_PASSIVE_LEFT = re.compile(f"^(.*[^{VOWELS}]){_I}[ln]$")
_COPULA = re.compile(f"^[dt]{_I}r$")
#: Letters the normaliser rewrites: the dot above left by lower-casing "İ", and circumflexes.
NORMALISED_LETTERS = {"\u0307": "", "â": "a", "î": "i", "û": "u"}
_NORMALISED = str.maketrans(NORMALISED_LETTERS)
#: Fewest letters a stem from Snowball keeps, and fewest a word's beginning keeps instead.
SHORTEST_STEM = 4
SHORTEST_BEGINNING = 3
#: Snowball's steps on one word, at most (a stem is usually stable after two).
MOST_STEPS = 10


def normalize(word: str) -> str:
    """Drop the dot lower-casing leaves after "i" ("İade": "i̇ade") and circumflexes."""
    return word.translate(_NORMALISED)


def _has_vowel(text: str) -> bool:
    return any(letter in VOWELS for letter in text)


def verb_root(word: str) -> str | None:
    """The root of ``word`` when it ends with a verb ending (:data:`VERB_ENDINGS`), else None.

    The shortest root any ending leaves wins; a passive left before the ending goes too
    ("gönderil-mek"), and so does the root's last vowel ("iste-mek" as "ist-iyor").
    """
    best: str | None = None
    for pattern, fewest, after in _ENDINGS:
        match = pattern.match(word)
        if not match:
            continue
        root = match.group(1)
        if len(root) < fewest or not _has_vowel(root):
            continue
        if after == "vowel" and root[-1] not in VOWELS:
            continue
        if after == "not-i" and root[-1] in "ıiuü":
            continue
        if best is None or len(root) < len(best):
            best = root
    if best is None:
        return None
    passive = _PASSIVE_LEFT.match(best)
    if passive and len(passive.group(1)) >= 2:
        best = passive.group(1)
    if best[-1] in VOWELS and len(best) >= 3:
        best = best[:-1]
    return SOFTENED_ROOTS.get(best, best)


def _without_possessive_s(stem: str) -> str:
    # "iadesi" is "iade" and "-si"; Snowball leaves "iades"
    if len(stem) >= 4 and stem[-1] == "s" and stem[-2] in VOWELS:
        return stem[:-1]
    return stem


def _beginning(word: str) -> str:
    for length in range(SHORTEST_BEGINNING, len(word) + 1):
        if word[length - 1] not in VOWELS:
            return word[:length]
    return word


def noun_stem(word: str, snowball: Callable[[str], str]) -> str:
    """Snowball's stem of ``word``, repeated until it stops changing, with the rule's refusals
    (see the module's docstring)."""
    current = _without_possessive_s(word)
    for _ in range(MOST_STEPS):
        stem = snowball(current)
        if stem == current:
            break
        cut = len(stem) if stem and current.startswith(stem) else -1
        if cut >= 0 and current[cut] == "t" and stem[-1] not in VOICELESS:
            # Not a past tense: the word's own "t" ("kart-ı" is not "kar-tı")
            stem = current[: cut + 1]
            if stem == current:
                break
            cut += 1
        if cut >= 0 and len(stem) < 6 and _COPULA.match(current[cut:]):
            break  # a causative verb ("bildir"), not a copula ("gereklidir")
        stem = _without_possessive_s(stem)
        if len(stem) < SHORTEST_STEM:
            return _beginning(word)
        current = stem
    return current


def turkish_stemmer(snowball: Callable[[str], str]) -> Callable[[str], str]:
    """Wrap Snowball's Turkish stemmer ``snowball`` in the rule of this module."""

    def stem(word: str) -> str:
        root = verb_root(word)
        return root if root is not None else noun_stem(word, snowball)

    return stem
