"""Stage 1, ingest: files, folders and stdin → raw documents, identified by content hash.

Reading never raises for one bad document in a batch: `read_paths` yields either a
`RawDocument` or an `InvalidInput` naming the document and the reason, and the batch
runner records the rejection and goes on.
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from charset_normalizer import from_bytes

from .errors import InvalidInput
from .records import RawDocument, content_id

MAX_BYTES = 20 * 1024 * 1024  # a news article is kilobytes; 20 MiB is a dump, not a report
SUFFIXES = {".txt": "txt", ".text": "txt", ".html": "html", ".htm": "html", ".json": "json", ".jsonl": "json"}

# Magic numbers of binary formats people rename by mistake (a PNG saved as .txt).
_BINARY_MAGIC = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"%PDF", b"PK\x03\x04", b"\x1f\x8b", b"\x7fELF")
# Encodings worth trying, in order, when bytes are not UTF-8: Arabic Windows pages are common
# in this field; latin-1 decodes anything, so it comes last.
_FALLBACK_ENCODINGS = ("cp1256", "cp1252", "latin-1")
# Windows "Unicode" text files start with a byte-order mark and hold NUL bytes.
_UTF16_BOMS = ((b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))

ReadResult = RawDocument | InvalidInput


def path_text(path: str | Path) -> str:
    """A file name as marsad stores and prints it, losslessly: bytes that are not UTF-8
    (a Windows archive's latin-1 "é"), control characters (a newline) and the backslash are
    written as `\\xHH`; `path_bytes` undoes it. Every other name is stored as it is."""
    raw = os.fsdecode(os.fsencode(path))  # undecodable bytes arrive as surrogates U+DC80–U+DCFF
    out = []
    for ch in raw:
        code = ord(ch)
        if 0xDC80 <= code <= 0xDCFF:
            out.append(f"\\x{code - 0xDC00:02x}")
        elif code < 0x20 or code == 0x7F or ch == "\\":
            out.append(f"\\x{code:02x}")
        else:
            out.append(ch)
    return "".join(out)


def path_bytes(text: str) -> bytes:
    """The file name `path_text` wrote, as the bytes the file system holds."""
    return re.sub(rb"\\x([0-9a-f]{2})", lambda m: bytes([int(m.group(1), 16)]), text.encode("utf-8"))


def decode(data: bytes, origin: str) -> tuple[str, str]:
    """Bytes → (text, encoding). Raises InvalidInput for binary, undecodable or garbage content."""
    if not data.strip():
        raise InvalidInput(origin, "empty document")
    for bom, encoding in _UTF16_BOMS:
        if data.startswith(bom):
            try:
                return _readable(data[len(bom):].decode(encoding), origin), encoding
            except UnicodeDecodeError:
                raise InvalidInput(origin, f"undecodable bytes: starts as {encoding} but is not") from None
    if data.startswith(_BINARY_MAGIC) or b"\x00" in data[:4096]:
        raise InvalidInput(origin, "binary content, not text (is it an image or archive renamed?)")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return _readable(data.decode("utf-8"), origin), "utf-8"
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


def _readable(text: str, origin: str) -> str:
    """Text that is mostly control characters is noise, whatever its encoding."""
    if not text.strip() or not _plausible(text):
        raise InvalidInput(origin, "not readable text: mostly control characters or blank")
    return text


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
    bad = sum(1 for c in text if (ord(c) < 32 and c not in "\n\r\t\f") or 0x7F <= ord(c) < 0xA0)
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
        except (RecursionError, ValueError) as e:
            yield InvalidInput(origin, f"malformed JSON: {_json_limit(e)}")
            return
        if not isinstance(value, list):
            yield _json_document(value, origin, origin, encoding)
            return
        for i, item in enumerate(value, 1):
            yield _json_document(item, None, f"{origin}#{i}", encoding, feed=origin)
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
        except (RecursionError, ValueError) as e:
            yield InvalidInput(where, f"malformed JSON on line {lineno}: {_json_limit(e)}")
            continue
        yield _json_document(item, None, where, encoding, feed=origin)


def _json_limit(e: Exception) -> str:
    """What a JSON value past Python's limits is (JSONDecodeError is a ValueError too)."""
    if isinstance(e, RecursionError):
        return "nested too deeply"
    return f"a value past the parser's limits ({e})"


def _unicode(text: str) -> str:
    """A JSON string may hold lone surrogates ("\\ud800"), which no UTF-8 text can: U+FFFD."""
    return _SURROGATE.sub("\ufffd", text)


_SURROGATE = re.compile("[\ud800-\udfff]")


def _json_document(item: object, origin: str | None, where: str, encoding: str, *, feed: str = "") -> ReadResult:
    """One JSON record → a document. `where` names it in a rejection. Its `origin` — what a
    changed version of it replaces — is its `url`, else `feed#id` when it has an `id`, else
    `feed#<content id>`: never its position, which shifts when a feed grows at the top."""
    if not isinstance(item, dict):
        return InvalidInput(where, "a JSON record must be an object with a 'text' field")
    text = item.get("text")
    if not isinstance(text, str) or not text.strip():
        return InvalidInput(where, "JSON record has no 'text' (or it is empty)")
    text = _unicode(text)

    def opt(key: str) -> str | None:
        """A metadata field as text; a list or object there is no url, id or title."""
        v = item.get(key)
        if v is None or isinstance(v, list | dict):
            return None
        return _unicode(str(v)).strip() or None

    url = opt("url")
    kind = "html" if sniff_kind(text) == "html" else "txt"
    fields = (kind, text, opt("title"), url, opt("published"), opt("outlet"))
    doc_id = content_id(*fields)
    key = opt("id")
    return RawDocument(
        doc_id=doc_id,
        origin=url or origin or f"{feed}#{key or doc_id}",
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
    origin = path_text(path)
    kind = kind_of(path)
    if kind is None:
        yield InvalidInput(origin, f"unsupported file type {path.suffix or '(none)'!r}; "
                                   f"use one of {', '.join(sorted(SUFFIXES))}")
        return
    try:
        size = path.stat().st_size
        if size > max_bytes:
            yield InvalidInput(origin, f"file too large ({size / 2**20:.1f} MiB > {max_bytes / 2**20:.0f} MiB limit)")
            return
        data = path.read_bytes()
    except OSError as e:
        yield InvalidInput(origin, f"cannot read file: {e.strerror or e}")
        return
    try:
        text, encoding = decode(data, origin)
    except InvalidInput as e:
        e.version = content_id(data)
        yield e
        return
    for item in documents_from_text(text, origin=origin, kind=kind, encoding=encoding):
        if isinstance(item, InvalidInput) and not item.version:
            item.version = content_id(data)
        yield item


def expand_paths(paths: Iterable[str | Path]) -> Iterator[Path | InvalidInput]:
    """Paths and folders (recursively, sorted, hidden files skipped) → files to read.

    Inside a folder, a symbolic link is followed only to a file or folder inside that same
    folder: a link out of it, a broken link and a loop are each reported, never read."""
    for p in paths:
        path = Path(p)
        if path.is_dir():
            yield from _walk(path)
        elif path.is_file():
            yield path
        else:
            yield InvalidInput(path_text(path), "no such file or folder")


def _walk(top: Path) -> Iterator[Path | InvalidInput]:
    """The files under `top` in path order (as `sorted(rglob)` gives them), links checked."""
    root = top.resolve()
    found: list[tuple[tuple[str, ...], Path | InvalidInput]] = []
    pending, seen = [top], {root}
    while pending:
        folder = pending.pop()
        try:
            entries = list(folder.iterdir())
        except OSError as e:
            found.append((folder.parts, InvalidInput(path_text(folder), f"cannot read folder: {e.strerror or e}")))
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            if entry.is_symlink():
                try:
                    target = entry.resolve(strict=True)
                except (OSError, RuntimeError):
                    found.append((entry.parts, InvalidInput(path_text(entry), "symbolic link that is broken or loops;"
                                                                              " skipped")))
                    continue
                if not target.is_relative_to(root):
                    found.append((entry.parts, InvalidInput(
                        path_text(entry), f"symbolic link leading outside {path_text(top)}; skipped")))
                    continue
                if target.is_dir() and target in seen:
                    found.append((entry.parts, InvalidInput(path_text(entry), "symbolic link to a folder already"
                                                                              " read; skipped")))
                    continue
            if entry.is_dir():
                seen.add(entry.resolve())
                pending.append(entry)
            elif entry.is_file() and kind_of(entry):
                found.append((entry.parts, entry))
    for _, item in sorted(found, key=lambda x: x[0]):
        yield item


def read_stdin(stream: Any = None, *, max_bytes: int = MAX_BYTES) -> Iterator[ReadResult]:
    """Standard input (or any binary/text stream) → documents; the kind is sniffed from the content."""
    source = stream if stream is not None else sys.stdin
    buf = getattr(source, "buffer", source)
    data = buf.read(max_bytes + 1)
    if isinstance(data, str):
        data = data.encode("utf-8")
    if len(data) > max_bytes:
        yield InvalidInput("<stdin>", f"input too large (> {max_bytes / 2**20:.0f} MiB limit)")
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
                continue
            try:
                yield from read_file(f)
            except Exception as e:  # a reading bug marsad has not met: this file's rejection only
                yield InvalidInput(path_text(f), f"unexpected error ({type(e).__name__}: {e}); please report it")
