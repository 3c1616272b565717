"""`marsad watch add|list|remove` and `marsad alerts`: saved filters with a rule, and what they raised."""

from __future__ import annotations

import json
from typing import Any

import click

from . import watches
from .errors import MarsadError
from .store import open_store, query
from .store import watches as saved
from .store.query import EventFilter

MODALITIES = [*query.MODALITIES, query.ALL_MODALITIES]  # as `marsad export --modality` and the API take them
_DB = click.option("--db", default="marsad.db", show_default=True, envvar="MARSAD_DB",
                   help="SQLite database file, or postgresql://user@host/dbname (also $MARSAD_DB).")


def _members(groups: tuple[str, ...]) -> tuple[str, ...]:
    from .actors import ActorKB

    known = ActorKB.load().groups
    for g in groups:
        if g not in known:
            raise click.ClickException(f"no actor group {g!r}; the groups are {', '.join(sorted(known))}")
    return tuple(dict.fromkeys(m for g in groups for m in known[g]))


@click.group()
def watch() -> None:
    """Saved filters with a rule: every ingest evaluates them and records what fires as an alert."""


@watch.command()
@click.argument("name")
@click.option("--rule", required=True, type=click.Choice(list(watches.RULES)),
              help="new: new events; count: more than --threshold events in --days (7); surge: ACLED's surge test"
                   " (--threshold percent, default 100; --days of baseline, default 28); new-place: a place new for"
                   " --actor; new-claim: new numeric claims.")
@click.option("--threshold", type=float, default=None, help="count: N events; surge: percent increase.")
@click.option("--days", type=int, default=None, help="count: window in days (7); surge: baseline days (28).")
@click.option("--event-type", multiple=True, help="ACLED event type (repeat for several).")
@click.option("--sub-event-type", multiple=True, help="ACLED sub-event type.")
@click.option("--country", multiple=True)
@click.option("--admin1", multiple=True)
@click.option("--location", multiple=True, help="Place name, as the exports write it.")
@click.option("--actor", multiple=True, help="Canonical actor name, as the exports write it.")
@click.option("--actor-group", multiple=True, help="An actor group of the knowledge base (e.g. Iran-aligned): its"
              " members, as they are when the watch is made, join --actor.")
@click.option("--source", multiple=True, help="Attributed source, as the exports write it.")
@click.option("--outlet", multiple=True)
@click.option("--modality", multiple=True, type=click.Choice(MODALITIES),
              help=f"Default: {query.DEFAULT_MODALITY} (not threats, plans or fears); 'all' for every modality.")
@click.option("--date-from", default=None, help="YYYY-MM-DD, inclusive.")
@click.option("--date-to", default=None, help="YYYY-MM-DD, inclusive.")
@click.option("--fatalities-min", type=click.IntRange(0), default=None)
@click.option("--q", default=None, help="Words that the event's articles (or the claim's evidence) contain.")
@_DB
def add(name: str, rule: str, threshold: float | None, days: int | None, modality: tuple[str, ...],
        actor_group: tuple[str, ...], db: str, **fields: Any) -> None:
    """Save a watch called NAME. It looks at what is ingested from now on."""
    # A watch keeps "every modality" as the list of them: an empty one is the default (occurred).
    fields["modality"] = query.MODALITIES if query.ALL_MODALITIES in modality else modality
    fields["actor"] += _members(actor_group) if actor_group else ()
    f = EventFilter(**fields)  # the options are named as the filter's fields
    try:
        with open_store(db) as store:
            w = watches.add(store.db, name, rule, f, threshold=threshold, days=days)
    except MarsadError as e:
        raise click.ClickException(str(e)) from e
    click.echo(f"watch {w.watch_id} added: {w.name} — {watches.describe_rule(w)} — {watches.describe_filter(w.filter)}")


@watch.command(name="list")
@click.option("--json", "as_json", is_flag=True, help="JSON Lines, one watch a line.")
@_DB
def list_(as_json: bool, db: str) -> None:
    """The saved watches, with how many alerts each raised."""
    try:
        with open_store(db, readonly=True) as store:
            ws, counts = saved.watches(store.db), saved.alert_counts(store.db)
    except MarsadError as e:
        raise click.ClickException(str(e)) from e
    for w in ws:
        n, last = counts.get(w.watch_id, (0, None))
        if as_json:
            click.echo(json.dumps({**w.as_dict(), "alerts": n, "last_alert": last}, ensure_ascii=False))
        else:
            click.echo(f"{w.watch_id}\t{w.name}\t{watches.describe_rule(w)}\t{watches.describe_filter(w.filter)}\t"
                       f"{n} alert{'' if n == 1 else 's'}" + (f", the latest {last}" if last else ""))
    if not ws and not as_json:
        click.echo("no watches; add one with: marsad watch add NAME --rule new --country …", err=True)


@watch.command()
@click.argument("key", metavar="ID|NAME")
@_DB
def remove(key: str, db: str) -> None:
    """Remove a watch and its alerts."""
    try:
        with open_store(db) as store:
            w = saved.remove_watch(store.db, key)
    except MarsadError as e:
        raise click.ClickException(str(e)) from e
    if w is None:
        raise click.ClickException(f"no watch {key!r}; `marsad watch list --db {db}` shows them")
    click.echo(f"watch {w.watch_id} removed: {w.name}")


def _line(a: dict[str, Any]) -> str:
    ids = a["events"] or a["claims"]
    what = ("events" if a["events"] else "claims") + ": " + ", ".join(ids[:10]) + (" …" if len(ids) > 10 else "")
    return f"{a['created_at']}  #{a['watch_id']} {a['watch']} ({a['rule']}): {a['message']}" + (
        f"  [{what}]" if ids else "")


@click.command()
@click.option("--since", default=None, help="Alerts raised after this ISO date or time (UTC unless it says).")
@click.option("--watch", "key", default=None, metavar="ID|NAME", help="One watch's alerts only.")
@click.option("--json", "as_json", is_flag=True, help="JSON Lines, one alert a line.")
@_DB
def alerts(since: str | None, key: str | None, as_json: bool, db: str) -> None:
    """Print the alerts the watches raised, oldest first."""
    try:
        with open_store(db, readonly=True) as store:
            watch_id = None
            if key is not None:
                w = saved.get_watch(store.db, key)
                if w is None:
                    raise click.ClickException(f"no watch {key!r}; `marsad watch list --db {db}` shows them")
                watch_id = w.watch_id
            rows = saved.alerts(store.db, since=saved.to_stamp(since) if since else None, watch_id=watch_id)
    except MarsadError as e:
        raise click.ClickException(str(e)) from e
    for a in rows:
        click.echo(json.dumps(a, ensure_ascii=False) if as_json else _line(a))
