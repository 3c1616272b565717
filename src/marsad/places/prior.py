"""How likely a bare mention means a place, before any context, and how raw confidences
become the public, calibrated score.

`prior`: countries, continents, curated places, admin1 areas, then towns by population
(capitals and seats a little above their size), airports by kind. `calibrate` maps the
resolver's raw confidence to the share of resolutions that are right, fitted on TR-News
(see `_CALIBRATION`); `uncalibrate` inverts it, so a threshold can be given either way.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from .gazetteer import Candidate


def prior(c: Candidate) -> float:
    """How likely a bare mention of the name means `c`, in [0, ~1.2]."""
    pop = math.log10(max(c.population or (SEAT_POPULATION if c.seat else 0), 0) + 1) / 7.0
    code = c.feature_code
    if code == "PCLI":
        return 2.0
    if code == "CONT":
        return 1.6
    if c.curated:
        return 0.85  # curated in place_aliases.yaml
    if code in _AIRFIELD_PRIOR:
        return _AIRFIELD_PRIOR[code]
    if code == "ADM1":
        return 0.72 + 0.1 * min(pop, 1.0)
    if code == "ADM2":
        if c.match < 2:
            return 0.2 + 0.2 * min(pop, 1.0)  # "Ohio" is not Ohio County
        # A county called by its own name is known as well as a town of its size ("Kent",
        # "Fife"); `_choose` still prefers the same-named town that lies in it.
        return max(0.2, 0.1 + 0.7 * min(pop, 1.0))
    base = 0.2 + 0.7 * min(pop, 1.0)
    return base + {"PPLC": 0.25, "PPLA": 0.1, "PPLA2": 0.04}.get(code, 0.0)


MATCH_WEIGHT = {2: 1.0, 1: 0.85, 0: 0.6}
# A seat of an admin division listed without population weighs like a town this size.
SEAT_POPULATION = 5000
# Airports have no population: one with an IATA code is as known as a town of ~50,000,
# a military field a little less, a local strip like a village.
_AIRFIELD_PRIOR = {"AIRP": 0.6, "AIRB": 0.55, "AIRF": 0.35}

# Calibration of the public score: (raw confidence from `_choose`, share of resolutions
# that are right). Fitted on TR-News with gold spans: the resolved toponyms that have a
# gold GeoNames id were binned by raw confidence ([0, .7), [.7, .9), [.9, .95), [.95, .985),
# [.985, .997), [.997, .9995), [.9995, 1]) and each knot is a bin's (mean raw score,
# exact-id accuracy), checked monotone with pool-adjacent-violators; the top knot is
# shrunk from 0.996 to 0.99. TR-News has no resolution under raw 0.35 (its one at 0.358
# is wrong), so (0.3, 0.1) is a prior anchor at the unresolved threshold; (0, 0) ends it.
# The knots rise strictly, so the mapping inverts and the threshold maps through it.
# `eval/geo.py --calibration` prints the reliability table per set.
_CALIBRATION: tuple[tuple[float, float], ...] = (
    (0.0, 0.0),
    (0.3, 0.1),
    (0.586, 0.556),
    (0.813, 0.783),
    (0.93, 0.883),
    (0.974, 0.923),
    (0.992, 0.948),
    (0.998, 0.963),
    (1.0, 0.99),
)
_RAW_THRESHOLD = 0.3


def _interpolate(x: float, knots: Sequence[tuple[float, float]]) -> float:
    x = max(knots[0][0], min(knots[-1][0], x))
    for (x0, y0), (x1, y1) in zip(knots, knots[1:], strict=False):
        if x <= x1:
            return y0 + (y1 - y0) * (x - x0) / (x1 - x0)
    return knots[-1][1]


def calibrate(raw: float) -> float:
    """The probability that a resolution with raw confidence `raw` is right."""
    return _interpolate(raw, _CALIBRATION)


def uncalibrate(p: float) -> float:
    """The raw confidence whose calibrated score is `p` (the inverse of `calibrate`)."""
    return _interpolate(p, [(y, x) for x, y in _CALIBRATION])


DEFAULT_THRESHOLD = calibrate(_RAW_THRESHOLD)
