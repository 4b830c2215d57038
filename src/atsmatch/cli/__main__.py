"""``python -m atsmatch.cli``."""

from . import main

main()
