"""Property test: `marsad ingest` survives hostile input next to good files.

Random bytes (binary, NUL bytes, invalid UTF-8, UTF-16 with a BOM, control characters),
random file names (bytes that are not UTF-8, newlines, spaces) and random JSON Lines (records
with fields of any type, malformed lines, arrays, nested values) go into a folder with a few
good reports. Whatever they hold, this pins that:

1. the run exits 0 or 3 (3 exactly when it lists rejections), never 1, never a traceback;
2. every good report lands among the stored current articles;
3. the database passes SQLite's integrity and foreign key checks;
4. running the same ingest again stores nothing twice: no new article, document or rejection.

The random examples run `marsad ingest` in-process (click's CliRunner), most with --no-events;
a few code events, with the event coder loaded once for all of them. One fixed folder with a
hostile file of each kind goes through the real console script, events on.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
import traceback
from dataclasses import dataclass
from pathlib import Path
from unittest import mock

from click.testing import CliRunner, Result
from hypothesis import HealthCheck, Phase, given, note, settings
from hypothesis import strategies as st

from marsad import cli as cli_module
from marsad.cli import cli
from marsad.ingest import path_text
from marsad.store import open_store

# -- good documents ------------------------------------------------------------------------
# Each report: (title, body). The middle sentence of each body is its fingerprint: it must
# appear in some stored article's text, whatever the cleaner does to the title and lede.
REPORTS = [
    ("Shelling hits Maarat al-Numan",
     "Shelling hit the town of Maarat al-Numan on Monday, killing two civilians, local sources said. "
     "The bombardment damaged a school and a bakery near the eastern market of the town. "
     "Residents said many families fled north toward the camps along the border."),
    ("Clashes near Saraqib",
     "Fighters of two armed factions clashed near Saraqib on Tuesday, according to local activists. "
     "The fighting over a checkpoint on the main road lasted for most of the afternoon. "
     "Tribal elders from nearby villages mediated a truce late in the evening."),
    ("Drone strike on a car in Deir ez-Zor",
     "A drone struck a car on the road between Deir ez-Zor and Mayadin on Wednesday, killing its driver. "
     "Witnesses said the car burned for an hour before anyone could approach the wreck. "
     "No group has claimed the strike, and the identity of the driver is not yet known."),
    ("Protest in Suwayda",
     "Hundreds of people protested in the main square of Suwayda on Friday against rising prices. "
     "The protesters carried banners calling for the release of detainees held since the spring. "
     "Security forces watched from a distance and no arrests were reported by the organisers."),
]
FINGERPRINTS = [body.split(". ")[1] for _title, body in REPORTS]
GOOD_FORMATS = ["txt", "html", "json", "jsonl"]


def good_file(index: int, fmt: str) -> tuple[str, bytes]:
    """Report `index` written as a `fmt` file: (file name, content)."""
    title, body = REPORTS[index]
    name = f"good-{index}.{fmt}"
    if fmt == "txt":
        return name, f"{title}\n\n{body}\n".encode()
    if fmt == "html":
        page = (f"<!doctype html><html><head><title>{title}</title></head><body><article>"
                f"<h1>{title}</h1><p>{body}</p></article></body></html>")
        return name, page.encode()
    record = {"text": body, "title": title, "published": "2024-03-04", "url": f"https://example.org/good/{index}"}
    return name, (json.dumps(record) + "\n").encode()


# -- hostile content -----------------------------------------------------------------------
WORDS = ["shelling", "killed", "Idlib", "on", "Monday", "the", "town", "of", "said", "local", "sources", "two",
         "civilians", "airstrike", "near", "Aleppo", "protesters", "."]
LONE_SURROGATES = ["\ud800", "\udbff", "\udc80", "\udfff"]  # what "\ud800" in a JSON string decodes to

# Readable text (marsad refuses text with 1% or more control characters; other branches send those).
printable = st.characters(exclude_categories=["Cc", "Cs"])
prose = st.lists(st.sampled_from(WORDS) | st.text(printable, min_size=1, max_size=8), min_size=1,
                 max_size=40).map(" ".join)
ODD_CHARACTERS = [*LONE_SURROGATES, "\x00", "\n", "\r", "\u2028", "\u0085", "\\", "#", "/", "\u202e"]
odd_text = st.lists(st.text(printable, max_size=4) | st.sampled_from(ODD_CHARACTERS), min_size=1,
                    max_size=5).map("".join)
any_text = st.text(max_size=40) | prose | odd_text
json_scalar = st.none() | st.booleans() | st.integers() | st.floats() | any_text
json_value = st.recursive(
    json_scalar,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3),
    max_leaves=8,
)
METADATA = {
    "url": st.sampled_from(["https://example.org/a", "", " ", "not a url"]) | odd_text | json_value,
    "id": odd_text | json_value,
    "title": odd_text | json_value,
    "published": st.sampled_from(["2024-02-30", "yesterday", "13/13/2013", "1970-01-01T00:00:00Z"]) | json_value,
    "outlet": odd_text | json_value,
}
# Mostly records with a readable text, which go on to be cleaned and stored with their odd metadata.
json_record = st.fixed_dictionaries({"text": prose}, optional=METADATA) | st.fixed_dictionaries(
    {}, optional={"text": json_value, **METADATA})


# Values past what Python's json module parses: nesting beyond the recursion limit, integers
# beyond the 4300 digits Python converts (both closed, or left open).
extreme_json = st.one_of(
    st.tuples(st.sampled_from([2, 900, 1_000, 100_000]), st.booleans()).map(
        lambda t: "[" * t[0] + ("]" * t[0] if t[1] else "")),
    st.sampled_from([4_300, 4_301, 100_000]).map(lambda n: "9" * n),
)


@st.composite
def json_lines(draw) -> bytes:
    """JSON Lines as a careless exporter writes them: good records, bad ones and debris."""
    ensure_ascii = draw(st.booleans())  # False: a lone surrogate goes out as raw (invalid) UTF-8

    def dumps(value: object) -> str:
        return json.dumps(value, ensure_ascii=ensure_ascii)

    debris = st.one_of(
        json_value.map(dumps),  # arrays, scalars, nested values
        json_record.map(dumps).map(lambda s: s[: len(s) // 2]),  # cut short
        st.text(max_size=30),  # not JSON at all
        extreme_json,
        st.tuples(prose, extreme_json).map(lambda t: f'{{"text": {dumps(t[0])}, "id": {t[1]}}}'),
    )
    line = json_record.map(dumps) | debris
    lines = draw(st.lists(line, max_size=6))
    newline = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    return newline.join(lines).encode("utf-8", "surrogatepass")


BINARY_MAGIC = [b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"GIF89a", b"%PDF-1.4", b"PK\x03\x04", b"\x1f\x8b", b"\x7fELF"]
control_chars = st.characters(max_codepoint=0x1F) | st.sampled_from(["\x7f", "\x85", "\x9b"])

# Bytes marsad must refuse to read: binary, NUL bytes, invalid UTF-8, broken UTF-16, noise.
unreadable_bytes = st.one_of(
    st.binary(max_size=400),
    st.tuples(st.binary(max_size=100), st.binary(max_size=100)).map(lambda t: t[0] + b"\x00" + t[1]),
    st.tuples(prose, st.binary(min_size=1, max_size=20)).map(lambda t: t[0].encode() + b"\xff\xc3(" + t[1]),
    st.tuples(st.sampled_from([("\ufeff", "utf-16-le"), ("\ufeff", "utf-16-be")]), prose | st.text(max_size=40),
              st.booleans()).map(lambda t: (t[0][0] + t[1]).encode(t[0][1], "surrogatepass")[: None if t[2] else -1]),
    st.text(control_chars, min_size=1, max_size=200).map(str.encode),
    st.tuples(prose, st.text(control_chars, min_size=1, max_size=50)).map(lambda t: (t[0] + t[1]).encode()),
    st.tuples(st.sampled_from(BINARY_MAGIC), st.binary(max_size=100)).map(b"".join),
    st.sampled_from([b"", b"   \n\t\n", b"\xef\xbb\xbf", b"\xff\xfe", b"{}", b"[]", b"null", b"[[[[", b"\r\r\r"]),
)
# Text marsad can decode, so it reaches the cleaner and the store.
readable_bytes = st.one_of(
    prose.map(str.encode),
    st.tuples(prose, st.sampled_from(["\x07", "\x1b[31m", "\u200b", "\u202e", "\ufffd", "\x85"])).map(
        lambda t: (t[0] * 3 + t[1] + t[0]).encode()),
    st.tuples(prose, st.sampled_from(["cp1256", "cp1252", "latin-1", "utf-16"])).map(
        lambda t: t[0].encode(t[1], "replace")),
    st.tuples(st.sampled_from(["<html><body><p>", "<p", "<!doctype html><div>", "<body><script>"]), prose,
              st.sampled_from(["", "</p>", "</html>", "<br/><img src=x onerror=1>", "\x00"])).map(
        lambda t: "".join(t).encode()),
)

# -- hostile names -------------------------------------------------------------------------
TEXT_SUFFIXES = [b".txt", b".TXT", b".text", b".html", b".htm"]
JSON_SUFFIXES = [b".json", b".jsonl", b".Json", b".JSONL"]
ANY_SUFFIX = [*TEXT_SUFFIXES, *JSON_SUFFIXES, b".md", b""]
name_stem = st.one_of(
    st.binary(min_size=1, max_size=30),
    st.text(min_size=1, max_size=20).map(str.encode),
    st.sampled_from([b"with space", b"line\nbreak", b"tab\there", b"caf\xe9", b"\xff\xfe", b"back\\slash",
                     b"\\x41", b"-rf", b" lead", b"trail ", b"..", b"\r", b"name.txt\n"]),
)


def safe_name(stem: bytes, suffix: bytes) -> bytes:
    """A name the file system accepts: no '/' or NUL, not hidden, not a good file's name."""
    name = (stem + suffix).replace(b"/", b"_").replace(b"\x00", b"_")[:200]
    if name.startswith(b".") or name.startswith(b"good-"):
        name = b"x" + name
    return name


@dataclass(frozen=True)
class HostileFile:
    name: bytes
    content: bytes
    in_subfolder: bool


def hostile_file_of(content: st.SearchStrategy[bytes], suffixes: list[bytes]) -> st.SearchStrategy[HostileFile]:
    return st.builds(HostileFile, name=st.builds(safe_name, name_stem, st.sampled_from(suffixes)), content=content,
                     in_subfolder=st.booleans())


hostile_file = st.one_of(
    hostile_file_of(unreadable_bytes, ANY_SUFFIX),
    hostile_file_of(readable_bytes, TEXT_SUFFIXES),
    hostile_file_of(json_lines(), JSON_SUFFIXES),
    hostile_file_of(readable_bytes | json_lines(), ANY_SUFFIX),  # content under the wrong suffix
)
hostile_files = st.lists(hostile_file, max_size=6, unique_by=lambda f: (f.in_subfolder, f.name))
good_formats = st.lists(st.sampled_from(GOOD_FORMATS), min_size=1, max_size=len(REPORTS))


# -- helpers -------------------------------------------------------------------------------
def write_folder(folder: Path, hostile: list[HostileFile], subfolder: bytes, formats: list[str]) -> list[int]:
    """Hostile files (some in `subfolder`, a raw byte name) and good files; the good reports' indices."""
    top = os.fsencode(folder)
    sub = os.path.join(top, subfolder)
    for f in hostile:
        where = sub if f.in_subfolder else top
        os.makedirs(where, exist_ok=True)
        path = os.path.join(where, f.name)
        if os.path.lexists(path):  # a file named like the subfolder
            continue
        with open(path, "wb") as out:
            out.write(f.content)
    for index, fmt in enumerate(formats):
        name, content = good_file(index, fmt)
        (folder / name).write_bytes(content)
    return list(range(len(formats)))


load_coder = cli_module._coder


@functools.cache
def loaded_coder() -> object | None:
    """The event coder, loaded once: `marsad ingest` loads it on every call (~2 s)."""
    return load_coder(True)


def run_ingest(folder: Path, db: Path, *, events: bool) -> Result:
    args = ["ingest", str(folder), "--db", str(db), "--no-progress"] + ([] if events else ["--no-events"])
    with mock.patch.object(cli_module, "_coder", lambda enabled: loaded_coder() if enabled else None):
        result = CliRunner().invoke(cli, args)
    crash = "".join(traceback.format_exception(result.exception)) if result.exception else ""
    assert result.exception is None or isinstance(result.exception, SystemExit), crash
    assert result.exit_code in (0, 3), result.output
    rejected = int(re.search(r"^rejected:\s+(\d+)$", result.output, re.MULTILINE).group(1))
    assert (result.exit_code == 3) == (rejected > 0), result.output
    return result


def stored_texts(db: Path) -> list[str]:
    with open_store(db, readonly=True) as store:
        return [a["text"] for a in store.articles()]


def assert_landed(db: Path, good: list[int]) -> None:
    texts = stored_texts(db)
    for index in good:
        assert any(FINGERPRINTS[index] in t for t in texts), f"good report {index} lost; stored: {texts}"


def assert_sound(db: Path) -> None:
    with contextlib.closing(sqlite3.connect(db)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []


def snapshot(db: Path) -> dict[str, object]:
    """What a re-run must leave as it is."""
    with contextlib.closing(sqlite3.connect(db)) as conn:
        return {
            "documents": conn.execute("SELECT count(*) FROM documents").fetchone()[0],
            "articles": conn.execute("SELECT count(*) FROM articles").fetchone()[0],
            "rejections": sorted(conn.execute("SELECT document, stage, reason, version FROM rejections")),
        }


def check_ingest(hostile: list[HostileFile], subfolder: bytes, formats: list[str], *, events: bool) -> None:
    note(f"hostile files: {hostile!r}\nsubfolder: {subfolder!r}\ngood formats: {formats!r}")
    with tempfile.TemporaryDirectory(prefix="marsad-ingest-prop-") as tmp:
        folder, db = Path(tmp) / "in", Path(tmp) / "out" / "marsad.db"
        folder.mkdir()
        db.parent.mkdir()
        good = write_folder(folder, hostile, subfolder, formats)
        first = run_ingest(folder, db, events=events)
        assert_landed(db, good)
        assert_sound(db)
        before = snapshot(db)
        second = run_ingest(folder, db, events=events)
        assert second.exit_code == first.exit_code, (first.output, second.output)
        assert snapshot(db) == before
        assert_landed(db, good)
        assert_sound(db)


subfolders = st.builds(safe_name, name_stem, st.just(b".d"))
# No database of past failures (it would be a new folder in the checkout); no explain phase (slow, and it
# printed the failing files as blanks): the note in `check_ingest` shows the files of a failure.
PROPERTY = {"deadline": None, "database": None, "phases": [Phase.generate, Phase.shrink],
            "suppress_health_check": [HealthCheck.too_slow]}


# -- the tests -----------------------------------------------------------------------------
@given(hostile=hostile_files, subfolder=subfolders, formats=good_formats)
@settings(max_examples=150, **PROPERTY)
def test_hostile_input_never_crashes_or_loses_good_documents(hostile, subfolder, formats):
    check_ingest(hostile, subfolder, formats, events=False)


@given(hostile=hostile_files, subfolder=subfolders, formats=good_formats)
@settings(max_examples=25, **PROPERTY)
def test_hostile_input_with_event_coding(hostile, subfolder, formats):
    check_ingest(hostile, subfolder, formats, events=True)


# One file of each hostile kind. The random examples found those marked "parse limits" (json.loads
# raises RecursionError or ValueError, not JSONDecodeError) and "lone surrogates" (a url or id SQLite
# cannot encode, not even in the rejection) to end the whole batch with exit 1.
HOSTILE_KINDS = {
    b"image.txt": b"\x89PNG\r\n\x1a\n" + bytes(range(256)),
    b"nul-bytes.html": b"<html><body>\x00\x00\x00<p>text</p>\x00</body></html>",
    b"invalid-utf8.txt": b"Shelling \xff\xfe\xc3( hit \x80\x81 the town",
    b"utf16-bom.txt": "\ufeffShelling hit the town on Monday, local sources said.".encode("utf-16-le")[:-1],
    b"control.txt": bytes(range(1, 32)) * 20,
    b"empty.json": b"",
    b"caf\xe9 \xff name.txt": b"\x00\x01\x02",
    b"new\nline name.jsonl": b"{not json}\n",
    b"records.jsonl": b"\n".join([
        b'{"text": 5, "url": [1, 2]}',
        b'[{"text": "an array"}]',
        b'{"title": "no text"}',
        b'{"text": "Shelling hit Idlib.", "published": {"y": 2024}, "id": [null], "outlet": 1.5e308}',
        b'{"text": "lone \\ud800 surrogate", "url": "https://example.org/\\udfff"}',  # lone surrogates
        b'{"text": {"nested": ["deep", {"deeper": null}]}}',
        b'{"text": "cut short',
        b"NaN",
    ]),
    b"deep.json": b"[" * 100_000,  # parse limits: nesting past the recursion limit
    # parse limits: an integer of more than 4300 digits
    b"huge-number.jsonl": b'{"text": "Shelling hit Idlib on Monday.", "id": ' + b"9" * 5_000 + b"}\n",
}


def test_console_script_with_event_coding(tmp_path):
    folder, db = tmp_path / "in", tmp_path / "marsad.db"
    folder.mkdir()
    hostile_paths = [os.path.join(os.fsencode(folder), name) for name in HOSTILE_KINDS]
    for path, content in zip(hostile_paths, HOSTILE_KINDS.values(), strict=True):
        with open(path, "wb") as f:
            f.write(content)
    for index, fmt in enumerate(["txt", "html"]):
        name, content = good_file(index, fmt)
        (folder / name).write_bytes(content)
    marsad = Path(sys.executable).parent / "marsad"
    run = subprocess.run([str(marsad), "ingest", str(folder), "--db", str(db), "--no-progress"],
                         capture_output=True, timeout=300, env={**os.environ, "MARSAD_DEBUG": "1"})
    output = (run.stdout + run.stderr).decode("utf-8", "replace")
    assert "Traceback" not in output, output
    assert run.returncode == 3, output
    with open_store(db, readonly=True) as store:
        origins = [a["origin"] for a in store.articles()]
    for path in hostile_paths:  # none vanishes: each is stored, or rejected by a name that is one printable line
        name = path_text(path)
        assert name in output or any(o.startswith(name) for o in origins), (path, output)
    assert_landed(db, [0, 1])
    assert_sound(db)
