"""The web app and JSON API over a Corroborate store (``corroborate serve``).

    >>> from corroborate.web import WebSettings, create_app      # doctest: +SKIP
    >>> app = create_app(WebSettings(db="corroborate.db"))      # doctest: +SKIP

See ``docs/web.md``. FastAPI and uvicorn are imported only when this package is.
"""

from __future__ import annotations

from corroborate.web.app import WebSettings, create_app
from corroborate.web.server import serve

__all__ = ["WebSettings", "create_app", "serve"]
