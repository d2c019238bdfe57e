"""people.py: names, roles, mention linking, registry matching."""

from explainer.extract import KnownPerson, extract


def people(text: str, known: tuple[KnownPerson, ...] = ()) -> dict[str, tuple[str, ...]]:
    return {p.name: p.roles for p in extract(text, known_people=known).people}


def test_title_before_name_becomes_role() -> None:
    got = people("Interior Minister Ramazon Rakhimzoda said the plan works.")
    assert got == {"Ramazon Rakhimzoda": ("Interior Minister",)}


def test_role_phrase_and_appositive() -> None:
    text = (
        "Radicalisation grows, Dushanbe-based security analyst Shukhrat Latifi told reporters. "
        "Arrests rose, Abdurakhim Abdulkhasanov, chief of the prosecutor's department, said."
    )
    got = people(text)
    assert got["Shukhrat Latifi"] == ("Dushanbe-based security analyst",)
    assert got["Abdurakhim Abdulkhasanov"] == ("chief of the prosecutor's department",)


def test_surname_and_title_mentions_link_to_full_name() -> None:
    text = (
        "Afghan Ambassador Hamdullah Mohib spoke. Later Ambassador Mohib left. "
        "Mohib said nothing more."
    )
    result = extract(text)
    assert [p.name for p in result.people] == ["Hamdullah Mohib"]
    assert len(result.people[0].mentions) >= 3


def test_misspelt_surname_with_title_links() -> None:
    text = 'Lydia Buchtmann says it is complicated. "We need time," Ms Bauchtman said.'
    result = extract(text)
    assert [p.name for p in result.people] == ["Lydia Buchtmann"]
    assert result.attributions[-1].speaker == "Lydia Buchtmann"


def test_places_and_organisations_are_not_people() -> None:
    got = people("The Islamic Movement of Uzbekistan (IMU) met in the United States.")
    assert got == {}


def test_known_people_registry_gives_canonical_name_and_id() -> None:
    known = (KnownPerson("rakhimzoda", "Ramazon Rakhimzoda", ("Rahmon Rakhimzoda",)),)
    result = extract("Minister Rakhimzoda said the talks went well.", known_people=known)
    assert [(p.name, p.known_id) for p in result.people] == [("Ramazon Rakhimzoda", "rakhimzoda")]


def test_buildings_that_speak_are_not_people() -> None:
    result = extract("The White House said the storm caused damage. "
                     "The British Embassy said staff were safe.")
    assert result.people == ()
    assert {a.speaker_kind for a in result.attributions} <= {"organisation", "none"}
