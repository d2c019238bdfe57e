"""The command line (`explainer` and this repository's `build.py`): a thin layer over the
pipeline that turns every content problem into `path:line:col` lines and an exit status."""

from .main import main, make_parser, run

__all__ = ["main", "make_parser", "run"]
