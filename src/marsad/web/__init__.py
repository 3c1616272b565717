"""Stage 11, serve: the analyst's workbench — an HTTP API under /api/ and the page that uses it."""

from __future__ import annotations

from .app import create_app

__all__ = ["create_app"]
