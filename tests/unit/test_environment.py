"""The Jinja environment prints every value through print_markdown (one call per value)."""

from pathlib import Path

from markupsafe import Markup

from explainer.render.environment import _finalize, make_environment, print_markdown
from explainer.render.markdown_text import Md, escape


def test_printed_values_compile_to_one_print_markdown_call(tmp_path: Path) -> None:
    env = make_environment([tmp_path])
    source = env.compile("{{ name }} and {{ 'x' ~ name }}{% macro m() %}{{ name }}{% endmacro %}",
                         raw=True)
    assert source.count("environment.print_markdown(") == 3  # a Jinja upgrade that drops the
    assert "escape(environment.finalize(" not in source      # hook must be noticed


def test_print_markdown_prints_what_jinja_would() -> None:
    values: list[object] = ["*bold* [x](javascript:alert(1)) <script>", Md("**kept**"),
                            Markup("<b>macro output</b>"), None, 3, 2.5, True, "1. item"]
    for value in values:
        assert print_markdown(value) == str(escape(_finalize(value))), value


def test_templates_print_escaped_text_and_markdown_as_is(tmp_path: Path) -> None:
    (tmp_path / "page.md.j2").write_text(
        "{% macro m(x) %}<{{ x }}>{% endmacro %}{{ text }}|{{ md }}|{{ m(text) }}|{{ nothing }}")
    out = make_environment([tmp_path]).get_template("page.md.j2").render(
        text="*a* <b>", md=Md("*a*"), nothing=None)
    assert out == r"\*a\* &lt;b&gt;|*a*|<\*a\* &lt;b&gt;>|"
