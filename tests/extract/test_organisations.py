"""organisations.py: organisation names and abbreviations."""

from explainer.extract import extract


def orgs(text: str) -> dict[str, str | None]:
    return {o.name: o.abbreviation for o in extract(text).organisations}


def test_name_with_abbreviation() -> None:
    got = orgs("He joined the Islamic Movement of Uzbekistan (IMU) in 2001.")
    assert got == {"Islamic Movement of Uzbekistan": "IMU"}


def test_quoted_name_with_abbreviation() -> None:
    got = orgs('members of the "Islamic State of Iraq and the Levant" (ISIL) fled')
    assert got == {"Islamic State of Iraq and the Levant": "ISIL"}


def test_abbreviation_mentions_are_linked() -> None:
    result = extract("The World Health Organisation (WHO) recommends iodine. WHO say it works.")
    (who,) = result.organisations
    assert who.abbreviation == "WHO"
    assert [m.text for m in who.mentions] == ["World Health Organisation", "WHO", "WHO"]
    assert result.attributions[-1].speaker == "World Health Organisation"
