"""`python -m explainer`: the same command line as the `explainer` script."""

from .cli import run

run()
