#!/usr/bin/env python3
"""This repository's thin wrapper of the `explainer` command: `python build.py --help`."""

from explainer.cli import run

if __name__ == "__main__":
    run()
