"""Locales beyond the reference content: the build and lunr.js still agree term for term."""

from __future__ import annotations

import shutil

import pytest

from browser_code import browser_terms
from conftest import missing
from helpcentre.search.languages import analyzer

# Inflected shop vocabulary: plurals, definite forms and participles the stemmers must fold.
SAMPLES = {
    "de": "Bestellungen Pakete Lieferungen Rückerstattungen Zahlungen Karten Konten Passwörter "
    "Rücksendungen Rechnungen Adressen Kunden Warenkörbe Rabatte geliefert bezahlt",
    "nl": "bestellingen pakketten leveringen terugbetalingen betalingen kaarten accounts "
    "wachtwoorden retouren facturen adressen klanten winkelwagens kortingen geleverd betaald",
    "pt": "pedidos pacotes entregas reembolsos pagamentos cartões contas senhas devoluções "
    "faturas endereços clientes carrinhos descontos entregue pagamento",
    "sv": "beställningar paketet leveranser återbetalningen betalningar kortet kontot lösenordet "
    "returer etiketten fakturor adressen transportören spårningen kunderna varukorgen rabatter",
    "ru": "заказы посылки доставка возвраты оплаты карты аккаунтов пароли этикетки счета адреса "
    "перевозчики отслеживание клиентов корзины скидки доставлены оплачено",
    "da": "bestillinger pakker leveringer refusioner betalinger kortet kontoen adgangskoden "
    "returneringer fakturaer adresser kunderne indkøbskurven rabatter leveret",
    "no": "bestillinger pakkene leveranser refusjoner betalinger kortet kontoen passordet returer "
    "fakturaer adressene kundene handlekurven rabatter levert",
    "fi": "tilaukset paketit toimitukset palautukset maksut kortit tilit salasanat laskut "
    "osoitteet asiakkaat ostoskorit alennukset toimitettu maksettiin",
    "ro": "comenzile coletele livrările rambursările plățile cardurile conturile parolele "
    "facturile adresele clienții coșurile reducerile livrat",
    "hu": "rendelések csomagok szállítások visszatérítések fizetések kártyák fiókok jelszavak "
    "számlák címek ügyfelek kosarak kedvezmények kiszállították",
}


@pytest.mark.parametrize("locale", sorted(SAMPLES))
def test_python_and_lunr_js_agree(locale: str) -> None:
    if not shutil.which("node"):
        missing("node is not installed")
    rules = analyzer(locale)
    words = rules.words(SAMPLES[locale])
    assert len(words) >= 14
    assert browser_terms(locale, words) == [rules.terms(word) for word in words]
    assert len(rules.stops) > 50  # read from the lunr-languages file Material ships
    # The stemmer folds at least some inflections: fewer distinct terms than distinct words.
    terms = [term for word in words for term in rules.terms(word)]
    assert len(set(terms)) <= len(set(words))
