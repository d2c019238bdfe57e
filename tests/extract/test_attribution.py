"""attribution.py + assemble.py: reporting frames and the span convention."""

from explainer.extract import Attribution, extract


def attrs(text: str) -> list[Attribution]:
    return list(extract(text).attributions)


def test_cue_first_indirect_excludes_that_and_final_period() -> None:
    (a,) = attrs("The Deseret News observed that the hashtag had become a phenomenon.")
    assert a.content == "the hashtag had become a phenomenon"
    assert a.speaker == "Deseret News" and a.speaker_kind == "organisation"
    assert a.cue == "observed" and not a.direct


def test_trailing_direct_quote_includes_marks_not_following_comma() -> None:
    text = '"We comply with the rules," Abdurakhim Abdulkhasanov told reporters.'
    (a,) = attrs(text)
    assert a.content == '"We comply with the rules,"'
    assert a.direct and a.speaker == "Abdurakhim Abdulkhasanov" and a.cue == "told"


def test_inverted_trailing_source() -> None:
    (a,) = attrs('"This would not have been possible," said Ambassador Hamdullah Mohib.')
    assert a.speaker == "Hamdullah Mohib"


def test_trailing_indirect_speech() -> None:
    text = (
        "Militants are moving into Afghanistan, which borders Tajikistan, analyst Ali Karimov said."
    )
    (a,) = attrs(text)
    assert a.content == "Militants are moving into Afghanistan, which borders Tajikistan"
    assert a.speaker == "Ali Karimov"


def test_according_to_leading_and_trailing() -> None:
    got = attrs(
        "According to the team's coach, Alireza Mehraban, the robot scored two points. "
        "The city expects six million visitors according to the event website."
    )
    assert got[0].content == "the robot scored two points"
    assert got[0].speaker == "Alireza Mehraban"
    assert got[1].content == "The city expects six million visitors"
    assert got[1].speaker is None


def test_hearer_and_adjunct_are_skipped() -> None:
    (a,) = attrs("Steve Whitmore told LA Weekly in a statement that the case was closed.")
    assert a.content == "the case was closed"


def test_colon_quote_in_next_paragraph() -> None:
    text = (
        'US President Barack Obama tweeted using his account:\n\n"Cool clock, Ahmed. Come visit."'
    )
    (a,) = attrs(text)
    assert a.content == '"Cool clock, Ahmed. Come visit."' and a.speaker == "Barack Obama"


def test_continuation_quote_keeps_speaker() -> None:
    text = '"We need a mechanism," Rakhimzoda said. "It is equally important to act."'
    got = attrs(text)
    assert [a.speaker for a in got] == ["Rakhimzoda", "Rakhimzoda"]
    assert got[1].cue is None and got[1].direct


def test_interrupted_quote_gives_two_attributions() -> None:
    text = '"We are interested," team member Rodaba Noori told the press, "to show our talent."'
    got = attrs(text)
    assert [a.content for a in got] == ['"We are interested,"', '"to show our talent."']
    assert {a.speaker for a in got} == {"Rodaba Noori"}


def test_coordinated_reports_split_content() -> None:
    text = "Yvette Cooper said her party supported the idea, and said it was damning."
    got = attrs(text)
    assert [a.content for a in got] == ["her party supported the idea", "it was damning"]


def test_partial_quote_belongs_to_paraphrase() -> None:
    text = (
        'Militants want to found an extremist "caliphate" at home, analyst Nuriddin Mavlonov said.'
    )
    (a,) = attrs(text)
    assert [m.text for m in a.partial_quotes] == ['"caliphate"']
    assert not a.direct and a.speaker == "Nuriddin Mavlonov"


def test_belief_verb_inside_quotation_is_embedded() -> None:
    text = 'After the match, coach Hernan Gomez said, "I think we have learned a lot."'
    got = attrs(text)
    assert got[1].content == "we have learned a lot."
    assert got[1].embedded_in == 0 and got[1].speaker == "Hernan Gomez"


def test_nouns_and_passives_are_not_cues() -> None:
    assert attrs("The report was shown to reporters. Recent reports have been rare.") == []
    assert attrs("They were twice denied visas to enter the United States.") == []
