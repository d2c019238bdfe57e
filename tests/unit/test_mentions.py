from explainer.link.mentions import build_index


def test_longest_name_wins_and_possessives_match() -> None:
    index = build_index([
        ("imu", ["Islamic Movement of Uzbekistan", "IMU"]),
        ("rakhimzoda", ["Ramazon Rakhimzoda", "Rakhimzoda"]),
        ("interpol", ["Interpol"]),
        ("kalkan", ["Interpol Project Kalkan"]),
    ])
    text = ("Rakhimzoda's speech named the Islamic Movement of Uzbekistan (IMU) and the "
            "Interpol Project Kalkan; Interpol itself too.")
    assert index.find(text) == ["rakhimzoda", "imu", "kalkan", "interpol"]


def test_a_shared_alias_is_ambiguous_and_never_merges_two_people() -> None:
    index = build_index([("john-smith", ["John Smith", "Smith"]),
                         ("jane-smith", ["Jane Smith", "Smith"])])
    assert index.find("Smith said") == []
    assert index.find("Jane Smith said, and John Smith agreed") == ["jane-smith", "john-smith"]
    assert list(index.ambiguous) == [("Smith",)]
