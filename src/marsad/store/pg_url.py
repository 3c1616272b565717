"""PostgreSQL database URLs, without importing the driver."""

from __future__ import annotations

import re

SCHEMES = ("postgresql://", "postgres://")


def is_postgres(target: object) -> bool:
    """Whether a `--db` value names a PostgreSQL database rather than an SQLite file."""
    return str(target).startswith(SCHEMES)


def shown_url(url: str) -> str:
    """The URL without its password, for messages and summaries."""
    return re.sub(r"(://[^:/@]+):[^@]*@", r"\1:***@", url)
