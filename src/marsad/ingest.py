"""Stage 1, ingest: files, folders and stdin → raw documents, identified by content hash.

Reading never raises for one bad document in a batch: `read_paths` yields either a
`RawDocument` or an `InvalidInput` naming the document and the reason, and the batch
runner records the rejection and goes on.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from charset_normalizer import from_bytes

from .errors import InvalidInput
from .records import RawDocument, content_id

MAX_BYTES = 20 * 1024 * 1024  # a news article is kilobytes; 20 MB is a dump, not a report
SUFFIXES = {".txt": "txt", ".text": "txt", ".html": "html", ".htm": "html", ".json": "json", ".jsonl": "json"}

# Magic numbers of binary formats people rename by mistake (a PNG saved as .txt).
_BINARY_MAGIC = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"%PDF", b"PK\x03\x04", b"\x1f\x8b", b"\x7fELF")
# Encodings worth trying, in order, when bytes are not UTF-8: Arabic Windows pages are common
# in this field; latin-1 decodes anything, so it comes last.
_FALLBACK_ENCODINGS = ("cp1256", "cp1252", "latin-1")

ReadResult = RawDocument | InvalidInput


def decode(data: bytes, origin: str) -> tuple[str, str]:
    """Bytes → (text, encoding). Raises InvalidInput for binary or undecodable content."""
    if not data.strip():
        raise InvalidInput(origin, "empty document")
    if data.startswith(_BINARY_MAGIC) or b"\x00" in data[:4096]:
        raise InvalidInput(origin, "binary content, not text (is it an image or archive renamed?)")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    for enc in _guess_order(data):
        try:
            text = data.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
        if _plausible(text):
            return text, enc
    raise InvalidInput(origin, "undecodable bytes: not UTF-8, and no known encoding gives readable text")


def _guess_order(data: bytes) -> list[str]:
    """Encodings to try for non-UTF-8 bytes, most likely first.

    Arabic Windows text is mostly high bytes that cp1256 maps to Arabic letters; Western text
    has few high bytes (accents), where statistical detectors confuse cp1252 with cp1250.
    """
    order: list[str] = []
    high = sum(b > 127 for b in data) / len(data)
    try:
        arabic = data.decode("cp1256")
        letters = sum("\u0600" <= c <= "\u06ff" for c in arabic)
        if letters / max(sum(b > 127 for b in data), 1) > 0.6:
            order.append("cp1256")
    except UnicodeDecodeError:
        pass
    if high < 0.1:
        order.append("cp1252")
    best = from_bytes(data).best()
    if best is not None and best.encoding:
        order.append(best.encoding)
    return [*order, *_FALLBACK_ENCODINGS]


def _plausible(text: str) -> bool:
    """Readable text has few control characters."""
    if not text:
        return False
    bad = sum(1 for c in text if ord(c) < 32 and c not in "\n\r\t\f")
    return bad / len(text) < 0.01


def kind_of(path: Path) -> str | None:
    return SUFFIXES.get(path.suffix.lower())


def sniff_kind(text: str) -> str:
    """Kind of stdin input, which has no file name."""
    head = text.lstrip()[:500].lower()
    if head.startswith("{"):
        return "json"
    if head.startswith("<!doctype html") or "<html" in head or "<body" in head:
        return "html"
    return "txt"


def documents_from_text(text: str, *, origin: str, kind: str, encoding: str = "utf-8") -> Iterator[ReadResult]:
    """Decoded text of one input → its documents (JSON Lines hold many)."""
    if kind != "json":
        if not text.strip():
            yield InvalidInput(origin, "empty document")
            return
        yield RawDocument(content_id(kind, text), origin, kind, text, encoding=encoding)
        return
    stripped = text.strip()
    if stripped.startswith("[") or (stripped.startswith("{") and "\n{" not in stripped):
        # A single JSON value (object or array of objects) rather than JSON Lines.
        try:
            value = json.loads(stripped)
        except json.JSONDecodeError as e:
            yield InvalidInput(origin, f"malformed JSON: {e.msg} at line {e.lineno}")
            return
        items = value if isinstance(value, list) else [value]
        for i, item in enumerate(items, 1):
            yield _json_document(item, f"{origin}#{i}" if len(items) > 1 else origin, encoding)
        return
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{origin}#L{lineno}"
        try:
            item = json.loads(line)
        except json.JSONDecodeError as e:
            yield InvalidInput(where, f"malformed JSON on line {lineno}: {e.msg}")
            continue
        yield _json_document(item, where, encoding)


def _json_document(item: object, origin: str, encoding: str) -> ReadResult:
    if not isinstance(item, dict):
        return InvalidInput(origin, "a JSON record must be an object with a 'text' field")
    text = item.get("text")
    if not isinstance(text, str) or not text.strip():
        return InvalidInput(origin, "JSON record has no 'text' (or it is empty)")

    def opt(key: str) -> str | None:
        v = item.get(key)
        return str(v).strip() or None if v is not None else None

    url = opt("url")
    kind = "html" if sniff_kind(text) == "html" else "txt"
    fields = (kind, text, opt("title"), url, opt("published"), opt("outlet"))
    return RawDocument(
        doc_id=content_id(*fields),
        origin=url or origin,
        kind=kind,
        text=text,
        title=opt("title"),
        url=url,
        published=opt("published"),
        outlet=opt("outlet"),
        encoding=encoding,
    )


def read_file(path: Path, *, max_bytes: int = MAX_BYTES) -> Iterator[ReadResult]:
    """One file → its documents, or the reason it can't be read."""
    origin = str(path)
    kind = kind_of(path)
    if kind is None:
        yield InvalidInput(origin, f"unsupported file type {path.suffix or '(none)'!r}; "
                                   f"use one of {', '.join(sorted(SUFFIXES))}")
        return
    try:
        size = path.stat().st_size
        if size > max_bytes:
            yield InvalidInput(origin, f"file too large ({size / 1e6:.1f} MB > {max_bytes / 1e6:.0f} MB limit)")
            return
        data = path.read_bytes()
    except OSError as e:
        yield InvalidInput(origin, f"cannot read file: {e.strerror or e}")
        return
    try:
        text, encoding = decode(data, origin)
    except InvalidInput as e:
        yield e
        return
    yield from documents_from_text(text, origin=origin, kind=kind, encoding=encoding)


def expand_paths(paths: Iterable[str | Path]) -> Iterator[Path | InvalidInput]:
    """Paths and folders (recursively, sorted, hidden files skipped) → files to read."""
    for p in paths:
        path = Path(p)
        if path.is_dir():
            for f in sorted(path.rglob("*")):
                rel = f.relative_to(path)
                if f.is_file() and not any(part.startswith(".") for part in rel.parts) and kind_of(f):
                    yield f
        elif path.is_file():
            yield path
        else:
            yield InvalidInput(str(path), "no such file or folder")


def read_stdin(stream: Any = None, *, max_bytes: int = MAX_BYTES) -> Iterator[ReadResult]:
    """Standard input (or any binary/text stream) → documents; the kind is sniffed from the content."""
    source = stream if stream is not None else sys.stdin
    buf = getattr(source, "buffer", source)
    data = buf.read(max_bytes + 1)
    if isinstance(data, str):
        data = data.encode("utf-8")
    if len(data) > max_bytes:
        yield InvalidInput("<stdin>", f"input too large (> {max_bytes / 1e6:.0f} MB limit)")
        return
    try:
        text, encoding = decode(data, "<stdin>")
    except InvalidInput as e:
        yield e
        return
    yield from documents_from_text(text, origin="<stdin>", kind=sniff_kind(text), encoding=encoding)


def read_paths(paths: Iterable[str | Path], *, stdin: Any = None) -> Iterator[ReadResult]:
    """Every document under `paths` ("-" is standard input), in a stable order."""
    for p in paths:
        if str(p) == "-":
            yield from read_stdin(stdin)
            continue
        for f in expand_paths([p]):
            if isinstance(f, InvalidInput):
                yield f
            else:
                yield from read_file(f)
