import time

import pytest

from explainer.load.yamlsource import YamlList, YamlMap, YamlProblem, load_yaml, position_of


def test_positions_of_keys_values_and_items() -> None:
    data = load_yaml("a: 1\nb:\n  - x: one\n  - two\n", "f.yaml")
    assert isinstance(data, YamlMap) and isinstance(data["b"], YamlList)
    assert data.key_where["b"] == (2, 1)
    assert position_of(data, ("b", 0, "x")) == ((3, 8), True)
    assert position_of(data, ("b", 1)) == ((4, 5), True)
    assert position_of(data, ("b", 0, "missing")) == ((3, 5), False)


def test_line_offset_for_front_matter() -> None:
    data = load_yaml("name: X\n", "p.md", line_offset=1)
    assert data.value_where["name"] == (2, 7)


def test_dates_and_yes_no_stay_text() -> None:
    data = load_yaml("d: 2016-09-19\nn: no\ny: yes\nt: true\nyear: 2015\n", "f.yaml")
    assert data == {"d": "2016-09-19", "n": "no", "y": "yes", "t": True, "year": 2015}


@pytest.mark.parametrize("text, message", [
    ("a: 1\na: 2\n", "f.yaml:2:1: error: duplicate key 'a' (first given on line 1)"),
    ("a: !!python/object/apply:os.system ['x']\n",
     "f.yaml:1:4: error: YAML tag '!!python/object/apply:os.system' is not allowed"),
    ("a: !!set {x}\n", "f.yaml:1:4: error: YAML tag '!!set' is not allowed"),
    ("a: &x 1\nb: *x\n", "f.yaml:1:4: error: YAML anchors and aliases"),
    ("<<: {a: 1}\n", "f.yaml:1:1: error: YAML merge keys (<<) are not allowed"),
    ("a: [1\n", "f.yaml:2:1: error: YAML syntax error"),
    ("a: \"b\x07\"\n", "f.yaml:1:6: error: character U+0007 is not allowed in YAML"),
    ("? [a, b]\n: 1\n", "f.yaml:1:3: error: a mapping key must be plain text"),
    # found by fuzzing: at the end of a file without a final line break, libyaml pointed at
    # a line after the last one
    ("a: 1\nb", "f.yaml:2:2: error: YAML syntax error"),
])
def test_refusals_name_file_line_and_column(text: str, message: str) -> None:
    with pytest.raises(YamlProblem) as caught:
        load_yaml(text, "f.yaml")
    assert caught.value.diagnostic.format().startswith(message)


def test_billion_laughs_is_refused_quickly() -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n"
        for i in range(8))
    started = time.perf_counter()
    with pytest.raises(YamlProblem, match="aliases"):
        load_yaml(bomb, "bomb.yaml")
    assert time.perf_counter() - started < 1.0


def test_a_hashtag_read_as_a_comment_is_warned_about() -> None:
    from explainer.load.yamlsource import load_yaml_checked

    data, warnings = load_yaml_checked(
        "text: the hashtag, #IStandWithAhmed, took off\nvalue: 151  # a real comment\n", "f.yaml")
    assert data == {"text": "the hashtag,", "value": 151}
    assert [w.format() for w in warnings] == [
        "f.yaml:1:20: warning: '#IStandWithAhmed, took off' is read as a YAML comment, so the "
        "value ends at 'the hashtag,'; put the value in quotes to keep the '#'"]
