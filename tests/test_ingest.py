"""Reading every input format, and rejecting bad input per document without losing anything."""

from __future__ import annotations

import io
import json
import re

from marsad.errors import InvalidInput
from marsad.ingest import read_paths, read_stdin
from marsad.pipeline import ingest_paths
from marsad.records import RawDocument

REPORT = ("Clashes in Idlib countryside\n\nFighters of two factions clashed on Monday near the town of "
          "Saraqib, killing four, according to local sources. The fighting lasted for several hours "
          "and ended after mediation by tribal elders from the area.\n")


def docs(results):
    return [r for r in results if isinstance(r, RawDocument)]


def errors(results):
    return [r for r in results if isinstance(r, InvalidInput)]


def test_reads_txt_html_json_jsonl_and_folders(tmp_path):
    (tmp_path / "a.txt").write_text(REPORT)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.html").write_text(f"<html><body><p>{REPORT}</p></body></html>")
    (tmp_path / "c.json").write_text(json.dumps({"text": REPORT, "title": "T", "published": "2024-03-04"}))
    (tmp_path / "d.jsonl").write_text("\n".join(json.dumps({"text": REPORT + str(i)}) for i in range(3)))
    (tmp_path / ".hidden.txt").write_text(REPORT)
    (tmp_path / "notes.md").write_text(REPORT)
    got = docs(read_paths([tmp_path]))
    assert sorted(d.kind for d in got) == ["html", "txt", "txt", "txt", "txt", "txt"]
    names = sorted(d.origin.rsplit("/", 1)[-1] for d in got)
    assert names[:3] == ["a.txt", "b.html", "c.json"]
    # A JSON Lines record without url or id is known by its content, not by its line.
    assert [re.fullmatch(r"d\.jsonl#[0-9a-f]{16}", n) is not None for n in names[3:]] == [True] * 3
    c = next(d for d in got if d.origin.endswith("c.json"))
    assert (c.title, c.published) == ("T", "2024-03-04")


def test_stdin_is_sniffed():
    got = docs(read_stdin(io.BytesIO(b"<html><body><p>hello there</p></body></html>")))
    assert got[0].kind == "html" and got[0].origin == "<stdin>"
    got = docs(read_stdin(io.BytesIO(json.dumps({"text": "x y z"}).encode())))
    assert got[0].kind == "txt" and got[0].text == "x y z"


def test_content_ids_are_stable_and_content_based(tmp_path):
    (tmp_path / "a.txt").write_text(REPORT)
    (tmp_path / "b.txt").write_text(REPORT)
    ids = [d.doc_id for d in docs(read_paths([tmp_path]))]
    assert ids[0] == ids[1] and len(ids[0]) == 16


def test_empty_binary_undecodable_and_huge_files_are_rejected(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"  \n\n")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (tmp_path / "noise.txt").write_bytes(bytes([0x81, 0x02, 0x8d, 0x03, 0x90, 0x04, 0x9d, 0x05]) * 200)
    with open(tmp_path / "huge.txt", "wb") as f:
        f.truncate(50 * 1024 * 1024)
    reasons = {e.document.rsplit("/", 1)[-1]: e.reason for e in errors(read_paths([tmp_path]))}
    assert reasons["empty.txt"] == "empty document"
    assert "binary" in reasons["image.txt"]
    assert "undecodable" in reasons["noise.txt"]
    assert "too large" in reasons["huge.txt"]


def test_cp1256_and_latin1_are_decoded(tmp_path):
    arabic = "قصفت طائرات حربية مواقع في ريف دير الزور الشرقي يوم الاثنين، وفق مصادر محلية."
    (tmp_path / "ar.txt").write_bytes(arabic.encode("cp1256"))
    (tmp_path / "fr.txt").write_bytes("Mr. Lefèvre said the café in Tyre was damaged by shelling.".encode("latin-1"))
    got = {d.origin.rsplit("/", 1)[-1]: d for d in docs(read_paths([tmp_path]))}
    assert got["ar.txt"].text == arabic and got["ar.txt"].encoding.replace("_", "").lower() in ("cp1256", "windows1256")
    assert "Lefèvre" in got["fr.txt"].text


def test_malformed_jsonl_line_is_reported_with_its_line_number_and_good_lines_land(tmp_path, store):
    lines = [json.dumps({"text": REPORT}), '{"text": "broken', json.dumps({"title": "no text"}),
             json.dumps({"text": REPORT.replace("four", "five")})]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines))
    summary = ingest_paths([str(tmp_path)], store, progress=False)
    assert summary.articles == 2
    reasons = {r.document.rsplit("/", 1)[-1]: r.reason for r in summary.rejected}
    assert "line 2" in reasons["feed.jsonl#L2"] and "malformed JSON" in reasons["feed.jsonl#L2"]
    assert "no 'text'" in reasons["feed.jsonl#L3"]


def test_malformed_html_is_rejected_and_batch_goes_on(tmp_path, store):
    (tmp_path / "bad.html").write_text("<html><head><script>var x = '<p>'</script></head><body><div></div>")
    (tmp_path / "good.txt").write_text(REPORT)
    summary = ingest_paths([str(tmp_path)], store, progress=False)
    assert summary.articles == 1
    assert [r.document.rsplit("/", 1)[-1] for r in summary.rejected] == ["bad.html"]
    assert store.counts()["rejections"] == 1


def test_unknown_suffix_and_missing_path(tmp_path):
    (tmp_path / "x.pdf").write_bytes(b"%PDF-1.4")
    reasons = [e.reason for e in errors(read_paths([tmp_path / "x.pdf", tmp_path / "missing"]))]
    assert "unsupported file type" in reasons[0] and reasons[1] == "no such file or folder"
