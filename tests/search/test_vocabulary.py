"""The everyday vocabulary shipped with search: lexicon groups and filler phrases per language,
what a site does with them, and the writers' own words (aliases, descriptions, FAQ questions)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from urllib.parse import unquote

import pytest
import yaml

from browser_code import browser_plans, browser_terms, browser_tokens
from conftest import missing
from helpcentre.search.languages import analyzer
from helpcentre.search.synonyms import parse_synonyms
from helpcentre.search.vocabulary import (
    LEXICON_LANGUAGES,
    NEGATIONS,
    base_language,
    filler_phrases,
    filler_terms,
    lexicon_groups,
    lexicon_terms,
    member_words,
    negation_tokens,
)

from .sites import ROOT, build, built_site, write_site
from .test_plugin import search

#: Languages the issue asks the lexicon for, besides the reference site's locales.
WANTED = {"en", "fr", "de", "es", "pt", "it", "nl", "pl"}


def reference_locales() -> set[str]:
    loader = type("Loader", (yaml.SafeLoader,), {})
    loader.add_constructor("!ENV", lambda loader, node: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text("utf-8"), Loader=loader)  # noqa: S506
    (i18n,) = [p["helpcentre/i18n"] for p in config["plugins"] if "helpcentre/i18n" in p]
    return {base_language(entry["locale"]) for entry in i18n["locales"]}


def test_every_wanted_and_reference_language_ships_a_lexicon_and_filler() -> None:
    assert WANTED | reference_locales() <= set(LEXICON_LANGUAGES)
    for language in LEXICON_LANGUAGES:
        assert len(lexicon_groups(language)) >= 50, language
        assert len(filler_phrases(language)) >= 15, language
    assert lexicon_groups("pt-BR") == lexicon_groups("pt")
    assert lexicon_groups("sw") == () and filler_phrases("sw") == ()


@pytest.mark.parametrize("language", LEXICON_LANGUAGES)
def test_every_lexicon_member_can_match_a_query(language: str) -> None:
    rules = analyzer(language)
    empty = [
        f"{language}.txt:{group.line}: {member}"
        for group in lexicon_groups(language)
        for member in group.members
        if not rules.terms(member)
    ]
    assert not empty, "members of stop words only never match: " + ", ".join(empty)


@pytest.mark.parametrize("language", LEXICON_LANGUAGES)
def test_browser_analyses_the_lexicon_and_filler_as_the_build(language: str) -> None:
    # The browser matches the build's terms of these files against its own terms of the query:
    # for every member and phrase, both must give the same terms.
    if not shutil.which("node"):
        missing("node is not installed")
    rules = analyzer(language)
    members = [m for group in lexicon_groups(language) for m in group.members]
    texts = members + list(filler_phrases(language))
    assert browser_terms(language, texts) == [rules.terms(text) for text in texts]
    # Members are matched with their stop words: the browser's tokens of a query must be the
    # build's tokens of the member.
    assert browser_tokens(language, members) == [rules.tokens(text) for text in members]


def test_lexicon_keeps_the_words_it_shares_with_the_site() -> None:
    # A shared word is the bridge from customers' words to the site's: "money back" must still
    # lead to "refund" when the site has its own group for "refund".
    rules = analyzer("en")
    lexicon = parse_synonyms("refund, money back, reimbursement\nparcel, package\n")
    assert lexicon_terms(lexicon, rules) == [
        [["refund"], ["money", "back"], ["reimburs"]],
        [["parcel"], ["packag"]],
    ]


def test_site_synonyms_win_over_the_lexicon(tmp_path: Path) -> None:
    # The site says "refund" means "store credit": the lexicon does not widen "refund" (to
    # "reimbursement"...), but a customer's "money back" still reaches the site's "refund".
    done = build(write_site(tmp_path, "en", articles=ARTICLES, synonyms="refund, store credit\n"))
    assert done.returncode == 0, done.stderr
    index = tmp_path / "site" / "en" / "search" / "helpcentre-index.json"
    plans = browser_plans("en", index, ["refund", "money back"])["plans"]
    (refund,) = plans[0]
    assert refund["synonyms"] and refund["related"] == []
    assert "refund" in [term for entry in plans[1] for term in entry["related"]]
    (answer,) = search(tmp_path / "site" / "en", "en", ["money back"])
    assert articles_of(answer)[0] == "Money matters/Getting a refund/"


def test_filler_terms_longest_first_without_stop_word_phrases() -> None:
    rules = analyzer("en")
    assert filler_terms(["please", "how do i", "i would like to", "is it possible to"], rules) == [
        ["pleas"],
        ["possibl"],
    ]
    words = member_words(parse_synonyms("refund, money back\n"), rules)
    assert words == {"refund": "refund", "money": "money", "back": "back"}


ARTICLES = {
    "index.md": "# Help\n\nWelcome.\n",
    # No front matter at all: the title comes from the heading.
    "Money matters/Getting a refund.md": (
        "# Getting a refund\n\nWe refund the original payment method within five days.\n"
    ),
    "Orders/Where it is.md": (
        "---\ntitle: Following a shipment\naliases: where is my parcel\n---\n\n"
        "Open the tracking page from the email we sent.\n"
    ),
    "Orders/Lost.md": (
        "---\ntitle: Lost shipments\n---\n\n"
        "If your parcel is lost, we send another one. Where is it? Ask the carrier first.\n"
    ),
    "Account/Über das Konto.md": (
        "---\ntitle: Your profile\ndescription: Change the e-mail address you sign in with.\n"
        "aliases: [account settings, personal page]\n---\n\n"
        "Open the profile page.\n"
    ),
    "Account/Questions.md": (
        "---\ntitle: Common account questions\ntype: faq\n---\n\n"
        "Answers to what readers ask most.\n\n"
        "## Can I merge two profiles {#merge}\n\nWrite to us.\n\n"
        "## Deleting your data {#data}\n\nUse the privacy page.\n"
    ),
    "Account/Guide.md": (
        "---\ntitle: Account guide\n---\n\nAll about your account.\n\n"
        "## Will my wishlist be kept? {#wishlist}\n\nYes.\n\n"
        "## Settings {#settings}\n\nSee the list below.\n"
    ),
    "Help/Printing.md": (
        "---\ntitle: Printing labels\n---\n\nPrint the label at home or in a shop.\n"
    ),
    "Help/Wireless.md": (
        "---\ntitle: Joining a Wi-Fi network\n---\n\n"
        "The speaker joins 2.4 GHz and 5 GHz networks.\nIt works with any router.\n"
    ),
    "Money matters/Declined.md": (
        "---\ntitle: Declined\n---\n\nThe card issuer declined the payment.\n"
    ),
    "Help/Repairs.md": (
        "---\ntitle: Repairs\n---\n\nIf your speaker stopped working, send it to us.\n"
    ),
}


@pytest.fixture(scope="module")
def english_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("en")
    done = build(write_site(base, "en", articles=ARTICLES))
    assert done.returncode == 0, done.stderr
    return base / "site" / "en"


def articles_of(answer: dict) -> list[str]:
    """The article of each result group, its location decoded (file names have spaces)."""
    return [unquote(group[0]["location"].split("#")[0]) for group in answer["items"]]


def index_of(site: Path) -> dict:
    return json.loads((site / "search" / "helpcentre-index.json").read_text("utf-8"))


def test_every_site_gets_the_lexicon_of_its_language(english_site: Path) -> None:
    payload = index_of(english_site)
    assert [["refund"], ["money", "back"]] == payload["lexicon"][0][:2]
    assert ["possibl"] in payload["filler"]
    # "money back" is not in any article: the lexicon finds the refund article.
    (answer,) = search(english_site, "en", ["money back"])
    assert articles_of(answer)[0] == "Money matters/Getting a refund/"


def test_a_site_switches_the_lexicon_and_filler_off(tmp_path: Path) -> None:
    mkdocs_yml = write_site(tmp_path, "en", articles=ARTICLES)
    config = json.loads(mkdocs_yml.read_text("utf-8"))
    config["plugins"][1] = {"helpcentre/search": {"lexicon": False, "filler": False}}
    mkdocs_yml.write_text(json.dumps(config), "utf-8")
    done = build(mkdocs_yml)
    assert done.returncode == 0, done.stderr
    site = tmp_path / "site" / "en"
    payload = index_of(site)
    assert payload["lexicon"] == [] and payload["filler"] == []
    (answer,) = search(site, "en", ["money back"])
    assert answer["items"] == []


def test_aliases_description_and_questions_are_indexed_with_weights(english_site: Path) -> None:
    payload = index_of(english_site)
    fields = dict(payload["fields"])
    assert fields["title"] > fields["aliases"] == fields["questions"] > fields["description"]
    assert fields["description"] > fields["text"]
    # An alias (a text) beats the same words in another article's body.
    answers = search(english_site, "en", ["where is my parcel", "personal page", "sign in e-mail"])
    assert articles_of(answers[0])[0] == "Orders/Where it is/"
    # An alias of a list, then a description, rank the article itself.
    assert articles_of(answers[1])[0] == "Account/Über das Konto/"
    assert articles_of(answers[2])[0] == "Account/Über das Konto/"


def test_faq_questions_count_as_titles(english_site: Path) -> None:
    # A FAQ's headings are questions (type: faq), and so is any heading that asks; the article
    # then ranks as its own result, before an article with the words in its body.
    answers = search(english_site, "en", ["merge profiles", "wishlist kept"])
    for answer, article in zip(answers, ["Account/Questions/", "Account/Guide/"], strict=True):
        assert articles_of(answer)[0] == article


def test_filler_does_not_decide_the_ranking(english_site: Path) -> None:
    # "possible" is filler: the article holding "print label" wins over one holding "possible".
    index = english_site / "search" / "helpcentre-index.json"
    plans = browser_plans("en", index, ["is it possible to print a label", "help"])["plans"]
    assert [entry["filler"] for entry in plans[0]] == [True, False, False]
    assert [entry["filler"] for entry in plans[1]] == [False]  # a query of filler only
    (answer,) = search(english_site, "en", ["how do i print labels please"])
    assert articles_of(answer)[0] == "Help/Printing/"


def test_partial_matches_rank_what_holds_most_of_the_query(english_site: Path) -> None:
    # No article holds every word; the one with the rare ones ranks first.
    (answer,) = search(english_site, "en", ["tracking page zebra unicorn"])
    assert articles_of(answer)[0] == "Orders/Where it is/"


def test_an_article_whose_sections_answer_the_query_ranks_above_its_best_item_alone(
    tmp_path: Path,
) -> None:
    # Alone, "Router reset" (two of the three words, in its title) scores a little more than
    # "Router help" (all three, but "reset" only in its sections); the sections of "Router help"
    # that answer the query count toward it too.
    articles = {
        "index.md": "# Help\n\nWelcome.\n",
        "Help/Router reset.md": (
            "# Router reset\n\nHold the button for ten seconds, then wait until the lights "
            "come back on.\n"
        ),
        "Help/Router help.md": (
            "# Router help\n\nAbout your router and its password.\n\n"
            "## Reset the router {#reset}\n\nHold the reset button of the router.\n\n"
            "## Router password {#password}\n\nThe router password is on its label.\n\n"
            "## Forgot the password {#forgot}\n\nReset the password from the router page.\n"
        ),
    }
    done = build(write_site(tmp_path, "en", articles=articles))
    assert done.returncode == 0, done.stderr
    (answer,) = search(tmp_path / "site" / "en", "en", ["reset router password"])
    assert articles_of(answer) == ["Help/Router help/", "Help/Router reset/"]
    best = {group[0]["location"]: group[0]["score"] for group in answer["items"]}
    assert best["Help/Router%20help/"] < best["Help/Router%20reset/"]


def test_misspelled_words_are_corrected_against_the_vocabulary(english_site: Path) -> None:
    index = english_site / "search" / "helpcentre-index.json"
    queries = ["refnud", "wher is my parsel", "labl", "prin", "vuocher", "shipm"]
    found = browser_plans("en", index, queries)
    assert found["corrections"] == [
        "refund",  # one edit (a transposition) from a five-letter word
        "wher is my parcel",  # "wher" is four letters: too short to correct
        None,  # four letters
        None,  # the start of "printing", still being typed
        "voucher",  # a lexicon word the articles lack is corrected too
        None,  # the start of "shipment"
    ]
    (answer,) = search(english_site, "en", ["refnud"])
    assert answer["correction"] == "refund"
    assert articles_of(answer)[0] == "Money matters/Getting a refund/"


def test_a_typo_whose_stem_begins_a_word_is_corrected(english_site: Path) -> None:
    # "shipmens" begins no word of the site: it is a typo, not a word still being typed, though
    # its stem "shipmen" begins "shipment" (and it is not cut into "ship" and "mens" either).
    index = english_site / "search" / "helpcentre-index.json"
    found = browser_plans("en", index, ["lost shipmens", "lost shipme"])
    assert [[entry["term"] for entry in plan] for plan in found["plans"]] == [
        ["lost", "shipment"],
        ["lost", "shipm"],  # the start of "shipment": still being typed
    ]
    assert found["corrections"][0] in ("lost shipment", "lost shipments")
    assert found["corrections"][1] is None


def test_words_run_together_or_split_apart_find_the_articles_words(english_site: Path) -> None:
    # Articles write "5 GHz", "print the label" and "wishlist"; readers type "5ghz",
    # "printlabel" and "wish list".
    index = english_site / "search" / "helpcentre-index.json"
    queries = ["printlabel", "5ghz", "wish list", "refnud", "wishlistt"]
    found = browser_plans("en", index, queries)
    assert [[entry["term"] for entry in plan] for plan in found["plans"]] == [
        ["print", "label"],
        ["5", "ghz"],
        ["wishlist"],
        ["refund"],  # a typo is still corrected, not cut
        ["wishlist"],
    ]
    # Nothing was misspelled: no "showing results for".
    assert found["corrections"][:3] == [None, None, None]
    answers = search(english_site, "en", ["network 5ghz", "wish list"])
    assert articles_of(answers[0])[0] == "Help/Wireless/"
    assert articles_of(answers[1])[0] == "Account/Guide/"


def test_a_lexicon_phrase_answers_a_word_only_where_all_its_words_are(english_site: Path) -> None:
    # The lexicon says "broken" = "stopped working": an article holding "works" alone does not
    # answer "broken", one holding "stopped working" does.
    index = english_site / "search" / "helpcentre-index.json"
    (plan,) = browser_plans("en", index, ["broken speaker"])["plans"]
    assert ["stop", "work"] in plan[0]["phrases"] and "work" not in plan[0]["relatedWords"]
    (answer,) = search(english_site, "en", ["broken speaker"])
    answered = {
        unquote(group[0]["location"].split("#")[0]): group[0]["terms"] for group in answer["items"]
    }
    assert answered["Help/Repairs/"] == {"broken": True, "speaker": True}
    assert answered["Help/Wireless/"] == {"broken": False, "speaker": True}
    assert articles_of(answer)[0] == "Help/Repairs/"


def test_lexicon_members_keep_their_stop_words(english_site: Path) -> None:
    # "sign up" is not "sign in": each member is matched with its stop words, so a query for one
    # is not widened with the other's words.
    index = english_site / "search" / "helpcentre-index.json"
    sign_up, sign_in, declined, not_accepted = browser_plans(
        "en", index, ["sign up", "sign in", "declined", "card not accepted"]
    )["plans"]
    assert "regist" in sign_up[0]["related"] and "login" not in sign_up[0]["related"]
    assert "login" in sign_in[0]["related"] and "regist" not in sign_in[0]["related"]
    # "not accepted" leads to "declined", but "declined" does not lead to every "accepted": the
    # index cannot see the "not".
    assert "accept" not in declined[0]["related"]
    (accepted,) = [entry for entry in not_accepted if entry["term"] == "accept"]
    assert "declin" in accepted["related"]


def test_lexicon_and_negations_are_written_as_the_browser_reads_queries(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rules = analyzer("en")
    lexicon = parse_synonyms("declined, not accepted\nsign in, log in\n")
    assert lexicon_terms(lexicon, rules) == [
        [["declin"], ["~not", "accept"]],
        [["sign", "~in"], ["log", "~in"]],
    ]
    assert "~not" in negation_tokens(rules) and "~in" not in negation_tokens(rules)
    # "can't" is cut into "can" and "t": "can" alone does not negate.
    monkeypatch.setitem(NEGATIONS, "en", NEGATIONS["en"] + " can't")
    assert "~can" not in negation_tokens(rules)


def test_what_answers_a_typed_phrase_answers_each_of_its_words(english_site: Path) -> None:
    # "payment failed" is a lexicon phrase for a declined payment: an article that says its
    # payment was declined answers "failed" too, though it never says "failed".
    (answer,) = search(english_site, "en", ["payment failed"])
    assert articles_of(answer)[0] == "Money matters/Declined/"
    assert answer["items"][0][0]["terms"] == {"payment": True, "failed": True}


def test_a_negating_phrase_means_its_group_not_its_words(tmp_path: Path) -> None:
    # "not working" is "faulty": the article about faulty speakers answers it before the one
    # whose title says the speaker "works".
    articles = {
        "index.md": "# Help\n\nWelcome.\n",
        "Help/Basics.md": "# How the speaker works\n\nThe speaker plays music from any phone.\n",
        "Help/Faulty.md": "# Faulty speakers\n\nSend the speaker to us: we repair it for free.\n",
    }
    site = built_site(tmp_path, "en", articles)
    (plan,) = browser_plans(
        "en", site / "search" / "helpcentre-index.json", ["speaker not working"]
    )["plans"]
    assert [entry["negated"] for entry in plan] == [False, True]
    answers = search(site, "en", ["speaker not working", "speaker working"])
    assert articles_of(answers[0])[:2] == ["Help/Faulty/", "Help/Basics/"]
    # Without the negation, the words mean what they say.
    assert articles_of(answers[1])[0] == "Help/Basics/"


@pytest.mark.parametrize(
    ("locale", "question", "answer", "negated", "asked"),
    [
        (
            "en",
            "Which cards do you accept?",
            "We accept Visa and Mastercard.",
            "my card is not accepted",
            "which cards do you accept",
        ),
        # Turkish negates in the verb ("edilmiyor": is not accepted), which the stemmer drops.
        (
            "tr",
            "Hangi kartları kabul ediyorsunuz?",
            "Visa ve Mastercard kabul ediyoruz.",
            "kartım kabul edilmiyor",
            "hangi kartları kabul ediyorsunuz",
        ),
    ],
)
def test_a_negated_query_gets_no_card_of_a_question_that_does_not_negate(
    tmp_path: Path, locale: str, question: str, answer: str, negated: str, asked: str
) -> None:
    from browser_code import browser_cards

    articles = {
        "index.md": "# Help\n\nWelcome.\n",
        "Help/Cards.md": f"# Cards\n\n## {question}\n\n{answer}\n",
    }
    site = built_site(tmp_path, locale, articles)
    cards = browser_cards(locale, site / "search" / "helpcentre-index.json", [negated, asked])
    # The two share their words; only the question as asked is answered by its card.
    assert cards[0] is None
    assert cards[1] is not None and cards[1]["answer"] == answer


def test_a_word_the_articles_never_write_weighs_as_typed_through_the_lexicon(
    tmp_path: Path,
) -> None:
    # The articles write "counterfeit", never "fake": the reader's "fake" is looked for as
    # "counterfeit" at the weight of a typed word, and beats "speaker" in other titles.
    articles = {
        "index.md": "# Help\n\nWelcome.\n",
        "Help/Setup.md": "# Set up the speaker\n\nPlug the speaker in and pair the speaker.\n",
        "Help/Counterfeit.md": (
            "# How to spot a counterfeit\n\nCheck the logo, the box and the serial number "
            "against those of the genuine product, and buy from a listed shop.\n"
        ),
        **{
            f"Help/Topic {n}.md": f"# {topic}\n\nAll about {topic.lower()}.\n"
            for n, topic in enumerate(("Returns", "Delivery", "Invoices", "Passwords", "Orders"))
        },
    }
    site = built_site(tmp_path, "en", articles)
    (plan,) = browser_plans(
        "en", site / "search" / "helpcentre-index.json", ["is my speaker fake"]
    )["plans"]
    unheld = {entry["term"]: entry["unheld"] for entry in plan if not entry["filler"]}
    assert unheld == {"speaker": False, "fake": True}
    (answer,) = search(site, "en", ["is my speaker fake"])
    assert articles_of(answer)[0] == "Help/Counterfeit/"


def test_a_lexicon_phrase_is_found_through_one_word_equivalents(english_site: Path) -> None:
    # The lexicon has "stop sending me emails" for "unsubscribe", and "mail" for "email": a
    # reader's "stop sending me mails" leads to "unsubscribe". A one-word member is not found
    # that way: "fee" is "charge" (price), and "charge" is "withdrawal" (debit), but "fee" is not.
    index = english_site / "search" / "helpcentre-index.json"
    mails, fee = browser_plans("en", index, ["stop sending me mails", "fee"])["plans"]
    assert "unsubscrib" in mails[0]["related"]
    assert "charg" in fee[0]["related"] and "withdraw" not in fee[0]["related"]
