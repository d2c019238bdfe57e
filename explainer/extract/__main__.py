"""`python -m explainer.extract FILE [--article-date YYYY-MM-DD]`: print the extraction as JSON."""

from __future__ import annotations

import argparse
import json
import sys

from .pipeline import extract
from .score_format import to_score_json


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m explainer.extract", description=__doc__)
    ap.add_argument("file", help="plain-text article (UTF-8); '-' reads standard input")
    ap.add_argument(
        "--article-date", default=None, help="publication date (YYYY-MM-DD) for relative dates"
    )
    args = ap.parse_args(argv)
    if args.file == "-":
        text = sys.stdin.read()
    else:
        with open(args.file, encoding="utf-8") as f:
            text = f.read()
    result = extract(text, article_date=args.article_date)
    print(json.dumps(to_score_json(result), indent=1, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
