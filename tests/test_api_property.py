"""Property test: schemathesis generates requests from the OpenAPI description (valid and
invalid ones); none may get a 500, and every error must come in the one shape."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable

from .webdata import synthetic_db

schemathesis = pytest.importorskip("schemathesis")
from schemathesis.generation import GenerationMode  # noqa: E402 (after the skip)


def _schema():
    from marsad.web import create_app

    folder = Path(tempfile.mkdtemp(prefix="marsad-prop-"))
    # schemathesis calls the app in-process under the fixed name "testserver"; the server must answer it.
    app = create_app(synthetic_db(folder / "prop.db", 30), write_token="t0ken", allowed_hosts=["testserver"])
    return schemathesis.openapi.from_asgi("/api/openapi.json", app)


SCHEMA = _schema()
OPERATIONS = [result.ok() for result in SCHEMA.get_all_operations()]


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE], ids=lambda m: m.value)
@pytest.mark.parametrize("operation", OPERATIONS, ids=lambda op: op.label)
def test_no_request_gets_a_500(operation, mode):
    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    def check(case):
        response = case.call(headers={"authorization": "Bearer t0ken"})
        assert response.status_code < 500, (case.method, case.formatted_path, case.query, response.text[:300])
        if response.status_code >= 400:
            body = response.json()
            assert set(body) == {"error"} and set(body["error"]) == {"status", "code", "message", "details"}
            assert body["error"]["status"] == response.status_code

    try:
        check()
    except Unsatisfiable:
        assert mode is GenerationMode.NEGATIVE  # an endpoint without parameters has no invalid request
