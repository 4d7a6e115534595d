"""The 13 further languages lunr-languages covers: the build and the browser agree word for word.

Each sample is help-centre text as the language writes it, with inflected forms (plurals,
possessives, case endings, attached particles and prepositions), numbers and punctuation. node
runs the worker's code with the lunr-languages files Material ships.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import snowballstemmer

from browser_code import browser_terms, run_in_node
from conftest import missing
from helpcentre.search.languages import LOCALES, analyzer

from .help_prose import PROSE
from .sites import serve
from .test_generic_languages import locations, strict_build

RESULTS = ".md-search-result__list > li"
ROOT = Path(__file__).resolve().parents[2]

SAMPLES = {
    "ar": "كيف أتتبع طلبي؟ بعد شحن الطلب نرسل إليك رسالة بريد إلكتروني تحتوي على رقم التتبع. "
    "يمكنك متابعة طلباتك من صفحة حسابي، واختيار الطلبات ثم تفاصيل الشحنة. إذا تأخرت الشحنات "
    "أكثر من 5 أيام عمل، تواصل مع خدمة العملاء. المبالغ المستردة تصل إلى بطاقتك خلال 14 يوماً، "
    "وتظهر الاستردادات في كشف الحساب. لتغيير عنوان التوصيل قبل الشحن، افتح الطلب واضغط على "
    "تعديل العنوان. المدفوعات بالبطاقات الائتمانية آمنة، ونقبل الدفع عند الاستلام في بعض المدن.",
    "el": "Πώς παρακολουθώ την παραγγελία μου; Μόλις αποσταλεί η παραγγελία, σας στέλνουμε "
    "email με τον αριθμό αποστολής. Μπορείτε να δείτε όλες τις παραγγελίες σας στον λογαριασμό "
    "σας. Οι επιστροφές χρημάτων ολοκληρώνονται σε 14 εργάσιμες ημέρες. Αν η διεύθυνση "
    "παράδοσης είναι λάθος, αλλάξτε τη διεύθυνση πριν την αποστολή. Δεχόμαστε πληρωμές με "
    "κάρτες, και οι πληρωμή με αντικαταβολή κοστίζει 2,50 €. Ελαττωματικά προϊόντα "
    "αντικαθίστανται δωρεάν.",
    "he": "איך עוקבים אחרי ההזמנה שלי? לאחר שליחת ההזמנה נשלח אליכם דואר אלקטרוני עם מספר "
    "המעקב. את כל ההזמנות שלכם אפשר לראות בחשבון. החזרים כספיים מגיעים לכרטיס תוך 14 ימי "
    "עסקים. כדי לשנות את כתובת המשלוח, פתחו את ההזמנה ולחצו על עריכת הכתובת. המשלוחים "
    "לחו״ל לוקחים עד 10 ימים. תשלומים בכרטיסי אשראי מאובטחים, וניתן לשלם גם בהעברה בנקאית.",
    "hi": "मैं अपने ऑर्डर को कैसे ट्रैक करूँ? ऑर्डर भेजे जाने के बाद हम आपको ट्रैकिंग नंबर के "
    "साथ ईमेल भेजते हैं। आप अपने खाते में सभी ऑर्डरों की स्थिति देख सकते हैं। रिफ़ंड 14 "
    "कार्यदिवसों में आपके कार्ड पर पहुँच जाते हैं। डिलीवरी का पता बदलने के लिए ऑर्डर खोलें और "
    "पता संपादित करें। कार्डों से भुगतान सुरक्षित है, और कुछ शहरों में डिलीवरी पर नकद भुगतान "
    "भी स्वीकार किया जाता है। खराब सामान बदल दिया जाएगा।",
    "hy": "Ինչպե՞ս հետևել պատվերիս։ Պատվերն ուղարկելուց հետո մենք ձեզ էլ. նամակ ենք ուղարկում "
    "հետևման համարով։ Ձեր բոլոր պատվերները կարող եք տեսնել ձեր հաշվում։ Գումարի "
    "վերադարձները կատարվում են 14 աշխատանքային օրվա ընթացքում։ Առաքման հասցեն փոխելու համար "
    "բացեք պատվերը և խմբագրեք հասցեն։ Քարտերով վճարումներն անվտանգ են։",
    "kn": "ನನ್ನ ಆರ್ಡರ್ ಅನ್ನು ಹೇಗೆ ಟ್ರ್ಯಾಕ್ ಮಾಡುವುದು? ಆರ್ಡರ್ ಕಳುಹಿಸಿದ ನಂತರ ನಾವು ನಿಮಗೆ ಟ್ರ್ಯಾಕಿಂಗ್ "
    "ಸಂಖ್ಯೆಯೊಂದಿಗೆ ಇಮೇಲ್ ಕಳುಹಿಸುತ್ತೇವೆ. ನಿಮ್ಮ ಖಾತೆಯಲ್ಲಿ ಎಲ್ಲಾ ಆರ್ಡರ್‌ಗಳನ್ನು ನೋಡಬಹುದು. ಮರುಪಾವತಿಗಳು "
    "14 ಕೆಲಸದ ದಿನಗಳಲ್ಲಿ ನಿಮ್ಮ ಕಾರ್ಡ್‌ಗೆ ತಲುಪುತ್ತವೆ. ವಿತರಣಾ ವಿಳಾಸವನ್ನು ಬದಲಾಯಿಸಲು ಆರ್ಡರ್ ತೆರೆಯಿರಿ.",
    "ko": "주문을 어떻게 추적하나요? 주문이 발송되면 운송장 번호가 담긴 이메일을 보내 드립니다. "
    "내 계정의 주문 내역에서 모든 주문의 배송 상태를 확인할 수 있습니다. 환불은 영업일 기준 "
    "14일 이내에 카드로 처리됩니다. 배송지를 변경하려면 발송 전에 주문 상세에서 주소 변경을 "
    "누르세요. 카드 결제는 안전하며, 일부 지역에서는 착불 결제도 가능합니다. 불량 상품은 "
    "무료로 교환해 드립니다. 비밀번호를 잊으셨나요? 로그인 화면에서 재설정할 수 있습니다.",
    "sa": "मम आदेशः कुत्र अस्ति? आदेशस्य प्रेषणानन्तरं वयं भवते अनुसरणसङ्ख्यया सह पत्रं प्रेषयामः। "
    "भवतः खाते सर्वे आदेशाः द्रष्टुं शक्यन्ते। धनप्रत्यर्पणं 14 दिनेषु भवति। वितरणस्य सङ्केतं "
    "परिवर्तयितुं आदेशं उद्घाटयतु।",
    "ta": "என் ஆர்டரை எப்படிக் கண்காணிப்பது? ஆர்டர் அனுப்பப்பட்ட பிறகு கண்காணிப்பு எண்ணுடன் "
    "மின்னஞ்சல் அனுப்புவோம். உங்கள் கணக்கில் எல்லா ஆர்டர்களையும் பார்க்கலாம். பணத்தைத் "
    "திரும்பப் பெறுதல் 14 வேலை நாட்களில் உங்கள் அட்டைக்கு வரும். விநியோக முகவரியை மாற்ற "
    "ஆர்டரைத் திறக்கவும். அட்டைகள் மூலம் பணம் செலுத்துவது பாதுகாப்பானது.",
    "te": "నా ఆర్డర్‌ను ఎలా ట్రాక్ చేయాలి? ఆర్డర్ పంపిన తర్వాత ట్రాకింగ్ నంబర్‌తో ఇమెయిల్ "
    "పంపుతాము. మీ ఖాతాలో అన్ని ఆర్డర్లను చూడవచ్చు. రీఫండ్‌లు 14 పని దినాలలో మీ కార్డుకు "
    "చేరుతాయి. డెలివరీ చిరునామాను మార్చడానికి ఆర్డర్‌ను తెరవండి. కార్డులతో చెల్లింపులు సురక్షితం.",
    "th": "ฉันจะติดตามคำสั่งซื้อได้อย่างไร เมื่อจัดส่งคำสั่งซื้อแล้ว เราจะส่งอีเมลพร้อมหมายเลข"
    "ติดตามพัสดุให้คุณ คุณสามารถดูคำสั่งซื้อทั้งหมดได้ในบัญชีของคุณ การคืนเงินจะเข้าบัตรภายใน "
    "14 วันทำการ หากต้องการเปลี่ยนที่อยู่จัดส่ง ให้เปิดคำสั่งซื้อแล้วแก้ไขที่อยู่ก่อนการจัดส่ง "
    "การชำระเงินด้วยบัตรเครดิตปลอดภัย และบางพื้นที่รับชำระเงินปลายทาง สินค้าชำรุดเปลี่ยนได้ฟรี "
    "ลืมรหัสผ่าน? ขอรหัสยืนยันทาง SMS ได้ หรือคืนเงินผ่าน PayPal ภายใน 3-5 วัน",
    "tr": "Siparişimi nasıl takip ederim? Siparişiniz kargoya verildikten sonra size takip "
    "numarasını içeren bir e-posta göndeririz. Tüm siparişlerinizi hesabınızdaki Siparişlerim "
    "sayfasından görebilirsiniz. İadeler 14 iş günü içinde kartınıza yansır; iade edilen "
    "ürünlerin kargo ücretini biz öderiz. Teslimat adresini değiştirmek için siparişi açın ve "
    "adresi düzenleyin. Kartlarla yapılan ödemeler güvenlidir, bazı şehirlerde kapıda ödeme de "
    "mümkündür. Kusurlu ürünleri ücretsiz değiştiriyoruz. Şifrenizi mi unuttunuz? Giriş "
    "ekranından şifrenizi sıfırlayabilirsiniz. Faturalarınız e-postayla gönderilir.",
    "vi": "Làm thế nào để theo dõi đơn hàng của tôi? Sau khi đơn hàng được gửi đi, chúng tôi sẽ "
    "gửi cho bạn email có mã vận đơn. Bạn có thể xem tất cả đơn hàng trong tài khoản của mình. "
    "Tiền hoàn lại sẽ về thẻ trong vòng 14 ngày làm việc. Để thay đổi địa chỉ giao hàng, hãy mở "
    "đơn hàng và sửa địa chỉ trước khi giao. Thanh toán bằng thẻ là an toàn, và một số thành "
    "phố nhận thanh toán khi nhận hàng. Sản phẩm lỗi được đổi miễn phí.",
}

#: For each language, a query in another form than the article's title writes it, and the word
#: of the title it must find: a stemmed form (Turkish), or a prefix the searcher completes.
INFLECTED = {
    "ar": ("المبالغ المستردة", "استرداد المبالغ المستردة"),
    "el": ("επιστροφές", "Επιστροφές χρημάτων"),
    "he": ("החזרים", "החזרים כספיים"),
    "hi": ("रिफ़ंड", "रिफ़ंड की स्थिति"),
    "hy": ("վերադարձ", "Գումարի վերադարձները"),
    "kn": ("ಮರುಪಾವತಿ", "ಮರುಪಾವತಿಗಳು"),
    # Another ending on the typed word than on the title's ("to leave and", "will leave")
    "ko": ("탈퇴하고 싶어요", "회원 탈퇴할 수 있나요"),
    "sa": ("धनप्रत्यर्पण", "धनप्रत्यर्पणं"),
    "ta": ("பணத்தைத்", "பணத்தைத் திரும்பப் பெறுதல்"),
    "te": ("రీఫండ్", "రీఫండ్‌లు"),
    "th": ("คืนเงิน", "การคืนเงินเข้าบัตร"),
    "tr": ("iade", "İadeler ve geri ödemeler"),
    "vi": ("hoàn tiền", "Hoàn tiền về thẻ"),
}

BEYOND = sorted(SAMPLES)


def test_every_language_lunr_languages_covers_has_its_rules() -> None:
    assert set(BEYOND) <= set(LOCALES)
    for language in BEYOND:
        assert not analyzer(language).generic


def agreeing_terms(locale: str, text: str, at_least: int) -> tuple[list[str], list[list[str]]]:
    """The words of ``text`` (at least ``at_least``) and their terms, once the browser has given
    the same terms for every word and for the text as a whole (the same separator, the same
    cutting of Thai words)."""
    if not shutil.which("node"):
        missing("node is not installed")
    rules = analyzer(locale)
    words = rules.words(text)
    assert len(words) >= at_least
    ours = [rules.terms(word) for word in words]
    theirs = browser_terms(locale, words)
    mismatches = [(w, o, t) for w, o, t in zip(words, ours, theirs, strict=True) if o != t]
    assert mismatches == []
    assert browser_terms(locale, [text]) == [rules.terms(text)]
    return words, ours


@pytest.mark.parametrize("locale", BEYOND)
def test_python_and_the_browser_agree_word_for_word(locale: str) -> None:
    agreeing_terms(locale, SAMPLES[locale], 25)
    rules = analyzer(locale)
    if locale != "th":  # lunr.th filters no stop words
        assert rules.stops and any(rules.term(word) is None for word in rules.stops)


@pytest.mark.parametrize("locale", sorted(PROSE))
def test_long_prose_agrees_word_for_word(locale: str) -> None:
    # Arabic, Greek and Hebrew are stemmed by our own code (lunr_stemmers.py): every word of a
    # long text must give the browser's term, and the text as a whole too.
    words, ours = agreeing_terms(locale, PROSE[locale], 300)
    rules = analyzer(locale)
    # The stemmer did work on this text, beyond trimming and Greek's accents (Hebrew's only
    # drops points and writes final letters as ordinary ones, so fewer of its words change).
    indexed = [(word, terms) for word, terms in zip(words, ours, strict=True) if terms]
    changed = sum(1 for word, terms in indexed if terms != [rules.trim(word)])
    assert changed >= len(indexed) // (10 if locale == "he" else 2)


#: Turkish words that must meet (one term per line: forms of one verb or one noun) under the
#: Turkish rule (helpcentre/search/turkish.py), and whose terms no other line shares.
TURKISH_FAMILIES = {
    "gönder": "göndermek gönderdim gönderdiniz gönderin gönderilir gönderildi gönderebilirsiniz "
    "göndereceğiz gönderiyorum gönderemiyorum göndermeyin gönderdiğiniz",
    "ist": "istiyorum istemek istedim istemiyor istenmiş",
    "yat": "yatmadı yattı yatmıyor yatacak",
    "yans": "yansıması yansıyana yansımadı yansıyor yansıdı",
    "çek": "çekildi çekti çekilir çekilmiş çekmek",
    # ("olmak", "olmadı", "olmaz", "ediyor" are lunr.tr's stop words)
    "ol": "olmuyor olmamış olamıyor",
    "et": "etmek edilmiyor edildi edilir edebilirsiniz",
    "öd": "ödeme ödemeler ödemesi ödemenizi ödemek ödendi ödüyorum",
    "değiştir": "değiştirmek değiştirdim değiştirin değiştirebilirsiniz değiştirilemez",
    "par": "para param paranız parayı parası",
    "iad": "iade iadem iadeniz iadesi iademi İade İADELER",
    "ürün": "ürün ürünü ürünler ürünlerin ürününüz",
    "kart": "kart kartı kartım kartınızdan kartlar",
    "hesap": "hesap hesabım hesabıma hesabınıza hesapları",
    "gün": "gün günde günü günler",
    "fatur": "fatura faturam faturası faturayı",
    "kargo": "kargo kargom kargoya kargonuz",
    "bildir": "bildir bildirim bildirin",
    "ger": "geri",
    "gerekli": "gerekli gereklidir",
}


def test_turkish_stems_meet_across_inflections_and_do_not_collide() -> None:
    rules = analyzer("tr")
    assert rules.terms("siparişlerinizi siparişler") == rules.terms("sipariş sipariş")
    terms = {}
    for term, words in TURKISH_FAMILIES.items():
        found = {word: rules.terms(word) for word in words.split(" ")}
        assert found == {word: [term] for word in found}, term
        terms[term] = words
    assert len(terms) == len(TURKISH_FAMILIES)
    # A stem is its own stem, and short words are not ground down to two letters
    for term in TURKISH_FAMILIES:
        assert rules.terms(term) == [term]
    assert rules.terms("iade ürünü geri") == ["iad", "ürün", "ger"]
    # The customer's words meet the article's
    assert set(rules.terms("ürünü geri göndermek istiyorum")) & set(
        rules.terms("Ürünü geri gönderin")
    ) == {"ürün", "ger", "gönder"}
    assert "hesap" in set(rules.terms("hesabıma yatmadı")) & set(rules.terms("hesabınıza yatar"))


def turkish_words() -> list[str]:
    """Every distinct word of the Turkish reference articles, lexicon and filler, and the
    families above."""
    search = ROOT / "plugins" / "helpcentre" / "search"
    texts = [p.read_text("utf-8") for p in sorted((ROOT / "docs" / "tr").rglob("*.md"))]
    texts += [(search / kind / "tr.txt").read_text("utf-8") for kind in ("lexicon", "filler")]
    texts += list(TURKISH_FAMILIES.values())
    return sorted({word for text in texts for word in analyzer("tr").words(text)})


def test_turkish_stems_as_the_browser() -> None:
    # The rule (turkish.py here, turkishStemmer in search-core.js) gives the same term on both
    # sides for every word of the Turkish articles, lexicon and filler, verbs and nouns alike.
    words, ours = agreeing_terms("tr", " ".join(turkish_words()), 1500)
    by_word = dict(zip(words, ours, strict=True))
    # The browser ran the rule, not Snowball alone (which keeps "göndermek" whole and gives
    # "para" for "param")
    assert by_word["göndermek"] == ["gönder"]
    assert by_word["param"] == by_word["para"] == ["par"]
    snowball = snowballstemmer.stemmer("turkish").stemWord
    rules = analyzer("tr")
    changed = [w for w, terms in by_word.items() if terms and terms != [snowball(rules.trim(w))]]
    assert len(changed) > len(words) // 5


def test_greek_drops_accents_before_its_stop_words() -> None:
    assert analyzer("el").terms("Παραγγελίες παραγγελιες") == ["παραγγελ", "παραγγελ"]
    assert analyzer("el").term("είναι") is None


def test_thai_is_cut_into_words_as_lunr_th_cuts_them() -> None:
    # (test_thai_wordcut.py compares the cutting with lunr.wordcut piece for piece)
    rules = analyzer("th")
    assert rules.terms("คืนเงิน 14") == ["คืน", "เงิน", "14"]
    assert rules.terms("การคืนเงินเข้าบัตร") == ["การ", "คืน", "เงิน", "เข้า", "บัตร"]
    # The customer's "คืนเงิน" meets the article's "การคืนเงิน" on whole words
    assert set(rules.terms("คืนเงิน")) <= set(rules.terms("การคืนเงิน"))


def test_arabic_greek_and_hebrew_are_stemmed() -> None:
    # lunr-languages' own stemmers run on both sides (lunr_stemmers.py on the build's).
    assert analyzer("ar").terms("الطلبات طلبات") == analyzer("ar").terms("طلبات طلبات")
    assert analyzer("el").terms("παραγγελίες παραγγελία") == ["παραγγελ", "παραγγελ"]
    assert analyzer("he").terms("חשבון") == ["חשבונ"]


def test_korean_runs_are_cut_into_pairs_so_particles_fall_away() -> None:
    rules = analyzer("ko")
    # ("하고" is one of lunr-languages' Korean stop words)
    assert rules.terms("탈퇴하고 SMS") == ["탈퇴", "퇴하", "sms"]
    # The customer's "탈퇴하고" (to leave and ...) meets the article's "탈퇴할" (will leave)
    assert set(rules.terms("탈퇴하고")) & set(rules.terms("탈퇴할 수 있나요")) == {"탈퇴"}


def build_site(root: Path, locale: str, articles: dict[str, str]) -> Path:
    for name, text in articles.items():
        (root / "docs" / name).parent.mkdir(parents=True, exist_ok=True)
        (root / "docs" / name).write_text(text, encoding="utf-8")
    config = {
        "site_name": "Help",
        "theme": {"name": "material", "language": locale, "font": False},
        "plugins": ["search", "helpcentre/search"],
    }
    (root / "mkdocs.yml").write_text(json.dumps(config), encoding="utf-8")
    done = strict_build(root / "mkdocs.yml")
    assert done.returncode == 0, done.stderr
    assert "generic rules" not in done.stderr
    return root / "site"


@pytest.mark.parametrize("locale", BEYOND)
def test_a_site_in_the_language_builds_and_finds_another_form(tmp_path: Path, locale: str) -> None:
    if not shutil.which("node"):
        missing("node is not installed")
    query, title = INFLECTED[locale]
    sentences = [s for s in SAMPLES[locale].split(" ") if s]
    articles = {
        "index.md": f"# {sentences[0]}\n\n{' '.join(sentences[1:6])}\n",
        "شحن و الدفع/delivery.md" if locale == "ar" else "delivery.md": (
            f"# {sentences[6]} {sentences[7]}\n\n{' '.join(sentences[8:20])}\n"
        ),
        "money back.md": f"# {title}\n\n{SAMPLES[locale]}\n",
    }
    site = build_site(tmp_path, locale, articles)
    data = json.loads((site / "search/helpcentre-index.json").read_text("utf-8"))
    assert data["rules"] == locale
    libraries = (site / "assets/javascripts/helpcentre/search-libs.js").read_text("utf-8")
    assert f"lunr.{locale}" in libraries or f"e.{locale}=" in libraries
    index = str(site / "search" / "helpcentre-index.json")
    request = {"mode": "search", "locale": locale, "index": index, "queries": [query]}
    (result,) = run_in_node(request)["results"]
    assert locations(result)[0].startswith("money")


#: For the languages stemmed by lunr_stemmers.py: a query, and an article (title, text) that
#: writes its words only in other forms, which the query reaches through the stemmers alone
#: (Hebrew's: points dropped, final letters written as ordinary ones).
OTHER_FORMS = {
    "ar": ("الشحنات", "تتبع شحنة واحدة", "لكل شحنة رقم تتبع يصل إليك في رسالة."),
    "el": ("δέματα", "Παράδοση δεμάτων", "Η παράδοση των δεμάτων γίνεται σε δύο ημέρες."),
    "he": ("חשבון הַזְמָנוֹת", "חשבונות והזמנות", "ניהול חשבונות משתמשים והזמנות."),
}
#: An article on something else, so that the query has a wrong page to rank below the right one.
OTHER_TOPIC = {
    "ar": ("كلمة المرور", "غيّر كلمة المرور من صفحة الإعدادات متى شئت."),
    "el": ("Κωδικός πρόσβασης", "Αλλάξτε τον κωδικό πρόσβασης από τις ρυθμίσεις."),
    "he": ("סיסמה", "אפשר לשנות את הסיסמה בהגדרות בכל עת."),
}


def other_forms_site(root: Path, locale: str) -> Path:
    query, title, text = OTHER_FORMS[locale]
    topic, topic_text = OTHER_TOPIC[locale]
    for word in query.split(" "):
        assert word not in title + text + topic + topic_text  # only another form is written
    articles = {
        "index.md": f"# {topic}\n\n{topic_text}\n",
        "other forms.md": f"# {title}\n\n{text}\n",
    }
    return build_site(root, locale, articles)


@pytest.mark.parametrize("locale", sorted(OTHER_FORMS))
def test_a_query_reaches_another_form_through_the_stemmer(tmp_path: Path, locale: str) -> None:
    if not shutil.which("node"):
        missing("node is not installed")
    query = OTHER_FORMS[locale][0]
    site = other_forms_site(tmp_path, locale)
    index = str(site / "search" / "helpcentre-index.json")
    request = {"mode": "search", "locale": locale, "index": index, "queries": [query]}
    (result,) = run_in_node(request)["results"]
    assert locations(result)[0].startswith("other")


#: One article title per language the real worker must find in Chromium, with the query typed.
IN_CHROMIUM = ["ar", "ko", "th", "tr"]


def found(page, site: Path, query: str) -> tuple[list[str], list[str]]:  # noqa: ANN001
    """Type ``query`` into the site's search box in Chromium; the result titles, best first, and
    the words the results mark."""
    with serve(site) as (url, _):
        page.goto(url)
        box = page.locator("input[data-md-component=search-query]")
        box.click()
        box.fill("")
        box.type(query, delay=10)
        box.press("End")
        page.wait_for_selector(RESULTS, timeout=10_000)
        return (
            page.locator(f"{RESULTS} article h1").all_inner_texts(),
            page.locator(f"{RESULTS} mark").all_inner_texts(),
        )


def titles_found(page, site: Path, query: str) -> list[str]:  # noqa: ANN001
    """Type ``query`` into the site's search box in Chromium; the result titles, best first."""
    return found(page, site, query)[0]


@pytest.mark.browser
def test_the_real_worker_in_chromium_finds_the_other_form(page, tmp_path: Path) -> None:  # noqa: ANN001
    for locale in IN_CHROMIUM:
        query, title = INFLECTED[locale]
        articles = {
            "index.md": "# Help\n\nHelp centre.\n",
            "money back.md": f"# {title}\n\n{SAMPLES[locale]}\n",
        }
        site = build_site(tmp_path / locale, locale, articles)
        titles, marks = found(page, site, query)
        assert titles[0] == title, locale
        if locale == "th":
            # wordcut's words do not overlap: each mark is one whole word of the query
            assert marks and set(marks) <= {"คืน", "เงิน"}, marks


@pytest.mark.browser
def test_the_real_worker_in_chromium_stems_arabic_greek_and_hebrew(page, tmp_path: Path) -> None:  # noqa: ANN001
    for locale in sorted(OTHER_FORMS):
        query, title, _ = OTHER_FORMS[locale]
        site = other_forms_site(tmp_path / locale, locale)
        assert titles_found(page, site, query)[0] == title, locale


#: Turkish: an article that writes a verb and a noun in one form, the customer's query in others
#: (the infinitive and the progressive, "İ" upper-case), and another article on something else.
TURKISH_VERBS = {
    "index.md": "# Şifre\n\nŞifrenizi ayarlar sayfasından değiştirebilirsiniz.\n",
    "return.md": "# Ürünü geri gönderin\n\nİade etiketini yazdırın ve koliyi kargoya verin.\n",
}


@pytest.mark.browser
def test_the_real_worker_in_chromium_stems_turkish_verbs(page, tmp_path: Path) -> None:  # noqa: ANN001
    site = build_site(tmp_path, "tr", TURKISH_VERBS)
    titles, marks = found(page, site, "İADE için ürünü göndermek istiyorum")
    assert titles[0] == "Ürünü geri gönderin"
    assert {"gönderin", "İade"} <= set(marks), marks


def test_only_a_turkish_worker_carries_the_turkish_rules() -> None:
    from helpcentre.search.worker import worker_libraries

    turkish = "".join(worker_libraries("tr"))
    assert "helpcentreTurkish" in turkish
    # ... after lunr.tr, whose stemmer they wrap, and before the core, which reads them.
    assert turkish.index("lunr.tr") < turkish.index("helpcentreTurkish=")
    assert turkish.index("helpcentreTurkish=") < turkish.index("helpcentreSearch")
    for locale in ("fr", "en", "pl"):
        assert "helpcentreTurkish=" not in "".join(worker_libraries(locale)), locale
