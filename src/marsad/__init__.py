"""marsad — news reports about armed conflict in, a sourced, geolocated event database out."""

__version__ = "0.1.0"
