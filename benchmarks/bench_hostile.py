"""Hostile and huge drafts: time and peak memory of `reviewapp check` as each shape grows.

    python benchmarks/bench_hostile.py [--sizes 10k,100k,1M,limit] [--shapes NAME,...]

Each shape is generated at each size (bytes of the file), written to
benchmarks/out/hostile/, and checked by a fresh `reviewapp check --format json`
process; /usr/bin/time reports its wall time and peak resident memory. The
table shows whether time and memory grow no faster than the input: the last
column is the work per MB at this size (the time less a process's start, a
check of a one-line draft) over the work per MB at 1 MB: about 1 or below is
linear; rising with size is not.
"""

from __future__ import annotations

import argparse
import io
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = Path(__file__).resolve().parent / "out" / "hostile"
LIMIT = 20_000_000  # the default policy's limit: [input] max_text_mb = 20
ARTICLE = (ROOT / "tests" / "data" / "openai-foxconn.txt").read_text(encoding="utf-8")


def repeat(unit: str, size: int, head: str = "Title\n", tail: str = "\n") -> bytes:
    body = unit * max(1, (size - len(head) - len(tail)) // len(unit.encode()))
    return (head + body + tail).encode("utf-8")


def docx(paragraph_xml: str, size: int) -> bytes:
    """A real .docx package whose body repeats one paragraph (numbered where it says {n}) until
    the XML is `size` bytes unpacked."""
    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    count = max(1, size // len(paragraph_xml))
    body = "".join(paragraph_xml.replace("{n}", str(n)) for n in range(count))
    parts = {
        "[Content_Types].xml": (
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
            'officedocument.wordprocessingml.document.main+xml"/></Types>'
        ),
        "word/document.xml": f'<?xml version="1.0"?><w:document {ns}><w:body>{body}</w:body></w:document>',
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        for name, content in parts.items():
            package.writestr(name, content)
    return buffer.getvalue()


def odt(paragraph_xml: str, size: int) -> bytes:
    """An OpenDocument text package, as docx() makes a Word one."""
    ns = (
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
    )
    count = max(1, size // len(paragraph_xml))
    body = "".join(paragraph_xml.replace("{n}", str(n)) for n in range(count))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("mimetype", "application/vnd.oasis.opendocument.text", zipfile.ZIP_STORED)
        package.writestr(
            "content.xml",
            f'<?xml version="1.0"?><office:document-content {ns}><office:body><office:text>{body}'
            "</office:text></office:body></office:document-content>",
        )
    return buffer.getvalue()


# name -> (file suffix, maker of `size` bytes)
SHAPES: dict[str, tuple[str, Callable[[int], bytes]]] = {
    "full stops, no space": (".txt", lambda n: repeat(".", n, "Start")),
    "exclamation marks": (".txt", lambda n: repeat("!", n, "Start")),
    "question marks then a capital": (".txt", lambda n: repeat("?", n, "Start", " End.\n")),
    "straight quotes": (".txt", lambda n: repeat('"', n)),
    "curly quotes, unclosed": (".txt", lambda n: repeat("“", n)),
    "spaces in one line": (".txt", lambda n: repeat(" ", n, "- ", "x\n")),
    "one word repeated": (".txt", lambda n: repeat("the ", n)),
    "empty lines": (".txt", lambda n: repeat("\n", n, "Title\nText.")),
    "one huge paragraph": (".txt", lambda n: repeat(ARTICLE.replace("\n", " "), n)),
    "the article repeated (legitimate)": (".txt", lambda n: repeat(ARTICLE + "\n", n, "")),
    # Each sentence a weasel whose member the next names: the word lists ask the claim signals.
    "weasels, each member named next": (
        ".txt",
        lambda n: repeat(
            "Experts said the plan would fail. Maria Lopez, an economist, said costs would rise.\n", n
        ),
    ),
    "HTML: spans then stray end tags": (
        ".html",
        lambda n: b"<html><body>" + b"<span>" * (n // 13) + b"text" + b"</b>" * (n // 13),
    ),
    "HTML: unclosed <a repeated": (".html", lambda n: b"<a" * (n // 2)),
    "HTML: nested divs": (".html", lambda n: b"<div>" * (n // 11) + b"deep" + b"</div>" * (n // 11)),
    "HTML: an unclosed comment": (
        ".html",
        lambda n: b"<p>Real text for the reader.</p><!-- " + b"hidden " * (n // 7),
    ),
    ".docx: empty paragraphs": (".docx", lambda n: docx('<w:p w:rsidR="{n}"/>', 20 * n)),
    ".docx: text paragraphs": (
        ".docx",
        lambda n: docx("<w:p><w:r><w:t>Sales rose {n} percent in 2024, it seems.</w:t></w:r></w:p>", 2 * n),
    ),
    ".odt: empty paragraphs": (".odt", lambda n: odt('<text:p text:id="{n}"/>', 20 * n)),
    ".odt: text paragraphs": (
        ".odt",
        lambda n: odt(
            "<text:p>Sales rose {n} percent in <text:span>2024</text:span>, it seems.</text:p>", 2 * n
        ),
    ),
    ".odt: deleted paragraphs": (
        ".odt",
        lambda n: odt(
            '<text:tracked-changes><text:changed-region text:id="c{n}"><text:deletion>'
            "<text:p>Gone {n}.</text:p></text:deletion></text:changed-region></text:tracked-changes>"
            "<text:p>Sales rose {n} percent.</text:p>",
            2 * n,
        ),
    ),
}
SIZES = {"10k": 10_000, "100k": 100_000, "1M": 1_000_000, "limit": LIMIT}


def measure(path: Path) -> tuple[float, float, int, str]:
    """Wall seconds, peak MB, exit status and the first line of stderr of one `check`."""
    done = subprocess.run(
        [
            "/usr/bin/time",
            "-f",
            "%e %M",
            sys.executable,
            "-m",
            "reviewapp",
            "check",
            "--format",
            "json",
            str(path),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    *messages, timing = done.stderr.strip().splitlines()
    seconds, kilobytes = timing.split()
    return float(seconds), int(kilobytes) / 1024, done.returncode, (messages[0] if messages else "")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="10k,100k,1M,limit")
    parser.add_argument("--shapes", default="", help="comma-separated names (a prefix is enough)")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    sizes = [(label, SIZES[label]) for label in args.sizes.split(",")]
    wanted = [s.strip() for s in args.shapes.split(",") if s.strip()]
    start = OUT / "one-line.txt"
    start.write_text("Title\nThe library opens at nine.\n", encoding="utf-8")
    baseline = min(measure(start)[0] for _ in range(3))  # starting Python and reviewapp
    print(f"(a process's start: {baseline:.2f} s, taken off each time before comparing)\n")
    print("| shape | size | file MB | check s | peak MB | exit | work/MB vs 1 MB |")
    print("|---|---|---|---|---|---|---|")
    for name, (suffix, make) in SHAPES.items():
        if wanted and not any(name.startswith(w) for w in wanted):
            continue
        per_mb: dict[str, float] = {}
        rows = []
        for label, size in sizes:
            slug = "".join(c if c.isalnum() else "-" for c in name)[:40]
            path = OUT / f"{slug}-{label}{suffix}"
            path.write_bytes(make(size))
            megabytes = path.stat().st_size / 1e6
            seconds, peak, status, message = measure(path)
            per_mb[label] = max(seconds - baseline, 0.0) / max(size / 1e6, 1e-9)
            note = f" ({message.rpartition(': ')[2][:70]})" if status == 2 else ""
            rows.append((label, megabytes, seconds, peak, f"{status}{note}"))
            path.unlink()
        for label, megabytes, seconds, peak, outcome in rows:
            reference = per_mb.get("1M")
            growth = f"{per_mb[label] / reference:.2f}" if reference and label in ("1M", "limit") else "-"
            print(
                f"| {name} | {label} | {megabytes:.2f} | {seconds:.2f} | {peak:.0f} | {outcome} | {growth} |"
            )
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
