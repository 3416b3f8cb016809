"""Display helpers for the notebooks: headers, tables, highlighted text, consistent colours.

Article text is data, never markup: every function here escapes the text it shows with :func:`html.escape`,
so nothing in an article can put an element or an attribute into a report. Notebooks show article text only
through these helpers (or through pandas tables, which pandas escapes).
"""

from __future__ import annotations

import html
import re
import zlib
from collections.abc import Iterable, Mapping, Sequence

import pandas as pd

from .articles import Article

__all__ = [
    "CAMP_COLOURS",
    "camp_colour",
    "counted",
    "escape",
    "highlighted_html",
    "register_camps",
    "setup_plots",
    "show_bullets",
    "show_header",
    "show_highlighted",
    "show_note",
    "show_set_aside",
    "show_table",
    "table_html",
]

#: Colours per camp, chosen to stay distinguishable for common colour-vision deficiencies.
CAMP_COLOURS: dict[str, str] = {
    "Ukraine": "#0072B2",
    "US": "#D55E00",
    "NATO": "#009E73",
    "Russia": "#CC79A7",
    "Poland": "#E69F00",
    "(narrator)": "#555555",
    "unknown": "#999999",
    "(no camp)": "#999999",
    "(unresolved)": "#CCCCCC",
}
# unlike the fixed ones; no grey, no yellow
_EXTRA_COLOURS = ("#56B4E9", "#8C564B", "#17BECF", "#9467BD", "#BCBD22", "#393B79", "#637939", "#AD494A")
#: Colours given to the camps of the actors files loaded in this process (see :func:`register_camps`).
_REGISTERED: dict[str, str] = {}
_STYLE = """
<style>
.ma-header h2.ma-title {margin: 0.1em 0 0.2em; font-size: 1.6em}
.ma-meta {color: #444; margin: 0.2em 0}
.ma-warn {background: #fff4e5; border-left: 4px solid #E69F00; padding: 0.4em 0.8em; margin: 0.4em 0}
.ma-note {background: #eef5fb; border-left: 4px solid #0072B2; padding: 0.4em 0.8em; margin: 0.4em 0}
.ma-text {font-family: Georgia, serif; line-height: 1.7; max-width: 52em}
.ma-text mark {border-radius: 3px; padding: 0 2px; background: var(--ma-bg)}
.ma-text mark .ma-label {font: 600 0.7em sans-serif; color: #fff; background: var(--ma-fg);
  border-radius: 3px; padding: 0 3px; margin-left: 3px; vertical-align: super}
.ma-text .ma-cue {text-decoration: underline 2px; text-underline-offset: 3px; font-style: italic}
.ma-text .ma-aside {color: #888; text-decoration: line-through; text-decoration-color: #bbb}
.ma-text .ma-aside::after {content: " [set aside]"; font: 600 0.7em sans-serif; color: #888}
table.ma-table {border-collapse: collapse; font-size: 0.9em}
table.ma-table th, table.ma-table td {border-bottom: 1px solid #ddd; padding: 3px 8px;
  text-align: left !important; vertical-align: top}
table.ma-table td.ma-num {text-align: right !important; font-variant-numeric: tabular-nums}
table.ma-table caption {caption-side: top; text-align: left; font-weight: 600; padding: 4px 0}
</style>
"""


def _missing(value: object) -> bool:
    """True for None, NaN and pandas' NA (which cannot be used as a truth value)."""
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):  # list-likes are not missing
        return False


def escape(value: object) -> str:
    """Escape any value for HTML (``None``, NaN and NA become an empty string)."""
    if _missing(value):
        return ""
    return html.escape(str(value), quote=True)


def camp_colour(camp: str | None) -> str:
    """A stable colour for a camp, the same in every report and every run.

    Known camps have fixed colours; a placeholder such as "(no camp)" or "(unresolved)" is the unknown grey;
    any other camp gets one of the extra colours: the one :func:`register_camps` gave it when its actors file
    was loaded (distinct from the file's other camps), else one picked from its name.
    """
    if not camp or not isinstance(camp, str):
        return CAMP_COLOURS["unknown"]
    if camp in CAMP_COLOURS:
        return CAMP_COLOURS[camp]
    if camp.startswith("(") and camp.endswith(")"):
        return CAMP_COLOURS["unknown"]
    if camp in _REGISTERED:
        return _REGISTERED[camp]
    return _EXTRA_COLOURS[_slot(camp)]


def _slot(camp: str) -> int:
    return zlib.crc32(camp.encode("utf-8")) % len(_EXTRA_COLOURS)


def register_camps(camps: Iterable[str]) -> None:
    """Give the camps of one actors file colours that differ from each other (up to eight new camps).

    Called by :func:`analysis.actors.load_actors`. Each camp takes the colour picked from its name unless an
    earlier camp (in name order) took it, then the next free one: the colours depend on the set of camps only,
    so every report built with the same actors file shows the same colours.
    """
    new = sorted({c for c in camps if c and c not in CAMP_COLOURS and not (c.startswith("(") and c.endswith(")"))})
    used = {_REGISTERED[c] for c in new if c in _REGISTERED}
    for camp in new:
        if camp in _REGISTERED:
            continue
        slot = _slot(camp)
        for step in range(len(_EXTRA_COLOURS)):
            colour = _EXTRA_COLOURS[(slot + step) % len(_EXTRA_COLOURS)]
            if colour not in used:
                break
        else:
            colour = _EXTRA_COLOURS[slot]  # more camps than colours: share
        _REGISTERED[camp] = colour
        used.add(colour)


def _display_html(markup: str) -> None:
    from IPython.display import HTML, display

    display(HTML(markup))


def setup_plots() -> None:
    """Matplotlib settings for lean, readable reports: PNG at 100 dpi, legible fonts."""
    import matplotlib as mpl

    mpl.rcParams.update(
        {
            "figure.dpi": 100,
            "savefig.dpi": 100,
            "figure.figsize": (8, 4.2),
            "font.size": 10,
            "axes.titlesize": 12,
            "axes.titleweight": "bold",
            "axes.spines.top": False,
            "axes.spines.right": False,
            "figure.constrained_layout.use": True,
        }
    )
    try:
        from matplotlib_inline.backend_inline import set_matplotlib_formats

        set_matplotlib_formats("png")
    except ImportError:  # pragma: no cover - outside Jupyter
        pass


def header_html(article: Article, *, analysis: str = "", needs_date: bool = False) -> str:
    """The report header: title, outlet, dates, file and any loading warnings (all escaped).

    With ``needs_date`` (the timeline), a missing publication date is warned about: relative dates cannot be
    anchored without it. Other reports show the date as "unknown" and say nothing more."""
    meta = article.metadata
    rows = [
        ("Outlet", meta.get("outlet")),
        ("Site", meta.get("site") if meta.get("site") != meta.get("outlet") else None),
        ("Published", article.published.isoformat() if article.published else "unknown"),
        ("Author", meta.get("author")),
        ("URL", meta.get("url")),
        ("File", article.path.name),
        ("Length", f"{len(article.text):,} characters"),
    ]
    parts = [_STYLE, '<div class="ma-header">']
    if analysis:
        parts.append(f'<p class="ma-meta"><b>{escape(analysis)}</b></p>')
    parts.append(f'<h2 class="ma-title">{escape(article.title or article.id)}</h2>')
    parts.append('<p class="ma-meta">' + " · ".join(f"<b>{escape(k)}:</b> {escape(v)}" for k, v in rows if v)
                 + "</p>")
    parts.extend(f'<div class="ma-warn">{escape(w)}</div>' for w in article.warnings)
    if needs_date and article.published is None:
        parts.append('<div class="ma-warn">No publication date is known for this article: relative dates '
                     "(such as “Tuesday” or “last week”) cannot be anchored. Add <code>published:</code> to its "
                     "front matter or to the catalog.</div>")
    parts.append("</div>")
    return "".join(parts)


def show_header(article: Article, *, analysis: str = "", needs_date: bool = False) -> None:
    """Display the report header for an article (see :func:`header_html`)."""
    _display_html(header_html(article, analysis=analysis, needs_date=needs_date))


def table_html(
    df: pd.DataFrame,
    *,
    columns: Sequence[str] | Mapping[str, str] | None = None,
    caption: str | None = None,
    max_rows: int | None = 200,
    float_format: str = "{:.3f}",
) -> str:
    """An escaped HTML table. ``columns`` selects (and, as a mapping, renames) columns."""
    if columns is not None:
        names = dict(columns) if isinstance(columns, Mapping) else {c: c for c in columns}
        df = df[[c for c in names if c in df.columns]].rename(columns=names)
    shown = df if max_rows is None else df.head(max_rows)

    def cell(v: object) -> str:
        if isinstance(v, bool):
            return f"<td>{escape(v)}</td>"
        if isinstance(v, float):
            return f'<td class="ma-num">{"" if _missing(v) else escape(float_format.format(v))}</td>'
        if isinstance(v, int) or (hasattr(v, "dtype") and getattr(v, "ndim", 1) == 0):
            return f'<td class="ma-num">{escape(v)}</td>'
        if isinstance(v, (list, tuple, set)):
            return f"<td>{escape(', '.join(map(str, v)))}</td>"
        return f"<td>{escape(v)}</td>"

    head = "".join(f"<th>{escape(c)}</th>" for c in shown.columns)
    body = "".join("<tr>" + "".join(cell(v) for v in row) + "</tr>"
                   for row in shown.itertuples(index=False))
    cap = f"<caption>{escape(caption)}</caption>" if caption else ""
    more = (f'<p class="ma-meta">Showing {len(shown)} of {len(df)} rows.</p>'
            if len(shown) < len(df) else "")
    return f'{_STYLE}<table class="ma-table">{cap}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>{more}'


def counted(n: int, noun: str, plural: str | None = None) -> str:
    """``n`` with its noun in the right number, for report prose.

    ``counted(1, "source")`` gives "1 source", ``counted(3, "source")`` "3 sources", ``counted(0, "quotation")``
    "0 quotations"; give ``plural`` for irregular nouns (``counted(2, "time of day", "times of day")``).
    """
    n = int(n)
    return f"{n:,} {noun if n == 1 else plural or noun + 's'}"


def show_table(df: pd.DataFrame, *, columns: Sequence[str] | Mapping[str, str] | None = None,
               caption: str | None = None, max_rows: int | None = 200, empty: str = "Nothing found.") -> None:
    """Display an escaped table, or the ``empty`` sentence when there are no rows."""
    if df is None or df.empty:
        show_note(empty)
        return
    _display_html(table_html(df, columns=columns, caption=caption, max_rows=max_rows))


def show_note(text: str) -> None:
    """Display a short escaped note (e.g. why a plot is missing)."""
    _display_html(f'{_STYLE}<div class="ma-note">{escape(text)}</div>')


def show_bullets(items: Iterable[str], *, title: str | None = None) -> None:
    """Display escaped findings as a bullet list."""
    items = list(items)
    head = f"<p><b>{escape(title)}</b></p>" if title else ""
    if not items:
        return
    _display_html(head + "<ul>" + "".join(f"<li>{escape(i)}</li>" for i in items) + "</ul>")


_PARAGRAPH_BREAK = re.compile(r"\r?\n(?:[ \t]*\r?\n)+")


def highlighted_html(
    article: Article,
    spans: pd.DataFrame,
    *,
    label: str = "speaker",
    colour_by: str = "camp",
    cues: pd.DataFrame | None = None,
    start: int | None = None,
    end: int | None = None,
) -> str:
    """The article body with ``spans`` (rows with ``start``, ``end``) highlighted and labelled.

    Overlapping spans keep the first; ``cues`` (rows with ``cue_start``, ``cue_end``) are underlined;
    boilerplate set aside by :func:`analysis.text.parse` is greyed and struck through, so the reader sees what was
    not analysed. Everything is escaped; paragraphs become ``<p>`` elements.
    """
    text = article.text
    lo = article.body_start if start is None else start
    hi = len(text) if end is None else end
    marks: list[tuple[int, int, str, str]] = []
    for row in spans.sort_values("start").itertuples(index=False):
        s, e = int(row.start), int(row.end)
        if s < lo or e > hi or (marks and s < marks[-1][1]):
            continue
        lab = getattr(row, label, None)
        camp = getattr(row, colour_by, None)
        marks.append((s, e, "" if _missing(lab) else str(lab), camp_colour(None if _missing(camp) else camp)))
    cue_spans = []
    if cues is not None and not cues.empty:
        cue_spans = sorted({(int(r.cue_start), int(r.cue_end)) for r in cues.itertuples(index=False)
                            if not (pd.isna(r.cue_start) or pd.isna(r.cue_end))})

    from .text import parse

    styled = sorted([(cs, ce, "ma-cue", "") for cs, ce in cue_spans]
                    + [(a.start, a.end, "ma-aside", f"set aside ({a.kind}): {a.rule}")
                       for a in parse(article).set_aside])

    def plain(a: int, b: int) -> str:
        out, pos = [], a
        for cs, ce, cls, tip in styled:
            if ce <= a or cs >= b or cs < pos:
                continue
            cs, ce = max(cs, a), min(ce, b)
            out.append(escape(text[pos:cs]))
            title = f' title="{escape(tip)}"' if tip else ""
            out.append(f'<span class="{cls}"{title}>{escape(text[cs:ce])}</span>')
            pos = ce
        out.append(escape(text[pos:b]))
        return "".join(out).replace("\r\n", "\n").replace("\n\n", "</p><p>").replace("\n", "<br>")

    parts, pos = [], lo
    for s, e, lab, colour in marks:
        parts.append(plain(pos, s))
        # a span over a paragraph break (a quotation continued in the next paragraph) is marked piece by piece,
        # so that every <mark> stays inside its <p>; the label goes on the last piece
        pieces, at = [], s
        for brk in _PARAGRAPH_BREAK.finditer(text, s, e):
            pieces += [(at, brk.start()), (brk.start(), brk.end())]
            at = brk.end()
        pieces.append((at, e))
        for i, (a, b) in enumerate(pieces):
            if i % 2 or (a == b and i < len(pieces) - 1):  # the break itself, or nothing before it
                parts.append(plain(a, b))
                continue
            tail = f'<span class="ma-label">{escape(lab or "?")}</span>' if i == len(pieces) - 1 else ""
            parts.append(f'<mark style="--ma-bg:{colour}33;--ma-fg:{colour}" title="{escape(lab)}">{plain(a, b)}'
                         f"{tail}</mark>")
        pos = e
    parts.append(plain(pos, hi))
    return f'{_STYLE}<div class="ma-text"><p>{"".join(parts)}</p></div>'


def show_highlighted(article: Article, spans: pd.DataFrame, **kwargs: object) -> None:
    """Display the article with highlighted spans (see :func:`highlighted_html`)."""
    _display_html(highlighted_html(article, spans, **kwargs))  # type: ignore[arg-type]


def show_set_aside(article: Article) -> None:
    """List the spans kept out of the analyses (pasted headlines, site furniture), so nothing vanishes silently."""
    from .text import set_aside_table

    table = set_aside_table(article)
    if table.empty:
        show_note("No boilerplate was set aside: every paragraph of the body was analysed.")
        return
    show_table(table, columns={"kind": "kind", "text": "text set aside", "rule": "rule", "start": "start",
                               "end": "end"},
               caption="Set aside as boilerplate (not analysed)")
