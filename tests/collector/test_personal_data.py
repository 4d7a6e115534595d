"""Personal data in queries and comments is replaced before it is stored; ordinary text is not."""

from __future__ import annotations

import pytest

from helpcentre.collector.personal_data import iban_valid, luhn_valid, redact

# (text a reader typed, what may be stored): emails, phones, cards, IBANs and other identifiers in
# several languages, scripts and the formats people print them in.
SAMPLES = [
    # email addresses
    ("refund for john.doe@example.com", "refund for [email]"),
    ("remboursement pour marie.dupont@orange.fr svp", "remboursement pour [email] svp"),
    ("Rückerstattung an jürgen.müller@gmx.de", "Rückerstattung an [email]"),
    ("mi correo es ana_garcia+ayuda@correo.es", "mi correo es [email]"),
    ("メール: taro.yamada@example.co.jp に返信", "メール: [email] に返信"),
    ("contact: O'Brien@sub.mail.example.ie.", "contact: [email]."),
    ("pedido 4711 y mi email pedro@example.com.mx", "pedido 4711 y mi email [email]"),
    ("<jan.kowalski@wp.pl>", "<[email]>"),
    ("два адреса: ivan@yandex.ru, olga@mail.ru", "два адреса: [email], [email]"),
    ("help@例え.jp not working", "[email] not working"),
    # phone numbers
    ("call me on +44 20 7946 0958", "call me on [phone]"),
    ("rappelez-moi au 06 12 34 56 78", "rappelez-moi au [phone]"),
    ("rappel 0612345678", "rappel [phone]"),
    ("Rückruf bitte: 0049 30 1234567", "Rückruf bitte: [phone]"),
    ("Tel. +49 (0)30 123456-78", "Tel. [phone]"),
    ("my number is (555) 123-4567", "my number is [phone]"),
    ("555-123-4567 call back", "[phone] call back"),
    ("llámame al +34 612 34 56 78", "llámame al [phone]"),
    ("電話 090-1234-5678 まで", "電話 [phone] まで"),
    ("tel 07700 900123", "tel [phone]"),
    ("+1.415.555.2671 is my cell", "[phone] is my cell"),
    ("WhatsApp +31612345678", "WhatsApp [phone]"),
    ("numero 333\u00a0123\u00a04567", "numero [phone]"),
    ("chiamatemi 02/1234 5678", "chiamatemi [phone]"),
    # payment card numbers (Luhn-valid)
    ("card 4111 1111 1111 1111 declined", "card [card] declined"),
    ("carte 4242424242424242 refusée", "carte [card] refusée"),
    ("Karte 5555-5555-5555-4444 abgelehnt", "Karte [card] abgelehnt"),
    ("amex 3782 822463 10005", "amex [card]"),
    ("discover 6011111111111117", "discover [card]"),
    ("tarjeta 5105 1051 0510 5100", "tarjeta [card]"),
    ("JCB 3530111333300000 エラー", "JCB [card] エラー"),
    ("visa 4012888888881881, expiry 12/27", "visa [card], expiry 12/27"),
    ("diners 3056 930902 5904", "diners [card]"),
    ("charged twice on 4000 0566 5566 5556", "charged twice on [card]"),
    # IBANs
    ("IBAN DE89 3704 0044 0532 0130 00 bitte", "IBAN [iban] bitte"),
    ("virement sur FR14 2004 1010 0505 0001 3M02 606", "virement sur [iban]"),
    ("GB82 WEST 1234 5698 7654 32 refund", "[iban] refund"),
    ("rekening NL91ABNA0417164300", "rekening [iban]"),
    ("cuenta ES91 2100 0418 4502 0005 1332", "cuenta [iban]"),
    ("conto IT60X0542811101000000123456", "conto [iban]"),
    ("be68 5390 0754 7034 lowercase", "[iban] lowercase"),
    ("Konto CH93 0076 2011 6238 5295 7", "Konto [iban]"),
    ("AT611904300234573201", "[iban]"),
    ("przelew PL61 1090 1014 0000 0712 1981 2874", "przelew [iban]"),
    # other identifiers
    ("ssn 123-45-6789 on file", "ssn [id] on file"),
    ("my ip is 192.168.10.20", "my ip is [ip]"),
    ("blocked from 203.0.113.7?", "blocked from [ip]?"),
    # several at once
    (
        "jane@example.org, +44 7700 900123, 4111111111111111",
        "[email], [phone], [card]",
    ),
    ("IBAN DE89370400440532013000 / tel 0170 1234567", "IBAN [iban] / tel [phone]"),
    ("Kontakt: max@firma.de oder 030 12345678", "Kontakt: [email] oder [phone]"),
]

# Ordinary queries: numbers readers mean as data stay exactly as typed.
ORDINARY = [
    "order 12345",
    "size 42",
    "commande 98765 pas reçue",
    "Bestellung 2025001234",
    "error 0x80070005",
    "delivery 2025-01-31",
    "lieferung am 31.01.2025",
    "iPhone 15 Pro Max 256 GB",
    "track order #A-12345",
    "24/7 support",
    "size 10.5 shoes",
    "version 1.2.3",
    "1 000 points",
    "return within 30 days",
    "配送 3日",
    "4111 1111 1111 1112",  # fails the Luhn check: 16 digits grouped, not a card, not a phone
    "DE00 1234 5678 9012 3456 78 x",  # wrong IBAN check digits; grouped digits stay
    "contact@ without domain",
    "",
]


def test_there_are_at_least_fifty_samples() -> None:
    assert len(SAMPLES) >= 50


@pytest.mark.parametrize(("typed", "stored"), SAMPLES)
def test_identifiers_are_replaced(typed: str, stored: str) -> None:
    assert redact(typed) == stored


@pytest.mark.parametrize("typed", ORDINARY[:-3])
def test_ordinary_text_is_left_intact(typed: str) -> None:
    assert redact(typed) == typed


def test_near_misses_are_not_taken_for_cards_or_ibans() -> None:
    assert "[card]" not in redact("4111 1111 1111 1112")
    assert "[iban]" not in redact("DE00 1234 5678 9012 3456 78 x")
    assert redact("contact@ without domain") == "contact@ without domain"
    assert redact("") == ""


def test_checks() -> None:
    assert luhn_valid("4111111111111111") and not luhn_valid("4111111111111112")
    assert iban_valid("DE89 3704 0044 0532 0130 00") and not iban_valid("DE88370400440532013000")
