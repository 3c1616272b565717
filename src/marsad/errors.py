"""One exception tree: library calls raise these; the CLI and the batch runner turn them into messages."""

from __future__ import annotations


class MarsadError(Exception):
    """Root of every error marsad raises on purpose."""


class InvalidInput(MarsadError):
    """A document cannot be read: empty, binary, undecodable, too large, malformed."""

    def __init__(self, document: str, reason: str, *, stage: str = "ingest", version: str = "") -> None:
        super().__init__(f"{document}: {reason}")
        self.document = document
        self.reason = reason
        self.stage = stage
        self.version = version  # which version of the document: its content id, where it was read


class StoreError(MarsadError):
    """The database cannot be opened or written."""


class SetupError(MarsadError):
    """Something `make setup` installs is missing (language model, gazetteer)."""
