"""Column orders for the CSV formats: the contract's field names, in the contract's order."""

from __future__ import annotations

ARTICLE = ["article_id", "origin", "title", "published", "outlet", "language", "text"]
EVENT = ["event_id", "event_type", "sub_event_type", "event_date", "time_precision", "actor1", "assoc_actor_1",
         "inter1", "actor2", "assoc_actor_2", "inter2", "country", "admin1", "admin2", "location", "latitude",
         "longitude", "geo_precision", "geonameid", "fatalities", "sources", "article_ids", "evidence",
         "modality", "notes", "fatality_reports", "main_for", "outlets", "corroboration"]
CLAIM = ["claim_id", "article_id", "quantity", "unit", "subject", "place", "admin1", "source", "evidence"]
BY_KIND = {"articles": ARTICLE, "events": EVENT, "claims": CLAIM}
