"""A help centre in English, Arabic, Hebrew and Persian, written to tmp_path without helpcentre
front matter beyond what a writer adds, for the right-to-left tests.

Persian has no lunr-languages rules (the generic ones apply); one English article has no Arabic
translation (a fallback page) and one Arabic translation is older than its English source (an
outdated notice).
"""

from __future__ import annotations

from pathlib import Path

from conftest import git

LOCALES = ("en", "ar", "he", "fa")

ENGLISH_ARTICLE = """\
---
title: Track your order
---

Follow your parcel from your account. The tracking number arrives by email as soon as the order
leaves our warehouse, usually within one working day.

## Where is my parcel? {#where}

Open **My account**, then **Orders**, and select the order. The carrier's page shows where the
parcel is and when it should arrive.

## The tracking number does not work {#not-working}

A new tracking number can take up to 24 hours to show at the carrier. Try again the next day.

## The parcel is late {#late}

If the parcel has not arrived five working days after the expected date, contact us.
"""

ARABIC_ARTICLE = """\
---
title: تتبع طلبك
---

تابع طردك من حسابك. يصلك رقم التتبع بالبريد الإلكتروني فور خروج الطلب من مستودعنا، عادةً خلال يوم
عمل واحد. يمكنك أيضاً معرفة حالة الطلب في أي وقت من صفحة الطلبات.

## أين طردي؟ {#where}

افتح **حسابي**، ثم **الطلبات**، واختر الطلب. تعرض صفحة شركة الشحن مكان الطرد وموعد وصوله المتوقع.

## رقم التتبع لا يعمل {#not-working}

قد يستغرق ظهور رقم التتبع الجديد لدى شركة الشحن ما يصل إلى أربع وعشرين ساعة. حاول مرة أخرى في اليوم
التالي.

## تأخر الطرد {#late}

إذا لم يصل الطرد بعد خمسة أيام عمل من الموعد المتوقع، تواصل معنا.
"""

TREES = {
    "en": {
        "index.md": "# Help centre\n\nAnswers about your orders.\n",
        "Orders/Track your order.md": ENGLISH_ARTICLE,
        "Orders/Cancel an order.md": (
            "---\ntitle: Cancel an order\n---\n\nCancel an order from your account before it "
            "is prepared.\n"
        ),
        "contact.md": ("---\ntitle: Contact us\ntype: contact\n---\n\nWrite to us at any time.\n"),
    },
    "ar": {
        "index.md": "# مركز المساعدة\n\nإجابات عن طلباتك.\n",
        "Orders/Track your order.md": ARABIC_ARTICLE,
        "contact.md": ("---\ntitle: اتصل بنا\ntype: contact\n---\n\nراسلنا في أي وقت.\n"),
    },
    "he": {
        "index.md": "# מרכז העזרה\n\nתשובות על ההזמנות שלך.\n",
        "Orders/Track your order.md": (
            "---\ntitle: מעקב אחר ההזמנה\n---\n\nעקבו אחר החבילה מהחשבון שלכם. מספר המעקב "
            "נשלח בדואר אלקטרוני.\n"
        ),
    },
    "fa": {
        "index.md": "# مرکز راهنما\n\nپاسخ پرسش‌های شما دربارهٔ سفارش‌ها.\n",
        "Orders/Track your order.md": (
            "---\ntitle: پیگیری سفارش\n---\n\nبسته خود را از حساب کاربری پیگیری کنید. شماره "
            "پیگیری با ایمیل ارسال می‌شود.\n"
        ),
    },
}

CONFIG = """\
site_name: Shop Help
site_url: {site_url}
theme:
  name: material
  font: false
  features:
    - navigation.sections
markdown_extensions:
  - toc:
      permalink: true
  - attr_list
plugins:
  - search
  - helpcentre/search
  - helpcentre/i18n:
      default_locale: en
      locales:
{locales}
  - helpcentre/content:
      contact_channels:
        - id: email
          kind: email
          value: help@shop.example
          hours: always
          response: 1d
  - helpcentre/feedback:
      endpoint: /api/v1
"""


def write_rtl_tree(project: Path, *, site_url: str = "https://help.shop.example/") -> Path:
    """Write the four-locale help centre into ``project`` as a git repository; returns its
    ``mkdocs.yml``. The Arabic article is committed before its English source last changed."""
    locales = "\n".join(f"        - locale: {code}" for code in LOCALES)
    config = project / "mkdocs.yml"
    project.mkdir(parents=True, exist_ok=True)
    config.write_text(CONFIG.format(locales=locales, site_url=site_url), encoding="utf-8")
    for code, articles in TREES.items():
        for name, text in articles.items():
            target = project / "docs" / code / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
    git(project, "init", "-q", "-b", "main")
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "Help centre", date="2026-10-01T10:00:00+00:00")
    english = project / "docs" / "en" / "Orders" / "Track your order.md"
    english.write_text(ENGLISH_ARTICLE + "\nParcels sent abroad take longer.\n", encoding="utf-8")
    git(project, "commit", "-qam", "Parcels abroad", date="2026-11-01T10:00:00+00:00")
    return config
