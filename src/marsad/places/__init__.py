"""The place stage: gazetteer (build, lookup), toponym detection and resolution.

gaz = Gazetteer.open()                       # built by `marsad gazetteer build`
resolver = PlaceResolver(gaz)
places = resolver.resolve_all(text, find_toponyms(doc, gazetteer=gaz))
"""

from .build import build_gazetteer
from .detect import add_place_ruler, find_toponyms, ruler_patterns
from .dump import import_dump
from .gazetteer import Candidate, Gazetteer, default_gazetteer_path
from .geoparse import geoparse_document, geoparse_documents, geoparse_text
from .names import name_key, plain_name
from .resolve import PlaceResolver

__all__ = [
    "Candidate",
    "Gazetteer",
    "PlaceResolver",
    "add_place_ruler",
    "build_gazetteer",
    "default_gazetteer_path",
    "find_toponyms",
    "geoparse_document",
    "geoparse_documents",
    "geoparse_text",
    "import_dump",
    "name_key",
    "plain_name",
    "ruler_patterns",
]
