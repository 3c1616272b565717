"""Column orders for the CSV formats: the contract's field names, in the contract's order."""

from __future__ import annotations

ARTICLE = ["article_id", "origin", "title", "published", "outlet", "language", "text"]
EVENT = ["event_id", "event_type", "sub_event_type", "event_date", "time_precision", "actor1", "assoc_actor_1",
         "inter1", "actor2", "assoc_actor_2", "inter2", "country", "admin1", "admin2", "location", "latitude",
         "longitude", "geo_precision", "geonameid", "fatalities", "sources", "article_ids", "evidence",
         "modality", "notes", "fatality_reports", "main_for", "outlets", "corroboration"]
# Claims in CSV: one column per field, the evidence as its sentence and the span's offsets.
CLAIM = ["claim_id", "date", "date_precision", "quantity", "unit", "unit_class", "subject", "place", "admin1",
         "country", "latitude", "longitude", "geonameid", "source", "evidence", "evidence_start", "evidence_end",
         "article_id"]
BY_KIND = {"articles": ARTICLE, "events": EVENT, "claims": CLAIM}
