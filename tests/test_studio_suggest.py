"""The studio's guess of a new fact's fields from the words a teacher selects in the article."""

from __future__ import annotations

from typing import Any

from quizgen.studio.suggest import sentence_around, suggest

PEOPLE: list[dict[str, Any]] = [
    {"id": "okafor", "name": "Grace Okafor", "kind": "person", "pronoun": "she"},
    {"id": "lindqvist", "name": "Per Lindqvist", "kind": "person", "pronoun": "he"},
    {"id": "ministry", "name": "the Ministry of Water", "kind": "organisation",
     "aliases": ["the ministry"]},
    {"id": "norway", "name": "Norway", "kind": "country"},
]
ARTICLE = (
    "Rivers rose across the valley on Monday.\n\n"
    "“We have never seen water like this,” said Grace Okafor, a farmer near the bridge.\n\n"
    "Per Lindqvist, the town's engineer, spoke next. "
    "“The old wall held,” he told visitors from Norway. "
    "“It will hold again.”\n\n"
    "More than 40 families left their homes, according to the ministry. "
    "Speeds were about 2mbps in the shelter.\n\n"
    "In 2019, Okafor planted a new orchard on the hill.\n\n"
    "The ministry claimed that the dam was safe."
)


def _select(words: str, section: str) -> dict[str, Any]:
    start = ARTICLE.index(words)
    return suggest(ARTICLE, start, start + len(words), section, PEOPLE)


def test_a_quote_gets_the_person_named_by_its_reporting_verb() -> None:
    """“…,” said Grace Okafor: the words without their quotation marks, Okafor the speaker."""
    fields = _select("“We have never seen water like this,”", "quotes")
    assert fields["text"] == "We have never seen water like this"
    assert fields["speakers"] == ["okafor"]
    assert fields["excerpt"].startswith("“We have never seen") and "Grace Okafor" in \
        fields["excerpt"]


def test_he_said_is_the_last_person_named_whom_the_pronoun_fits() -> None:
    """“…,” he told visitors from Norway: the man named last before (Lindqvist), not the woman
    named earlier nor the country after the verb."""
    assert _select("The old wall held", "quotes")["speakers"] == ["lindqvist"]


def test_a_quote_with_no_reporting_verb_goes_on_with_the_speaker_before_it() -> None:
    """“…,” he told …. “More words.”: the more words are his too; a paragraph's first sentence
    with no reporting verb has no speaker guessed."""
    assert _select("It will hold again", "quotes")["speakers"] == ["lindqvist"]
    assert _select("Rivers rose across the valley", "quotes")["speakers"] == []


def test_a_figure_takes_its_value_unit_qualifier_and_source() -> None:
    """More than 40 families …, according to the ministry: 40, families, more than, the
    ministry (named by an alias)."""
    fields = _select("40", "figures")
    assert (fields["value"], fields["unit"], fields["qualifier"]) == ("40", "families",
                                                                      "more than")
    assert fields["given_by"] == ["ministry"]


def test_an_ordinal_is_no_unit_and_a_birthday_is_an_age_in_years() -> None:
    """“her 16th birthday”: 16 years (an age), not 16 of a unit “th”; “the 3rd lock”: 3, no
    unit guessed."""
    article = "On her 16th birthday she passed the 3rd lock."
    for words, value, unit in (("16th", "16", "years"), ("3rd", "3", "")):
        start = article.index(words)
        fields = suggest(article, start, start + len(words), "figures", [])
        assert (fields["value"], fields["unit"]) == (value, unit)


def test_a_unit_written_against_its_number_is_read() -> None:
    """about 2mbps: value 2, unit mbps, qualifier about; no reporting verb, no source."""
    fields = _select("2mbps", "figures")
    assert (fields["value"], fields["unit"], fields["qualifier"]) == ("2", "mbps", "about")
    assert fields["given_by"] == []


def test_an_event_takes_its_year_and_the_people_it_names() -> None:
    """In 2019, Okafor planted …: date 2019, Okafor (by her surname) involved, and the leading
    "In 2019," left to the date field (none of the 208 event descriptions of the held-out
    answer tables starts with such a phrase)."""
    fields = _select("In 2019, Okafor planted a new orchard on the hill", "events")
    assert fields["date"] == "2019" and fields["people"] == ["okafor"]
    assert fields["description"] == "Okafor planted a new orchard on the hill"


def test_a_person_takes_the_role_after_the_name_and_a_claim_its_claimant() -> None:
    """Per Lindqvist, the town's engineer, … gives the role (its "the" kept, as a teacher writes
    it); “The ministry claimed that …” gives the claimant and the words claimed without “that”,
    as written (not capitalised: they are reported words, as the answer tables keep them)."""
    person = _select("Per Lindqvist", "people")
    assert (person["name"], person["kind"], person["role"]) == ("Per Lindqvist", "person",
                                                                "the town's engineer")
    claim = _select("that the dam was safe", "claims")
    assert claim["text"] == "the dam was safe" and claim["claimants"] == ["ministry"]
    assert _select("the ministry", "people")["kind"] == "organisation"


def test_the_sentence_around_stops_at_sentence_ends_and_paragraphs() -> None:
    """The sentence around words in the middle of a paragraph is that sentence alone."""
    start = ARTICLE.index("Speeds were")
    low, high = sentence_around(ARTICLE, start, start + 6)
    assert ARTICLE[low:high] == "Speeds were about 2mbps in the shelter."


MORE = (
    "Millet, a hardy grain of dry lands, grew well. The former mayor and now river envoy, "
    "Ana Reyes, met farmers from Norway. In the valley, Reyes opened a school in Norway "
    "with Norway's help. Rain fell on 12 days in May."
)
PEOPLE_MORE: list[dict[str, Any]] = [
    {"id": "reyes", "name": "Ana Reyes", "kind": "person", "pronoun": "she"},
    {"id": "norway", "name": "Norway", "kind": "country"},
    {"id": "article", "name": "the article", "kind": "organisation"},
]


def _more(words: str, section: str) -> dict[str, Any]:
    start = MORE.index(words)
    return suggest(MORE, start, start + len(words), section, PEOPLE_MORE)


def test_a_role_or_a_meaning_comes_from_the_apposition_before_or_after_the_name() -> None:
    """“The former mayor and now river envoy, Ana Reyes,”: the role from its last “the” to
    the comma (lower-cased, as a role is written); “Millet, a hardy grain of dry lands,”: the
    term's meaning and a place's description from the words after it."""
    assert _more("Ana Reyes", "people")["role"] == "the former mayor and now river envoy"
    assert _more("Millet", "terms")["meaning"] == "a hardy grain of dry lands"
    assert _more("Millet", "places")["description"] == "a hardy grain of dry lands"
    assert "role" not in _more("Norway", "people")  # “farmers from Norway.”: no apposition


def test_an_event_leaves_out_a_country_named_only_as_where() -> None:
    """“with Norway's help”: Norway (its help), but not for “in Norway”, which says where; a
    figure with no reporting verb is given by the article (the format's stand-in for what the
    article states)."""
    assert _more("Reyes opened a school in Norway", "events")["people"] == ["reyes"]
    assert _more("with Norway's help", "events")["people"] == ["norway"]
    assert _more("12", "figures")["given_by"] == ["article"]
    assert _select("2mbps", "figures")["given_by"] == []  # no stand-in for the article: none


THIRD = (
    "Tova Lind, the harbour's pilot, was chosen by the council. Born in a fishing town, she "
    "learnt to steer at nine. By 20, she became the youngest pilot in the port. Threats "
    "followed her rise. Archbishop Olle Berg, who put her forward for the medal, praised "
    "Lind. The town has installed new lights. She gained fame after winning the regatta in "
    "Norway, following a meeting of the council.\n\n"
    "Shipping firms such as Brightmart and Olvo came to the port, and sites like Fjordnet "
    "wrote about it. Zentel, the state-owned telephone utility, laid a cable. Mara Voss, head "
    "of the Institute of Tides, spoke.\n\n"
    "A 2020 survey by Hydrolab found speeds of 12mbps in the port. Nationally, the average "
    "was about 4mbps.\n\n"
    "Lind's boat was 9 metres long."
)
PEOPLE_THIRD: list[dict[str, Any]] = [
    {"id": "lind", "name": "Tova Lind", "kind": "person", "pronoun": "she"},
    {"id": "berg", "name": "Olle Berg", "kind": "person", "pronoun": "he"},
    {"id": "council", "name": "the council", "kind": "organisation"},
    {"id": "norway", "name": "Norway", "kind": "country"},
    {"id": "hydrolab", "name": "Hydrolab", "kind": "organisation"},
    {"id": "article", "name": "the article", "kind": "organisation"},
]


def _third(words: str, section: str) -> dict[str, Any]:
    start = THIRD.index(words)
    return suggest(THIRD, start, start + len(words), section, PEOPLE_THIRD)


def test_a_name_listed_after_a_company_word_or_with_one_as_its_apposition_is_an_organisation(
) -> None:
    """“Shipping firms such as Brightmart and Olvo”, “sites like Fjordnet”, “Zentel, the
    state-owned telephone utility,”: organisations; “Mara Voss, head of the Institute of
    Tides,”: a person (the head noun is “head”, not “Institute”)."""
    for name in ("Brightmart", "Olvo", "Fjordnet", "Zentel"):
        assert _third(name, "people")["kind"] == "organisation", name
    assert _third("Mara Voss", "people")["kind"] == "person"


def test_an_events_people_include_its_missing_doer_and_whom_its_pronouns_mean() -> None:
    """“Born in a fishing town, she …” and “… after winning the regatta”: Lind, the one the
    sentence is about; “who put her forward”: Berg and Lind (her); “following a meeting of the
    council” is not a doer's deed (the council only)."""
    assert _third("Born in a fishing town", "events")["people"] == ["lind"]
    assert _third("after winning the regatta in Norway", "events")["people"] == ["lind"]
    assert sorted(_third("Archbishop Olle Berg, who put her forward for the medal",
                         "events")["people"]) == ["berg", "lind"]
    assert _third("following a meeting of the council", "events")["people"] == ["council"]


def test_an_event_description_is_written_as_the_answer_tables_write_one() -> None:
    """A leading “By 20,” left out and “she” as the name the article calls her most (“Lind”);
    “her rise” with her not yet named as “Lind's rise” (the article's apostrophe); “Born in …”
    as “Lind was born in …”; “has installed” as “installed”; “put her forward” (an object)
    kept as written."""
    assert _third("By 20, she became the youngest pilot in the port", "events")[
        "description"] == "Lind became the youngest pilot in the port"
    assert _third("Threats followed her rise", "events")["description"] == \
        "Threats followed Lind's rise"
    assert _third("Born in a fishing town", "events")["description"] == \
        "Lind was born in a fishing town"
    assert _third("The town has installed new lights", "events")["description"] == \
        "The town installed new lights"
    assert _third("Archbishop Olle Berg, who put her forward for the medal", "events")[
        "description"] == "Archbishop Olle Berg, who put her forward for the medal"


def test_a_figure_of_a_finding_and_of_the_sentence_after_it_is_given_by_the_finder() -> None:
    """“A 2020 survey by Hydrolab found speeds of 12mbps …. Nationally, the average was about
    4mbps.”: Hydrolab gives both; a figure in a paragraph with no finding nor reporting verb
    is the article's."""
    assert _third("12mbps", "figures")["given_by"] == ["hydrolab"]
    assert _third("4mbps", "figures")["given_by"] == ["hydrolab"]
    assert _third("9", "figures")["given_by"] == ["article"]


def test_a_person_is_also_found_by_the_part_of_the_name_their_excerpt_holds() -> None:
    """A person drafted from the words “Tova” (excerpt) and named Tova Holm: “she” after
    “Tova” alone means her, though the article never writes her whole name."""
    article = "Tova sailed home. Later, she won the race."
    people = [{"id": "holm", "name": "Tova Holm", "kind": "person", "pronoun": "she",
               "excerpt": "Tova"}]
    start = article.index("she won")
    fields = suggest(article, start, start + len("she won the race"), "events", people)
    assert fields["people"] == ["holm"] and fields["description"] == "Tova won the race"
