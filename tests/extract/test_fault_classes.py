"""The speaker fault classes of issue #13, each on text written for these tests (invented
events and people), plus the general mechanisms that fix them: every test here failed with the
extractor as round 1 left it.

(a) a capitalised word at the start of a headline or sentence taken as (part of) a speaker,
(b) a place or building taken as a person or speaker, (c) a quotation left without the speaker
named in the sentence before, (d) a quotation given to a person only mentioned inside it (or
only mentioned by the speaker phrase), (e) names glued to the word before them, (f) reporter
words inside a direct quotation.
"""

from __future__ import annotations

from explainer.extract import Attribution, Extraction, extract


def attrs(text: str) -> list[Attribution]:
    return list(extract(text).attributions)


def people(result: Extraction) -> list[str]:
    return [p.name for p in result.people]


def speaker_of(text: str, content_start: str) -> Attribution:
    """The attribution whose content begins with `content_start`."""
    return next(a for a in attrs(text) if a.content.startswith(content_start))


# ---------------------------------------------------------------- (a) capitalised non-names


def test_a_title_case_headline_names_nobody() -> None:
    text = (
        "Greenfield Says Merger Talks With Apex Have Ended\n\n"
        "Greenfield Holdings said on Monday that talks with its rival had ended."
    )
    assert people(extract(text)) == []


def test_a_contraction_opening_a_headline_is_not_a_person() -> None:
    text = (
        "We’ve Got Work To Do, Harbour Board Chair Admits\n\n"
        "The harbour board's chair, Ilse Brandt, said the ferry service had lost money."
    )
    assert people(extract(text)) == ["Ilse Brandt"]


def test_a_sentence_word_before_a_name_is_not_the_speakers() -> None:
    (a,) = attrs("Meanwhile Ortiz said the plan was dead.")
    assert a.speaker == "Ortiz"


def test_a_participle_opening_a_sentence_reports_nothing() -> None:
    got = attrs(
        "Asked whether the city would pay, Hutchins said speed humps were possible. "
        "Reyes asked him whether the council had a plan."
    )
    assert [a.content for a in got] == [
        "speed humps were possible", "whether the council had a plan",
    ]
    assert got[1].speaker == "Reyes"


# ---------------------------------------------------------------- (b) places and buildings


def test_b_a_place_modifying_an_organisation_noun_is_not_a_person() -> None:
    result = extract("Hong Kong police said the march was illegal.")
    assert people(result) == []
    (a,) = result.attributions
    assert (a.speaker, a.speaker_kind) == ("Hong Kong police", "organisation")


def test_b_a_building_is_not_a_person() -> None:
    text = 'Paramedics took him to St Mary\'s Hospital. "He is stable," the hospital said.'
    assert people(extract(text)) == []


def test_b_an_organisation_with_a_plural_head_is_not_a_person() -> None:
    text = (
        "The Centers for Disease Control and Prevention said it had sent a team. "
        "Nationally, 412 cases were reported, according to the agency."
    )
    result = extract(text)
    assert people(result) == []
    assert {a.speaker for a in result.attributions} == {
        "Centers for Disease Control and Prevention"
    }


def test_b_a_street_or_a_charity_is_not_a_person() -> None:
    text = (
        "The Llewellyns live on Mill Lane. Siobhán O’Rourke, the chief executive of the "
        "housing charity Shelter Cymru, said the row was a distraction."
    )
    result = extract(text)
    assert people(result) == ["Siobhán O’Rourke"]
    assert result.attributions[0].speaker == "Siobhán O’Rourke"


# ---------------------------------------------------------------- (c) the sentence before


def test_c_a_quotation_after_a_sentence_bringing_in_a_person() -> None:
    text = (
        'Grace Whitfield has lived on Canal Street for 40 years. "Nobody on that council has '
        'to live with it," she said.\n\nThe sharpest criticism came from Councilman Tom Reyes, '
        'who voted against the plan.\n\n"We are putting a bandage on a broken leg."'
    )
    got = attrs(text)
    assert got[-1].content == '"We are putting a bandage on a broken leg."'
    assert got[-1].speaker == "Tom Reyes"


def test_c_an_introduced_speaker_after_a_possessor() -> None:
    text = (
        "Paul Eriksen said members were relieved.\n\nAmong those who spoke was Eriksen's "
        'daughter, Lily, a fourth-grader at Lincoln.\n\n"Old things should be looked after, '
        'not thrown away."'
    )
    assert attrs(text)[-1].speaker == "Lily"


# ---------------------------------------------------------------- (d) only mentioned


def test_d_a_name_inside_the_quoted_words_is_not_the_speaker() -> None:
    text = (
        'Marcus Dorsey scored 41. "Marcus Dorsey is a special player," Janelle Brooks-Wynn '
        "said at a news conference in the bowels of the arena after the game."
    )
    assert speaker_of(text, '"Marcus').speaker == "Janelle Brooks-Wynn"


def test_d_an_uncued_quotation_is_not_its_subjects() -> None:
    text = '"Ellen Fox has betrayed this town" — that was the message from protesters on Saturday.'
    assert all(a.speaker != "Ellen Fox" for a in attrs(text))


def test_d_a_person_the_speaker_phrase_only_mentions() -> None:
    critics = speaker_of("Critics including Ana Lopez said the plan was rushed.", "the")
    assert critics.speaker is None
    a = speaker_of("A spokesman for Mayor Ellen Fox said the claim was false.", "the")
    assert a.speaker is None and a.speaker_kind == "anonymous"
    assert speaker_of("Vance's attorney said he would appeal.", "he").speaker is None


# ---------------------------------------------------------------- (e) glued names


def test_e_descriptors_are_not_part_of_the_name() -> None:
    text = (
        "Pensioner Margaret Pennington, 82, said the library was a lifeline. Democrat Carmen "
        "Villalobos won the seat and Republican Doug Reinholt did not concede. Without Sarah "
        "Kim this project would have died, the director said."
    )
    assert people(extract(text)) == [
        "Margaret Pennington", "Carmen Villalobos", "Doug Reinholt", "Sarah Kim",
    ]


# ---------------------------------------------------------------- (f) reporter words


def test_f_direct_quotations_end_at_their_closing_mark() -> None:
    got = attrs('She told the BBC: "It is over", adding she would not stand again.')
    assert got[0].content == '"It is over"' and got[0].direct
    (a,) = attrs('Smith said, "We are ready," before leaving the stage.')
    assert a.content == '"We are ready,"'


def test_f_a_description_before_the_name_is_the_sources() -> None:
    text = (
        "Kofi Annan once called the job the most impossible in the world. "
        '"It still is," his successor, Ban Ki-moon, told reporters.'
    )
    a = speaker_of(text, '"It still')
    assert a.content == '"It still is,"' and a.speaker == "Ban Ki-moon"


# ---------------------------------------------------------------- mechanisms met on the way


def test_trailing_according_to_after_a_comma() -> None:
    (a,) = attrs("Around 40 homes were flooded overnight, according to Powys County Council.")
    assert a.content == "Around 40 homes were flooded overnight"
    assert a.speaker == "Powys County Council"


def test_a_wire_dateline_is_not_part_of_the_content_or_the_speaker() -> None:
    (a,) = attrs("KYIV (Reuters) - Ukraine said on Monday it had shot down 40 drones.")
    assert (a.content, a.speaker) == ("it had shot down 40 drones", "Ukraine")
    (b,) = attrs(
        "SANTA LUCIA, Calif. (AP) - More than 9,000 people were told to leave, officials said."
    )
    assert b.content == "More than 9,000 people were told to leave"


def test_quotations_in_single_marks() -> None:
    text = (
        "‘We’d just put the new carpets down,’ said Bryn Llewellyn, 67. ‘By four the water "
        "was up to the sofa.’ The Joneses’ house was spared."
    )
    assert [a.speaker for a in attrs(text)] == ["Bryn Llewellyn", "Bryn Llewellyn"]


def test_organisations_described_by_a_common_noun() -> None:
    text = (
        "Vantix will cut 4,000 jobs, the company said. Shares of Vantix rose 4%. "
        "The Local Government Association welcomed the plan. \"Councils want to build homes,\" "
        "it said. The Manitoba government said it was monitoring the situation."
    )
    assert [a.speaker for a in attrs(text)] == [
        "Vantix", "Local Government Association", "Manitoba government",
    ]


def test_an_abbreviation_matching_an_organisations_initials() -> None:
    text = (
        "The Federal Aviation Administration missed its hiring goal. "
        "The FAA said it would open a second academy."
    )
    assert attrs(text)[0].speaker == "Federal Aviation Administration"


def test_a_gendered_title_does_not_link_to_a_woman_of_that_surname() -> None:
    text = (
        "Bryn and Gwen Llewellyn moved back in August. "
        "\"We'd just put the carpets down,\" said Mr Llewellyn."
    )
    assert attrs(text)[0].speaker == "Llewellyn"
