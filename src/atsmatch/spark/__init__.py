"""Apache Spark: pandas UDFs that extract and score documents on executors (``pip install atsmatch[spark]``).

>>> from atsmatch.spark import extract_udf, score_udf                       # doctest: +SKIP
>>> files = spark.read.format("binaryFile").load("resumes/")              # doctest: +SKIP
>>> files.select("path", extract_udf()("content").alias("extraction"))   # doctest: +SKIP

Each UDF takes a column of text (string) or file content (binary, e.g. ``binaryFile``'s ``content``)
and returns a struct column whose fields are the JSON of ``Extraction`` (``extract_udf``, plus an
``error`` field) or ``PairResult`` (``score_udf``), so Parquet written from them reads like the CLI's
JSON. Each executor's Python worker builds its ``Analyzer`` once, on its first batch, and keeps it.

This module must not use ``from __future__ import annotations``: Spark reads the UDFs' type hints
at definition time and rejects string annotations (UNSUPPORTED_SIGNATURE).
"""

import functools
from typing import Any

import pandas as pd
from pyspark.sql import types as T
from pyspark.sql.functions import pandas_udf

from ..batch.worker import BatchSettings, DocumentRef, PairTask, WorkerState, document_ref, score_task
from ..errors import AtsmatchError
from ..models import Extraction, PairResult

__all__ = ["extract_udf", "score_udf", "spark_schema"]

_ERROR = T.StructType([T.StructField("kind", T.StringType()), T.StructField("message", T.StringType())])


def spark_schema(model: Any) -> T.StructType:
    """The Spark struct type of a pydantic model, from its JSON schema (enums as strings)."""
    schema = model.model_json_schema()
    return _spark_type(schema, schema.get("$defs", {}))


def _spark_type(node: dict, defs: dict) -> T.DataType:
    if "$ref" in node:
        return _spark_type(defs[node["$ref"].rsplit("/", 1)[-1]], defs)
    if "anyOf" in node:  # Optional[X]: X, nullable
        return _spark_type(next(n for n in node["anyOf"] if n.get("type") != "null"), defs)
    kind = node.get("type", "string")
    if kind == "object":
        properties = node.get("properties", {})
        return T.StructType([T.StructField(name, _spark_type(sub, defs)) for name, sub in properties.items()])
    if kind == "array":
        return T.ArrayType(_spark_type(node.get("items", {}), defs))
    return {"integer": T.LongType(), "number": T.DoubleType(), "boolean": T.BooleanType()}.get(
        kind, T.StringType()
    )


@functools.lru_cache(maxsize=4)
def _state(settings: BatchSettings) -> WorkerState:
    """The executor process's Analyzer, built on its first batch (a Python worker lives for many)."""
    return WorkerState(settings)


def _ref(value: Any, position: int) -> DocumentRef:
    if isinstance(value, (bytes, bytearray, memoryview)):
        return document_ref(bytes(value))
    return document_ref(str(value))


def extract_udf(settings: BatchSettings = BatchSettings()):
    """A pandas UDF: a text or binary column → a struct of ``Extraction``'s fields plus ``error``."""
    fields = spark_schema(Extraction).fields
    schema = T.StructType([*fields, T.StructField("error", _ERROR)])
    names = [field.name for field in fields]

    @pandas_udf(schema)
    def extract(documents: pd.Series) -> pd.DataFrame:
        state = _state(settings)
        rows = []
        for position, value in enumerate(documents):
            try:
                extraction = state.extract(_ref(value, position))
                rows.append({**extraction.model_dump(mode="json"), "error": None})
            except AtsmatchError as exc:
                rows.append(
                    {**dict.fromkeys(names), "error": {"kind": type(exc).__name__, "message": str(exc)}}
                )
        return pd.DataFrame(rows, columns=[*names, "error"])

    return extract


def score_udf(settings: BatchSettings = BatchSettings()):
    """A pandas UDF: (resume, posting) columns of text or binary → a struct of ``PairResult``'s fields.

    A pair that fails has ``score`` null and ``error`` set, as in the CLI's rows; a posting repeated
    across rows is read once per executor process (kept by content).
    """
    schema = spark_schema(PairResult)
    names = [field.name for field in schema.fields]

    @pandas_udf(schema)
    def score(resumes: pd.Series, postings: pd.Series) -> pd.DataFrame:
        state = _state(settings)
        rows = []
        for position, (resume, posting) in enumerate(zip(resumes, postings, strict=True)):
            task = PairTask(resume=_ref(resume, position), posting=_ref(posting, position))
            rows.append(score_task(state, task).model_dump(mode="json"))
        return pd.DataFrame(rows, columns=names)

    return score
