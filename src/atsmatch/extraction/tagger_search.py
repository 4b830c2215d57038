"""The skill tagger's Viterbi search: the best label path for one line's emission scores.

Scores are integers (the model's weights have four decimals, counted in units of 1e-4), so sums are
exact in any order. ``best_paths`` gives None for a line where two candidates for a step's best tie
exactly: there the floating-point search (``float_best_path``, the tagger as it was before issue 12)
decides, by the rounding of its sums, and the caller runs that instead. Elsewhere both pick the
same path: an exact margin is at least 1e-4, and the float sums stay within 1e-7 of the exact ones
on the lines the caller gives (with the shipped model's weights, under 4.4 each: at most
``tagger.MAX_EXACT_TOKENS`` steps of sums below 2.2e5).

Emissions arrive packed, one integer per token holding every label's score in a lane of
``LANE_BITS`` bits, each lane raised by ``LANE_OFFSET`` so it is never negative.
"""

# _forward5 writes one candidate a line.
# ruff: noqa: E701
from __future__ import annotations

__all__ = ["LANE_BITS", "LANE_OFFSET", "best_paths", "float_best_path", "unpack"]

LANE_BITS = 32
LANE_OFFSET = 1 << 30
_MASK = (1 << LANE_BITS) - 1


def unpack(packed: int, lanes: int) -> list[int]:
    """The label scores packed in one integer."""
    return [((packed >> (LANE_BITS * lane)) & _MASK) - LANE_OFFSET for lane in range(lanes)]


def best_paths(lines: list[list[int]], into: list[list[int]]) -> list[list[int] | None]:
    """Each line's best label path (the first label wins a tie, as ``max`` does), or None for a
    line where candidates tie exactly. ``into[b][a]`` is the weight of label ``b`` after label ``a``.
    """
    forward = _forward5 if len(into) == 5 else _forward
    return [None if found is None else _path(*found) for found in forward(lines, into)]


def _path(pointers: list, score: list[int]) -> list[int] | None:
    top = max(score)
    if score.count(top) > 1:
        return None
    label = score.index(top)
    path = [label]
    for step in reversed(pointers):
        label = step[label]
        path.append(label)
    path.reverse()
    return path


def _forward(lines: list[list[int]], into: list[list[int]]) -> list[tuple[list, list[int]] | None]:
    """Each line's back pointers and last scores (None on a tie), any number of labels."""
    return [_forward_line(emissions, into) for emissions in lines]


def _forward_line(emissions: list[int], into: list[list[int]]) -> tuple[list, list[int]] | None:
    labels = range(len(into))
    score = unpack(emissions[0], len(into))
    pointers = []
    for packed in emissions[1:]:
        emission = unpack(packed, len(into))
        step, new_score = [], []
        for label in labels:
            candidates = [s + t for s, t in zip(score, into[label], strict=True)]
            best = max(candidates)
            if candidates.count(best) > 1:
                return None
            step.append(candidates.index(best))
            new_score.append(best + emission[label])
        pointers.append(step)
        score = new_score
    return pointers, score


def _forward5(lines: list[list[int]], into: list[list[int]]) -> list[tuple[list, list[int]] | None]:
    """``_forward`` written out for five labels, the shipped model's: four times faster.

    For each label ``b``, ``c`` is the best candidate score so far and ``kb`` its label; an equal
    candidate after it marks a tie (also one below the best: the float search then gives the same
    answer, a little slower). Lanes are read at 32-bit steps (``LANE_BITS``).
    """
    (a00, a01, a02, a03, a04), (a10, a11, a12, a13, a14), (a20, a21, a22, a23, a24), \
        (a30, a31, a32, a33, a34), (a40, a41, a42, a43, a44) = into  # fmt: skip
    m, o = _MASK, LANE_OFFSET
    found: list[tuple[list, list[int]] | None] = []
    # fmt: off
    for emissions in lines:
        x = emissions[0]
        s0, s1, s2 = (x & m) - o, (x >> 32 & m) - o, (x >> 64 & m) - o
        s3, s4 = (x >> 96 & m) - o, (x >> 128 & m) - o
        pointers = []
        tied = False
        for x in emissions[1:]:
            c, k0 = s0 + a00, 0
            if (y := s1 + a01) > c: c, k0 = y, 1
            elif y == c: tied = True
            if (y := s2 + a02) > c: c, k0 = y, 2
            elif y == c: tied = True
            if (y := s3 + a03) > c: c, k0 = y, 3
            elif y == c: tied = True
            if (y := s4 + a04) > c: c, k0 = y, 4
            elif y == c: tied = True
            n0 = c + (x & m) - o
            c, k1 = s0 + a10, 0
            if (y := s1 + a11) > c: c, k1 = y, 1
            elif y == c: tied = True
            if (y := s2 + a12) > c: c, k1 = y, 2
            elif y == c: tied = True
            if (y := s3 + a13) > c: c, k1 = y, 3
            elif y == c: tied = True
            if (y := s4 + a14) > c: c, k1 = y, 4
            elif y == c: tied = True
            n1 = c + (x >> 32 & m) - o
            c, k2 = s0 + a20, 0
            if (y := s1 + a21) > c: c, k2 = y, 1
            elif y == c: tied = True
            if (y := s2 + a22) > c: c, k2 = y, 2
            elif y == c: tied = True
            if (y := s3 + a23) > c: c, k2 = y, 3
            elif y == c: tied = True
            if (y := s4 + a24) > c: c, k2 = y, 4
            elif y == c: tied = True
            n2 = c + (x >> 64 & m) - o
            c, k3 = s0 + a30, 0
            if (y := s1 + a31) > c: c, k3 = y, 1
            elif y == c: tied = True
            if (y := s2 + a32) > c: c, k3 = y, 2
            elif y == c: tied = True
            if (y := s3 + a33) > c: c, k3 = y, 3
            elif y == c: tied = True
            if (y := s4 + a34) > c: c, k3 = y, 4
            elif y == c: tied = True
            n3 = c + (x >> 96 & m) - o
            c, k4 = s0 + a40, 0
            if (y := s1 + a41) > c: c, k4 = y, 1
            elif y == c: tied = True
            if (y := s2 + a42) > c: c, k4 = y, 2
            elif y == c: tied = True
            if (y := s3 + a43) > c: c, k4 = y, 3
            elif y == c: tied = True
            if (y := s4 + a44) > c: c, k4 = y, 4
            elif y == c: tied = True
            n4 = c + (x >> 128 & m) - o
            s0, s1, s2, s3, s4 = n0, n1, n2, n3, n4
            pointers.append((k0, k1, k2, k3, k4))
        found.append(None if tied else (pointers, [s0, s1, s2, s3, s4]))
    # fmt: on
    return found


def float_best_path(emissions: list[list[float]], into: list[list[float]]) -> list[int]:
    """The best label path in floating point, exactly as the tagger searched before issue 12."""
    labels = range(len(into))
    score = list(emissions[0])
    back: list[list[int]] = []
    for emission in emissions[1:]:
        pointers = []
        new_score = []
        for label in labels:
            candidates = [s + t for s, t in zip(score, into[label], strict=True)]
            best = max(labels, key=candidates.__getitem__)
            pointers.append(best)
            new_score.append(candidates[best] + emission[label])
        score = new_score
        back.append(pointers)
    best = max(labels, key=score.__getitem__)
    path = [best]
    for pointers in reversed(back):
        best = pointers[best]
        path.append(best)
    return path[::-1]
