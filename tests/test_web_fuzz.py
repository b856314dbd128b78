"""API fuzzing from the OpenAPI description (schemathesis), bounded: no request gets a 500,
every response matches its documented schema and status code.

Two apps over the seed store: a read-only one for every operation, and a writable one for
the ingest operations (uploads of generated files and texts, then a real analysis).
``CORROBORATE_FUZZ_EXAMPLES`` raises the number of examples per operation (default 25).
"""

from __future__ import annotations

import os
import shutil
import warnings
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from corroborate.store import Store
from corroborate.web import WebSettings, create_app

EXAMPLES = int(os.environ.get("CORROBORATE_FUZZ_EXAMPLES", "25"))
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance,
          response_schema_conformance]


def _build(db: Path, *paths: Path) -> None:
    from corroborate.ingest import read_paths
    from corroborate.pipeline import analyse

    result = read_paths(list(paths))
    with Store(db) as store:
        store.save_report(analyse(result.articles))


@pytest.fixture(scope="module")
def fuzz_db(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path) -> Path:
    db = tmp_path_factory.mktemp("fuzz") / "seeds.db"
    _build(db, seeds_dir)
    return db


def _schema(db: Path, read_only: bool) -> Any:
    # allowed_hosts=None: schemathesis's in-process client sends "Host: testserver".
    app = create_app(WebSettings(db=db, read_only=read_only, allowed_hosts=None,
                                 wait_timeout=60))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return schemathesis.openapi.from_asgi("/api/openapi.json", app)


@pytest.fixture(scope="module")
def read_only_api(fuzz_db: Path) -> Any:
    return _schema(fuzz_db, read_only=True)


@pytest.fixture(scope="module")
def writable_api(fuzz_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Any:
    db = tmp_path_factory.mktemp("fuzz-rw") / "seeds.db"
    shutil.copy(fuzz_db, db)
    return _schema(db, read_only=False).include(path_regex="^/api/(ingest|analyse|jobs)")


read_only_schema = schemathesis.pytest.from_fixture("read_only_api")
writable_schema = schemathesis.pytest.from_fixture("writable_api")
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck),
                derandomize=True, database=None)


@read_only_schema.parametrize()
@FUZZ
def test_api_fuzz_read_only(case: Any) -> None:
    case.call_and_validate(checks=CHECKS)


@writable_schema.parametrize()
@settings(FUZZ, max_examples=max(5, EXAMPLES // 3))
def test_api_fuzz_ingest(case: Any) -> None:
    case.call_and_validate(checks=CHECKS)
