"""The product's seed story: every direct quotation is found, with the right speaker.

The expected table is read off the article by hand (it is test data, not a rule)."""

from __future__ import annotations

import pytest

from explainer.extract import Extraction

MVD = "anonymous MVD source"
EXPECTED_QUOTES: list[tuple[str, str]] = [
    ("One of the performance indicators", "Ramazon Rakhimzoda"),
    ("Interpol member states' law enforcement", "Ramazon Rakhimzoda"),
    ("We need to create the kind of mechanism", "Ramazon Rakhimzoda"),
    ("It's equally important to organise", "Ramazon Rakhimzoda"),
    ("We are co-operating with Afghanistan's leadership", "Ramazon Rakhimzoda"),
    ("Young people who went to Syria and Iraq", MVD),
    ("It has become impossible to live there", MVD),
    ("ISIL ... is sending its supporters", MVD),
    ("It also wants new supporters", MVD),
    ("Now we check every [ex-militant]", MVD),
    ("We do not automatically release them", MVD),
    ("slightly more than 1,000 Tajiks are in Syria and Iraq", MVD),
    ("We comply with international privacy rules", "Abdurakhim Abdulkhasanov"),
    ("However ... we monitor suspicious correspondence", "Abdurakhim Abdulkhasanov"),
    ("We also work with community elders", "Mukhammadrizo Khalifazoda"),
    ("If they know that someone is planning", "Mukhammadrizo Khalifazoda"),
    ("If his answers suddenly raise any doubts", "Mukhammadrizo Khalifazoda"),
    ("They tell us simultaneously", "Mukhammadrizo Khalifazoda"),
    ("When someone lands into a tough situation", "Shukhrat Latifi"),
    ("At that very moment, extremists show up", "Shukhrat Latifi"),
    ("Unfortunately, this region has become", "Nuriddin Mavlonov"),
    ("This concentration of foreign fighters", "Nuriddin Mavlonov"),
    ("They go to other countries", "Nuriddin Mavlonov"),
    ("We should be confident that our army", "Makhmadruzi Tilyayev"),
    ("Together, we can resist any threats", "Makhmadruzi Tilyayev"),
]


def _direct_containing(result: Extraction, needle: str) -> list[tuple[str | None, str, str | None]]:
    return [
        (a.speaker, a.speaker_kind, a.speaker_description)
        for a in result.attributions
        if a.direct and needle in a.content and a.embedded_in is None
    ]


@pytest.mark.parametrize(("needle", "speaker"), EXPECTED_QUOTES)
def test_seed_quote_has_right_speaker(seed_result: Extraction, needle: str, speaker: str) -> None:
    found = _direct_containing(seed_result, needle)
    assert found, f"quotation not found: {needle}"
    name, kind, description = found[0]
    if speaker == MVD:
        assert name is None and kind == "anonymous"
        assert description == "a Tajik Interior Ministry (MVD) source who requested anonymity"
    else:
        assert (name, kind) == (speaker, "person")


def test_every_quotation_of_speech_is_covered(seed_result: Extraction, seed_text: str) -> None:
    """Every quotation except the quoted name and the partial quote is a direct attribution."""
    direct = [a for a in seed_result.attributions if a.direct and a.embedded_in is None]
    assert len(direct) == len(EXPECTED_QUOTES)


def test_names_in_quotes_and_partial_quotes(seed_result: Extraction) -> None:
    contents = [a.content for a in seed_result.attributions]
    assert not any(c == '"Islamic State of Iraq and the Levant"' for c in contents)
    (caliphate,) = [a for a in seed_result.attributions if '"caliphate"' in a.content]
    assert not caliphate.direct and caliphate.speaker == "Nuriddin Mavlonov"
    assert [m.text for m in caliphate.partial_quotes] == ['"caliphate"']


def test_seed_people_and_roles(seed_result: Extraction) -> None:
    roles = {p.name: p.roles for p in seed_result.people}
    assert roles["Ramazon Rakhimzoda"] == ("Interior Minister",)
    assert roles["Shukhrat Latifi"] == ("Dushanbe-based security analyst",)
    assert roles["Abdurakhim Abdulkhasanov"] == (
        "chief of the general prosecutor's department for oversight of law enforcement by "
        "security agencies",
    )
    speakers = {a.speaker for a in seed_result.attributions if a.speaker_kind == "person"}
    assert speakers == {
        "Ramazon Rakhimzoda",
        "Abdurakhim Abdulkhasanov",
        "Mukhammadrizo Khalifazoda",
        "Shukhrat Latifi",
        "Nuriddin Mavlonov",
        "Makhmadruzi Tilyayev",
    }


def test_seed_indirect_speech(seed_result: Extraction) -> None:
    def speaker_of(prefix: str) -> tuple[str | None, str]:
        (a,) = [a for a in seed_result.attributions if a.content.startswith(prefix)]
        return (a.speaker, a.speaker_kind)

    assert speaker_of("Tajikistan's top priorities include") == ("Ramazon Rakhimzoda", "person")
    assert speaker_of("Some of the ex-militants do not merit amnesty") == (None, "anonymous")
    assert speaker_of("Investigators have learned that") == ("Shukhrat Latifi", "person")
    assert speaker_of("the majority of Tajik militants") == (None, "anonymous")


def test_seed_dates_and_organisations(seed_result: Extraction) -> None:
    dates = {d.text: (d.edtf, d.year_inferred) for d in seed_result.dates}
    assert dates["the first eight months of 2016"] == ("2016-01/2016-08", False)
    assert dates["September 19-20"] == ("2016-09-19/2016-09-20", True)
    orgs = {o.name: o.abbreviation for o in seed_result.organisations}
    assert orgs["Islamic Movement of Uzbekistan"] == "IMU"
    assert orgs["Tajik Interior Ministry"] == "MVD"
