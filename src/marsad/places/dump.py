"""Import a user's GeoNames dump into a built gazetteer: every village, neighbourhood, camp
and airport that the packaged data (towns of 500 people and more) lacks.

    import_dump(gazetteer_path, [Path("SY.zip"), Path("alternateNamesV2.zip")])

1. admin codes — `admin1CodesASCII.txt`, `admin2Codes.txt`: names of admin areas the
   gazetteer does not know yet (its own ACLED spellings are kept).
2. places — `allCountries.zip` or per-country files (`SY.zip`, `SY.txt`, `cities500.zip`,
   all in GeoNames' 19-column format): each feature not in the gazetteer, with its main,
   ASCII and alternate names. Places the gazetteer already has keep their row and gain the
   names.
3. alternate names — `alternateNamesV2.zip`: more names of the places now in the
   gazetteer (codes, links, postcodes and historic names left out).
4. hierarchy — `hierarchy.zip`: parent/child links, kept in a table of their own.

Zip members are streamed, never extracted; each file is one transaction, inserted in
batches; re-importing the same dump adds nothing. The dump's date (the newest
modification date among its places) goes in the `meta` table, which `marsad gazetteer
info` prints.
"""

from __future__ import annotations

import functools
import io
import multiprocessing
import os
import sqlite3
import sys
import time
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from tqdm import tqdm

from ..errors import InvalidInput
from .build import ARABIC_SCHEMA, INDEXES, _usable_alt, arabic_rows
from .gazetteer import write_consonant_names
from .names import ascii_fold, name_key, plain_name

BATCH = 20_000
BIG_DUMP_BYTES = 50_000_000  # compressed; SY.zip is ~1 MB, allCountries.zip ~400 MB
# Feature codes of places that no longer exist or are not places news reports from.
_SKIP_CODES = frozenset({"PPLH", "PPLQ", "PPLW", "ADMH", "ADM1H", "ADM2H", "ADM3H", "ADM4H", "PCLH", "ZN"})
_SKIP_CLASSES = frozenset({"U"})  # undersea
# alternateNamesV2 "languages" that are not names.
_NOT_NAMES = frozenset(
    {"link", "wkdt", "post", "iata", "icao", "faac", "fr_1793", "abbr", "unlc", "tcid", "phon", "piny"}
)

EXTRA_SCHEMA = """
CREATE TABLE IF NOT EXISTS hierarchy (parent INTEGER NOT NULL, child INTEGER NOT NULL, type TEXT,
    PRIMARY KEY (child, parent)) WITHOUT ROWID;
CREATE UNIQUE INDEX IF NOT EXISTS names_place_plain ON names (geonameid, plain);
""" + ARABIC_SCHEMA


@dataclass
class ImportReport:
    """What an import added: rows per table, the files read, the dump's date, seconds taken."""

    places: int = 0
    names: int = 0
    arabic_names: int = 0
    admin1: int = 0
    admin2: int = 0
    hierarchy: int = 0
    files: list[str] = field(default_factory=list)
    dump_date: str | None = None
    seconds: float = 0.0


def _kind(path: Path) -> str | None:
    """Which GeoNames file this is: admin1, admin2, alternates, hierarchy, places — or None."""
    n = path.name
    low = n.lower()
    if low.startswith("admin1codes"):
        return "admin1"
    if low.startswith("admin2codes"):
        return "admin2"
    if low.startswith("alternatenames"):
        return "alternates"
    if low.startswith("hierarchy"):
        return "hierarchy"
    if low.endswith((".zip", ".txt")) and not low.startswith(
        ("readme", "iso-languagecodes", "featurecodes", "timezones", "countryinfo", "userTags".lower())
    ):
        return "places"
    return None


def find_dump_files(paths: list[Path]) -> list[tuple[str, Path]]:
    """(kind, path) for every GeoNames file among `paths` (folders are searched one level
    deep), in the order they must be imported."""
    found: list[tuple[str, Path]] = []
    for p in paths:
        if not p.exists():
            raise InvalidInput(str(p), "no such file or folder", stage="gazetteer import")
        for f in sorted(p.iterdir()) if p.is_dir() else [p]:
            kind = _kind(f)
            if kind is not None and f.is_file():
                found.append((kind, f))
            elif not p.is_dir():
                raise InvalidInput(
                    str(f),
                    "not a GeoNames file (expected allCountries.zip, XX.zip/.txt, alternateNamesV2.zip, "
                    "admin1CodesASCII.txt, admin2Codes.txt or hierarchy.zip)",
                    stage="gazetteer import",
                )
    order = {"admin1": 0, "admin2": 1, "places": 2, "alternates": 3, "hierarchy": 4}
    return sorted(found, key=lambda kf: order[kf[0]])


@contextmanager
def _lines(path: Path, progress: bool, label: str) -> Iterator[Iterator[str]]:
    """The text lines of a file, or of the data member of a zip, with a byte progress bar."""
    zf = None
    if path.suffix.lower() == ".zip":
        zf = zipfile.ZipFile(path)
        members = [i for i in zf.infolist() if i.filename.endswith(".txt") and "readme" not in i.filename.lower()]
        members = [i for i in members if "languagecodes" not in i.filename.lower()]
        if not members:
            zf.close()
            raise InvalidInput(str(path), "zip file holds no .txt data file", stage="gazetteer import")
        info = max(members, key=lambda i: i.file_size)
        raw: io.BufferedIOBase = zf.open(info)  # type: ignore[assignment]
        total = info.file_size
    else:
        raw = path.open("rb")
        total = path.stat().st_size
    # disable=None: quiet when stderr is not a terminal.
    bar = tqdm(
        total=total, unit="B", unit_scale=True, desc=label, disable=None if progress else True, file=sys.stderr
    )

    def gen() -> Iterator[str]:
        pending = 0
        for b in raw:
            pending += len(b)
            if pending >= 1 << 20:
                bar.update(pending)
                pending = 0
            line = b.decode("utf-8", "replace").rstrip("\r\n")
            if line and not line.startswith("#"):
                yield line
        bar.update(pending)

    try:
        yield gen()
    finally:
        bar.close()
        raw.close()
        if zf is not None:
            zf.close()


def _name_rows(
    gid: int, main: str, others: list[str], *, new: bool = True
) -> Iterator[tuple[str, str, str, int, str]]:
    """Name rows of one place; the main name is "main" only for a place the dump adds (a
    place the gazetteer had keeps its own main name)."""
    seen: set[str] = set()
    for n in [main, ascii_fold(main), *others]:
        plain = plain_name(n)
        if not plain or plain in seen:
            continue
        seen.add(plain)
        yield (name_key(n) or plain, plain, n, gid, "main" if new and n == main else "alt")


# Place rows, name rows, the newest modification date, Arabic name rows (`arabic_names`).
_Batch = tuple[list[tuple], list[tuple[str, str, str, int, str]], str, list[tuple[str, str, str, int, str]]]
_KNOWN = bytearray()


def _chunks(lines: Iterator[str], size: int) -> Iterator[list[str]]:
    chunk: list[str] = []
    for line in lines:
        chunk.append(line)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _known(gid: int) -> bool:
    return gid < len(_KNOWN) and _KNOWN[gid] == 1


def _prepare_places(lines: list[str], *, source: str, with_alternates: bool) -> _Batch:
    """Place rows (for ids not yet known), name rows and the newest modification date."""
    places: list[tuple] = []
    names: list[tuple[str, str, str, int, str]] = []
    arabic: list[tuple[str, str, str, int, str]] = []
    newest = ""
    for line in lines:
        c = line.split("\t")
        if len(c) < 19 or not c[0].isdigit() or c[6] in _SKIP_CLASSES or c[7] in _SKIP_CODES:
            continue
        gid = int(c[0])
        newest = max(newest, c[18])
        new = not _known(gid)
        if new:
            try:
                lat, lon = float(c[4]), float(c[5])
            except ValueError:
                continue
            pop = int(c[14]) if c[14].isdigit() else 0
            places.append(
                (gid, c[1], c[2] or ascii_fold(c[1]), lat, lon, c[6], c[7], c[8] or None, c[10] or None,
                 c[11] or None, pop, source)
            )
        # With alternateNamesV2 at hand its richer rows replace the short list here.
        alts = [] if with_alternates else [a for a in c[3].split(",") if _usable_alt(a)]
        names.extend(_name_rows(gid, c[1], [c[2], *alts] if c[2] else alts, new=new))
        arabic.extend(arabic_rows(gid, alts))
    return places, names, newest, arabic


def _prepare_alternates(lines: list[str]) -> _Batch:
    names: list[tuple[str, str, str, int, str]] = []
    arabic: list[tuple[str, str, str, int, str]] = []
    for line in lines:
        c = line.split("\t")
        if len(c) < 4 or not c[1].isdigit() or c[2] in _NOT_NAMES:
            continue
        if len(c) > 7 and c[7] == "1":
            continue  # historic: "Constantinople" must not pull today's news to Istanbul
        gid = int(c[1])
        if _known(gid) and _usable_alt(c[3]):
            names.extend(_name_rows(gid, "", [c[3]]))
            arabic.extend(arabic_rows(gid, [c[3]]))
    return [], names, "", arabic


class _Importer:
    def __init__(self, db: sqlite3.Connection, progress: bool, workers: int) -> None:
        self.db = db
        self.progress = progress
        self.workers = workers
        self.report = ImportReport()
        top = db.execute("SELECT max(geonameid) FROM places").fetchone()[0] or 0
        # A bitmap of the ids in the gazetteer: alternate names of other places are skipped
        # without a query, and it stays small (13 million ids: 13 MB).
        self.known = bytearray(max(top, 0) + 1)
        for (gid,) in db.execute("SELECT geonameid FROM places WHERE geonameid > 0"):
            self.known[gid] = 1

    def _mark(self, gid: int) -> None:
        if gid >= len(self.known):
            self.known.extend(bytearray(gid - len(self.known) + 1 + 1_000_000))
        self.known[gid] = 1

    def _is_known(self, gid: int) -> bool:
        return 0 <= gid < len(self.known) and self.known[gid] == 1

    def _insert(self, sql: str, rows: list[tuple]) -> int:
        before = self.db.total_changes
        self.db.executemany(sql, rows)
        return self.db.total_changes - before

    def admin(self, path: Path, level: int) -> None:
        rows: list[tuple[str | int, ...]] = []
        with _lines(path, self.progress, path.name) as lines:
            for line in lines:
                cols = line.split("\t")
                if len(cols) < 4 or not cols[3].strip().isdigit():
                    continue
                parts = cols[0].split(".")
                name = cols[2] or ascii_fold(cols[1]) or cols[1]
                if level == 1 and len(parts) == 2:
                    rows.append((parts[0], parts[1], name, int(cols[3])))
                elif level == 2 and len(parts) == 3:
                    rows.append((parts[0], parts[1], parts[2], name, int(cols[3])))
        if level == 1:
            self.report.admin1 += self._insert("INSERT OR IGNORE INTO admin1 VALUES (?,?,?,?)", rows)
        else:
            self.report.admin2 += self._insert("INSERT OR IGNORE INTO admin2 VALUES (?,?,?,?,?)", rows)

    def _prepared(self, path: Path, work: Callable[[list[str]], _Batch]) -> Iterator[_Batch]:
        """Batches of `path`'s lines, turned into rows by `work` — in worker processes
        when there are cores to spare (parsing and name keys cost more than SQLite)."""
        global _KNOWN
        _KNOWN = self.known  # forked workers see the ids known when the pool starts
        with _lines(path, self.progress, path.name) as lines:
            chunks = _chunks(lines, BATCH)
            if self.workers > 1 and "fork" in multiprocessing.get_all_start_methods():
                with multiprocessing.get_context("fork").Pool(self.workers) as pool:
                    yield from pool.imap(work, chunks)
            else:
                yield from map(work, chunks)

    def places(self, path: Path, *, with_alternates: bool) -> None:
        work = functools.partial(_prepare_places, source=f"GeoNames dump {path.name}", with_alternates=with_alternates)
        newest = self.report.dump_date or ""
        for places, names, date, arabic in self._prepared(path, work):
            for row in places:
                self._mark(row[0])
            newest = max(newest, date)
            self._flush(places, names, arabic)
        self.report.dump_date = newest or None

    def _flush(self, places: list[tuple], names: list[tuple[str, str, str, int, str]],
               arabic: list[tuple[str, str, str, int, str]]) -> None:
        if places:
            self.report.places += self._insert("INSERT OR IGNORE INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", places)
        if names:
            self.report.names += self._insert("INSERT OR IGNORE INTO names VALUES (?,?,?,?,?)", names)
        if arabic:
            self.report.arabic_names += self._insert("INSERT OR IGNORE INTO arabic_names VALUES (?,?,?,?,?)", arabic)

    def alternates(self, path: Path) -> None:
        for _, names, _, arabic in self._prepared(path, _prepare_alternates):
            self._flush([], names, arabic)

    def hierarchy(self, path: Path) -> None:
        rows: list[tuple[int, int, str]] = []
        with _lines(path, self.progress, path.name) as lines:
            for line in lines:
                c = line.split("\t")
                if len(c) >= 2 and c[0].isdigit() and c[1].isdigit():
                    rows.append((int(c[0]), int(c[1]), c[2] if len(c) > 2 else ""))
                if len(rows) >= 4 * BATCH:
                    self.report.hierarchy += self._insert("INSERT OR IGNORE INTO hierarchy VALUES (?,?,?)", rows)
                    rows.clear()
        self.report.hierarchy += self._insert("INSERT OR IGNORE INTO hierarchy VALUES (?,?,?)", rows)


def import_dump(
    gazetteer_path: str | Path,
    paths: list[Path],
    *,
    progress: bool = True,
    log: Callable[[str], None] | None = None,
    workers: int | None = None,
) -> ImportReport:
    """Add the GeoNames files among `paths` to the gazetteer at `gazetteer_path`.

    workers: processes that parse the files (default: one per core)."""
    t0 = time.perf_counter()
    files = find_dump_files([Path(p) for p in paths])
    if not files:
        raise InvalidInput(", ".join(map(str, paths)), "no GeoNames files found", stage="gazetteer import")
    gpath = Path(gazetteer_path)
    if not gpath.exists():
        raise InvalidInput(str(gpath), "no gazetteer there: run `marsad gazetteer build` first",
                           stage="gazetteer import")
    db = sqlite3.connect(gpath, isolation_level=None)
    db.executescript("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-262144;")
    db.executescript(EXTRA_SCHEMA)
    size = sum(f.stat().st_size for _, f in files)
    big = size > BIG_DUMP_BYTES
    # A small dump (a country or two) is parsed in this process, into the live indexes; a big
    # one in worker processes, with the name look-up indexes rebuilt once at the end (cheaper
    # than growing them row by row).
    imp = _Importer(db, progress, (workers or os.cpu_count() or 1) if big else 1)
    if big:
        db.executescript("DROP INDEX IF EXISTS names_key; DROP INDEX IF EXISTS names_plain;")
    has_alternates = any(k == "alternates" for k, _ in files)
    old_date = dict(db.execute("SELECT key, value FROM meta")).get("dump_date")
    for kind, f in files:
        if log:
            log(f"  {f.name} ({kind})")
        db.execute("BEGIN")
        try:
            if kind in ("admin1", "admin2"):
                imp.admin(f, 1 if kind == "admin1" else 2)
            elif kind == "places":
                imp.places(f, with_alternates=has_alternates)
            elif kind == "alternates":
                imp.alternates(f)
            else:
                imp.hierarchy(f)
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            if big:
                db.executescript(INDEXES)  # the gazetteer stays as it was, indexes included
            db.close()
            raise
        imp.report.files.append(f.name)
    if big:
        if log:
            log("  indexing names")
        db.executescript(INDEXES)
    if log:
        log("  indexing Latin names by their consonants")
    db.execute("BEGIN")
    write_consonant_names(db)
    db.execute("COMMIT")
    rep = imp.report
    dates = [d for d in (old_date, rep.dump_date) if d]
    rep.dump_date = max(dates) if dates else None
    meta = {"dump_imported_at": time.strftime("%Y-%m-%dT%H:%M:%S%z")}
    if rep.dump_date:
        meta["dump_date"] = rep.dump_date
    old_files = dict(db.execute("SELECT key, value FROM meta")).get("dump_files", "")
    meta["dump_files"] = ", ".join(dict.fromkeys([*filter(None, old_files.split(", ")), *rep.files]))
    db.execute("BEGIN")
    db.executemany("INSERT OR REPLACE INTO meta VALUES (?,?)", meta.items())
    db.execute("COMMIT")
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.execute("PRAGMA journal_mode=DELETE")
    db.close()
    rep.seconds = round(time.perf_counter() - t0, 1)
    return rep
