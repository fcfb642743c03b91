"""The JSON Schema of an evidence file, generated from the pydantic models."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from factcheck.evidence.model import EvidenceRecord, Source


class EvidenceFile(BaseModel):
    """One evidence file: the source document and the records read from it."""

    model_config = ConfigDict(extra="forbid")

    source: Source | None = Field(default=None, description="The document every record in this file comes from.")
    records: list[dict[str, Any]] = Field(description="The records; each may override `source`.")


def evidence_file_schema() -> dict[str, Any]:
    schema = EvidenceFile.model_json_schema()
    record = EvidenceRecord.model_json_schema()
    definitions = schema.setdefault("$defs", {})
    definitions.update(record.pop("$defs", {}))
    record["required"] = [name for name in record.get("required", []) if name != "source"]
    definitions["EvidenceRecord"] = record
    schema["properties"]["records"] = {
        "type": "array",
        "minItems": 1,
        "items": {"$ref": "#/$defs/EvidenceRecord"},
        "description": "The records; each may override `source`.",
    }
    schema["title"] = "factcheck evidence file"
    return schema
