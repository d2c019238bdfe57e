"""Pictures drawn at build time from the linked facts, as inline SVG: the timeline of a story
or a year, and the chart of each breakdown of a figure.

The geometry is worked out here as plain numbers (so tests can check it: every mark within
its date's days, no two labels overlapping, bars adding up to their total); the templates in
`_pictures.md.j2` turn it into markup. No JavaScript draws anything and nothing is fetched.

Each picture is laid out twice, for a wide column and for a phone: the page carries both and
its stylesheet shows the one that fits, so text in a picture is always set at reading size.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from . import breakdown as _breakdown
from . import timeline as _timeline
from .breakdown import BreakdownChart, Remainder, amount, figure_text, remainder
from .layout import fmt
from .timeline import TimelinePicture

__all__ = ["BreakdownChart", "Remainder", "TimelinePicture", "Versions", "amount",
           "breakdown_layouts", "figure_text", "fmt", "remainder", "timeline_layouts"]

P = TypeVar("P")


@dataclass(frozen=True)
class Versions(Generic[P]):
    """One picture laid out for a wide column and for a phone."""

    wide: P
    narrow: P


def timeline_layouts(events: Sequence[Any], site_wide: bool = False,
             picture_id: str = "timeline-picture") -> Versions[TimelinePicture] | None:
    """The timeline picture of `events` (see timeline.timeline_picture), or None."""
    wide = _timeline.timeline_picture(events, site_wide, picture_id, _timeline.WIDE)
    narrow = _timeline.timeline_picture(events, site_wide, picture_id + "-narrow",
                                        _timeline.NARROW, tooltips=False)
    return Versions(wide, narrow) if wide is not None and narrow is not None else None


def breakdown_layouts(figure: Any, parts: Any, chart_id: str) -> Versions[BreakdownChart] | None:
    """The chart of one breakdown of a figure (see breakdown.breakdown_chart), or None."""
    wide = _breakdown.breakdown_chart(figure, parts, chart_id, _breakdown.WIDE)
    narrow = _breakdown.breakdown_chart(figure, parts, chart_id + "-narrow", _breakdown.NARROW,
                                        tooltips=False)
    return Versions(wide, narrow) if wide is not None and narrow is not None else None
