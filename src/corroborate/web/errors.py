"""One error shape for every error: ``{"error": {"status", "code", "message", "details"}}``.

API paths (``/api/...``) get it as JSON; pages get the same fields as an HTML page.
"""

from __future__ import annotations

from http import HTTPStatus
from typing import Any

from fastapi import Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import HTMLResponse, JSONResponse, Response

from corroborate.web.schemas import ErrorBody, ErrorInfo

CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "too_large",
    415: "unsupported_media_type",
    422: "invalid",
    500: "server_error",
    503: "unavailable",
}


class ApiError(Exception):
    """An error with a status, a code and a message, raised anywhere in the app."""

    def __init__(self, status: int, message: str, code: str | None = None,
                 details: list[dict[str, Any]] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code or CODES.get(status, "error")
        self.message = message
        self.details = details or []


def is_api(path: str) -> bool:
    return path == "/api" or path.startswith("/api/")


def error_body(status: int, message: str, code: str | None = None,
               details: list[dict[str, Any]] | None = None) -> ErrorBody:
    return ErrorBody(error=ErrorInfo(status=status, code=code or CODES.get(status, "error"),
                                     message=message, details=details or []))


def error_response(path: str, status: int, message: str, code: str | None = None,
                   details: list[dict[str, Any]] | None = None,
                   headers: dict[str, str] | None = None) -> Response:
    """The error as JSON for API paths, as an HTML page otherwise."""
    body = error_body(status, message, code, details)
    if is_api(path):
        return JSONResponse(body.model_dump(), status_code=status, headers=headers)
    from corroborate.web.pages import render_error

    return HTMLResponse(render_error(body.error), status_code=status, headers=headers)


def _phrase(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Error"


async def on_api_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, ApiError)
    return error_response(request.url.path, exc.status, exc.message, exc.code, exc.details)


async def on_http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    message = exc.detail if isinstance(exc.detail, str) and exc.detail else _phrase(
        exc.status_code)
    if exc.status_code == 404 and message == "Not Found":
        message = f"nothing at {request.url.path}"
    headers = dict(exc.headers) if exc.headers else None
    return error_response(request.url.path, exc.status_code, message, headers=headers)


async def on_validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    details = []
    for err in exc.errors():
        loc = [str(x) for x in err.get("loc", ())]
        details.append({"field": ".".join(loc), "problem": str(err.get("msg", "invalid"))})
    first = details[0] if details else {"field": "", "problem": "invalid request"}
    message = f"invalid {first['field'] or 'request'}: {first['problem']}"
    return error_response(request.url.path, 422, message, details=jsonable_encoder(details))


async def on_unexpected(request: Request, exc: Exception) -> Response:
    return error_response(request.url.path, 500,
                          f"internal error ({type(exc).__name__}); see the server's log")
