"""The one JSON error shape of the HTTP API, made here and nowhere else:

    {"error": {"status": 422, "code": "invalid_query", "message": "...", "details": [...]}}
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException

from ..errors import InvalidInput, MarsadError

log = logging.getLogger("marsad.web")

_CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found", 405: "method_not_allowed",
          406: "not_acceptable", 409: "conflict", 410: "gone", 413: "too_large", 414: "uri_too_long",
          415: "unsupported_media_type", 421: "unknown_host", 422: "invalid_input", 431: "headers_too_large",
          500: "internal_error", 503: "unavailable"}


class ErrorDetail(BaseModel):
    status: int
    code: str
    message: str
    details: list[Any] = []


class ErrorBody(BaseModel):
    """Every error the API returns, whatever the endpoint and whatever went wrong."""

    error: ErrorDetail


class ApiError(HTTPException):
    """Raise this in an endpoint to answer with the error shape."""

    def __init__(self, status: int, message: str, *, code: str | None = None, details: list[Any] | None = None):
        super().__init__(status_code=status, detail=message)
        self.code = code or _CODES.get(status, "error")
        self.details = details or []


def error_response(status: int, message: str, *, code: str | None = None,
                   details: list[Any] | None = None, headers: dict[str, str] | None = None) -> JSONResponse:
    body = ErrorBody(error=ErrorDetail(status=status, code=code or _CODES.get(status, "error"), message=message,
                                       details=details or []))
    return JSONResponse(body.model_dump(), status_code=status, headers=headers)


def _validation_details(exc: RequestValidationError) -> list[dict[str, Any]]:
    out = []
    for e in exc.errors():
        where = ".".join(str(p) for p in e.get("loc", ()))
        out.append({"field": where, "message": str(e.get("msg", "invalid"))})
    return out


def install(app: FastAPI) -> None:
    """Route every error — ours, the framework's, and the unexpected — to the one shape."""

    async def on_http(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, HTTPException)
        code = getattr(exc, "code", None)
        message = exc.detail if isinstance(exc.detail, str) else _CODES.get(exc.status_code, "error")
        if exc.status_code == 404 and code is None:
            message = f"nothing at {request.url.path}"
        return error_response(exc.status_code, message, code=code, details=getattr(exc, "details", None),
                              headers=getattr(exc, "headers", None))

    async def on_validation(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, RequestValidationError)
        details = _validation_details(exc)
        first = details[0] if details else {"field": "request", "message": "invalid"}
        return error_response(422, f"{first['field']}: {first['message']}", code="invalid_input", details=details)

    async def on_marsad(request: Request, exc: Exception) -> JSONResponse:
        if isinstance(exc, InvalidInput):
            return error_response(422, f"{exc.document}: {exc.reason}", code="invalid_input")
        return error_response(500, str(exc), code="internal_error")

    async def on_anything(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error on %s", request.url.path)
        return error_response(500, "internal error; the server log has the details", code="internal_error")

    app.add_exception_handler(HTTPException, on_http)
    app.add_exception_handler(RequestValidationError, on_validation)
    app.add_exception_handler(MarsadError, on_marsad)
    app.add_exception_handler(Exception, on_anything)


# Declared on every route, so the OpenAPI description says what errors look like.
RESPONSES: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorBody, "description": text}
    for code, text in ((400, "Bad request"), (404, "Not found"), (422, "Invalid input"))
}
WRITE_RESPONSES: dict[int | str, dict[str, Any]] = {
    **RESPONSES,
    **{code: {"model": ErrorBody, "description": text}
       for code, text in ((401, "Token missing or wrong"), (403, "Read-only server or foreign origin"),
                          (415, "Body must be JSON"))},
}
