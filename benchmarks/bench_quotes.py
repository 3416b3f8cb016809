"""Score ``analysis.quotes.extract_quotes`` on PolNeAR (attribution relations in US political news, 2016).

Matching rule (over alphanumeric character positions only, so marks, spaces and punctuation never decide):

    A prediction P is assigned to the gold content G it overlaps most, provided |P & G| >= 0.5 * |P| (at least
    half of the prediction lies inside the gold content). A gold content is *found* when the predictions
    assigned to it together cover at least a quarter of it; a prediction is *correct* when it is assigned to a
    found gold content. (PolNeAR joins the pieces of a quotation interrupted by its frame -- "“A,” said X. “B.”"
    -- into one discontinuous content; the extractor reports the pieces, so several predictions may find one
    gold content.) Precision = correct / predictions, recall = found / gold contents.

* **Direct quotations**: gold contents with at least 75 % of their alphanumeric characters inside quotation
  marks -- curly, straight, or a doubled apostrophe '' as the New York Times archive writes them -- (the same
  threshold the extractor uses to call a reported clause ``direct``) against predictions of kind ``direct``.
  A direct prediction that matches a gold non-direct content (e.g. the quoted part of a content the annotators
  took as mixed) is neither a hit nor a false alarm.
* **All attributions**: every gold content against every prediction (direct, mixed, indirect).
* **Speaker accuracy on named sources**: over matched pairs (all attributions) whose gold source *names* its
  speaker, the share whose predicted speaker is that source. A source names its speaker when it holds a run of
  capitalised name words (not determiners, pronouns, titles, honorifics, party or nationality adjectives) that is
  not a modifier of a lower-case noun or part of a prepositional phrase: "Rep. Jim Jordan (R-Ohio), an oversight
  panel member", "PolitiFact", "WALLACE" name their speaker; "The Republican nominee", "the California
  congressman", "Clinton's campaign", "A Quinnipiac University poll" describe it (a description can only be
  checked with coreference, which PolNeAR does not annotate), and so do common words capitalised at the start of
  a sentence ("Protesters", "Federal and state officials": the article has them in lower case). The predicted
  speaker is right when it names the same organisation (one holds the other as whole words) or the same person
  by surname (spelling-insensitive key: "Trump" ~ "Donald Trump's", "Zelensky" ~ "Zelenskyy"), unless both give
  different first names ("Hillary Clinton" is not "Bill Clinton").

Data (never copied into the project): ``../shared/datasets/polnear/data/<split>/{text,attributions}`` relative to
the repository root, or the folder named by ``POLNEAR_DIR`` (the folder that holds ``data/``). Articles annotated
twice use the first annotator's file in name order. Articles are loaded with :func:`analysis.load_article` (the
first line is the headline and is not part of the body, so attributions in headlines count as misses).

Speed: passes over the loaded articles with every cache cleared (so sentence splitting is timed, reading files
is not), single process; the rate is articles per second of CPU time (``time.process_time``), which on a shared
machine measures one core better than wall-clock time (printed too). The best pass is the figure, the median
is printed beside it. Target: >= 100 articles a second. Gold annotations are read after the timed passes (their
position sets would only slow the garbage collector's full passes). Printed beside it: the rate with the
sentences given (articles parsed beforehand, untimed, in batches parse's cache holds), the load average, and
the rate of ``analysis.actors.actor_mentions`` with ``seeds/actors.toml`` (the stance analysis's first step).
Word-level caches (surname keys, name words) stay warm between passes, as they do over a corpus.

Usage::

    .venv/bin/python benchmarks/bench_quotes.py [--split dev|train] [--limit N] [--repeat R] [--errors K]

Exits 0 with a message when the data is absent.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import time
import warnings
from dataclasses import dataclass
from pathlib import Path

_REPO = Path(__file__).resolve().parent.parent
_DEFAULT_DIR = _REPO.parent / "shared" / "datasets" / "polnear"
_DIRECT_SHARE = 0.75
_TARGETS = {"direct F1": 0.90, "speaker accuracy (named)": 0.95, "all-attribution F1": 0.65, "articles/s": 100.0}


@dataclass
class Gold:
    content: frozenset[int]
    direct: bool
    source: str


def _data_dir() -> Path:
    return Path(os.environ.get("POLNEAR_DIR", _DEFAULT_DIR))


def _alnum(text: str, spans: list[tuple[int, int]]) -> frozenset[int]:
    return frozenset(i for a, b in spans for i in range(a, min(b, len(text))) if text[i].isalnum())


def _quoted_share(text: str, spans: list[tuple[int, int]]) -> float:
    inside = total = 0
    for a, b in spans:
        a0, b0 = max(0, a - 2), min(len(text), b + 2)
        state = False
        for i in range(a0, b0):
            ch = text[i]
            if ch == "\u201c":
                state = True
            elif ch == "\u201d":
                state = False
            elif ch == '"' or (text.startswith("\'\'", i) and not text.startswith("\'", i + 2)):
                state = not state  # a doubled apostrophe stands for a straight mark in some archives (NYT)
            elif ch.isalnum() and a <= i < b:
                total += 1
                inside += state
    return inside / total if total else 0.0


def load_gold(ann: Path, text: str) -> list[Gold]:
    """Gold attributions of one brat file: content positions, whether it is a direct quotation, source text."""
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    events = []
    for line in ann.read_text(encoding="utf-8").splitlines():
        if line.startswith("T") and line.count("\t") >= 1:
            tid, mid, *_ = line.split("\t")
            label, _, offsets = mid.partition(" ")
            pieces = [tuple(int(x) for x in p.split()) for p in offsets.split(";")]
            spans[tid] = (label, [(a, b) for a, b in pieces])
        elif line.startswith("E"):
            args = dict(p.split(":", 1) for p in line.split("\t")[1].split())
            events.append(args)
    gold = []
    for ev in events:
        if "Content" not in ev or ev["Content"] not in spans:
            continue
        content = spans[ev["Content"]][1]
        source = " ".join(text[a:b] for a, b in spans[ev["Source"]][1]) if ev.get("Source") in spans else ""
        gold.append(Gold(_alnum(text, content), _quoted_share(text, content) >= _DIRECT_SHARE, source))
    return [g for g in gold if g.content]


def _articles(split: str, limit: int | None) -> list[tuple[Path, Path]]:
    root = _data_dir() / "data" / split
    pairs = []
    for txt in sorted((root / "text").glob("*.txt")):
        anns = sorted((root / "attributions").glob(f"{txt.stem}_*.ann"))
        if anns:
            pairs.append((txt, anns[0]))
    return pairs[:limit] if limit else pairs


def _match(preds: list[frozenset[int]], golds: list[frozenset[int]]) -> list[tuple[int, int]]:
    """Assign each prediction to the gold content it overlaps most (if at least half of it lies inside), keep
    the gold contents whose assigned predictions together cover at least a quarter of them, and return the
    (prediction, gold) pairs of those."""
    assigned: dict[int, list[int]] = {}
    for i, p in enumerate(preds):
        best, best_inter = None, 0
        for j, g in enumerate(golds):
            inter = len(p & g)
            if inter > best_inter:
                best, best_inter = j, inter
        if best is not None and best_inter >= 0.5 * len(p):
            assigned.setdefault(best, []).append(i)
    pairs = []
    for j, members in assigned.items():
        covered = frozenset().union(*(preds[i] for i in members)) & golds[j]
        if len(covered) >= 0.25 * len(golds[j]):
            pairs.extend((i, j) for i in members)
    return pairs


# Capitalised words that do not name anyone by themselves: determiners and pronouns, honorifics and titles, party,
# nationality and regional adjectives, and quantifiers that open a sentence.
_NOT_NAMES = frozenset({
    "the", "a", "an", "he", "she", "they", "it", "we", "i", "you", "his", "her", "their", "its", "our", "this",
    "that", "these", "those", "some", "many", "one", "both", "all", "each", "every", "no", "other", "another",
    "several", "most", "few", "any", "mr", "mrs", "ms", "dr", "sen", "sens", "rep", "reps", "gov", "lt", "gen",
    "col", "maj", "capt", "adm", "sgt", "jr", "sr", "president", "vice", "secretary", "minister", "prime",
    "senator", "governor", "mayor", "chairman", "chairwoman", "chair", "spokesman", "spokeswoman", "spokesperson",
    "interim", "former", "acting", "deputy", "chief", "director", "leader", "speaker", "majority", "minority",
    "house", "senate", "state", "attorney", "general", "judge", "justice", "ambassador", "congressman",
    "congresswoman", "representative", "candidate", "nominee", "member", "republican", "democratic", "democrat",
    "gop", "conservative", "liberal", "federal", "national", "american", "european", "western", "eastern",
    "northern", "southern", "foreign", "according",
    # days, months and numbers capitalised at the start of a sentence or of a date ("Sixty percent", "A poll
    # released Friday") name nobody
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
    "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "twenty",
    "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "percent",
})
_FUNCTION_WORDS = frozenset({
    "and", "or", "of", "for", "at", "in", "on", "from", "by", "with", "to", "who", "which", "that", "whose", "as",
    "than", "but", "nor", "about", "into", "over", "under", "after", "before",
})
_WORD = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*|[^\w\s]")


def _named(source: str, text: str = "") -> bool:
    """Whether a gold source names its speaker: it holds a run of capitalised name words that is neither a
    modifier of a lower-case noun ("the California congressman", "Clinton's campaign", "A Quinnipiac University
    poll") nor inside a prepositional phrase ("a writer for The Atlantic"), and whose words are not common words
    capitalised at the start of the source (the article has them in lower case: "Protesters", "Federal")."""
    tokens = _WORD.findall(source)
    i = 0
    while i < len(tokens):
        if not tokens[i][:1].isupper():
            i += 1
            continue
        j = i
        while j < len(tokens) and (tokens[j][:1].isupper() or tokens[j] == "."):
            j += 1
        run = [re.sub(r"['\u2019]s$", "", w) for w in tokens[i:j] if w != "."]
        names = [w for w in run if w.lower() not in _NOT_NAMES and len(w) >= 2]
        if i == 0 and names and names[0] == run[0] and text and re.search(
                rf"(?<![\w-]){re.escape(run[0].lower())}(?![\w-])", text):
            names = names[1:]  # a common word capitalised because it opens the sentence
        before = tokens[i - 1].lower() if i > 0 else ""
        after = tokens[j] if j < len(tokens) else ""
        modifier = after[:1].isalpha() and after.islower() and after not in _FUNCTION_WORDS
        if names and not modifier and before not in _FUNCTION_WORDS - {"and"}:
            return True
        i = j
    return False


def _same_speaker(speaker: str | None, source: str) -> bool:
    """Whether a predicted speaker is the gold source: the same organisation (one name holds the other as whole
    words) or the same person by surname (spelling-insensitive key: "Trump" ~ "Donald Trump's", "Zelensky" ~
    "Zelenskyy"), unless both give a different first name ("Hillary Clinton" is not "Bill Clinton")."""
    from analysis.speakers import surname_key

    if not isinstance(speaker, str) or len(speaker) < 2:
        return False
    a = speaker.lower()
    b = re.sub(r"['\u2019]s\b", "", source.lower())
    if len(a) >= 4 and (re.search(rf"(?<!\w){re.escape(a)}(?!\w)", b) or re.search(
            rf"(?<!\w){re.escape(b.strip())}(?!\w)", a)):
        return True
    src = [w for w in re.findall(r"[^\W_]+", source) if w[:1].isupper()]
    spk = [w for w in re.findall(r"[^\W_]+", speaker) if w[:1].isupper()]
    if not spk:
        return False
    key = surname_key(spk[-1])
    for k, w in enumerate(src):
        if len(w) >= 3 and surname_key(w) == key:
            first_src = src[k - 1].lower() if k > 0 and src[k - 1].lower() not in _NOT_NAMES else None
            first_spk = spk[-2].lower() if len(spk) >= 2 and spk[-2].lower() not in _NOT_NAMES else None
            if first_src and first_spk and first_src != first_spk and not (
                    first_src.startswith(first_spk) or first_spk.startswith(first_src)):
                continue
            return True
    return False


def _prf(tp_p: int, n_p: int, tp_g: int, n_g: int) -> tuple[float, float, float]:
    p = tp_p / n_p if n_p else 0.0
    r = tp_g / n_g if n_g else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", default="dev", choices=["dev", "train"])
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--repeat", type=int, default=3, help="timed passes (the best is reported)")
    parser.add_argument("--errors", type=int, default=0, help="print K examples of each kind of error")
    args = parser.parse_args(argv)

    pairs = _articles(args.split, args.limit)
    if not pairs:
        print(f"PolNeAR {args.split} data not found under {_data_dir()} (set POLNEAR_DIR); nothing to score.")
        return 0

    from analysis import load_article
    from analysis.actors import _actor_mentions, actor_mentions, article_persons, article_tokens, load_actors
    from analysis.quotes import extract_quotes
    from analysis.text import parse

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        articles = [load_article(txt) for txt, _ in pairs]
    no_actors = load_actors(None)

    cpu_times, wall_times = [], []
    for _ in range(max(1, args.repeat)):
        parse.cache_clear()
        article_persons.cache_clear()
        article_tokens.cache_clear()
        c0, t0 = time.process_time(), time.perf_counter()
        results = [extract_quotes(a, actors=no_actors) for a in articles]
        cpu_times.append(time.process_time() - c0)
        wall_times.append(time.perf_counter() - t0)
    elapsed, wall = min(cpu_times), min(wall_times)
    # the same with the sentences given (parsed beforehand, untimed, in batches that parse's cache holds): the
    # share of the time the extractor itself takes
    given = []
    batch = 32
    for _ in range(max(1, args.repeat)):
        spent = 0.0
        for k in range(0, len(articles), batch):
            part = articles[k:k + batch]
            for a in part:
                parse(a)
            article_persons.cache_clear()
            article_tokens.cache_clear()
            c0 = time.process_time()
            for a in part:
                extract_quotes(a, actors=no_actors)
            spent += time.process_time() - c0
        given.append(spent)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    # actor mentions (the stance analysis's first step) with the seed's actors file, sentence splitting included
    seed_actors = load_actors(_REPO / "seeds" / "actors.toml")
    mention_times = []
    for _ in range(max(1, args.repeat)):
        parse.cache_clear()
        article_persons.cache_clear()
        article_tokens.cache_clear()
        _actor_mentions.cache_clear()
        c0 = time.process_time()
        for a in articles:
            actor_mentions(a, seed_actors)
        mention_times.append(time.process_time() - c0)

    # gold data is read after the timed passes: its many position sets would otherwise sit in memory during
    # them and make each of the garbage collector's full passes slower (a cost of the scorer, not the extractor)
    golds = [load_gold(ann, a.text) for a, (_, ann) in zip(articles, pairs)]
    n = {"d_pred": 0, "d_gold": 0, "d_tp_p": 0, "d_tp_g": 0, "d_neutral": 0, "a_pred": 0, "a_gold": 0, "a_tp": 0, "a_found": 0,
         "named": 0, "named_ok": 0}
    errors: dict[str, list[str]] = {"direct FP": [], "direct FN": [], "speaker": [], "all FP": [], "all FN": []}
    for article, gold, df in zip(articles, golds, results):
        text = article.text
        rows = list(df.itertuples())
        preds = [_alnum(text, [(r.start, r.end)]) for r in rows]
        # all attributions
        pairs_all = _match(preds, [g.content for g in gold])
        n["a_pred"] += len(preds)
        n["a_gold"] += len(gold)
        n["a_tp"] += len({i for i, _ in pairs_all})
        n["a_found"] += len({j for _, j in pairs_all})
        for i, j in pairs_all:
            if _named(gold[j].source, text):
                n["named"] += 1
                ok = _same_speaker(rows[i].speaker, gold[j].source)
                n["named_ok"] += ok
                if not ok:
                    errors["speaker"].append(f"{article.id}: gold {gold[j].source!r} got {rows[i].speaker!r} "
                                             f"({rows[i].resolution}) for {rows[i].text[:80]!r}")
        matched_p = {i for i, _ in pairs_all}
        matched_g = {j for _, j in pairs_all}
        errors["all FP"] += [f"{article.id}: {rows[i].kind} {rows[i].text[:100]!r}" for i in range(len(rows))
                             if i not in matched_p]
        errors["all FN"] += [f"{article.id}: {gold[j].source!r}: "
                             f"{text[min(gold[j].content):max(gold[j].content) + 1][:100]!r}"
                             for j in range(len(gold)) if j not in matched_g]
        # direct quotations
        d_idx = [i for i, r in enumerate(rows) if r.kind == "direct"]
        d_gold = [j for j, g in enumerate(gold) if g.direct]
        pairs_d = _match([preds[i] for i in d_idx], [gold[j].content for j in d_gold])
        hit_p = {d_idx[i] for i, _ in pairs_d}
        neutral = {d_idx[i] for i, j in _match([preds[i] for i in d_idx], [g.content for g in gold])
                   if not gold[j].direct} - hit_p
        n["d_pred"] += len(d_idx) - len(neutral)
        n["d_neutral"] += len(neutral)
        n["d_gold"] += len(d_gold)
        n["d_tp_p"] += len({i for i, _ in pairs_d})
        n["d_tp_g"] += len({j for _, j in pairs_d})
        errors["direct FP"] += [f"{article.id}: {rows[i].text[:100]!r}" for i in d_idx
                                if i not in hit_p and i not in neutral]
        hit_g = {d_gold[j] for _, j in pairs_d}
        errors["direct FN"] += [f"{article.id}: {text[min(gold[j].content):max(gold[j].content) + 1][:100]!r}"
                                for j in d_gold if j not in hit_g]

    dp, dr, df1 = _prf(n["d_tp_p"], n["d_pred"], n["d_tp_g"], n["d_gold"])
    ap, ar, af1 = _prf(n["a_tp"], n["a_pred"], n["a_found"], n["a_gold"])
    acc = n["named_ok"] / n["named"] if n["named"] else 0.0
    rate = len(articles) / elapsed if elapsed else float("inf")
    print(f"PolNeAR {args.split}: {len(articles)} articles, {n['a_gold']} gold attributions "
          f"({n['d_gold']} direct quotations), {n['a_pred']} predicted")
    print(f"direct quotations   P {dp:.3f}  R {dr:.3f}  F1 {df1:.3f}   ({n['d_neutral']} direct predictions "
          "inside gold mixed/indirect contents not counted)")
    print(f"all attributions    P {ap:.3f}  R {ar:.3f}  F1 {af1:.3f}")
    print(f"speaker accuracy on named sources  {acc:.3f}  ({n['named_ok']}/{n['named']})")
    median = sorted(cpu_times)[len(cpu_times) // 2]
    print(f"speed  {rate:.0f} articles/s of CPU time on one core ({elapsed:.2f} s CPU, {wall:.2f} s wall, for "
          f"{len(articles)} articles, best of {max(1, args.repeat)}; median {len(articles) / median:.0f} "
          f"articles/s); sentences given: "
          f"{len(articles) / min(given):.0f} articles/s; load average {load:.1f}")
    print(f"actor mentions (seeds/actors.toml)  {len(articles) / min(mention_times):.0f} articles/s of CPU time "
          f"({min(mention_times) / len(articles) * 1000:.1f} ms an article, sentence splitting included)")
    figures = {"direct F1": df1, "speaker accuracy (named)": acc, "all-attribution F1": af1, "articles/s": rate}
    print("targets: " + ", ".join(f"{k} {'met' if figures[k] >= v else 'NOT met'} (>= {v:g})"
                                  for k, v in _TARGETS.items()))
    for kind, items in errors.items():
        for line in items[: args.errors]:
            print(f"[{kind}] {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
