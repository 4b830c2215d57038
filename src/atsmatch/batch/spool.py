"""Rows of a batch in the shown order without holding them: each row's JSON goes to a temporary
file as it finishes, and only its sort key and place in the file stay in memory (24 bytes a row).

A 10,000-file batch held its rows (about 6.5 KB each as models) until the end just to sort them;
spooled, the parent's memory is the same for 1,000 files as for 10,000.
"""

from __future__ import annotations

import math
import tempfile
from array import array
from collections.abc import Iterable, Iterator

from ..models import PairResult

__all__ = ["RowSpool"]


class RowSpool:
    """``(index, row)`` pairs as a batch yields them, read back best score first, ties in input
    order, failures last in input order (the order of ``sort_rows``).

    >>> with RowSpool() as spool:  # doctest: +SKIP
    ...     spool.extend(batch.rank(posting, resumes))
    ...     for row in spool:
    ...         print(row.score)

    Iterating again reads the rows again; a row added after a read is shown by the next one.
    """

    def __init__(self) -> None:
        self._file = tempfile.TemporaryFile(prefix="atsmatch-rows-")  # noqa: SIM115 - closed by close()
        # One entry a row: input index, score (NaN for a failure), start in the file; the end is
        # the next row's start, so a row costs 24 bytes here whatever its size.
        self._indexes = array("q")
        self._scores = array("d")
        self._starts = array("q", [0])
        self._done = bytearray()
        self.failures = 0

    def __enter__(self) -> RowSpool:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        """Remove the temporary file (it goes with the process anyway)."""
        self._file.close()

    def __len__(self) -> int:
        return len(self._indexes)

    def __contains__(self, index: object) -> bool:
        """Whether the row of this input index has been added."""
        return isinstance(index, int) and 0 <= index < len(self._done) and bool(self._done[index])

    def add(self, index: int, row: PairResult) -> None:
        """Keep ``row``, the batch's row for input ``index`` (its place in the inputs)."""
        line = row.model_dump_json().encode("utf-8") + b"\n"
        self._file.seek(self._starts[-1])
        self._file.write(line)
        self._starts.append(self._starts[-1] + len(line))
        self._indexes.append(index)
        self._scores.append(math.nan if row.score is None else row.score)
        if index >= len(self._done):
            self._done.extend(bytes(index + 1 - len(self._done)))
        self._done[index] = 1
        self.failures += row.error is not None

    def extend(self, rows: Iterable[tuple[int, PairResult]]) -> None:
        for index, row in rows:
            self.add(index, row)

    def __iter__(self) -> Iterator[PairResult]:
        for line in self.json_lines():
            yield PairResult.model_validate_json(line)

    def json_lines(self) -> Iterator[bytes]:
        """Each row's JSON (``PairResult.model_dump_json``) and a newline, in the shown order."""
        self._file.flush()
        for number in self._order():
            start, end = self._starts[number], self._starts[number + 1]
            self._file.seek(start)
            yield self._file.read(end - start)

    def _order(self) -> list[int]:
        scores, indexes = self._scores, self._indexes

        def key(number: int) -> tuple[bool, float, int]:
            score = scores[number]
            failed = math.isnan(score)
            return failed, 0.0 if failed else -score, indexes[number]

        return sorted(range(len(indexes)), key=key)
