"""PostgreSQL under the store's SQL: one connection that reads the SQLite dialect marsad writes.

Every store module (`query`, `facets`, `claims`, `overlay`, `watches`, …) writes plain SQL to
`db.execute(sql, params)`. Rather than a second copy of each query, `PgConnection` translates
the few SQLite idioms they use into PostgreSQL once per distinct statement (cached):

- `?` placeholders → `%s` (and a literal `%` doubled);
- `INSERT OR IGNORE` → `ON CONFLICT DO NOTHING`; `INSERT OR REPLACE` → an upsert on the table's key;
- `a IS b` (null-safe equality) → `a IS NOT DISTINCT FROM b`;
- `LIKE` → `ILIKE` (SQLite's LIKE ignores ASCII case);
- `json_each(?)` → `json_array_elements_text(…)`, `json_group_array(x)` → `json_agg(x)` as text,
  `json_extract(col, '$.a[0].b')` → `col::json #>> '{a,0,b}'`;
- the FTS5 match on `articles_fts` → the `search` tsvector column of `articles` (GIN index);
  `a.rowid [NOT] IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)` → `[NOT] (a.search @@ …)`
  (no set of every matching rowid to build, and a test per row where the article is at hand);
- `printf('%s %012d', a, b)` → `a || ' ' || lpad(b, 12, '0')`; `strftime(…'now')` → the same UTC text;
- `PRAGMA` and `INDEXED BY` (hints) → nothing; `round(real, n)` through numeric; `lastrowid` from `RETURNING` the key;
- `BEGIN IMMEDIATE` (SQLite's write lock) → `BEGIN` and one advisory lock for the database.

Tables carry an explicit `rowid bigserial` column where SQLite's implicit rowid is read, so
"in insertion order" means the same on both. What the translation cannot express is written
portably in the store modules: `lower()` rather than COLLATE NOCASE, an alias on every
subquery in FROM, `1 = 0` rather than a bare `0`, a large LIMIT rather than -1.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterator, Sequence
from decimal import Decimal
from typing import Any

import psycopg
from psycopg.adapt import Loader

# The key an `INSERT OR REPLACE` replaces on, per table (the only tables written that way).
UPSERT_KEYS = {"event_index": ("event_id",), "claim_index": ("claim_id",)}
# Tables whose integer key a caller reads back as `lastrowid`.
SERIAL_KEYS = {"watches": "watch_id", "alerts": "alert_id", "corrections": "id", "rejections": "id"}
WRITE_LOCK = 0x6D61_7273_0001  # the advisory lock `BEGIN IMMEDIATE` takes (see PgConnection.execute)
NOW_SQLITE = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"
NOW_PG = """to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')"""

_CURSORS = itertools.count()  # names of server-side cursors, unique in this process
_QUOTED = re.compile(r"('(?:[^']|'')*')")


class Row(tuple[Any, ...]):
    """A result row read by position or by column name, like `sqlite3.Row`."""

    _names: tuple[str, ...] = ()

    def __getitem__(self, key: Any) -> Any:
        if isinstance(key, str):
            return tuple.__getitem__(self, self._names.index(key))
        return tuple.__getitem__(self, key)

    def keys(self) -> list[str]:
        return list(self._names)


@functools.lru_cache(maxsize=1024)
def _row_class(names: tuple[str, ...]) -> type[Row]:
    return type("Row", (Row,), {"_names": names})  # one class per column list, made once


def _row_factory(cursor: Any) -> Any:
    return _row_class(tuple(c.name for c in cursor.description or ()))


class _Numeric(Loader):
    """`sum()` of integers is NUMERIC in PostgreSQL: read it as SQLite gives it (int, else float)."""

    def load(self, data: Any) -> Any:
        value = Decimal(bytes(data).decode())
        return int(value) if value == value.to_integral_value() else float(value)


def _json_path(path: str) -> str:
    """'$.evidence[0].text' → '{evidence,0,text}'."""
    parts = re.findall(r"[^.\[\]$]+", path)
    return "{" + ",".join(parts) + "}"


def _translate_code(sql: str) -> str:
    """The SQLite idioms outside string literals → PostgreSQL."""
    sql = re.sub(r"\bBEGIN IMMEDIATE\b", "BEGIN", sql)
    sql = re.sub(r"\bIS NOT (?!NULL\b|DISTINCT\b)", "IS DISTINCT FROM ", sql)
    sql = re.sub(r"\bIS (?!NOT\b|NULL\b|DISTINCT\b|TRUE\b|FALSE\b)", "IS NOT DISTINCT FROM ", sql)
    sql = re.sub(r"\bLIKE\b", "ILIKE", sql)
    # SQLite's index and join-order hints: a unary + is an error on text, CROSS JOIN takes no ON.
    sql = re.sub(r"\+(\w+\.\w+ (?:NOT )?IN\b)", r"\1", sql)
    sql = re.sub(r"\bCROSS JOIN (\w+ \w+ ON)\b", r"JOIN \1", sql)
    sql = re.sub(r"\bjson_each\(\?\)(\s+(?!CROSS\b|JOIN\b|WHERE\b)(\w+))?",
                 lambda m: f"json_array_elements_text(?::json) AS {m.group(2) or 'j'}(value)", sql)
    return sql


def _order_end(sql: str, start: int) -> int:
    """Where the ORDER BY list starting at `start` ends: a LIMIT or OFFSET, the parenthesis
    closing its subquery, or the end of the statement."""
    depth = 0
    for i in range(start, len(sql)):
        ch = sql[i]
        if ch == "(":
            depth += 1
        elif ch == ")":
            if depth == 0:
                return i
            depth -= 1
        elif depth == 0 and re.match(r"\s(LIMIT|OFFSET)\b", sql[i:i + 8]):
            return i
    return len(sql)


def _terms(clause: str) -> list[str]:
    """An ORDER BY list split at its top-level commas."""
    out, depth, start = [], 0, 0
    for i, ch in enumerate(clause):
        depth += ch == "("
        depth -= ch == ")"
        if ch == "," and depth == 0:
            out.append(clause[start:i])
            start = i + 1
    return [*out, clause[start:]]


def _nulls_like_sqlite(sql: str) -> str:
    """SQLite sorts NULL first going up and last going down; PostgreSQL the other way round."""
    out, pos = [], 0
    for m in re.finditer(r"ORDER BY ", sql):
        if m.start() < pos:
            continue
        end = _order_end(sql, m.end())
        terms = []
        for term in _terms(sql[m.end():end]):
            t = term.strip()
            if "NULLS" in t.upper():
                terms.append(t)
            else:
                terms.append(f"{t} NULLS LAST" if t.upper().endswith(" DESC") else f"{t} NULLS FIRST")
        out.append(sql[pos:m.end()] + ", ".join(terms))
        pos = end
    return "".join(out) + sql[pos:]


def _split(sql: str) -> list[str]:
    """Code and quoted literals, alternating (odd items are literals)."""
    return _QUOTED.split(sql)


@functools.lru_cache(maxsize=4096)
def translate(sql: str, with_params: bool) -> str:
    """One statement in marsad's SQLite dialect → PostgreSQL (see the module docstring)."""
    sql = sql.replace(NOW_SQLITE, NOW_PG)
    sql = re.sub(r"printf\('%s %012d', (.+?), (\w+\.rowid)\)", r"(\1 || ' ' || lpad((\2)::text, 12, '0'))", sql)
    sql = re.sub(r"json_extract\((\w+), '(\$[^']*)'\)",
                 lambda m: f"({m.group(1)}::json #>> '{_json_path(m.group(2))}')", sql)
    sql = re.sub(r"\s+INDEXED BY \w+", "", sql)  # SQLite's index hint; PostgreSQL's planner chooses
    sql = re.sub(r"(\w+)\.rowid AS rowid, \1\.\*", r"\1.*", sql)  # `c.*` holds the explicit rowid here
    sql = re.sub(r"json_group_array\(((?:[^()]|\([^()]*\))*)\)", r"coalesce(json_agg(\1), '[]'::json)::text", sql)
    sql = re.sub(r"\bround\(([\w.]+), (\d+)\)", r"round((\1)::numeric, \2)::float8", sql)
    sql = re.sub(r"(\w+)\.rowid (NOT )?IN \(SELECT rowid FROM articles_fts WHERE articles_fts MATCH \?\)",
                 lambda m: f"{m.group(2) or ''}({m.group(1)}.search @@ marsad_fts(?))", sql)
    sql = sql.replace("SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?",
                      "SELECT rowid FROM articles WHERE search @@ marsad_fts(?)")
    parts = _split(sql)
    parts = [_translate_code(p) if i % 2 == 0 else p for i, p in enumerate(parts)]
    if with_params:
        parts = [p.replace("%", "%%") for p in parts]
        parts = [p.replace("?", "%s") if i % 2 == 0 else p for i, p in enumerate(parts)]
    sql = _nulls_like_sqlite("".join(parts))
    upsert = re.match(r"\s*INSERT OR (IGNORE|REPLACE) INTO (\w+)\s*\(([^)]*)\)", sql)
    if upsert:
        how, table, cols = upsert.groups()
        sql = sql.replace(f"INSERT OR {how} INTO", "INSERT INTO", 1)
        if how == "IGNORE":
            sql += " ON CONFLICT DO NOTHING"
        else:
            key = UPSERT_KEYS[table]
            names = [c.strip() for c in cols.split(",")]
            sets = ", ".join(f"{c} = EXCLUDED.{c}" for c in names if c not in key)
            sql += f" ON CONFLICT ({', '.join(key)}) DO UPDATE SET {sets}"
    insert = re.match(r"\s*INSERT INTO (\w+)", sql)
    if insert and insert.group(1) in SERIAL_KEYS and "RETURNING" not in sql:
        sql += f" RETURNING {SERIAL_KEYS[insert.group(1)]}"
    return sql


class Cursor:
    """The part of `sqlite3.Cursor` the store reads."""

    def __init__(self, cur: psycopg.Cursor[Any], returning: bool) -> None:
        self._cur = cur
        self.lastrowid: int | None = None
        if returning:
            row = cur.fetchone()
            self.lastrowid = row[0] if row else None

    @property
    def rowcount(self) -> int:
        return self._cur.rowcount

    # A statement that returns no rows (an INSERT) reads as empty, as in sqlite3. Results are
    # asked for, not checked up front: in pipeline mode they arrive only when asked for.
    def fetchone(self) -> Any:
        try:
            return self._cur.fetchone()
        except psycopg.ProgrammingError:
            return None

    def fetchmany(self, size: int = 1000) -> list[Any]:
        try:
            return self._cur.fetchmany(size)
        except psycopg.ProgrammingError:
            return []

    def fetchall(self) -> list[Any]:
        try:
            return self._cur.fetchall()
        except psycopg.ProgrammingError:
            return []

    def __iter__(self) -> Iterator[Any]:
        return iter(self.fetchall())


class PgConnection:
    """A psycopg 3 connection in autocommit mode (the store opens its own transactions)."""

    dialect = "postgresql"  # what store code that must differ asks (an sqlite3 connection has none)

    def __init__(self, url: str) -> None:
        self.conn = psycopg.connect(url, autocommit=True, row_factory=_row_factory)
        self.conn.adapters.register_loader("numeric", _Numeric)

    def execute(self, sql: str, params: Sequence[Any] | None = None) -> Cursor:
        if sql.lstrip().upper().startswith("PRAGMA"):
            return Cursor(self.conn.cursor(), False)
        if sql.strip() == "BEGIN IMMEDIATE":
            # SQLite's write lock, taken as the transaction begins: here one advisory lock for the
            # database, so writers (document, correction, watch evaluation) go one at a time.
            self.conn.execute("BEGIN")
            self.conn.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
            return Cursor(self.conn.cursor(), False)
        params = list(params) if params is not None else None
        query = translate(sql, bool(params))
        cur = self.conn.cursor()
        cur.execute(query, params or None)
        return Cursor(cur, " RETURNING " in query and query.lstrip().upper().startswith("INSERT"))

    def stream(self, sql: str, params: Sequence[Any] = (), size: int = 1000) -> Iterator[Any]:
        """Every row of a big read (an export), `size` at a time, from a server-side cursor: the
        client holds one batch, not the result. WITH HOLD lets other statements run on this
        connection between batches (corrections read for each batch of events)."""
        query = translate(sql, bool(params))
        with self.conn.cursor(name=f"marsad_{next(_CURSORS)}", withhold=True) as cur:
            cur.itersize = size
            cur.execute(query, list(params) or None)
            yield from cur

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        rows = list(rows)
        if rows:
            with self.conn.cursor() as cur:
                cur.executemany(translate(sql, True), rows)

    def close(self) -> None:
        self.conn.close()

