"""Which ambiguous candidates (Go, R, Excel, Spark) count as skills where they stand, and why.

Unambiguous matches count first; then, round by round, a confirmed tool confirms its neighbours
("python, go and rust"). Only candidates whose context window touches a newly confirmed one are
checked again, and every check looks only at its own window, so the whole is linear in the
document's length. Reasons are plain tuples ``(kind, word, keyword)``, made into ``Confirmation``
models at the API boundary.
"""

from __future__ import annotations

import bisect

from ..lexicon.table import FormTable
from .context import ContextRules
from .forms import Candidate, FormIndex
from .lines import TokenLines, VerticalLists, Words

__all__ = ["Reason", "confirm"]

Reason = tuple[str, str | None, str | None]  # (kind, word, keyword): see models.Confirmation


class _Confirmer:
    """One document's confirmation state; built per call, never shared."""

    def __init__(self, kept, words, lowered, lines, index, table, rules) -> None:
        self.kept: list[Candidate] = kept
        self.words: Words = words
        self.lowered: list[str] = lowered
        self.lines: TokenLines = lines
        self.index: FormIndex = index
        self.table: FormTable = table
        self.rules: ContextRules = rules
        self.ends = [c.end for c in kept]  # kept never overlap: starts and ends both ascend
        self.round_of: dict[int, int] = {}  # kept position -> round it was confirmed in (0: unambiguous)
        self.by_start = {c.start: i for i, c in enumerate(kept)}
        self.by_end = {c.end: i for i, c in enumerate(kept)}
        self.labels: dict[int, str | None] = {}
        self.vertical = VerticalLists(lines, words, lowered, rules) if rules.vertical_lists else None

    # --- helpers --------------------------------------------------------------------------------

    def is_tool(self, position: int) -> bool:
        return self.index.tool[self.kept[position].form]

    def name(self, position: int) -> str:
        return self.table.name(self.index.entry[self.kept[position].form])

    def first_confirmed(self, positions, current: int) -> int | None:
        """Of these kept positions, the hard skill confirmed earliest (then leftmost), counting only
        confirmations of earlier rounds: this round's count from the next one."""
        best = None
        round_of, kept, tool = self.round_of, self.kept, self.index.tool
        for position in positions:
            confirmed_in = round_of.get(position, current)
            if confirmed_in < current and tool[kept[position].form]:
                key = (confirmed_in, kept[position].start)
                if best is None or key < best[0]:
                    best = (key, position)
        return None if best is None else best[1]

    def overlapping(self, low: int, high: int) -> range:
        """Kept positions of candidates overlapping tokens ``low:high``."""
        first = bisect.bisect_right(self.ends, low)
        last = first
        while last < len(self.kept) and self.kept[last].start < high:
            last += 1
        return range(first, last)

    # --- the rules ------------------------------------------------------------------------------

    def reason(self, position: int, current: int) -> Reason | None:
        """Why the ambiguous candidate at ``position`` counts now, or None."""
        found = self.same_line_reason(position, current)
        if found is None and self.vertical is not None and self.is_tool(position):
            found = self.list_item_reason(position, current)
        return found

    def same_line_reason(self, position: int, current: int) -> Reason | None:
        candidate, words, lowered, rules = self.kept[position], self.words, self.lowered, self.rules
        start, end = candidate.start, candidate.end
        # A hyphenated compound ("Go-to-market", "Swift-moving") is an ordinary word, and so is one
        # followed by a preposition or article ("Excel at", "Go to", "Access to"). A hyphen with a
        # space or a line between is a bullet or a dash ("- Bash", "Python or Bash\n- SQL").
        spans = self.lines.spans
        if (start > 0 and lowered[start - 1] == "-" and spans[start - 1][1] == spans[start][0]) or (
            end < len(lowered)
            and (
                (lowered[end] == "-" and spans[end][0] == spans[end - 1][1])
                or (lowered[end] in rules.ordinary_use_next and self.lines[end] == self.lines[start])
            )
        ):
            return None
        if self.index.list_only[candidate.form]:
            return self.list_neighbour(position, current)
        line = self.lines[start]
        # The window, clipped to the candidate's line (no form spans lines, so neither does a
        # neighbour that overlaps the clipped window).
        on_line = self.lines.tokens(line)
        low = max(start - rules.context_window, on_line.start)
        high = min(end + rules.context_window, on_line.stop)
        is_tool = self.index.tool[candidate.form]
        if is_tool:
            other = self.first_confirmed(self.overlapping(low, high), current)
            if other is not None:
                return ("neighbour", None, self.name(other))
        own_context = self.table.context.get(self.index.entry[candidate.form], frozenset())
        for token in range(low, high):
            if start <= token < end:
                continue
            word = lowered[token]
            if word in own_context or (is_tool and word in rules.context_words):
                return ("context_word", words[token], None)
        label = self.list_label(line, start)
        return None if label is None else ("list_label", label, None)

    def list_neighbour(self, position: int, current: int) -> Reason | None:
        """A tool listed right beside the candidate: 'python, go', 'react and vue'."""
        candidate, lowered, separators = self.kept[position], self.lowered, self.rules.list_separators
        start, end = candidate.start, candidate.end
        before = start >= 2 and lowered[start - 1] in separators
        after = end + 1 < len(lowered) and lowered[end] in separators
        beside = []
        if before:
            beside.append(self.by_end.get(start - 1))
        if after:
            beside.append(self.by_start.get(end + 1))
        other = self.first_confirmed((p for p in beside if p is not None), current)
        return None if other is None else ("neighbour", None, self.name(other))

    def list_label(self, line: int, position: int) -> str | None:
        """The label of a 'Skills: a, b, c' line, if ``position`` stands after it."""
        if line not in self.labels:
            self.labels[line] = self._label_end(line)
        found = self.labels[line]
        if found is None or found[0] >= position:
            return None
        return found[1]

    def _label_end(self, line: int):
        first = self.lines.tokens(line).start
        words = self.words
        for index in range(first + 1, min(first + 5, len(words))):
            if words[index] in self.rules.label_ends and any(
                w in self.rules.list_labels for w in self.lowered[first:index]
            ):
                return index, " ".join(words[first:index]) + words[index]
        return None

    def list_item_reason(self, position: int, current: int) -> Reason | None:
        """An item of a one-per-line list: a confirmed tool on the item above or below, or the
        list's heading."""
        vertical, candidate = self.vertical, self.kept[position]
        assert vertical is not None
        line = self.lines[candidate.start]
        item = vertical.item(line)
        if item is None or (item.start, item.stop) != (candidate.start, candidate.end):
            return None
        on_neighbours = (p for other in vertical.neighbour_items(line) for p in self.overlapping_line(other))
        other = self.first_confirmed(on_neighbours, current)
        if other is not None:
            return ("list_item", None, self.name(other))
        if self.index.list_only[candidate.form]:
            return None  # lowercase 'go' needs a listed tool, not only a heading
        heading = vertical.list_heading(line)
        return None if heading is None else ("list_item", heading, None)

    def overlapping_line(self, line: int) -> range:
        tokens = self.lines.tokens(line)
        return self.overlapping(tokens.start, tokens.stop)

    # --- the rounds -----------------------------------------------------------------------------

    def woken_by(self, position: int, waiting_starts: list[int], waiting: list[int]) -> set[int]:
        """Unconfirmed ambiguous candidates whose rules can see the newly confirmed ``position``."""
        candidate = self.kept[position]
        window = max(self.rules.context_window, 2)  # list neighbours stand one separator away
        low = bisect.bisect_left(waiting_starts, candidate.start - window - self.index.max_length)
        high = bisect.bisect_left(waiting_starts, candidate.end + window)
        found = {
            waiting[i]
            for i in range(low, high)
            if self.kept[waiting[i]].end + window > candidate.start
            and self.kept[waiting[i]].start - window < candidate.end
        }
        if self.vertical is not None:
            line = self.lines[candidate.start]
            if self.vertical.item(line) is not None:
                ambiguous = self.index.ambiguous
                for other in self.vertical.neighbour_items(line):
                    found.update(p for p in self.overlapping_line(other) if ambiguous[self.kept[p].form])
        return {p for p in found if p not in self.round_of}

    def run(self) -> dict[int, Reason]:
        ambiguous = self.index.ambiguous
        waiting = []
        for position, candidate in enumerate(self.kept):
            if ambiguous[candidate.form]:
                waiting.append(position)
            else:
                self.round_of[position] = 0
        all_waiting, waiting_starts = waiting, [self.kept[p].start for p in waiting]
        reasons: dict[int, Reason] = {}
        current = 1
        while waiting:
            newly = {}
            for position in waiting:
                found = self.reason(position, current)
                if found is not None:
                    newly[position] = found
            if not newly:
                break
            reasons.update(newly)
            for position in newly:
                self.round_of[position] = current
            woken: set[int] = set()
            for position in newly:
                woken |= self.woken_by(position, waiting_starts, all_waiting)
            waiting = sorted(woken)
            current += 1
        return reasons


def confirm(
    kept: list[Candidate],
    words: Words,
    lowered: list[str],
    lines: TokenLines,
    index: FormIndex,
    table: FormTable,
    rules: ContextRules,
) -> dict[int, Reason]:
    """Kept position → why each confirmed ambiguous candidate counts (unconfirmed ones are absent)."""
    if not any(index.ambiguous[c.form] for c in kept):
        return {}
    return _Confirmer(kept, words, lowered, lines, index, table, rules).run()
