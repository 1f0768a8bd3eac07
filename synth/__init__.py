"""A seeded generator of a SYNTHETIC Kyrgyz Republic: base population and five years of events.

Real microdata (Tunduk, ZAGS, the address bureau) cannot be used to develop and test the
platform, so this package makes data that looks like the country — sizes, age structure,
fertility, mortality, migration flows calibrated to published NSC figures — while being
entirely invented. Everything it loads is labelled synthetic (``IngestBatch.synthetic``).

- :mod:`synth.profile`: the calibration targets and the demographic schedules built from them;
- :mod:`synth.simulate`: the vectorised cohort simulation that emits individual events;
- :mod:`synth.load`: writing one generated data set into the store, once;
- :mod:`synth.cli`: ``flask synth generate``.
"""

from __future__ import annotations

SYNTHETIC_NOTICE = "SYNTHETIC DATA — generated, not official statistics"

__all__ = ["SYNTHETIC_NOTICE"]
