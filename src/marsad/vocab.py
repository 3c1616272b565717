"""ACLED's vocabulary, loaded once from `data/acled.yaml`.

Every stage that names an event type, a sub-event type or an actor category asks here, so
the spellings exist in one place (the data file) and the web page can read the same file.
Unknown names raise `KeyError` (a typo is a bug, not a value); the CASE 2021 labels that lie
outside ACLED's scheme map to None.
"""

from __future__ import annotations

import functools
from typing import Any

from .shipped import load_yaml


@functools.cache
def _data() -> dict[str, Any]:
    data: dict[str, Any] = load_yaml("acled.yaml")
    return data


@functools.cache
def _sub_to_type() -> dict[str, str]:
    return {sub: etype for etype, spec in _data()["event_types"].items() for sub in spec["sub_event_types"]}


def event_types() -> tuple[str, ...]:
    """ACLED's six event types, in ACLED's order."""
    return tuple(_data()["event_types"])


def sub_event_types(event_type: str | None = None) -> tuple[str, ...]:
    """ACLED's 25 sub-event types (or those of one event type), in ACLED's order."""
    if event_type is None:
        return tuple(_sub_to_type())
    try:
        return tuple(_data()["event_types"][event_type]["sub_event_types"])
    except KeyError:
        raise KeyError(f"not an ACLED event type: {event_type!r}") from None


def event_type_of(sub_type: str) -> str:
    """The event type a sub-event type belongs to: 'Air/drone strike' -> 'Explosions/Remote violence'."""
    try:
        return _sub_to_type()[sub_type]
    except KeyError:
        raise KeyError(f"not an ACLED sub-event type: {sub_type!r}") from None


def event_colour(event_type: str) -> str:
    """The map colour (#rrggbb) of an event type."""
    try:
        colour: str = _data()["event_types"][event_type]["colour"]
    except KeyError:
        raise KeyError(f"not an ACLED event type: {event_type!r}") from None
    return colour


def inter_categories() -> dict[int, str]:
    """ACLED's actor categories by numeric code (1 State forces … 8 External/Other forces)."""
    return {int(k): str(v) for k, v in _data()["inter"].items()}


def inter_name(code: int) -> str:
    """The name of an ACLED `inter` code: 1 -> 'State forces'."""
    try:
        return inter_categories()[int(code)]
    except KeyError:
        raise KeyError(f"not an ACLED inter code: {code!r}") from None


def inter_code(name: str) -> int:
    """The numeric code of an ACLED actor category: 'Civilians' -> 7."""
    for code, known in inter_categories().items():
        if known == name:
            return code
    raise KeyError(f"not an ACLED actor category: {name!r}")


def geo_precision_meaning(code: int) -> str:
    """What ACLED's geo_precision code (1-3) says about a location."""
    return str(_data()["geo_precision"][int(code)])


def time_precision_meaning(code: int) -> str:
    """What ACLED's time_precision code (1-3) says about a date."""
    return str(_data()["time_precision"][int(code)])


def case_codes() -> tuple[str, ...]:
    """Every CASE 2021 task 2 label: the 25 ACLED ones, then the 5 outside ACLED."""
    case = _data()["case2021"]
    return (*case["acled"], *case["not_acled"])


def case_code_to_sub_type(code: str) -> str | None:
    """The ACLED sub-event type of a CASE 2021 label; None for the five labels ACLED lacks
    (ATTRIB, DIPLO, MAN_MADE_DISASTER, NATURAL_DISASTER, ORG_CRIME)."""
    case = _data()["case2021"]
    if code in case["acled"]:
        return str(case["acled"][code])
    if code in case["not_acled"]:
        return None
    raise KeyError(f"not a CASE 2021 label: {code!r}")


def sub_type_to_case_code(sub_type: str) -> str:
    """The CASE 2021 label of an ACLED sub-event type."""
    for code, known in _data()["case2021"]["acled"].items():
        if known == sub_type:
            return str(code)
    raise KeyError(f"not an ACLED sub-event type: {sub_type!r}")
