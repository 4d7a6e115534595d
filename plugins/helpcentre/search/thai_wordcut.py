"""Thai word cutting as lunr-languages' Thai tokenizer does it (``wordcut``), for the build.

Thai writes no spaces between words. lunr.th cuts text with ``wordcut`` (Vee Satayamas), which
Material ships browserified as ``wordcut.js`` with its Thai dictionary. This is the same
algorithm written in Python, with the dictionary read at run time from that very file, so that
the build and the browser cut every Thai run at the same places.

How wordcut cuts: it walks the text one UTF-16 code unit at a time. At each position a set of
acceptors is alive -- one per rule that could be reading a word ending here: the dictionary
(one acceptor per start position, walking a prefix of the sorted word list), runs of Latin
letters, of ASCII digits, of spaces, single symbols, one Thai spelling pattern and "parts"
(syllable shapes that glue onto the previous piece). Every acceptor that has just completed a
word offers a path: the best path up to the word's start plus the word. The path with the
fewest unknown characters, then the fewest words, wins; where no acceptor completes, the
character is unknown and joins the text since the last known boundary. The cut is read back
from the end along the chosen paths. The quirks that decide real cuts are kept as wordcut has
them (the unknown run restarting from the path entry *before* the last boundary, tone marks
reaching one piece further back, parts rewriting earlier entries even when not chosen).
"""

from __future__ import annotations

import re

# The dictionary inside the bundle: one JavaScript string of words separated by "\n".
_DICTIONARY = re.compile(r'var words = "((?:[^"\\]|\\.)*)"\s*\.split\(')
_SPACES = frozenset(" \t\r\n\u00a0\u2003")
_SYMBOLS = frozenset('@()/,-."`')
# wordcut's only spelling rule (a consonant cluster it would otherwise leave unknown), and the
# shapes of a syllable that attaches to what precedes it.
_THAI_RULE = "เหก็ม"
_PARTS = ("แก", "เก", "ก้", "กก์", "กา", "กี", "กิ", "กืก")

# Acceptor kinds, in the order wordcut creates them (the order breaks ties between paths).
# Runs (Latin letters, spaces, digits) start only where no acceptor of theirs goes on; the
# others start at every character.
_WORD, _SPACE, _SYMBOL, _NUMBER, _PATTERN, _PART, _DICT = range(7)
_RUNS = (_WORD, _SPACE, _NUMBER)
_UNK, _START = -1, -2
# Tone marks and the signs written above a letter (U+0E48-U+0E4E): an unknown one of them
# reaches one piece further back, as in wordcut.
_TONE_MARKS = frozenset(chr(code) for code in range(0x0E48, 0x0E4F))
_CONSONANTS = frozenset(chr(code) for code in range(0x0E01, 0x0E2F))
_TONES = frozenset("\u0e48\u0e49\u0e4a\u0e4b")


def _matches(pattern: str, offset: int, char: str) -> bool:
    """Whether ``char`` fits ``pattern`` at ``offset`` (ก ข ม บ stand for any consonant, ้ for
    any tone mark)."""
    if len(pattern) <= offset:
        return False
    wanted = pattern[offset]
    return (
        wanted == char
        or (wanted in "กขมบ" and char in _CONSONANTS)
        or (wanted == "\u0e49" and char in _TONES)
    )


class _Step:
    """One entry of the path: the best way found to cut the text up to here."""

    __slots__ = ("merge", "start", "type", "unknown", "words")

    def __init__(self, start: int, words: int, unknown: int, kind: int) -> None:
        self.start = start
        self.words = words
        self.unknown = unknown
        self.type = kind
        #: Where a part glued onto this piece makes the piece start (``None``: not glued).
        self.merge: int | None = None


def dictionary_words(source: str) -> frozenset[str]:
    """The words of wordcut's dictionary in ``source`` (``wordcut.js``), as wordcut keeps them
    (longer than one character); empty when the file holds none."""
    match = _DICTIONARY.search(source)
    if not match:
        return frozenset()
    return frozenset(word for word in match.group(1).split("\\n") if len(word) > 1)


class ThaiWordcut:
    """wordcut's cutter over a dictionary (``dictionary_words`` of Material's ``wordcut.js``)."""

    def __init__(self, words: frozenset[str]) -> None:
        # A prefix tree answers what wordcut's binary searches over the sorted list answer: can
        # the prefix go on with this character, and is the prefix itself a word.
        self.tree: dict[str, dict] = {}
        for word in words:
            node = self.tree
            for char in word:
                node = node.setdefault(char, {})
            node[""] = {}
        self.size = len(words)

    def cut(self, text: str) -> list[str]:
        """Cut ``text`` into pieces, exactly as ``lunr.wordcut.cut(text).split("|")``.

        The pieces cover ``text`` from end to end; an empty text gives no pieces.
        """
        # JavaScript strings index UTF-16 code units; characters beyond the BMP are two here too.
        astral = any(ord(char) > 0xFFFF for char in text)
        units = _utf16_units(text) if astral else text
        path = self._path(units)
        return [_joined(units[start:end], astral) for start, end in _ranges(path)]

    def _path(self, text: str | list[str]) -> list[_Step]:
        path = [_Step(-1, 0, 0, _START)]
        # Alive acceptors as [kind, offset, final, state]; state: a tree node (dictionary),
        # the patterns left (parts), unused otherwise.
        alive: list[list] = []
        boundary = 0
        tree = self.tree
        for i, char in enumerate(text):
            running = {acceptor[0] for acceptor in alive}
            created = [
                [kind, 0, False, None]
                for kind in (_WORD, _SPACE, _SYMBOL, _NUMBER)
                if kind not in _RUNS or kind not in running
            ]
            created += [
                [_PATTERN, 0, False, None],
                [_PART, 0, False, _PARTS],
                [_DICT, 0, False, tree],
            ]
            alive = [acceptor for acceptor in alive + created if _transit(acceptor, char)]
            best: _Step | None = None
            for kind, offset, final, _state in alive:
                if not final:
                    continue
                start = i - offset + 1
                before = path[start]
                unknown = before.unknown + (1 if kind == _PART else 0)
                step = _Step(start, before.words + 1, unknown, kind)
                if kind == _PART:
                    for j in range(start + 1, i + 1):
                        path[j].merge = start
                    step.merge = start
                # wordcut also compares a third count ("mw") that no acceptor ever raises
                if best is None or (step.unknown, step.words) < (best.unknown, best.words):
                    best = step
            if best is None:
                before = path[boundary]
                start = boundary
                if char in _TONE_MARKS and boundary != 0:
                    start = path[boundary].start
                best = _Step(start, before.words + 1, before.unknown + 1, _UNK)
            path.append(best)
            if best.type != _UNK:
                boundary = i
        return path


def _transit(acceptor: list, char: str) -> bool:
    """Move ``acceptor`` on by ``char``; ``False`` when it cannot read it (it dies)."""
    kind, offset = acceptor[0], acceptor[1]
    if kind == _DICT:
        node = acceptor[3].get(char)
        if node is None:
            return False
        acceptor[3] = node
        acceptor[2] = "" in node
    elif kind == _WORD:
        if not "a" <= char.lower() <= "z":
            return False
        acceptor[2] = True
    elif kind == _NUMBER:
        if not "0" <= char <= "9":
            return False
        acceptor[2] = True
    elif kind == _SPACE:
        if char not in _SPACES:
            return False
        acceptor[2] = True
    elif kind == _SYMBOL:
        if offset != 0 or char not in _SYMBOLS:
            return False
        acceptor[2] = True
    elif kind == _PATTERN:
        if not _matches(_THAI_RULE, offset, char):
            return False
        acceptor[2] = offset + 1 == len(_THAI_RULE)
    else:  # a part
        patterns = tuple(pattern for pattern in acceptor[3] if _matches(pattern, offset, char))
        if not patterns:
            return False
        acceptor[3] = patterns
        acceptor[2] = any(len(pattern) == offset + 1 for pattern in patterns)
    acceptor[1] = offset + 1
    return True


def _ranges(path: list[_Step]) -> list[tuple[int, int]]:
    """The pieces' [start, end) read back from the end of the path, parts glued on."""
    ranges: list[list[int]] = []
    end = len(path) - 1
    while end > 0:
        step = path[end]
        start = step.start
        if step.merge is not None and ranges:
            ranges[-1][0] = step.merge
            start = step.merge
        else:
            ranges.append([start, end])
        end = start
    return [(start, end) for start, end in reversed(ranges)]


def _utf16_units(text: str) -> list[str]:
    units: list[str] = []
    for char in text:
        code = ord(char)
        if code > 0xFFFF:
            code -= 0x10000
            units += [chr(0xD800 + (code >> 10)), chr(0xDC00 + (code & 0x3FF))]
        else:
            units.append(char)
    return units


def _joined(units: str | list[str], astral: bool) -> str:
    if not astral:
        return units  # type: ignore[return-value]
    return "".join(units).encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass")
