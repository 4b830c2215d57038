"""The ``atsmatch`` command: parse arguments, call the library, render, map errors to exit codes.

Exit codes: 0 ok; 1 score below --min-score; 2 usage error; 3 a document can't be read;
4 a lexicon is invalid. One module per group of commands; ``app`` holds the shared options.
"""

from __future__ import annotations

import contextlib
import gc
import os
import sys

from . import batch, document, lexicon, posting  # noqa: F401 - registers the commands on ``app``
from .app import EXIT_BELOW_MIN_SCORE, EXIT_INPUT, EXIT_LEXICON, EXIT_OK, EXIT_USAGE, app
from .batch import rank_command
from .document import extract_command, score_command
from .posting import posting_command

__all__ = [
    "EXIT_BELOW_MIN_SCORE",
    "EXIT_INPUT",
    "EXIT_LEXICON",
    "EXIT_OK",
    "EXIT_USAGE",
    "app",
    "extract_command",
    "main",
    "posting_command",
    "rank_command",
    "score_command",
]


def main() -> None:
    """Entry point of the ``atsmatch`` script."""
    # The objects of the imports (and, in build_analyzer, of the lexicon) live as long as the process:
    # frozen, the cycle collector never walks them again. Default thresholds otherwise: python-docx
    # leaves reference cycles holding lxml memory that only the collector frees, so a higher
    # threshold made a batch of DOCX files grow by megabytes per file.
    gc.freeze()
    try:
        app()
        code = EXIT_OK
    except SystemExit as exit_:
        code = exit_.code if isinstance(exit_.code, int) else (EXIT_OK if exit_.code is None else 1)
        if isinstance(exit_.code, str):
            print(exit_.code, file=sys.stderr)
    except BrokenPipeError:  # the reader went away (| head): not an error of ours
        code = EXIT_OK
    # Everything is written: skip tearing down spaCy's and the lexicon's objects one by one
    # (0.1 s or more), as a short-lived command may.
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(BrokenPipeError, ValueError):
            stream.flush()
    os._exit(code)
