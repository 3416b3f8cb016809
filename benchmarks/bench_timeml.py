"""Score ``analysis.timex.tag_timexes`` on the TimeML development data with the TempEval-3 definitions.

Data (never copied into the project): ``../shared/datasets/timeml/`` relative to the repository root, or the folder
named by the ``TIMEML_DIR`` environment variable:

* ``tbaq-cleaned/{TimeBank,AQUAINT}/*.tml``: TimeML with inline ``<TIMEX3>`` and the document creation time in
  ``<DCT>``;
* ``meantime-english/intra-doc_annotation/*/*.xml``: token XML; the ``CREATION_TIME`` TIMEX3 is the publication date.
  Tokens are joined with single spaces (one sentence a line) to make the raw text the tagger reads. MEANTIME
  annotates only the first sentences of each article (title, date line and about four sentences); the tagger reads
  the whole article and only expressions inside the annotated sentences are scored.

Metrics (UzZaman et al., TempEval-3, 2013): an expression matches *strictly* when its character span equals the gold
span, *relaxed* when the spans overlap (each gold and system expression is used at most once). Precision, recall and
F1 for both; value and type accuracy over relaxed matches; value F1 = relaxed F1 x value accuracy. The document
creation time itself is not scored (it is given to the tagger), nor is any system expression overlapping it.

Usage::

    .venv/bin/python benchmarks/bench_timeml.py [--corpus tbaq|meantime|all] [--errors N] [--limit N]

Exits 0 with a message when the data is absent.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import os
import re
import sys
import time
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from analysis.timex import tag_timexes

_REPO = Path(__file__).resolve().parent.parent
_DEFAULT_DIR = _REPO.parent / "shared" / "datasets" / "timeml"
_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*?)(/?)>")
_ATTR = re.compile(r'([A-Za-z_]+)="([^"]*)"')


@dataclass
class GoldTimex:
    start: int
    end: int
    type: str
    value: str


@dataclass
class Doc:
    name: str
    text: str
    dct: dt.date | None
    gold: list[GoldTimex] = field(default_factory=list)
    skip: list[tuple[int, int]] = field(default_factory=list)
    scored_until: int | None = None  # MEANTIME annotates only the first sentences: score only up to here


def _parse_date(value: str) -> dt.date | None:
    match = re.match(r"(\d{4})-?(\d{2})-?(\d{2})", value or "")
    if not match:
        return None
    return dt.date(int(match[1]), int(match[2]), int(match[3]))


def load_tbaq(folder: Path) -> list[Doc]:
    """Read TimeBank and AQUAINT ``.tml`` files: raw ``<TEXT>`` content with the TIMEX3 spans as offsets."""
    docs = []
    for path in sorted(folder.glob("*/*.tml")):
        raw = path.read_text(encoding="utf-8")
        dct_match = re.search(r"<DCT>\s*<TIMEX3([^>]*)>", raw)
        dct = _parse_date(dict(_ATTR.findall(dct_match[1])).get("value", "")) if dct_match else None
        body = raw[raw.index("<TEXT>") + len("<TEXT>") : raw.index("</TEXT>")]
        out: list[str] = []
        length = 0
        gold: list[GoldTimex] = []
        open_timex: tuple[int, dict[str, str]] | None = None
        pos = 0
        for match in _TAG.finditer(body):
            chunk = html.unescape(body[pos : match.start()])
            out.append(chunk)
            length += len(chunk)
            pos = match.end()
            if match[2] != "TIMEX3":
                continue
            if not match[1]:
                open_timex = (length, dict(_ATTR.findall(match[3])))
            elif open_timex is not None:
                start, attrs = open_timex
                gold.append(GoldTimex(start, length, attrs.get("type", ""), attrs.get("value", "")))
                open_timex = None
        out.append(html.unescape(body[pos:]))
        docs.append(Doc(path.stem, "".join(out), dct, gold))
    return docs


def load_meantime(folder: Path) -> list[Doc]:
    """Read MEANTIME token XML: tokens joined by spaces, one sentence a line; TIMEX3 markables by token anchors."""
    docs = []
    for path in sorted(folder.glob("*/*.xml")):
        root = ET.parse(path).getroot()
        parts: list[str] = []
        spans: dict[str, tuple[int, int]] = {}
        sentence_of: dict[str, int] = {}
        length = 0
        last_sentence = None
        for token in root.iter("token"):
            sentence = token.get("sentence")
            if parts:
                sep = "\n" if sentence != last_sentence else " "
                parts.append(sep)
                length += 1
            last_sentence = sentence
            word = token.text or ""
            spans[token.get("t_id", "")] = (length, length + len(word))
            sentence_of[token.get("t_id", "")] = int(sentence or 0)
            parts.append(word)
            length += len(word)
        text = "".join(parts)
        dct = None
        gold: list[GoldTimex] = []
        skip: list[tuple[int, int]] = []
        for timex in root.iter("TIMEX3"):
            anchors = [spans[a.get("t_id", "")] for a in timex.iter("token_anchor") if a.get("t_id") in spans]
            if timex.get("functionInDocument") == "CREATION_TIME":
                dct = _parse_date(timex.get("value", ""))
                if anchors:
                    skip.append((min(a[0] for a in anchors), max(a[1] for a in anchors)))
                continue
            if not anchors:
                continue
            gold.append(
                GoldTimex(min(a[0] for a in anchors), max(a[1] for a in anchors), timex.get("type", ""),
                          timex.get("value", ""))
            )
        # Only the first sentences of each article are annotated (title, date line, four sentences): find the last
        # annotated sentence from every markable and score only that far.
        annotated = [
            sentence_of[a.get("t_id", "")]
            for markables in root.iter("Markables")
            for a in markables.iter("token_anchor")
            if a.get("t_id") in sentence_of
        ]
        last_sentence_scored = max(annotated, default=-1)
        until = max((e for t, (s, e) in spans.items() if sentence_of[t] <= last_sentence_scored), default=0)
        docs.append(Doc(path.stem, text, dct, sorted(gold, key=lambda g: g.start), skip, until))
    return docs


@dataclass
class Score:
    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    value_ok: int = 0
    type_ok: int = 0
    errors: list[tuple[str, str, str, str]] = field(default_factory=list)

    def prf(self, hits: int) -> tuple[float, float, float]:
        p = hits / self.system if self.system else 0.0
        r = hits / self.gold if self.gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score_doc(doc: Doc, score: Score) -> None:
    """Add one document's matches to ``score`` (greedy one-to-one matching by overlap, exact spans first)."""
    system = [
        t for t in tag_timexes(doc.text, dct=doc.dct)
        if not any(t.start < e and s < t.end for s, e in doc.skip)
        and (doc.scored_until is None or t.start < doc.scored_until)
    ]
    score.gold += len(doc.gold)
    score.system += len(system)
    used: set[int] = set()
    pairs: dict[int, int] = {}
    for gi, g in enumerate(doc.gold):
        for si, s in enumerate(system):
            if si not in used and s.start == g.start and s.end == g.end:
                pairs[gi] = si
                used.add(si)
                score.strict += 1
                break
    for gi, g in enumerate(doc.gold):
        if gi in pairs:
            continue
        for si, s in enumerate(system):
            if si not in used and s.start < g.end and g.start < s.end:
                pairs[gi] = si
                used.add(si)
                break
    score.relaxed += len(pairs)
    for gi, g in enumerate(doc.gold):
        if gi not in pairs:
            score.errors.append(("missed", doc.name, doc.text[g.start : g.end], f"{g.type} {g.value}"))
            continue
        s = system[pairs[gi]]
        score.value_ok += s.value == g.value
        score.type_ok += s.type == g.type
        if s.value != g.value or s.type != g.type:
            score.errors.append(
                ("value", doc.name, f"{doc.text[g.start:g.end]!r} ~ {s.text!r} [{s.rule}]",
                 f"gold {g.type} {g.value} / sys {s.type} {s.value} (dct {doc.dct})")
            )
        elif (s.start, s.end) != (g.start, g.end):
            score.errors.append(("span", doc.name, f"gold {doc.text[g.start:g.end]!r}", f"sys {s.text!r} [{s.rule}]"))
    for si, s in enumerate(system):
        if si not in used:
            score.errors.append(("spurious", doc.name, s.text, f"{s.type} {s.value} [{s.rule}]"))


def report(name: str, docs: list[Doc], n_errors: int) -> Score:
    """Score ``docs``, print the TempEval-3 figures and speed, and return the totals."""
    score = Score()
    started = time.perf_counter()
    for doc in docs:
        score_doc(doc, score)
    elapsed = time.perf_counter() - started
    # Speed: tagging alone, a second pass so the scorer is not counted. CPU time of this process (one core), so
    # other jobs on a shared machine do not distort it; wall-clock time is printed beside it.
    started, wall = time.process_time(), time.perf_counter()
    for doc in docs:
        tag_timexes(doc.text, dct=doc.dct)
    tag_time = time.process_time() - started
    wall = time.perf_counter() - wall
    sp, sr, sf = score.prf(score.strict)
    rp, rr, rf = score.prf(score.relaxed)
    value_acc = score.value_ok / score.relaxed if score.relaxed else 0.0
    type_acc = score.type_ok / score.relaxed if score.relaxed else 0.0
    print(f"== {name}: {len(docs)} documents, {score.gold} gold TIMEX3, {score.system} system")
    print(f"   strict   P {100*sp:5.2f}  R {100*sr:5.2f}  F1 {100*sf:5.2f}")
    print(f"   relaxed  P {100*rp:5.2f}  R {100*rr:5.2f}  F1 {100*rf:5.2f}")
    print(f"   value accuracy {100*value_acc:5.2f}   type accuracy {100*type_acc:5.2f}")
    print(f"   value F1 {100*rf*value_acc:5.2f}   type F1 {100*rf*type_acc:5.2f}")
    chars = sum(len(d.text) for d in docs) / len(docs)
    print(f"   speed {len(docs)/tag_time:,.0f} documents/s CPU ({len(docs)/wall:,.0f}/s wall-clock; one core, tagging "
          f"only, mean {chars:,.0f} characters a document; scoring pass {elapsed:.2f}s)")
    if n_errors:
        counts = Counter(e[0] for e in score.errors)
        print(f"   errors: {dict(counts)}")
        for kind in ("missed", "spurious", "value", "span"):
            for err in [e for e in score.errors if e[0] == kind][:n_errors]:
                print("   ", " | ".join(err))
    return score


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", choices=["tbaq", "meantime", "all"], default="all")
    parser.add_argument("--errors", type=int, default=0, help="print up to N errors of each kind")
    parser.add_argument("--limit", type=int, default=0, help="score only the first N documents of each corpus")
    args = parser.parse_args(argv)
    folder = Path(os.environ.get("TIMEML_DIR", _DEFAULT_DIR))
    if not folder.is_dir():
        print(f"TimeML data not found at {folder}; set TIMEML_DIR to the folder holding tbaq-cleaned/ and "
              "meantime-english/. Nothing scored.")
        return 0
    corpora = []
    if args.corpus in ("tbaq", "all"):
        corpora.append(("TimeBank+AQUAINT (tbaq-cleaned)", load_tbaq(folder / "tbaq-cleaned")))
    if args.corpus in ("meantime", "all"):
        corpora.append(("MEANTIME English", load_meantime(folder / "meantime-english" / "intra-doc_annotation")))
    for name, docs in corpora:
        if not docs:
            print(f"{name}: no documents found under {folder}; nothing scored.")
            continue
        report(name, docs[: args.limit] if args.limit else docs, args.errors)
    return 0


if __name__ == "__main__":
    sys.exit(main())
