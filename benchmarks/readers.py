"""Document readers side by side: ms per file and memory over many files, same text checked.

DOCX: atsmatch's zipfile + lxml reader against python-docx (the reference, tests/readers/
docx_reference.py). PDF: atsmatch's pypdf reader, its optional PDFium engine, and pypdfium2's bare
text extraction (the floor: no limits), the last two if pypdfium2 is installed
(``pip install 'atsmatch[pdfium]'``). Each reader runs in its own child process so that peak
RSS is its own; the child uses the CLI's garbage-collector thresholds, as ``atsmatch rank`` would.
ms/file is the best of 5 passes over the distinct files after the run (the machine is shared)::

    python benchmarks/readers.py                 # 1,000 files of each kind -> results/readers.json
    python benchmarks/readers.py --files 200     # quicker

The corpus is made here: 50 distinct resumes (python-docx and fpdf2, both dev dependencies),
repeated to the file count, so the figures need nothing outside the repository.
"""

from __future__ import annotations

import argparse
import gc
import io
import json
import multiprocessing
import random
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # tests/readers/docx_reference.py

SKILLS = ["Python", "SQL", "Docker", "Kubernetes", "Apache Spark", "Airflow", "AWS", "Terraform",
          "Go", "PyTorch", "TensorFlow", "React", "TypeScript", "PostgreSQL", "Kafka", "dbt"]  # fmt: skip
DISTINCT = 50


def resume_lines(seed: int) -> list[str]:
    rng = random.Random(seed)
    skills = rng.sample(SKILLS, 8)
    lines = [f"Candidate {seed}", f"candidate{seed}@example.com | +1 555 01{seed:02d}", "Summary",
             f"Data engineer with {rng.randint(2, 15)} years of experience in {skills[0]} and {skills[1]}.",
             "Skills", ", ".join(skills), "Experience"]  # fmt: skip
    for job in range(rng.randint(3, 5)):
        lines.append(f"Company {job} - Senior Engineer ({2010 + job}-{2012 + job})")
        lines.extend(f"Built pipelines with {rng.choice(skills)} and {rng.choice(skills)}" for _ in range(4))
    lines += ["Education", "B.Sc. Computer Science, Example University"]
    return lines


def make_docx(seed: int) -> bytes:
    import docx

    document = docx.Document()
    lines = resume_lines(seed)
    document.sections[0].header.paragraphs[0].text = lines[1]
    for line in lines:
        document.add_paragraph(line)
    table = document.add_table(rows=3, cols=2)
    for row, (label, value) in zip(
        table.rows, [("Languages", "Python, Go"), ("Cloud", "AWS"), ("Tools", "Docker")], strict=False
    ):
        row.cells[0].text, row.cells[1].text = label, value
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def make_pdf(seed: int) -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    for line in resume_lines(seed):
        pdf.cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def atsmatch_docx(data: bytes) -> str:
    from atsmatch.readers.docx import read_docx
    from atsmatch.readers.limits import ReadBudget, ReadLimits

    return read_docx(data, ReadBudget(ReadLimits(), "bench"))[0]


def python_docx(data: bytes) -> str:
    from tests.readers.docx_reference import docx_to_text

    return docx_to_text(data)


def atsmatch_pdf(data: bytes) -> str:
    from atsmatch.readers.limits import ReadBudget, ReadLimits
    from atsmatch.readers.pdf import read_pdf

    return read_pdf(data, ReadBudget(ReadLimits(), "bench"))[0]


def atsmatch_pdfium(data: bytes) -> str:
    from atsmatch.readers.limits import ReadBudget, ReadLimits
    from atsmatch.readers.pdf_pdfium import read_pdf_pdfium

    return read_pdf_pdfium(data, ReadBudget(ReadLimits(), "bench"))[0]


def pdfium(data: bytes) -> str:
    import pypdfium2

    document = pypdfium2.PdfDocument(data)
    try:
        return "\n\n".join(page.get_textpage().get_text_bounded() for page in document)
    finally:
        document.close()


READERS = {"atsmatch DOCX (zipfile + lxml)": (atsmatch_docx, "docx"),
           "python-docx (reference)": (python_docx, "docx"),
           "atsmatch PDF (pypdf)": (atsmatch_pdf, "pdf"),
           "atsmatch PDF (pdf_engine='pdfium')": (atsmatch_pdfium, "pdf"),
           "pypdfium2 alone": (pdfium, "pdf")}  # fmt: skip


def _child(name: str, files: list[bytes], queue) -> None:
    """Read every file with one reader; report time, peak RSS, growth over the second half."""
    gc.set_threshold(200_000, 30, 30)  # what the CLI sets (src/atsmatch/cli/__init__.py)
    reader, _ = READERS[name]
    reader(files[0])  # imports
    start_rss = _rss_mib()
    start = time.perf_counter()
    texts, half_rss = [], start_rss
    for index, data in enumerate(files):
        texts.append(reader(data))
        if index == len(files) // 2:
            half_rss = _rss_mib()
    elapsed = time.perf_counter() - start
    memory = {"peak_rss_mib": _rss_mib(), "rss_growth_mib": _rss_mib() - start_rss,
              "growth_second_half_mib": _rss_mib() - half_rss}  # fmt: skip
    # The machine is shared: the best of 5 passes over the distinct files is the steadier figure.
    passes = []
    for _ in range(5):
        begin = time.perf_counter()
        for data in files[:DISTINCT]:
            reader(data)
        passes.append((time.perf_counter() - begin) / DISTINCT)
    queue.put({"ms_per_file": 1000 * min(passes), "ms_per_file_whole_run": 1000 * elapsed / len(files),
               **memory, "texts": texts[:DISTINCT]})  # fmt: skip


def _rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(name: str, files: list[bytes]) -> dict:
    queue = multiprocessing.get_context("fork").Queue()
    process = multiprocessing.get_context("fork").Process(target=_child, args=(name, files, queue))
    process.start()
    result = queue.get()
    process.join()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--files", type=int, default=1_000, help="files of each kind (default 1,000)")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "readers.json")
    args = parser.parse_args()
    from atsmatch.readers.normalise import normalise

    corpus = {
        "docx": [make_docx(seed) for seed in range(DISTINCT)],
        "pdf": [make_pdf(seed) for seed in range(DISTINCT)],
    }
    results = {}
    for name, (_, kind) in READERS.items():
        if "pdfium" in name:
            try:
                import pypdfium2  # noqa: F401
            except ImportError:
                print(f"{name:34} skipped (pip install pypdfium2)")
                continue
        files = [corpus[kind][index % DISTINCT] for index in range(args.files)]
        result = measure(name, files)
        texts = [normalise(text) for text in result.pop("texts")]
        results[name] = {"kind": kind, "files": args.files, **result, "_texts": texts}
        print(
            f"{name:34} {result['ms_per_file']:7.2f} ms/file   peak RSS {result['peak_rss_mib']:6.0f} MiB"
            f"   growth {result['rss_growth_mib']:6.1f} MiB"
            f" (second half {result['growth_second_half_mib']:.1f})"
        )
    fast, reference = results["atsmatch DOCX (zipfile + lxml)"], results["python-docx (reference)"]
    same = sum(a == b for a, b in zip(fast.pop("_texts"), reference.pop("_texts"), strict=False))
    if "atsmatch PDF (pdf_engine='pdfium')" in results:
        pypdf_texts = results["atsmatch PDF (pypdf)"]["_texts"]
        pdfium_texts = results["atsmatch PDF (pdf_engine='pdfium')"]["_texts"]
        same_pdf = sum(a == b for a, b in zip(pypdf_texts, pdfium_texts, strict=False))
        print(
            f"PDF: pdf_engine='pdfium' gives the same text as pypdf on {same_pdf}/{DISTINCT} distinct files"
        )
        results["pdf_pdfium_same_text"] = f"{same_pdf}/{DISTINCT}"
    print(
        f"DOCX: same text as python-docx on {same}/{DISTINCT} distinct files; "
        f"{reference['ms_per_file'] / fast['ms_per_file']:.1f}x faster"
    )
    for result in results.values():
        if isinstance(result, dict):
            result.pop("_texts", None)
    results["docx_same_text"] = f"{same}/{DISTINCT}"
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2) + "\n")
    print(f"-> {args.out}")


if __name__ == "__main__":
    main()
