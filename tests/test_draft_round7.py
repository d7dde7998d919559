"""Drafting rules for real news, round 7 (issue 19): unnamed speakers at a paragraph's end,
a surname two people share named in full just before, a role said again with its words,
an apposition in dashes, and “it” as a body speaking; each rule from news grammar, tested
on made-up sentences of several shapes."""

from __future__ import annotations

import pytest

from tests.test_draft import drafted
from tests.test_draft import drafted_speakers as _speakers


@pytest.mark.parametrize(
    ("body", "speaker"),
    [("“We have never seen this,” said a spokeswoman for the Marlow Fire Service.\n\n"
      "Ana Ruiz, the mayor, visited the area on Monday.\n",
      "a spokeswoman for the Marlow Fire Service"),
     ("“The plan is sound,” said a spokesman for the Department of Health.\n\n"
      "Tom Hale disagreed with the plan.\n", "a spokesman for the Department of Health"),
     ("“Nobody was hurt,” said a spokesperson for Acme Rail. Tom Hale was on the train.\n",
      "a spokesperson for Acme Rail")],
)
def test_an_unnamed_speaker_for_a_body_ends_at_the_bodys_name(body: str, speaker: str) -> None:
    """“…,” said a spokeswoman for the X Service. / Ana Ruiz …: the owner's name stops at its
    full stop and never runs into the next paragraph's or sentence's name (which took the
    speaker away, to the subject of an earlier sentence)."""
    assert _speakers(body)[0] == [speaker]


def test_a_shared_surname_after_one_is_named_in_full_in_its_paragraph_is_that_one() -> None:
    """Sarah Smith, then David Smith named in full in the paragraph before “Smith said”: the
    surname is David's (named last in full there), not the one named first."""
    assert _speakers("Sarah Smith and her husband, David Smith, run a bakery.\n\n"
                     "“We started with nothing,” Sarah Smith said.\n\n"
                     "David Smith said the shop had grown. “Now we are busy,” Smith said.\n"
                     ) == [["Sarah Smith"], ["David Smith"]]


@pytest.mark.parametrize(
    ("body", "speaker"),
    [("The prime minister, David Cameron, met Ana Ruiz on Friday. Ruiz was pleased.\n\n"
      "“We share the same values,” the prime minister said.\n", "David Cameron"),
     ("Foreign Minister Ali Reza met Tom Hale on Friday.\n\n"
      "“The talks went well,” the foreign minister said.\n", "Ali Reza"),
     ("Former President Ana Ruiz visited the school. Tom Hale showed her round.\n\n"
      "“The pupils were wonderful,” the former president said.\n", "Ana Ruiz")],
)
def test_a_role_said_again_with_its_words_is_the_person_holding_it(body: str,
                                                                   speaker: str) -> None:
    """“the prime minister said” after “The prime minister, David Cameron,”: a role said with a
    word before its noun (prime, foreign, former) is the person holding it, not a new
    unnamed person called “the prime minister”."""
    assert _speakers(body)[0] == [speaker]


@pytest.mark.parametrize(
    "body",
    ["“We will win,” Ana Ruiz – the party leader – told supporters on Sunday.\n",
     "“We will win,” Ana Ruiz (the party leader) told supporters on Sunday.\n"],
)
def test_a_speaker_with_an_apposition_in_dashes_or_brackets_says_the_quote(body: str) -> None:
    """“…,” Ana Ruiz – the party leader – told supporters: the verb after the dashes makes
    her the speaker, as it does after an apposition in commas (it was drafted nobody's)."""
    assert _speakers(body)[0] == ["Ana Ruiz"]


@pytest.mark.parametrize(
    "body",
    ["“I braked,” the driver, Tom Hale, told police. Acme Bus Company said it would"
     " investigate.\n\n“Safety is our priority,” it said in a statement.\n",
     "“I braked,” the driver, Tom Hale, told police. Acme Bus Company apologised.\n\n"
     "It said: “We are very sorry.”\n"],
)
def test_it_as_a_speaker_is_the_body_named_before(body: str) -> None:
    """“…,” it said / It said: “…”: the organisation that was a subject just before (or
    named last), never the person quoted before it."""
    assert _speakers(body)[-1] == ["Acme Bus Company"]


@pytest.mark.parametrize(
    ("body", "speaker"),
    [("Tom Hale scored twice. “This is amazing!” shouted one fan.\n", "one fan"),
     ("Tom Hale scored twice.\n\n“Why did nobody see it?” exclaimed a supporter.\n",
      "a supporter"),
     ("Ana Ruiz spoke first. “We need better roads,” complained one driver.\n", "one driver")],
)
def test_verbs_of_the_voice_after_a_quote_name_its_unnamed_speaker(body: str,
                                                                   speaker: str) -> None:
    """“…!” shouted one fan: shouted, exclaimed, complained … are verbs of speech too, and the
    unnamed person after them speaks (not the person quoted or named before)."""
    assert _speakers(body)[-1] == [speaker]


@pytest.mark.parametrize(
    "body",
    ["Tom Hale says the drug, sometimes called “smart pills”, is popular among students.\n",
     "Ana Ruiz studies a condition called “social jetlag” at her lab.\n",
     "Ana Ruiz ran. The newspaper’s headline read: “Ruiz Wins Again As Her Rivals Fall"
     " Far Behind”.\n",
     "The word “allergy” is often misused, said Tom Hale.\n",
     "Ana Ruiz said the school was good.\n\nThe new timetable promises “more time to"
     " play” for every class.\n"],
)
def test_names_terms_and_scare_quotes_are_nobodys_words(body: str) -> None:
    """A term after “sometimes called” or a noun and “called”, a headline's words, “the word
    …” before a later “said X”, and a few words in quotation marks in a sentence that names
    no speaker are drafted with no speaker (each went to a nearby subject or an earlier
    speaker)."""
    assert _speakers(body)[-1] == []


@pytest.mark.parametrize(
    ("body", "speaker"),
    [("Ana Ruiz led the study. In what Tom Hale called “the first map ever”, the team found"
      " rare bacteria.\n", "Tom Hale"),
     ("Tom Hale spoke first. The crisis is, as Ana Ruiz put it, “a slow disaster”.\n",
      "Ana Ruiz")],
)
def test_a_name_and_its_verb_right_before_a_quote_say_it(body: str, speaker: str) -> None:
    """In what Tom Hale called “…”, the team found …: the name right before the verb of
    speech, not the subject of another sentence, says the words."""
    assert _speakers(body)[-1] == [speaker]


@pytest.mark.parametrize(
    "body",
    ["Ann Lee is a nurse. Her husband, Tom Hale, is a pilot.\n\n“We rarely meet,” she said.\n",
     "Ann Lee is a nurse in Leeds. Tom Hale, her husband, is a pilot.\n\n"
     "“We rarely meet,” she said.\n"],
)
def test_a_kin_role_tells_a_persons_sex_before_any_pronoun(body: str) -> None:
    """Tom Hale, “her husband”, is a he: the “she” after him is Ann Lee, the woman named
    before, not the latest subject whose sex nothing had shown."""
    assert _speakers(body)[-1] == ["Ann Lee"]


def test_said_she_after_an_apposition_is_no_inverted_speaker() -> None:
    """“Lee's husband, Tom Hale, said she had died”: Tom Hale is the subject (“said she” is
    not “says X” inverted, which made the she, Ann Lee, the subject), so the “he said”
    after it is his, not the man named before him."""
    assert _speakers(
        "Former prime minister John Major led tributes to the actor Ann Lee, who died on"
        " Monday.\n\nMajor said: “She was a great actor.”\n\n"
        "Lee's husband, Tom Hale, said she had died peacefully. “She was the love of my"
        " life,” he said.\n")[-1] == ["Tom Hale"]


def _one_of(body: str) -> tuple[list[str], str]:
    base = drafted(body)
    name = {p.id: p.name for p in base.entities}
    speaker = base.entity(base.quotes[-1].speakers[0])
    owner = getattr(speaker, "speaks_for", None)
    return [name[k] for k in base.quotes[-1].speakers], name[owner] if owner else ""


@pytest.mark.parametrize(
    ("body", "speaker", "group"),
    [("Ana Ruiz led the search. Several rescue workers stayed all night.\n\n"
      "“We will not stop,” one of them told reporters.\n",
      "one of the rescue workers", "rescue workers"),
     ("Tom Hale runs the firm. Many local residents complained about the noise.\n\n"
      "“It never stops,” one said.\n", "one of the local residents", "local residents"),
     ("Tom Hale runs the hospital. Several junior hospital doctors denied the claims.\n\n"
      "“We knew nothing,” one said.\n", "one of the junior hospital doctors",
      "junior hospital doctors")],
)
def test_one_of_a_group_named_before_speaks_for_it(body: str, speaker: str,
                                                  group: str) -> None:
    """“…,” one of them told reporters / “…,” one said, after “Several rescue workers …”: a
    person, one of that group (its words after several or many kept), speaking for it; not
    the person named before, and not nobody."""
    speakers, owner = _one_of(body)
    assert speakers == [speaker]
    assert owner.lower().endswith(group), owner


def test_a_month_that_is_a_surname_names_the_person() -> None:
    """“Prime Minister Theresa May … in May … May said … Mrs May”: May after a first name is
    a surname (the person was drafted as “Theresa”), and May alone then names her, except
    after in, since, on … or before a day (“on May 5”)."""
    base = drafted("Prime Minister Theresa May visited Berlin in May. Angela Merkel met her.\n\n"
                   "“The talks went well,” May said. Mrs May added: “We agree on much.”\n\n"
                   "The summit will be held on May 5. Since May, prices have risen.\n")
    people = sorted(e.name for e in base.entities if e.kind == "person")
    assert people == ["Angela Merkel", "Theresa May"]
    assert [[base.entity(k).name for k in q.speakers]
            for q in base.quotes] == [["Theresa May"], ["Theresa May"]]


@pytest.mark.parametrize(
    ("body", "name"),
    [("Ana Ruiz said studies have begun in Paris, Sao Vicente and Shanghai.\n", "Sao Vicente"),
     ("Busy stations like Grand Central and Times Square had more bacteria, Ana Ruiz said.\n",
      "Grand Central")],
)
def test_a_name_listed_with_a_place_is_a_place(body: str, name: str) -> None:
    """“in Paris, Sao Vicente and Shanghai”, “Grand Central and Times Square”: a name with no
    title or role joined by “and” or a comma to a place is a place, not a person."""
    base = drafted(body)
    assert name not in [e.name for e in base.entities], [e.name for e in base.entities]


@pytest.mark.parametrize(
    ("body", "name"),
    [("Tom Hale spoke to a young Welsh Londoner at the fair on Monday.\n", "Welsh Londoner"),
     ("Ana Ruiz coached in the men’s Serie B for two years.\n", "Serie B"),
     ("Tom Hale designed the Sky Pod in his garage. Ana Ruiz tested the Sky Pod.\n", "Sky Pod")],
)
def test_a_name_always_after_the_or_a_possessive_is_no_person(body: str, name: str) -> None:
    """“a young Welsh Londoner”, “the men’s Serie B”, “the Sky Pod”: a name with no title,
    role or sex always said after a determiner or a possessive is a thing or a description,
    not a person (it was drafted as one)."""
    people = [e.name for e in drafted(body).entities if e.kind == "person"]
    assert name not in people, people


@pytest.mark.parametrize(
    ("body", "name"),
    [("Airline food is often bland, Tom Hale says.\n", "Airline"),
     ("Some marchers carried flags. Others read “Hands off our pensions”.\n", "Others")],
)
def test_a_sentences_first_common_word_is_no_body(body: str, name: str) -> None:
    """“Airline food is …”, “Others read …”: a body word before a noun, or a pronoun, opening
    a sentence is no organisation's name (both were drafted as one)."""
    assert name not in [e.name for e in drafted(body).entities]


@pytest.mark.parametrize(
    ("body", "name"),
    [("Tom Hale works for Acmeco in Leeds.\n", "Acmeco"),
     ("Ana Ruiz told Vexnews the plan was dead.\n", "Vexnews"),
     ("Shares in Corvex fell on Monday, Tom Hale said.\n", "Corvex"),
     ("Ana Ruiz, a former Zentrix employee, spoke to reporters.\n", "Zentrix"),
     ("Tom Hale said Brightsoft – which runs a large campaign – was the first.\n",
      "Brightsoft")],
)
def test_a_one_word_body_named_once_by_what_news_says_of_bodies(body: str, name: str) -> None:
    """“works for Acmeco”, “told Vexnews”, “shares in Corvex”, “a former Zentrix employee”,
    “Brightsoft – which …”: a one-word name named once is a body when it is worked for,
    told, invested in, has staff, or is a “which”; drafted as an organisation."""
    base = drafted(body)
    assert (name, "organisation") in [(e.name, e.kind) for e in base.entities]


@pytest.mark.parametrize(
    ("body", "text"),
    [("Ana Ruiz teaches in Leeds. 'The pupils' needs aren't being met,' she said.\n",
      "The pupils' needs aren't being met"),
     ("Ana Ruiz teaches in Leeds. ‘The pupils’ needs aren’t being met,’ she said.\n",
      "The pupils’ needs aren’t being met")],
)
def test_a_plural_owners_apostrophe_does_not_close_a_single_quote(body: str, text: str) -> None:
    """‘The pupils’ needs aren’t being met,’ she said: the mark after “pupils” is an
    apostrophe (a later mark closes the quotation), so the quote is whole and hers."""
    base = drafted(body)
    assert [(q.text, [base.entity(k).name for k in q.speakers]) for q in base.quotes] == [
        (text, ["Ana Ruiz"])]


def test_double_marks_inside_single_ones_are_a_nested_quote() -> None:
    """‘People call it “the miracle drug”. It isn’t.’ (British style): the words in double
    marks inside the single ones are a quote of their own, as single marks inside double
    ones are (they were not drafted at all)."""
    base = drafted("Tom Hale said: ‘People call it “the miracle drug”. It isn’t.’\n")
    assert "the miracle drug" in [q.text for q in base.quotes]


@pytest.mark.parametrize(
    ("body", "speaker"),
    [("Tom Hale met reporters on Monday. The message from doctors is clear: “Get more"
      " sleep.”\n", "doctors"),
     ("Ana Ruiz spoke first. The warning from the Fire Brigade was blunt: “Stay indoors.”\n",
      "the Fire Brigade")],
)
def test_a_message_from_someone_before_a_quote_is_theirs(body: str, speaker: str) -> None:
    """“The message from doctors is clear: “…””: the words are the message's, so said by
    those it is from, not by the person the sentence before is about."""
    assert _speakers(body)[-1] == [speaker]
