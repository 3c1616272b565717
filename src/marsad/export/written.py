"""What a writer reports back: how many records it wrote, and how many it had to leave out."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Written:
    """rows: records written. left_out_without_coordinates: records a map format (GeoJSON)
    could not place, and so left out; 0 for the other formats."""

    rows: int
    left_out_without_coordinates: int = 0
