"""Use atsmatch from Python: score the bundled resume against the bundled posting.

Run from the repository root: python examples/use_library.py
"""

from pathlib import Path

import atsmatch

EXAMPLES = Path(__file__).parent

analyzer = atsmatch.Analyzer()  # compiles the lexicon once; reuse it for many documents
posting = analyzer.extract(EXAMPLES / "posting.txt")
print(f"The posting names {len(posting.keywords)} keywords.")

for resume in ("resume.pdf", "resume.docx"):
    try:
        report = analyzer.score(EXAMPLES / resume, posting)
    except atsmatch.AtsmatchError as error:  # every atsmatch error has a message for a person
        print(f"{resume}: {error}")
        continue
    print(f"\n{resume}: {report.score:g} / 100")
    print("  " + report.formula.score_expression)
    for coverage in report.coverage:
        print(f"  {coverage.category:<14} {coverage.matched_count}/{coverage.total_count}")
    print("  Most important missing:", ", ".join(k.name for k in report.missing[:5]))
    for suggestion in report.suggestions[:3]:
        print("  -", suggestion.message)
