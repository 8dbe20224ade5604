"""The machine-readable report: a ScanResult as JSON that validates against the shared contract.

The contract is `shared/contracts/scan-result.schema.json` (outside this repo). A copy is bundled as
`reports/scan-result.schema.json` so that an installed package can still find it.
KEEP THE BUNDLED COPY IDENTICAL TO THE SHARED CONTRACT: tests/reports/test_json_report.py compares the
two whenever the shared one exists.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from reports.models import ScanResult

SCHEMA_FILENAME = "scan-result.schema.json"
SCHEMA_ENV = "OIT_SCHEMA"

PACKAGE_DIR = Path(__file__).resolve().parent
REPO_ROOT = PACKAGE_DIR.parent
SHARED_SCHEMA = REPO_ROOT.parent / "shared" / "contracts" / SCHEMA_FILENAME
BUNDLED_SCHEMA = PACKAGE_DIR / SCHEMA_FILENAME


def schema_path() -> Path:
    """Where the contract is read from: $OIT_SCHEMA, else the shared contract, else the bundled copy.

    An $OIT_SCHEMA that names a missing file is an error, not a reason to fall back silently.
    """
    override = os.environ.get(SCHEMA_ENV)
    if override:
        path = Path(override)
        if not path.is_file():
            raise FileNotFoundError(f"{SCHEMA_ENV}={override} does not name a file")
        return path
    for path in (SHARED_SCHEMA, BUNDLED_SCHEMA):
        if path.is_file():
            return path
    raise FileNotFoundError(f"no {SCHEMA_FILENAME} at {SHARED_SCHEMA} or {BUNDLED_SCHEMA}")


def load_schema() -> dict[str, Any]:
    """The scan-result JSON Schema (draft 2020-12) as a dict."""
    with schema_path().open(encoding="utf-8") as fh:
        schema: dict[str, Any] = json.load(fh)
    return schema


def to_data(result: ScanResult) -> dict[str, Any]:
    """The result as plain JSON-ready data: dates ISO 8601, None kept as null.

    Two nulls are dropped because the contract types those fields without null: a missing `score`
    object and an evidence reference's missing `found_via`. Reading the JSON back gives the same
    defaults (None), so nothing is lost.
    """
    data = result.model_dump(mode="json")
    if data.get("score") is None:
        data.pop("score", None)
    for item in data["items"]:
        for ref in item["evidence"]:
            if ref.get("found_via") is None:
                ref.pop("found_via", None)
    return data


def to_json(result: ScanResult) -> str:
    """The result as UTF-8 friendly JSON text (Thai kept as is, indented by 2)."""
    return json.dumps(to_data(result), ensure_ascii=False, indent=2) + "\n"


def write_json(result: ScanResult, path: str | os.PathLike[str]) -> Path:
    """Write the JSON report (UTF-8), creating parent folders; returns the path written."""
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(to_json(result), encoding="utf-8")
    return out
