"""coref.py: pronouns, descriptions and anonymous sources resolve to the right speaker."""

from explainer.extract import extract


def speakers(text: str) -> list[tuple[str | None, str]]:
    return [(a.speaker, a.speaker_kind) for a in extract(text).attributions]


def test_he_is_the_last_speaker() -> None:
    text = (
        "The plan will work, Interior Minister Ramazon Rakhimzoda said. "
        "Drug routes must close, he added."
    )
    assert speakers(text) == [("Ramazon Rakhimzoda", "person")] * 2


def test_salient_subject_beats_older_speaker() -> None:
    text = (
        '"We played well," coach Hernan Gomez said.\n\nLater the match ended.\n\n'
        'Harry Kane won the award. He said, "It felt good."'
    )
    assert speakers(text)[-1] == ("Harry Kane", "person")


def test_anonymous_source_stays_anonymous() -> None:
    text = (
        "The number is higher, a ministry source who requested anonymity told Caravanserai. "
        "Some do not merit amnesty, the source said. "
        '"They came back," he said.'
    )
    result = extract(text)
    for a in result.attributions:
        assert a.speaker is None and a.speaker_kind == "anonymous"
        assert a.speaker_description == "a ministry source who requested anonymity"
    assert result.people == ()


def test_definite_role_description_finds_person() -> None:
    text = "Rodaba Noori, the team's coach, said they won. The coach said it was hard."
    assert speakers(text)[-1] == ("Rodaba Noori", "person")


def test_first_person_inside_quote_is_quote_speaker() -> None:
    text = '"I suspect they will not do it," Professor Cres Eastman said.'
    got = extract(text).attributions
    assert [a.speaker for a in got] == ["Cres Eastman", "Cres Eastman"]


def test_relative_pronoun_speaker() -> None:
    text = "He travelled to meet Tom Devocht, who had told Montalvo he would help him."
    (a,) = extract(text).attributions
    assert a.speaker == "Tom Devocht" and a.content == "he would help him"
