"""Round 22: which names are bodies to list, and measures from a count's clause (made-up news)."""

from __future__ import annotations

import yaml

from quizgen.draft import draft_factbase


def _draft(text: str) -> dict[str, object]:
    """The draft of a made-up article, loaded."""
    loaded = yaml.safe_load(draft_factbase("Notes from the valley\n\n" + text + "\n", name="t"))
    assert isinstance(loaded, dict)
    return loaded


def _measures(text: str) -> list[str]:
    """The measures of every figure drafted from a made-up article."""
    return [str(figure["measure"]) for figure in _draft(text).get("figures") or []]  # type: ignore[attr-defined]


def _listed(text: str) -> dict[str, str]:
    """Each drafted person or body's name, with its kind (places left out)."""
    return {str(e["name"]): str(e.get("kind")) for e in _draft(text).get("people") or []  # type: ignore[attr-defined]
            if "kind" in e}


def _places(text: str) -> list[str]:
    """The names drafted as places."""
    return [str(e["name"]) for e in _draft(text).get("places") or []]  # type: ignore[attr-defined]


# Measures.

def test_a_participle_set_off_by_commas_leaves_the_subject_its_count() -> None:
    """ "The petition, calling for …, has attracted N signatures": the petition attracted them."""
    text = ("The “Clean Rivers” petition, calling for action on sewage, has attracted more than"
            " 40,000 signatures.")
    assert "number of signatures that the Clean Rivers petition has attracted" in _measures(text)


def test_it_after_an_opening_when_clause_is_that_clause_s_subject() -> None:
    """ "When storm Ava hit the coast, it destroyed N homes": storm Ava destroyed them."""
    text = "When storm Ava hit the coast on Sunday, it destroyed 30 homes and a school."
    assert "number of homes that storm Ava destroyed" in _measures(text)


def test_they_needs_a_plural_subject_in_the_when_clause() -> None:
    """A "they" is never read as a singular subject of the opening clause."""
    text = "When the river rose in May, they moved 30 families to the school."
    assert not any("the river" in m for m in _measures(text))


def test_a_reporting_verb_is_no_part_of_who_has_the_count() -> None:
    """ "Officials say Lenby has 95 schools": Lenby has them, not "Officials say Lenby"."""
    text = "Officials say Lenby has 95 schools."
    measures = _measures(text)
    assert "number of schools of Lenby" in measures
    assert not any("say" in m for m in measures)


def test_things_a_subject_has_doing_something_to_it() -> None:
    """ "Jupiter has 95 moons orbiting it": number of moons orbiting Jupiter."""
    text = "Astronomers say Jupiter has a total of 95 moons orbiting it."
    assert "number of moons orbiting Jupiter" in _measures(text)


def test_a_count_s_place_before_a_present_verb_takes_a_relative() -> None:
    """ "40 women in the world hold the title": women in the world that hold it."""
    text = "Only around 40 women in the world hold the title."
    assert "number of women in the world that hold the title" in _measures(text)


def test_an_age_written_onto_a_person_with_a_role_between() -> None:
    """ "said 67-year-old retired teacher Jean Moss": her age, not the person before."""
    text = ("Tom Hale opened the shop in May. “It won't be the same,” said 67-year-old retired"
            " teacher Jean Moss.")
    assert "age of Jean Moss" in _measures(text)


def test_a_year_s_clause_drops_a_percentage_with_its_of() -> None:
    """ "about 14 percent of the coral was lost between 2009 and 2018": the coral was lost."""
    text = "The survey found that about 14 percent of the coral was lost in 2009 alone."
    assert "year in which the coral was lost" in _measures(text)


def test_a_share_of_all_x_keeps_two_words_after_all() -> None:
    """ "25 percent of all ocean life": share of all ocean life, not "of all ocean"."""
    assert any(m.startswith("share of all ocean life") for m in _measures(
        "Reefs hold about 25 percent of all ocean life, the group said."))


def test_a_bare_share_after_an_of_the_opener_is_of_that_group() -> None:
    """ "Of the 2,000 adults questioned, 40% said …": share of adults questioned who said …"""
    text = "Of the 2,000 adults questioned, 40% said they felt lonely."
    assert "share of adults questioned who said they felt lonely" in _measures(text)


def test_a_share_in_a_dashed_aside_is_of_the_group_before_it() -> None:
    """ "Most voters – about 60 percent – think …": share of voters who think …"""
    text = "Most voters – about 60 percent – think the plan is a bad idea."
    assert "share of voters who think the plan is a bad idea" in _measures(text)


# Entities.

def test_a_us_state_is_a_place() -> None:
    """ "in Kansas, Ohio and Nevada": states of the US, places, not bodies."""
    text = "The firm sells seed to farms in Kansas, Ohio and Nevada, Ana Ruiz said."
    listed, places = _listed(text), _places(text)
    assert "Nevada" not in listed
    assert "Nevada" in places
    assert "Ana Ruiz" in listed  # who says it, though named after the list: no place
    text = "The firm's biggest markets are Nevada, Utah and Idaho, Ana Ruiz said."
    assert not {"Nevada", "Utah", "Idaho"} & set(_listed(text))  # a list of names: no bodies


def test_a_language_spoken_is_no_body() -> None:
    """A one-word name the article speaks ("speaking Portuguese") is a language, no body."""
    text = ("Ana Ruiz grew up in Lisbon. She says speaking Portuguese matters. Many pupils still"
            " learn Portuguese at school, and Portuguese is taught in 20 towns.")
    assert "Portuguese" not in _listed(text)


def test_a_demonym_set_off_after_a_name_describes_the_person() -> None:
    """ "But Ana Ruiz, the Peruvian, said": her description, no body "the Peruvian"."""
    text = ("Ana Ruiz moved to Spain in 2010. But Ruiz, the Peruvian, said, “Home is where my"
            " family is.”")
    listed = _listed(text)
    assert not any("Peruvian" in name for name in listed)
    assert "Ana Ruiz" in listed


def test_a_part_of_a_named_body_is_not_listed_apart() -> None:
    """ "Kessen University’s School of Forestry": the university is listed, not its school."""
    text = ("The grant went to Kessen University’s School of Forestry and Land Studies to plant"
            " new trees, Ana Ruiz said.")
    listed = _listed(text)
    assert not any(name.startswith("School of Forestry") for name in listed)


def test_a_name_ending_in_city_is_no_person() -> None:
    """ "Lenby City won 2-0": a club or a place, never a person's name."""
    assert _listed("Lenby City won the match 2-0 on Saturday, Ana Ruiz said.").get(
        "Lenby City") != "person"


def test_a_name_opening_with_a_romance_article_is_no_person() -> None:
    """ "Las Rocas" is a place or what is named after it, no person."""
    listed = _listed("The Las Rocas mine closed. Las Rocas has 300 workers.")
    assert "person" not in {kind for name, kind in listed.items() if "Las Rocas" in name}


def test_a_possessive_opening_a_thing_s_name_is_no_body() -> None:
    """ "the Young Writers’ Poetry Prize": a prize, not a body "the Young Writers"."""
    text = "In May, Ana Ruiz won the Young Writers’ Poetry Prize for a poem about the sea."
    assert not any(name.endswith("Young Writers") for name in _listed(text))


def test_a_study_a_named_body_carried_out_is_that_body_s() -> None:
    """ "A new study found …; the Kessen Institute carried out the study": the institute's."""
    text = ("A new study found that most people sleep badly. The Kessen Institute carried out"
            " the study last year. The study found that 40% of adults wake at night.")
    listed = _listed(text)
    assert not any("study" in name for name in listed)
    assert "the Kessen Institute" in listed


def test_a_report_released_by_a_named_body_is_that_body_s() -> None:
    """ "The report, released on Monday by the Reef Watch Network, found …": the network's."""
    text = ("A new report found that 60% of reefs are dying. The report, released on Monday by"
            " the Reef Watch Network, found that 14 percent of coral was lost.")
    assert not any("report" in name for name in [*_listed(text), *_places(text)])


def test_a_headline_ending_on_a_place_noun_places_no_one() -> None:
    """A name opening the body under a headline ending "the valley" is no place (the draft
    failed: the name was both a place and a thing, with no id to write)."""
    listed = _listed("Ana Ruiz grows rice near the river. Farmers there use less water.")
    assert listed.get("Ana Ruiz") == "person"


def test_a_named_land_feature_is_a_place() -> None:
    """ "the Tana Delta" is land: a place, not a body."""
    text = "Ana Ruiz grows rice in the Tana Delta. Farmers in the Tana Delta use less water."
    assert "the Tana Delta" not in _listed(text)


def test_or_and_an_acronym_after_a_body_is_its_alias() -> None:
    """ "the Agency for Farm Soils, or AGFS, says": AGFS is the same body."""
    text = ("The Agency for Farm Soils, or AGFS, says farms lose topsoil. AGFS wants new rules,"
            " Ana Ruiz said.")
    listed = _listed(text)
    assert "AGFS" not in listed
    assert listed.get("the Agency for Farm Soils") == "organisation"


def test_centres_name_a_body() -> None:
    """ "the Centers for Disease Control and Prevention": a body, not a group of people."""
    assert _listed("The Centers for Disease Control and Prevention says heat kills more people"
                   " than floods.").get("the Centers for Disease Control and Prevention") == \
        "organisation"


def test_a_scale_named_after_degrees_is_no_body() -> None:
    """ "35 degrees Celsius" twice: Celsius is a unit, no body."""
    text = ("It reached 35 degrees Celsius on Monday and 38 degrees Celsius on Tuesday, Ana Ruiz"
            " said.")
    assert "Celsius" not in _listed(text)


def test_a_body_s_name_with_a_body_noun_after_it_is_that_body() -> None:
    """ "the GMB union" after "the GMB": one body, not two."""
    text = ("The GMB said it would fight the plan. A spokesman for the GMB union said staff were"
            " angry. The GMB union has 500,000 members.")
    assert not any(name.endswith("union") for name in _listed(text))


def test_a_work_s_title_opening_with_a_possessive_is_no_body() -> None:
    """ "the TV series The Baker’s Daughter": a title, not a body "Daughter"."""
    text = ("Ana Ruiz watched the TV series The Baker’s Daughter. The Baker’s Daughter won three"
            " awards, Ana Ruiz said.")
    assert not any("Daughter" in name for name in _listed(text))


def test_a_name_money_is_invested_in_is_a_body() -> None:
    """ "Kessen has invested about $13 billion in Orbitly": a body, not a place "in Orbitly"."""
    text = ("Orbitly makes chat software. Kessen has invested about $13 billion in Orbitly, Ana"
            " Ruiz said.")
    assert "Orbitly" not in _places(text)


def test_the_noun_of_a_body_s_apposition_is_that_body() -> None:
    """ "Brightpath Academy, a nonprofit education group," then "The group says": the academy."""
    text = ("Ana Ruiz runs Brightpath Academy, a nonprofit education group. The group says more"
            " than 65,000 students tested its AI tutor.")
    listed = _listed(text)
    assert "the group" not in listed
    assert "Brightpath Academy" in listed


def test_a_name_made_an_adjective_by_a_hyphen_is_no_body() -> None:
    """ "a Lenby-based group": Lenby-based is no body; the group's name gives the figure."""
    text = ("The Center for Safe Schools, a Lenby-based group, said in a report that 59 percent"
            " of teachers were worried.")
    assert not any(name.endswith("-based") for name in _listed(text))


def test_the_namesake_of_an_illness_is_no_body() -> None:
    """ "Kessler’s disease" twice: Kessler names the illness, neither a person nor a body."""
    text = ("A new drug slows Kessler’s disease, doctors said. About 6 million people have"
            " Kessler’s disease, and many more have Kessler's syndrome.")
    assert "Kessler" not in _listed(text)


def test_a_group_read_across_a_present_verb_is_not_listed() -> None:
    """ "She said the pill gives families hope": no group "the pill gives families"."""
    text = ("Ana Ruiz runs a clinic. She said the pill gives families “more time to plan"
            " together.”")
    assert not any("gives" in name for name in _listed(text))


def test_money_a_noun_phrase_is_worth_is_its_value() -> None:
    """ "Reefs provide goods and services worth $2.7 trillion": value of goods and services."""
    text = "Reefs provide goods and services worth $2.7 trillion each year, the group says."
    assert "value of goods and services" in _measures(text)


def test_money_before_a_preposition_is_not_the_value_of_it() -> None:
    """ "a deal worth about £5bn with Kessen": no "value of the with"."""
    measures = _measures("The firm signed a deal worth about £5bn with Kessen on Monday.")
    assert not any(m.endswith("the with") for m in measures)
    assert "value of the deal" in measures


def test_a_share_s_participle_keeps_the_sentence_s_verb() -> None:
    """ "half of all the waste left on site was reused": left on site that was reused."""
    text = "Organisers say that 48% of all the waste left on site was reused in 2019."
    assert "share of all the waste left on site that was reused" in _measures(text)


def test_a_share_s_being_reads_is() -> None:
    """ "With 70% of all fresh water being in farming": share of all fresh water that is in
    farming, not "that being"."""
    text = "With 70% of all fresh water being in farming, cities face shortages."
    assert any(m.startswith("share of all fresh water that is in farming") for m in
               _measures(text))
