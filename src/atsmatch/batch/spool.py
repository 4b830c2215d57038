"""Rows of a batch in the shown order without holding them: each row's JSON goes to a temporary
file as it finishes, and only its sort key and place in the file stay in memory (40 bytes a row).

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
        self._end = 0
        # Five numbers a row, added by one ``extend`` (a Ctrl-C lands before or after it, never
        # halfway): input index, score (NaN for none), start and length in the file, failed.
        self._keys = array("d")

    def __enter__(self) -> RowSpool:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        """Remove the temporary file (it goes with the process anyway)."""
        self._file.close()

    def __len__(self) -> int:
        return len(self._keys) // _FIELDS

    @property
    def failures(self) -> int:
        """How many rows are failures (an ``error``)."""
        return int(sum(self._keys[_FIELDS - 1 :: _FIELDS]))

    def missing(self, count: int) -> list[int]:
        """The input indexes below ``count`` that have no row (yet)."""
        done = bytearray(count)
        for index in self._keys[::_FIELDS]:
            if index < count:
                done[int(index)] = 1
        return [index for index in range(count) if not done[index]]

    def add(self, index: int, row: PairResult) -> None:
        """Keep ``row``, the batch's row for input ``index`` (its place in the inputs)."""
        line = row.model_dump_json().encode("utf-8") + b"\n"
        start = self._end
        self._file.seek(start)
        self._file.write(line)
        self._end = start + len(line)  # a line written but not keyed (Ctrl-C here) is never read
        score = math.nan if row.score is None else row.score
        self._keys.extend((index, score, start, len(line), row.error is not None))

    def extend(self, rows: Iterable[tuple[int, PairResult]]) -> None:
        for index, row in rows:
            self.add(index, row)

    def __iter__(self) -> Iterator[PairResult]:
        for line in self.json_lines():
            yield PairResult.model_validate_json(line)

    def json_lines(self) -> Iterator[bytes]:
        """Each row's JSON (``PairResult.model_dump_json``) and a newline, in the shown order."""
        self._file.flush()
        keys = self._keys
        for number in self._order():
            start, length = keys[number + 2], keys[number + 3]
            self._file.seek(int(start))
            yield self._file.read(int(length))

    def _order(self) -> list[int]:
        """Each row's place in ``_keys``, best score first, ties in input order, failures last:
        sorted by input index, then (stably) by one float a row, so the sort holds no tuples."""
        keys = self._keys
        places = sorted(range(0, len(keys), _FIELDS), key=keys.__getitem__)

        def rank(place: int) -> float:
            score = keys[place + 1]
            return math.inf if math.isnan(score) else -score

        places.sort(key=rank)
        return places


_FIELDS = 5
