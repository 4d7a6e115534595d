"""A deterministic help-centre corpus for benchmarks: articles x locales, in ``docs/<locale>/``."""

from __future__ import annotations

import random
import subprocess
from pathlib import Path

CATEGORIES = ("getting-started", "billing", "orders", "shipping", "returns", "account")
TYPES = ("faq", "guide", "troubleshooting")
LOCALES = ("en", "fr", "it", "es", "ja", "de", "pt", "nl", "zh", "sv", "ru")

_WORDS = {
    "en": "order parcel delivery refund payment card account password return label invoice "
    "address carrier tracking customer basket checkout discount voucher warehouse".split(),
    "fr": "commande colis livraison remboursement paiement carte compte mot passe retour "
    "étiquette facture adresse transporteur suivi client panier réduction".split(),
    "it": "ordine pacco consegna rimborso pagamento carta account password reso etichetta "
    "fattura indirizzo corriere tracciamento cliente carrello sconto".split(),
    "es": "pedido paquete entrega reembolso pago tarjeta cuenta contraseña devolución "
    "etiqueta factura dirección transportista seguimiento cliente carrito".split(),
    "ja": "注文 荷物 配送 返金 支払い カード アカウント パスワード 返品 ラベル 請求書 住所".split(),
    "de": "Bestellung Paket Lieferung Erstattung Zahlung Karte Konto Passwort Rücksendung "
    "Etikett Rechnung Adresse Versand Sendungsverfolgung Kunde Warenkorb".split(),
    "pt": "pedido pacote entrega reembolso pagamento cartão conta senha devolução etiqueta "
    "fatura endereço transportadora rastreamento cliente carrinho".split(),
    "nl": "bestelling pakket levering terugbetaling betaling kaart account wachtwoord retour "
    "label factuur adres vervoerder volgen klant winkelwagen".split(),
    "zh": "订单 包裹 配送 退款 付款 银行卡 账户 密码 "
    "退货 标签 发票 地址 快递 跟踪 客户 购物车".split(),
    "sv": "beställning paket leverans återbetalning betalning kort konto lösenord retur "
    "etikett faktura adress transportör spårning kund varukorg".split(),
    "ru": "заказ посылка доставка возврат оплата карта аккаунт пароль этикетка счёт адрес "
    "перевозчик отслеживание клиент корзина скидка".split(),
}


def _paragraph(rng: random.Random, words: list[str], length: int, joiner: str) -> str:
    return joiner.join(rng.choice(words) for _ in range(length)) + "."


def write_corpus(
    root: Path, *, articles: int = 150, locales: int = 11, translated: float = 0.8
) -> list[str]:
    """Write ``root/docs/<locale>/...``; returns the locale codes, default first.

    Every locale but the default translates ``translated`` of the articles, so fallbacks happen.
    """
    codes = list(LOCALES[:locales])
    for index, code in enumerate(codes):
        rng = random.Random(1000 + index)
        words = _WORDS[code]
        joiner = "" if code in ("ja", "zh") else " "
        folder = root / "docs" / code
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "index.md").write_text(
            f"---\ntitle: Help centre {code}\ndescription: Home\ntype: page\n---\n\n"
            + _paragraph(rng, words, 30, joiner)
            + "\n",
            encoding="utf-8",
        )
        for number in range(articles):
            if index and (number * 7919) % 100 >= translated * 100:
                continue
            category = CATEGORIES[number % len(CATEGORIES)]
            kind = TYPES[number % len(TYPES)]
            path = folder / category / f"article-{number:04d}.md"
            path.parent.mkdir(exist_ok=True)
            body = []
            for section in range(4):
                body.append(f"## {_paragraph(rng, words, 4, joiner)[:-1]} {{#s{section}}}\n")
                body.extend(_paragraph(rng, words, 40, joiner) + "\n" for _ in range(3))
            link = f"[{category}](article-{(number + len(CATEGORIES)) % articles:04d}.md)"
            path.write_text(
                f"---\ntitle: {_paragraph(rng, words, 5, joiner)[:-1]}\n"
                f"description: {_paragraph(rng, words, 10, joiner)}\n"
                f"category: {category}\ntype: {kind}\ntags: [t{number % 9}]\n"
                f"owner: team-{number % 5}\nreviewed: 2026-0{1 + number % 9}-1{number % 9}\n"
                f"order: {number}\n---\n\n" + "\n".join(body) + f"\nSee also {link}.\n",
                encoding="utf-8",
            )
    return codes


def baseline_package(revision: str, target: Path) -> Path:
    """The ``plugins/`` folder of this repository at ``revision``, unpacked into ``target``."""
    target.mkdir(parents=True)
    archive = subprocess.run(
        ["git", "archive", revision, "plugins"],
        cwd=Path(__file__).resolve().parent.parent,
        check=True,
        capture_output=True,
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(target)], input=archive, check=True)
    return target / "plugins"
