"""What stands in for a missing portrait: a person's or organisation's initials in a circle.

Shared by the pages (an initials badge beside the name) and the share cards, so both show the
same letters. The badge's colour is one of a few (`AVATAR_COLOURS`, each with white text at
WCAG AA contrast), picked from the id so it stays put between builds.
"""

from __future__ import annotations

import hashlib

#: How many colour classes the stylesheet defines (`.avatar--0` ... `.avatar--5`).
AVATAR_COLOURS = 6


def initials(name: str, abbreviation: str | None = None) -> str:
    """'Ramazon Rakhimzoda' -> 'RR'; 'Interpol' -> 'I'; an organisation's short abbreviation
    ('MVD') as it is."""
    if abbreviation and len(abbreviation) <= 4 and abbreviation.replace(".", "").isalnum():
        return abbreviation.replace(".", "").upper()
    words = [w for w in name.replace("-", " ").split() if w[:1].isalnum()]
    if not words:
        return "?"
    picked = [words[0], words[-1]] if len(words) > 1 else words[:1]
    return "".join(w[0] for w in picked).upper()


def avatar_colour(item_id: str) -> int:
    """0 .. AVATAR_COLOURS - 1, the same for an id on every build."""
    return int(hashlib.sha1(item_id.encode(), usedforsecurity=False).hexdigest()[:6], 16) \
        % AVATAR_COLOURS
