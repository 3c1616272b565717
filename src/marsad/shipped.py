"""marsad's own data files (`marsad/data/*.yaml`), read and parsed."""

from __future__ import annotations

from importlib import resources
from typing import Any

import yaml

# PyYAML's libyaml parser feeds the same safe constructor as its pure-Python one, ten to
# twenty times faster: parsing these files was a quarter of a second of every process's
# start. The test suite checks that both give the same data for every file here; a PyYAML
# built without libyaml falls back to the pure-Python parser. Files a user hands marsad
# are still read with `yaml.safe_load`.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(name: str) -> Any:
    """The parsed contents of `marsad/data/<name>`."""
    text = resources.files("marsad").joinpath(f"data/{name}").read_text(encoding="utf-8")
    return yaml.load(text, Loader=_LOADER)  # noqa: S506 - a safe loader
