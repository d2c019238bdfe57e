#!/usr/bin/env python3
"""Explainer site generator: `python build.py --help` lists the commands."""

import sys

from explainer.cli import main

if __name__ == "__main__":
    sys.exit(main())
