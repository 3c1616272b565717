"""The README is part of the product: its commands exist and its library example runs."""

from __future__ import annotations

import re

from click.testing import CliRunner

from marsad.cli import cli

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_opens_with_the_two_commands():
    first_block = README.split("```", 2)[1]
    assert [ln.split("#")[0].strip() for ln in first_block.strip().splitlines()] == ["make demo", "make test"]


def test_every_command_in_the_readme_exists_and_has_help():
    documented = set(re.findall(r"`marsad (\w+)", README))
    assert {"ingest", "export", "extract", "serve", "geoparse", "gazetteer"} <= documented
    runner = CliRunner()
    for command in documented:
        r = runner.invoke(cli, [command, "--help"])
        assert r.exit_code == 0, f"marsad {command} --help failed: {r.output}"


def test_the_library_example_runs(tmp_path, monkeypatch):
    section = README.split("## As a library", 1)[1]
    code = section.split("```python", 1)[1].split("```", 1)[0]
    (tmp_path / "report.txt").write_text(
        "Drone Strike Near Qamishli\n\nMonday, 03/04/2024\n\nA Turkish drone struck a car near Qamishli on "
        "Sunday, killing two SDF fighters, the Syrian Observatory for Human Rights said.\n")
    monkeypatch.chdir(tmp_path)
    scope: dict[str, object] = {}
    exec(compile(code, "README.md", "exec"), scope)  # noqa: S102 — the README's own example
    events = scope["events"]
    assert [e.sub_event_type for e in events] == ["Air/drone strike"]  # type: ignore[attr-defined]
