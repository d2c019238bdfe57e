"""Page chrome: text that comes with a web page but is not part of the article."""

from __future__ import annotations

import re

_CHROME = [re.compile(p, re.IGNORECASE) for p in (
    r"^do you like this article\??$",
    r"^\d+\s+comments?(\(s\))?$",
    r"^comment policy\b",
    r"^(leave|post|add|write) a comment\b",
    r"^\*?\s*denotes required field",
    r"^(share|tweet|email|print|save)( (this|on|via) [\w ]+)?$",
    r"^(share|follow us) on (facebook|twitter|x|linkedin|whatsapp)\b",
    r"^(related|recommended|more) (articles|stories|news|reading)\b",
    r"^(read more|see also|also read)\s*:?\s*$",
    r"^advertisement$",
    r"^(sign up|subscribe) (for|to) (our|the) (newsletter|daily)\b",
    r"^click here to\b",
    r"^\d+\s*/\s*\d+$",
    r"^(previous|next) (article|story)$",
    r"^(all rights reserved|©|\(c\) \d{4})",
)]


def is_chrome(text: str) -> bool:
    line = " ".join(text.split())
    return any(p.search(line) for p in _CHROME)


# A line that only credits a photo: "(Photo by Ana Duarte / Valley Post)", "Image: Reuters",
# "Photograph: Jane Roe/AP", "Credit: Getty Images". Short, so a sentence about photos stays.
_CREDIT_LINE = re.compile(
    r"^\(?\s*(?:(?:photo(?:graph)?|image|picture|foto)s?\s*(?:by\b|:|credit\s*:?)"
    r"|credit\s*:)\s*\S.{0,80}?\)?\.?$", re.IGNORECASE)


def is_credit_line(text: str) -> bool:
    line = " ".join(text.split())
    return len(line.split()) <= 14 and bool(_CREDIT_LINE.match(line))
