"""Personal data in readers' text replaced by placeholders before anything is stored.

Readers type all sorts of things into a search box or a comment: ``refund for
john.doe@example.com``, a phone number to be called back on, a card number. None of it may reach
the database, an export or a report, so :func:`redact` runs on every query and comment as it is
validated, before the record exists. What it replaces:

=============  ===============================================================================
``[email]``    addresses such as ``jane.doe+help@example.co.uk``, ``ü@exämple.de``
``[iban]``     IBANs, compact or in groups of four, whose mod-97 check digits are right
``[card]``     13 to 19 digits, spaced or dashed as printed, that pass the Luhn check
``[ip]``       IPv4 addresses
``[id]``       numbers written like a US social security number (``123-45-6789``)
``[phone]``    an international number (``+44 20 7946 0958``, ``0049 30 1234567``), a grouped
               number of 9 to 15 digits (``(555) 123-4567``, ``06 12 34 56 78``), or an
               unbroken run of 10 to 15 digits starting with a trunk ``0`` (``0612345678``)
=============  ===============================================================================

What is left alone on purpose: short numbers a reader means as data (``order 12345``, ``size
42``, ``error 0x80070005``), dates (``2025-01-31``, ``31.01.2025``), and digit runs that fail the
checks above, such as an order number of 10 digits that does not start with 0. A rule that
replaced every long number would lose the queries an editor most needs ("invoice 2025001234").
"""

from __future__ import annotations

import re

EMAIL = "[email]"
IBAN = "[iban]"
CARD = "[card]"
IP = "[ip]"
ID = "[id]"
PHONE = "[phone]"

_EMAIL = re.compile(r"(?<![\w.+-])[\w.!#$%&'*+/=?^`{|}~-]+@[\w-]+(?:\.[\w-]+)+")
_IBAN = re.compile(
    r"(?<![\w])[A-Z]{2}\d{2}(?:[A-Z0-9]{11,30}|(?: [A-Z0-9]{4}){2,7}(?: [A-Z0-9]{1,3})?)(?![\w])",
    re.IGNORECASE,
)
_IPV4 = re.compile(r"(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?![\w.])")
_SSN = re.compile(r"(?<![\w-])\d{3}-\d{2}-\d{4}(?![\w-])")
# A run of digits with the separators people print numbers with: spaces (also no-break), dashes,
# dots, slashes and parentheses, optionally after + or (.
_NUMBER = re.compile(r"(?<![\w+.\-/])(?:\+|\(\+?)?\d(?:[\d\-./() \u00a0\u202f]*\d)?(?![\w])")
_SEPARATORS = re.compile(r"[\-./() \u00a0\u202f]")


def luhn_valid(digits: str) -> bool:
    """Whether a string of digits passes the Luhn check of payment card numbers."""
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char)
        if position % 2:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total % 10 == 0


def iban_valid(text: str) -> bool:
    """Whether ``text`` (spaces allowed) is an IBAN with correct mod-97 check digits."""
    compact = text.replace(" ", "").upper()
    if not 15 <= len(compact) <= 34:
        return False
    rearranged = compact[4:] + compact[:4]
    number = "".join(str(int(char, 36)) for char in rearranged)
    return int(number) % 97 == 1


def _iban(match: re.Match[str]) -> str:
    return IBAN if iban_valid(match.group(0)) else match.group(0)


def _number(match: re.Match[str]) -> str:
    text = match.group(0)
    digits = re.sub(r"\D", "", text)
    grouped = bool(_SEPARATORS.search(text))
    count = len(digits)
    if 13 <= count <= 19 and luhn_valid(digits):
        return CARD
    international = text.startswith(("+", "(+")) or (text.startswith("00") and grouped)
    if international and 7 <= count <= 15:
        return PHONE
    if grouped and 9 <= count <= 15:
        return PHONE
    if not grouped and 10 <= count <= 15 and digits.startswith("0"):
        return PHONE
    return text


def redact(text: str) -> str:
    """Return ``text`` with personal identifiers replaced by placeholders (see the module)."""
    if not any(char.isdigit() or char == "@" for char in text):
        return text
    text = _EMAIL.sub(EMAIL, text)
    text = _IBAN.sub(_iban, text)
    text = _IPV4.sub(IP, text)
    text = _SSN.sub(ID, text)
    return _NUMBER.sub(_number, text)
