"""Language rules of the search index, taken from the lunr.js files Material for MkDocs ships.

The browser analyses queries with lunr.js and lunr-languages; the build analyses articles in Python.
Both must turn the same text into the same terms, so the rules the browser uses -- word characters
of the trimmer, stop words, the Japanese segmenter model, the Thai dictionary -- are read here from
the very files the browser loads, at build time, instead of from NLTK data (which cannot be
downloaded on a build machine and which lunr.py silently skips when NLTK is absent). Only the
stemmers and the Thai cutter are Python code: a port of lunr.js's Porter stemmer for English
(lunr.py's differs), Snowball stemmers for most others, lunr-languages' own Arabic, Greek and
Hebrew rules written again in Python (``lunr_stemmers``), a twin of ``wordcut``
(``thai_wordcut``) and Turkish's rule around Snowball (``turkish``, whose twin is in
``search-turkish.js``), whose output the test-suite compares word for word with the browser's in
node.

What each language lunr-languages covers gets (all: the separator, the file's trimmer
characters plus digits, its stop words):

- en: lunr.js's Porter stemmer (ported); da de es fi fr hu it nl no pt ro ru sv: Snowball (NLTK);
  all checked word for word against the browser.
- tr: Snowball (the ``snowballstemmer`` package here, lunr.tr's in the browser) inside the rule of
  ``turkish``, which the worker runs again (``turkishStemmer``): verb endings stripped first
  ("göndermek", "gönderdim", "gönderilir" give "gönder"; "istiyorum" and "istemek" give "ist"),
  then Snowball repeated until its stem stops changing ("param" and "para" give "par"), never to
  fewer than four letters (a word keeps instead its shortest beginning of three letters or more
  ending with a consonant: "iade" and "iadeniz" give "iad", "ürünü" gives "ürün", not "ia" and
  "ür"); the dot lower-casing leaves after the "i" of "İ" and circumflexes are dropped before
  the stop words. Checked word for word against the browser on every Turkish word of the
  reference articles, lexicon and filler.
- ja: TinySegmenter with Material's model; zh: pairs of Han characters; th: words as lunr.th's
  dictionary cutter, ``wordcut``, cuts them (``thai_wordcut``, with the dictionary read from
  Material's ``wordcut.js``; the browser calls ``lunr.wordcut``) and no stop words, as lunr.th.
- hi kn sa ta te hy ko vi: words as the separator cuts them, no stemming (lunr-languages has
  none for them). The worker still loads ``wordcut.js`` for hi kn sa ta te, whose files call
  it as they load; only Thai uses it.
- ar, el, he: lunr-languages' own stemmers (Arabic's affixes and root patterns, Greek's suffix
  rules, Hebrew's points and final letters), written again in ``lunr_stemmers`` and checked word
  for word against the browser; el also gets lunr.el's accent normaliser.

A language lunr-languages has no rules for (Polish, Czech, Ukrainian, ...) gets the generic
rules, never a quiet fallback to English: words are cut by Unicode word segmentation (UAX #29,
``Intl.Segmenter`` in the browser, the ``regex`` module's default word boundaries here), lower-cased
and folded (accents dropped, so that ``zalacznik`` finds ``Załącznik``), and neither stemmed nor
filtered. A regional tag (``pt-BR``, ``fr-CA``, ``es-419``) uses the rules of its base language.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib.util import find_spec
from pathlib import Path

import regex

from helpcentre.search.thai_wordcut import ThaiWordcut, dictionary_words

#: Characters that separate words, for the build and the browser alike (the pattern is written into
#: the index file and compiled by the worker). Whitespace is spelled out because ``\s`` differs
#: between Python and JavaScript.
SEPARATOR = (
    "[\\t\\n\\v\\f\\r \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff"
    "\\-\\u2010-\\u2015_.,;:!?\\u00bf\\u00a1\"'\\u2018\\u2019\\u201c\\u201d\\u00ab\\u00bb()\\[\\]{}<>"
    "/\\\\|+*~^=&#%@$\\u3001\\u3002\\uff0c\\uff0e\\u30fb\\uff1a\\uff1b\\uff01\\uff1f"
    "\\u300c\\u300d\\u300e\\u300f\\uff08\\uff09\\u3010\\u3011\\uff3b\\uff3d]+"
)

#: Locales the search knows, with the lunr-languages module and the stemmer each one uses.
#: ``None`` as stemmer means the language has no inflection to strip (lunr-languages agrees).
LOCALES: dict[str, tuple[str, str | None]] = {
    "en": ("en", "porter"),
    "fr": ("fr", "french"),
    "it": ("it", "italian"),
    "es": ("es", "spanish"),
    "de": ("de", "german"),
    "nl": ("nl", "dutch"),
    "pt": ("pt", "portuguese"),
    "sv": ("sv", "swedish"),
    "ru": ("ru", "russian"),
    "da": ("da", "danish"),
    "no": ("no", "norwegian"),
    "fi": ("fi", "finnish"),
    "ro": ("ro", "romanian"),
    "hu": ("hu", "hungarian"),
    "ja": ("ja", None),
    "zh": ("zh", None),
    "ar": ("ar", "lunr-ar"),
    "el": ("el", "lunr-el"),
    "he": ("he", "lunr-he"),
    "hi": ("hi", None),
    "hy": ("hy", None),
    "kn": ("kn", None),
    "ko": ("ko", None),
    "sa": ("sa", None),
    "ta": ("ta", None),
    "te": ("te", None),
    "th": ("th", None),
    "tr": ("tr", "turkish"),
    "vi": ("vi", None),
}

#: Locales whose words are not separated by spaces, and how runs of their script are cut.
SEGMENTERS = {"ja": "tinyseg", "zh": "bigram", "th": "wordcut", "ko": "hangul-bigram"}

#: Languages whose lunr-languages file calls ``lunr.wordcut`` when it loads (Material ships
#: ``wordcut.js`` next to it); the worker loads it first. Only Thai cuts its words with it.
WORDCUT = frozenset({"hi", "kn", "sa", "ta", "te", "th"})

# Characters TinySegmenter and the bigram cutter treat as CJK (kanji, kana, CJK punctuation aside).
_CJK = re.compile("[\u3041-\u3096\u30a1-\u30fa\u30fc\u3005\u3006\u4e00-\u9fff\uff66-\uff9f]")
_HAN_RUN = re.compile("[\u4e00-\u9fff]+")
# Thai letters and vowel signs (the Thai block, digits and punctuation aside): Thai writes no
# spaces between words, so a chunk holding them is cut into words by wordcut.
_THAI_RUN = re.compile("[\u0e01-\u0e4e]+")
# Hangul syllables: Korean writes particles and endings onto the word ("물건이", "탈퇴하고"), and
# lunr-languages' Korean rules keep such words whole, so a customer's "탈퇴하고" never met the
# article's "탈퇴할". Runs are cut into overlapping syllable pairs, as the CJK analysers of the
# big search engines cut Hangul: the stem's pair ("탈퇴") is then shared by every form.
_HANGUL_RUN = re.compile("[\uac00-\ud7a3]+")


#: What the generic rules do, for the build's log line and the documentation.
GENERIC_RULES = "word segmentation, case and accent folding, no stemming"

# Unicode default word boundaries (UAX #29), as Intl.Segmenter cuts words in the browser.
_WORD_BOUNDARY = regex.compile(r"(?V1w)\b")
# Characters a generic word keeps at its ends; the worker's pattern is the same class.
_GENERIC_HEAD = regex.compile(r"^[^\p{L}\p{N}\p{M}]+")
_GENERIC_TAIL = regex.compile(r"[^\p{L}\p{N}\p{M}]+$")
# Accents as NFD writes them (Latin, Greek, Cyrillic); the marks of other scripts are letters'
# vowels and stay.
_ACCENTS = re.compile("[\u0300-\u036f]")
#: Letters that carry a diacritic NFD does not take apart, and the Catalan middle dot (readers
#: type "collegi" for "col·legi"): folded the same way by the worker.
FOLDED_LETTERS = {
    "ł": "l", "đ": "d", "ø": "o", "ħ": "h", "ı": "i", "ŧ": "t", "ŀ": "l", "ß": "ss", "·": "",
}  # fmt: skip
_FOLDED = re.compile("[" + "".join(FOLDED_LETTERS) + "]")


class LanguageError(ValueError):
    """Raised when Material's lunr files cannot be read."""


def fold(word: str) -> str:
    """Drop the accents of a lower-case word, as the worker does (NFD, marks removed, NFC)."""
    bare = _ACCENTS.sub("", unicodedata.normalize("NFD", word))
    return unicodedata.normalize("NFC", _FOLDED.sub(lambda m: FOLDED_LETTERS[m.group()], bare))


def generic_term(word: str) -> str:
    """Trim a lower-case word to its letters and digits and fold it: the generic rules' term."""
    return fold(_GENERIC_TAIL.sub("", _GENERIC_HEAD.sub("", word, count=1), count=1))


def word_segments(chunk: str) -> list[str]:
    """Cut ``chunk`` at its Unicode word boundaries, keeping every piece (as Intl.Segmenter)."""
    return [piece for piece in _WORD_BOUNDARY.split(chunk) if piece]


#: Where Material keeps the lunr-languages files, relative to its package: Material for MkDocs
#: 9 (``templates/assets/javascripts/lunr``) and its fork mkdocs-materialx, which installs the same
#: ``material`` package with the files under its search plugin.
_LUNR_LANGUAGE_DIRS = (
    Path("templates") / "assets" / "javascripts" / "lunr",
    Path("plugins") / "search" / "providers" / "lunr" / "assets",
)


def _material_package() -> Path:
    spec = find_spec("material")
    if spec is None or not spec.submodule_search_locations:
        raise LanguageError(
            "mkdocs-material is not installed: pip install mkdocs-material (or mkdocs-materialx)"
        )
    return Path(next(iter(spec.submodule_search_locations)))


def material_lunr_dir() -> Path:
    """Return the folder of lunr-languages files inside the installed Material package.

    Raises:
        LanguageError: if Material for MkDocs (or a fork installed as ``material``) is missing.
    """
    base = _material_package()
    for relative in _LUNR_LANGUAGE_DIRS:
        if (base / relative / "min").is_dir():
            return base / relative
    raise LanguageError(
        f"{base}: no lunr-languages files in this Material package -- "
        "pip install 'mkdocs-material>=9.5,<10'"
    )


@cache
def lunr_js_source() -> str:
    """Return lunr.js as bundled in Material's search worker (read from its source map).

    Material ships lunr.js only inside its worker bundle; the source map carries the original
    file, which is the exact lunr.js the theme runs.
    """
    workers = _material_package() / "templates" / "assets" / "javascripts" / "workers"
    for source_map in sorted(workers.glob("search.*.min.js.map")):
        data = json.loads(source_map.read_text(encoding="utf-8"))
        for name, content in zip(data["sources"], data.get("sourcesContent") or [], strict=False):
            if name.endswith("lunr/lunr.js") and content:
                return content
    raise LanguageError(f"{workers}: no lunr.js found in Material's search worker source map")


def _read(name: str) -> str:
    path = material_lunr_dir() / name
    try:
        return path.read_text(encoding="utf-8")
    except OSError as error:
        raise LanguageError(f"{path}: cannot read lunr-languages file ({error})") from error


def _js_string(text: str, pattern: str, where: str) -> str:
    match = re.search(pattern, text)
    if not match:
        raise LanguageError(f"{where}: cannot find {pattern!r}; is this a supported Material?")
    body = next(group for group in match.groups() if group is not None)
    return json.loads('"' + body.replace('"', '\\"') + '"')


@cache
def stop_words(language: str) -> frozenset[str]:
    """Stop words of ``language`` exactly as the browser's lunr pipeline filters them."""
    if language == "en":
        source = lunr_js_source()
        block = source[source.index("lunr.stopWordFilter = lunr.generateStopWordFilter([") :]
        block = block[: block.index("])")]
        return frozenset(re.findall(r"'([^']*)'", block))
    name = f"min/lunr.{language}.min.js"
    source = _read(name)
    if "stopWordFilter" not in source and "wordCharacters=" in source:
        return frozenset()  # Thai: the file has a trimmer and no stop word filter
    words = _js_string(source, r"""generateStopWordFilter\((?:"([^"]*)"|'([^']*)')\.split""", name)
    return frozenset(word for word in words.split(" ") if word)


@cache
def word_characters(language: str) -> str | None:
    """The trimmer's character class body for ``language`` (``None``: ASCII ``\\W``, lunr.js's)."""
    if language == "en":
        return None
    name = f"min/lunr.{language}.min.js"
    characters = _js_string(_read(name), r'wordCharacters="([^"]*)"', name)
    # Some files (ko, th, hy, vi) write the class with its brackets, which the trimmer would
    # nest in its own; the worker drops them the same way.
    if characters.startswith("[") and characters.endswith("]"):
        characters = characters[1:-1]
    # JavaScript's \w is ASCII-only; Python's is not.
    return characters.replace("\\w", "A-Za-z0-9_")


def _trimmer(language: str) -> Callable[[str], str]:
    characters = word_characters(language)
    if characters is None:
        # lunr.trimmer: JavaScript's \W is ASCII-only, so Python must be told so.
        head, tail = re.compile(r"^\W+", re.ASCII), re.compile(r"\W+$", re.ASCII)
    else:
        # Digits are words too (prices, days, order numbers); the worker adds them the same way.
        head = re.compile(f"^[^{characters}0-9]+")
        tail = re.compile(f"[^{characters}0-9]+$")
    return lambda word: tail.sub("", head.sub("", word, count=1), count=1)


@cache
def normalizer_letters(language: str) -> dict[str, str]:
    """Letters the language's normaliser rewrites: lunr.el's (Greek drops its accents), or
    Turkish's, which the worker's ``turkishNormalizer`` rewrites the same way (``turkish``)."""
    if language == "tr":
        from helpcentre.search.turkish import NORMALISED_LETTERS

        return dict(NORMALISED_LETTERS)
    if language != "el":
        return {}
    name = f"min/lunr.{language}.min.js"
    source = _read(name)
    match = re.search(r"normilizer=function\(\)\{var e=(\{[^}]*\})", source)
    if not match:
        raise LanguageError(f"{name}: cannot find the normilizer's letters")
    return json.loads(match.group(1))


def _normalized(trim: Callable[[str], str], letters: dict[str, str]) -> Callable[[str], str]:
    # lunr.el runs its normaliser between the trimmer and the stop word filter; the worker runs
    # Turkish's there too.
    if not letters:
        return trim
    table = str.maketrans(letters)
    return lambda word: trim(word).translate(table)


def _stemmer(algorithm: str | None) -> Callable[[str], str]:
    if algorithm is None:
        return lambda word: word
    if algorithm == "porter":
        from helpcentre.search.porter import porter_stem

        return porter_stem
    if algorithm in LUNR_STEMMERS:
        return _lunr_stemmer(algorithm)
    if algorithm == "turkish":
        from helpcentre.search.turkish import turkish_stemmer

        return turkish_stemmer(_snowballstemmer(algorithm))
    if algorithm in SNOWBALL_ONLY:
        return _snowballstemmer(algorithm)
    try:
        from nltk.stem.snowball import SnowballStemmer
    except ImportError as error:  # pragma: no cover - lunr[languages] pulls nltk in
        raise LanguageError(
            f"the {algorithm} stemmer needs nltk: pip install 'lunr[languages]'"
        ) from error
    # NLTK's stemmers need no downloaded data; only its stop word corpus does, which we never use.
    snowball = SnowballStemmer(algorithm).stem
    if algorithm == "italian":
        return _italian_enza(snowball)
    if algorithm == "portuguese":
        return _portuguese_ucao(snowball)
    return snowball


#: lunr-languages' own stemmers, written again in ``lunr_stemmers`` (no Python package has them).
LUNR_STEMMERS = frozenset({"lunr-ar", "lunr-el", "lunr-he"})


def _lunr_stemmer(algorithm: str) -> Callable[[str], str]:
    from helpcentre.search import lunr_stemmers

    language = algorithm.removeprefix("lunr-")
    if language == "el":
        return lunr_stemmers.greek_stem
    # Arabic and Hebrew read their tables from the file the browser loads.
    name = f"min/lunr.{language}.min.js"
    build = lunr_stemmers.arabic_stemmer if language == "ar" else lunr_stemmers.hebrew_stemmer
    try:
        return build(_read(name), str(material_lunr_dir() / name))
    except lunr_stemmers.StemmerSourceError as error:
        raise LanguageError(f"{error}; is this a supported Material?") from error


#: Stemmers NLTK lacks, from the ``snowballstemmer`` package (the Snowball project's own Python).
SNOWBALL_ONLY = frozenset({"turkish"})


def _snowballstemmer(algorithm: str) -> Callable[[str], str]:
    try:
        import snowballstemmer
    except ImportError as error:  # pragma: no cover - a dependency of helpcentre
        raise LanguageError(
            f"the {algorithm} stemmer needs snowballstemmer: pip install snowballstemmer"
        ) from error
    return snowballstemmer.stemmer(algorithm).stemWord


def _portuguese_ucao(snowball: Callable[[str], str]) -> Callable[[str], str]:
    # Current Snowball (NLTK) folds -ução/-uções to "u"; lunr-languages' older Portuguese stemmer
    # has no such rule and only drops the final vowel or "es": "devoluções" is "devoluçõ" in the
    # browser, so it must be here too.
    def stem(word: str) -> str:
        result = snowball(word)
        if word.endswith("ução") and result == word[:-4] + "u":
            return word[:-1]
        if word.endswith("uções") and result == word[:-5] + "u":
            return word[:-2]
        # Nor does it drop -ança/-anças in R2; it drops the vowel and writes ç as c, as for
        # shorter words: "segurança" is "seguranc" in the browser.
        if word.endswith("ança") and result == word[:-4]:
            return word[:-2] + "c"
        if word.endswith("anças") and result == word[:-5]:
            return word[:-3] + "c"
        return result

    return stem


def _italian_enza(snowball: Callable[[str], str]) -> Callable[[str], str]:
    # NLTK rewrites the suffixes -enza/-enze to "te" where Snowball (and lunr-languages) write
    # "ente": "assistenza" must give "assistent", as in the browser, not "assistt".
    def stem(word: str) -> str:
        result = snowball(word)
        if word.endswith(("enza", "enze")) and result == word[:-4] + "t":
            return word[:-4] + "ent"
        return result

    return stem


#: What a token of a word the index leaves out starts with (a separator: no term has it).
UNINDEXED = "~"


@dataclass(frozen=True)
class Analyzer:
    """Turns text into index terms the way the browser turns queries into terms."""

    locale: str
    language: str
    separator: re.Pattern[str]
    trim: Callable[[str], str]
    stops: frozenset[str]
    stem: Callable[[str], str]
    segmenter: str | None
    #: True when lunr-languages has no rules for the language and the generic rules apply.
    generic: bool = False

    def words(self, text: str) -> list[str]:
        """Split ``text`` into lower-case words, cutting Japanese or Chinese runs into words."""
        words: list[str] = []
        for chunk in self.separator.split(text):
            if not chunk:
                continue
            if self.segmenter == "words":
                words.extend(piece.lower() for piece in word_segments(chunk))
                continue
            chunk = chunk.lower()
            if self.segmenter == "tinyseg" and _CJK.search(chunk):
                words.extend(piece for piece in tiny_segmenter().segment(chunk) if piece)
            elif self.segmenter == "bigram" and _HAN_RUN.search(chunk):
                words.extend(_bigrams(chunk))
            elif self.segmenter == "wordcut" and _THAI_RUN.search(chunk):
                words.extend(thai_wordcut()(chunk))
            elif self.segmenter == "hangul-bigram" and _HANGUL_RUN.search(chunk):
                words.extend(_bigrams(chunk, _HANGUL_RUN))
            else:
                words.append(chunk)
        return words

    def term(self, word: str) -> str | None:
        """Trim, filter and stem one lower-case word; ``None`` when it is not indexed."""
        word = self.trim(word)
        if not word or word in self.stops:
            return None
        return self.stem(word) or None

    def tokens(self, text: str) -> list[str]:
        """Each word of ``text`` as its term, or, for a word the index leaves out (a stop word:
        "not", "nicht", "pas"), as :data:`UNINDEXED` and the word: what a phrase of the lexicon
        is matched against in a query, where "not working" is not "working"."""
        return [
            UNINDEXED + word if (term := self.term(word)) is None else term
            for word in self.words(text)
        ]

    def terms(self, text: str) -> list[str]:
        """The index terms of ``text``, in order."""
        return [term for word in self.words(text) if (term := self.term(word)) is not None]


def _bigrams(chunk: str, runs: re.Pattern[str] = _HAN_RUN) -> list[str]:
    pieces: list[str] = []
    position = 0
    for run in runs.finditer(chunk):
        if run.start() > position:
            pieces.append(chunk[position : run.start()])
        text = run.group()
        pieces.extend([text] if len(text) == 1 else [text[i : i + 2] for i in range(len(text) - 1)])
        position = run.end()
    if position < len(chunk):
        pieces.append(chunk[position:])
    return pieces


@cache
def analyzer(locale: str) -> Analyzer:
    """Return the analyzer for ``locale`` (``fr``, ``fr_CA`` and ``fr-CA`` are all French).

    A language without lunr-languages rules gets the generic rules (``Analyzer.generic``).

    Raises:
        LanguageError: if Material's lunr-languages files cannot be read.
    """
    language = re.split("[-_]", locale)[0].lower()
    if language not in LOCALES:
        return Analyzer(
            locale=locale,
            language=language,
            separator=re.compile(SEPARATOR),
            trim=lambda word: word,
            stops=frozenset(),
            stem=functools.lru_cache(maxsize=65536)(generic_term),
            segmenter="words",
            generic=True,
        )
    lunr_language, algorithm = LOCALES[language]
    return Analyzer(
        locale=locale,
        language=lunr_language,
        separator=re.compile(SEPARATOR),
        trim=_normalized(_trimmer(lunr_language), normalizer_letters(lunr_language)),
        stops=stop_words(lunr_language),
        # Help articles repeat a small vocabulary; Snowball in pure Python is the index's hot
        # spot, so each distinct word is stemmed once.
        stem=functools.lru_cache(maxsize=65536)(_stemmer(algorithm)),
        segmenter=SEGMENTERS.get(lunr_language),
    )


class TinySegmenter:
    """TinySegmenter 0.1 (Taku Kudo), with the model read from Material's ``tinyseg.js``."""

    _TYPES = (
        (re.compile("[一二三四五六七八九十百千万億兆]"), "M"),
        (re.compile("[一-龠々〆ヵヶ]"), "H"),
        (re.compile("[ぁ-ん]"), "I"),
        (re.compile("[ァ-ヴーｱ-ﾝﾞｰ]"), "K"),
        (re.compile("[a-zA-Zａ-ｚＡ-Ｚ]"), "A"),
        (re.compile("[0-9０-９]"), "N"),
    )

    #: The model's feature tables, in the order TinySegmenter adds their scores.
    _TABLES = (
        *(f"UP{n}__" for n in range(1, 4)), "BP1__", "BP2__",
        *(f"UW{n}__" for n in range(1, 7)), *(f"BW{n}__" for n in range(1, 4)),
        *(f"TW{n}__" for n in range(1, 5)), *(f"UC{n}__" for n in range(1, 7)),
        *(f"BC{n}__" for n in range(1, 4)), *(f"TC{n}__" for n in range(1, 5)),
        *(f"UQ{n}__" for n in range(1, 4)), *(f"BQ{n}__" for n in range(1, 5)),
        *(f"TQ{n}__" for n in range(1, 5)),
    )  # fmt: skip

    def __init__(self, source: str) -> None:
        self.model: dict[str, dict[str, int]] = {}
        for name, body in re.findall(r"this\.(\w+__) = (\{.*?\});", source):
            self.model[name] = json.loads(body)
        bias = re.search(r"this\.BIAS__ = (-?\d+)", source)
        if not bias or "UW4__" not in self.model:
            raise LanguageError("tinyseg.js: cannot read the TinySegmenter model")
        self.bias = int(bias.group(1))
        self._ctypes: dict[str, str] = {}

    def ctype(self, char: str) -> str:
        """Character class of ``char`` as TinySegmenter defines it."""
        kind = self._ctypes.get(char)
        if kind is None:
            kind = next((k for pattern, k in self._TYPES if pattern.search(char)), "O")
            self._ctypes[char] = kind
        return kind

    def segment(self, text: str) -> list[str]:
        """Cut ``text`` into words, exactly as ``lunr.TinySegmenter.prototype.segment``."""
        if not text:
            return []
        # The model's tables as locals (this loop is the Japanese index's hot spot); a table the
        # model lacks scores 0, as in the JavaScript.
        t = {name: self.model.get(name, {}).get for name in self._TABLES}
        up1, up2, up3, bp1, bp2 = t["UP1__"], t["UP2__"], t["UP3__"], t["BP1__"], t["BP2__"]
        uw1, uw2, uw3, uw4, uw5, uw6 = (t[f"UW{n}__"] for n in range(1, 7))
        bw1, bw2, bw3 = t["BW1__"], t["BW2__"], t["BW3__"]
        tw1, tw2, tw3, tw4 = t["TW1__"], t["TW2__"], t["TW3__"], t["TW4__"]
        uc1, uc2, uc3, uc4, uc5, uc6 = (t[f"UC{n}__"] for n in range(1, 7))
        bc1, bc2, bc3 = t["BC1__"], t["BC2__"], t["BC3__"]
        tc1, tc2, tc3, tc4 = t["TC1__"], t["TC2__"], t["TC3__"], t["TC4__"]
        uq1, uq2, uq3 = t["UQ1__"], t["UQ2__"], t["UQ3__"]
        bq1, bq2, bq3, bq4 = t["BQ1__"], t["BQ2__"], t["BQ3__"], t["BQ4__"]
        tq1, tq2, tq3, tq4 = t["TQ1__"], t["TQ2__"], t["TQ3__"], t["TQ4__"]
        seg = ["B3", "B2", "B1", *text, "E1", "E2", "E3"]
        ctype = ["O", "O", "O", *map(self.ctype, text), "O", "O", "O"]
        result: list[str] = []
        word = seg[3]
        p1 = p2 = p3 = "U"
        for i in range(4, len(seg) - 3):
            w1, w2, w3, w4, w5, w6 = seg[i - 3 : i + 3]
            c1, c2, c3, c4, c5, c6 = ctype[i - 3 : i + 3]
            score = (
                self.bias
                + up1(p1, 0) + up2(p2, 0) + up3(p3, 0) + bp1(p1 + p2, 0) + bp2(p2 + p3, 0)
                + uw1(w1, 0) + uw2(w2, 0) + uw3(w3, 0) + uw4(w4, 0) + uw5(w5, 0) + uw6(w6, 0)
                + bw1(w2 + w3, 0) + bw2(w3 + w4, 0) + bw3(w4 + w5, 0)
                + tw1(w1 + w2 + w3, 0) + tw2(w2 + w3 + w4, 0)
                + tw3(w3 + w4 + w5, 0) + tw4(w4 + w5 + w6, 0)
                + uc1(c1, 0) + uc2(c2, 0) + uc3(c3, 0) + uc4(c4, 0) + uc5(c5, 0) + uc6(c6, 0)
                + bc1(c2 + c3, 0) + bc2(c3 + c4, 0) + bc3(c4 + c5, 0)
                + tc1(c1 + c2 + c3, 0) + tc2(c2 + c3 + c4, 0)
                + tc3(c3 + c4 + c5, 0) + tc4(c4 + c5 + c6, 0)
                + uq1(p1 + c1, 0) + uq2(p2 + c2, 0) + uq3(p3 + c3, 0)
                + bq1(p2 + c2 + c3, 0) + bq2(p2 + c3 + c4, 0)
                + bq3(p3 + c2 + c3, 0) + bq4(p3 + c3 + c4, 0)
                + tq1(p2 + c1 + c2 + c3, 0) + tq2(p2 + c2 + c3 + c4, 0)
                + tq3(p3 + c1 + c2 + c3, 0) + tq4(p3 + c2 + c3 + c4, 0)
            )  # fmt: skip
            p = "O"
            if score > 0:
                result.append(word)
                word = ""
                p = "B"
            p1, p2, p3 = p2, p3, p
            word += seg[i]
        result.append(word)
        return result


@cache
def tiny_segmenter() -> TinySegmenter:
    """The Japanese segmenter with the model the browser uses."""
    return TinySegmenter(_read("tinyseg.js"))


@cache
def thai_wordcut() -> Callable[[str], tuple[str, ...]]:
    """Thai words of a chunk as lunr.th's ``wordcut`` cuts them, with the browser's dictionary.

    Help articles repeat their chunks (headings, product names, "คำสั่งซื้อ"), so each distinct
    chunk is cut once.

    Raises:
        LanguageError: if ``wordcut.js`` cannot be read or holds no dictionary.
    """
    words = dictionary_words(_read("wordcut.js"))
    if not words:
        raise LanguageError(
            f"{material_lunr_dir() / 'wordcut.js'}: no Thai dictionary found; "
            "is this a supported Material?"
        )
    cutter = ThaiWordcut(words)
    return functools.lru_cache(maxsize=65536)(lambda chunk: tuple(cutter.cut(chunk)))
