"""Hypothesis settings for the property tests.

`make test` runs a few examples of each property (seconds each); EXPLAINER_HYPOTHESIS=long
runs many more (`make properties`), =explore as many without shrinking a failure (to look for
new ones quickly), and CI (CI=true) derandomizes, so a CI run is reproducible. A failing
example is saved in .hypothesis/ and tried first next time.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, Phase, settings

_RELAXED = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much]
settings.register_profile("default", max_examples=12, deadline=None,
                          suppress_health_check=_RELAXED)
settings.register_profile("ci", parent=settings.get_profile("default"), derandomize=True,
                          database=None, print_blob=True)
settings.register_profile("long", max_examples=500, deadline=None,
                          suppress_health_check=_RELAXED)
# many examples and no shrinking: to look for new failures quickly
settings.register_profile("explore", parent=settings.get_profile("long"),
                          phases=[Phase.explicit, Phase.reuse, Phase.generate])
settings.load_profile(os.environ.get("EXPLAINER_HYPOTHESIS")
                      or ("ci" if os.environ.get("CI") == "true" else "default"))
