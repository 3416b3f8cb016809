"""Load a news article from a text file, with its metadata.

An article file is plain text. Metadata comes, in order of precedence, from

1. an optional front-matter block at the very top of the file::

       ---
       title: Blinken denies ...
       outlet: The Washington Post
       published: 2022-11-17
       ---

2. a catalog (``seeds/catalog.toml``) keyed by file name, for files that must stay untouched;
3. the ``TITLE | SITE`` first-line convention, otherwise the first line as the title.

Every character offset anywhere in the project indexes :attr:`Article.text`: the decoded file text after the
front-matter block, exactly as stored (line ends and all), without a byte-order mark. HTML pasted from a web page
(``<p>``, ``<a href=...>``, ``&amp;``) is blanked out character for character (:func:`blank_markup`), so the
offsets still index the file while no tag reaches a sentence, a quotation or a report.
"""

from __future__ import annotations

import datetime as _dt
import html
import re
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .data import tomllib
from .timex import lexicon as timex_lexicon

__all__ = ["Article", "ArticleError", "ArticleWarning", "blank_markup", "blank_markup_noted", "load_article",
           "load_catalog", "parse_date"]

_MAX_BYTES = 50_000_000
_FRONT_MATTER_FENCE = "---"
_KEY_RE = re.compile(r"^([A-Za-z_][\w-]*)\s*:\s*(.*)$")
_CONTROL_RE = re.compile(r"[\x00-\x08\x0e-\x1f]")
_KNOWN_KEYS = ("title", "outlet", "site", "published", "url", "author", "language")
#: Markup in a text: warned about. A tag quoted in a story (a report on a web attack quoting "<script>") stays
#: text; only a page pasted with its structure (``_HTML_PAGE``) is blanked.
_HTML_SEEN = re.compile(r"<\s*/?\s*(?:script|img|iframe|a|p|div|span|br|style)\b", re.IGNORECASE)
#: A text pasted from a web page: paragraph or line-break tags, or links (a lone "a < b" or "<Name>" does not count).
_HTML_PAGE = re.compile(r"<\s*/?\s*(?:p|div|br|li|h[1-6]|blockquote)\s*/?>|<a\s+href\s*=", re.IGNORECASE)
#: Tags whose content is no text for a reader, blanked with the tags.
_HIDDEN_BLOCK = re.compile(r"<(script|style|noscript|template)\b[^>]*>.*?</\1\s*>|<!--.*?-->", re.IGNORECASE | re.DOTALL)
#: Tags that start or end a block of text: blanked to a line break, so that "</p>" ends a paragraph.
_BLOCK_TAGS = frozenset(("p", "div", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "blockquote",
                         "article", "section", "header", "footer", "aside", "figure", "figcaption", "table", "tr",
                         "td", "th", "pre", "main", "nav", "dd", "dt", "dl"))
_INLINE_TAGS = frozenset(("a", "span", "b", "i", "em", "strong", "u", "small", "sup", "sub", "img", "iframe",
                          "font", "abbr", "cite", "q", "time", "mark", "source", "picture", "video", "audio",
                          "meta", "link", "body", "html", "head", "title", "code", "s", "del", "ins", "label"))
_TAG = re.compile(r"</?\s*([A-Za-z][A-Za-z0-9]*)\b(?:[^<>\"']|\"[^\"]*\"|'[^']*')*/?>")
_ENTITY_SOURCE = r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"
_ENTITY = re.compile(_ENTITY_SOURCE)
#: A word with its entities ("don&#39;t", "&#8220;We", "Fran&ccedil;ois"), or an entity alone ("&amp;").
_ENTITY_RUN = re.compile(r"(?:[^\W_]|" + _ENTITY_SOURCE + r")+")


class ArticleError(ValueError):
    """An article file cannot be analysed. The message names the file, the problem and what to do."""

    def __init__(self, path: str | Path, problem: str, hint: str = "") -> None:
        self.path = str(path)
        self.problem = problem
        self.hint = hint
        super().__init__(f"{self.path}: {problem}" + (f" ({hint})" if hint else ""))


class ArticleWarning(UserWarning):
    """An article was loaded, but something about it deserves the reader's attention."""


@dataclass(frozen=True)
class Article:
    """A loaded article.

    Attributes:
        id: stable identifier (the file stem).
        path: the file it came from.
        text: the file text after the front-matter block; all offsets index this string.
        title: the headline, if known.
        published: publication date, if known.
        metadata: every metadata field (front matter over catalog over first line).
        body_start: offset where the body starts (after the title line, when the first line is a title).
        warnings: problems that did not stop loading (encoding fallbacks, markup seen), for the report.
    """

    id: str
    path: Path
    text: str
    title: str | None = None
    published: _dt.date | None = None
    metadata: dict[str, str] = field(default_factory=dict)
    body_start: int = 0
    warnings: tuple[str, ...] = ()

    @property
    def outlet(self) -> str | None:
        """The outlet that published the story (falls back to the site that carried it)."""
        return self.metadata.get("outlet") or self.metadata.get("site")

    def __hash__(self) -> int:
        return hash((self.id, str(self.path), self.text))


#: Files that hold many articles, one per row: ``python -m analysis corpus`` reads them, not :func:`load_article`.
_TABLE_SUFFIXES = frozenset({".csv", ".tsv", ".jsonl", ".ndjson", ".json", ".parquet", ".xlsx"})
_ISO_DATE = re.compile(r"^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ][\d:.+\-Z]*)?$")
# written-out English dates, which exports from news databases use: "March 16, 2025", "Mar. 16 2025",
# "16 March 2025", "Sunday, March 16, 2025"; a time may follow
_MONTH_FIRST = re.compile(r"^(?:[A-Za-z]+,?\s+)?([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b[\s\d:.APMapm+\-Z]*$")
_DAY_FIRST = re.compile(r"^(?:[A-Za-z]+,?\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b[\s\d:.APMapm+\-Z]*$")


def parse_date(value: Any, *, path: str | Path = "<input>", key: str = "published") -> _dt.date:
    """Parse a publication date into a date: ISO ``YYYY-MM-DD`` (or ``YYYY/MM/DD``), optionally followed by a
    time, or an English date with the month written out ("March 16, 2025", "16 March 2025"). All-number dates
    such as 03/04/2025 are refused: day and month cannot be told apart.

    Raises:
        ArticleError: when the value is not a real calendar date in one of these forms.
    """
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    text = str(value).strip().strip("\"'")
    parts: tuple[int, int, int] | None = None
    months = timex_lexicon()["months"]  # "sept" -> 9: the month names of the temporal tagger, said once
    if match := _ISO_DATE.match(text):
        parts = int(match[1]), int(match[2]), int(match[3])
    elif (match := _MONTH_FIRST.match(text)) and match[1].lower() in months:
        parts = int(match[3]), months[match[1].lower()], int(match[2])
    elif (match := _DAY_FIRST.match(text)) and match[2].lower() in months:
        parts = int(match[3]), months[match[2].lower()], int(match[1])
    if parts is None:
        raise ArticleError(path, f"invalid {key} date {text!r}",
                           "write it as YYYY-MM-DD, e.g. 2022-11-17, or with the month in words, e.g. November 17, 2022")
    try:
        return _dt.date(*parts)
    except ValueError as exc:
        raise ArticleError(path, f"invalid {key} date {text!r}: {exc}", "write a real date as YYYY-MM-DD") from None


def load_catalog(path: str | Path | None) -> dict[str, dict[str, str]]:
    """Read a catalog TOML file: one table per article file name, holding its metadata.

    A missing path gives an empty catalog.

    Raises:
        ArticleError: when the catalog exists but is not valid TOML.
    """
    if path is None:
        return {}
    path = Path(path)
    if not path.is_file():
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ArticleError(path, f"catalog is not valid TOML: {exc}", "fix the catalog file") from None
    return {name: {k: str(v) for k, v in table.items()} for name, table in data.items() if isinstance(table, dict)}


def default_catalog_path(article_path: str | Path) -> Path:
    """The catalog that sits beside an article (``catalog.toml`` in its folder)."""
    return Path(article_path).parent / "catalog.toml"


def _byte_place(raw: bytes, offset: int) -> str:
    """Where a byte of a file is, for a person with an editor: "byte 0x93 at line 12, column 5 (position 2183)"."""
    line_start = raw.rfind(b"\n", 0, offset) + 1
    line = raw.count(b"\n", 0, offset) + 1
    return f"byte 0x{raw[offset]:02x} at line {line}, column {offset - line_start + 1} (position {offset})"


#: A byte UTF-8 cannot decode, as ``errors="surrogateescape"`` keeps it (U+DC80..U+DCFF).
_STRAY_BYTE = re.compile("[\udc80-\udcff]")


def _as_cp1252(match: re.Match[str]) -> str:
    """A stray byte kept by ``surrogateescape``, read as its Windows-1252 character (U+FFFD for its five holes)."""
    return bytes([ord(match[0]) - 0xDC00]).decode("cp1252", errors="replace")


def _decode(raw: bytes, path: Path) -> tuple[str, list[str]]:
    notes: list[str] = []
    if not raw.strip():
        raise ArticleError(path, "the file is empty", "put the article text in it, or remove it from the input")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        notes.append("decoded as UTF-16 (byte-order mark found)")
        return raw.decode("utf-16"), notes
    if b"\x00" in raw[:8192]:
        raise ArticleError(path, "looks like a binary file (NUL bytes), not text", "give a plain-text .txt article")
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        where = _byte_place(raw, exc.start)
        escaped = raw.decode("utf-8", errors="surrogateescape")  # each undecodable byte kept as one surrogate
        bad = len(_STRAY_BYTE.findall(escaped))
        if sum(ord(ch) > 127 for ch in escaped) > bad:  # some bytes did decode as UTF-8 characters
            # UTF-8 with a few stray Windows-1252 bytes (a paste from another program): each stray byte is read
            # as its Windows-1252 character, the rest as UTF-8
            text = _STRAY_BYTE.sub(_as_cp1252, escaped)
            notes.append(f"mostly UTF-8, but {bad} byte(s) are not ({where}); read them as Windows-1252 "
                         "(cp1252). Save the file as UTF-8 to silence this warning")
        else:
            try:
                text = raw.decode("cp1252")
            except UnicodeDecodeError as bad_exc:
                raise ArticleError(
                    path,
                    f"not UTF-8 text ({where}) and not Windows-1252 either "
                    f"({_byte_place(raw, bad_exc.start)} has no Windows-1252 character)",
                    "save the file as UTF-8",
                ) from None
            notes.append(
                f"not valid UTF-8 ({where}); decoded as Windows-1252 (cp1252). "
                "Save the file as UTF-8 to silence this warning"
            )
    controls = len(_CONTROL_RE.findall(text[:20000]))
    if controls > max(8, len(text[:20000]) // 100):
        raise ArticleError(path, "looks like a binary file (many control characters), not text",
                           "give a plain-text .txt article")
    return text, notes


def _blank(span: str, first: str = " ") -> str:
    """``span`` replaced by ``first`` and spaces, keeping its length and its line breaks."""
    return first + "".join(ch if ch in "\r\n" else " " for ch in span[1:])


def _decoded_entity(match: re.Match[str]) -> str:
    """An entity's character (a no-break space as a plain space); the entity itself when it decodes to nothing
    shorter (an unknown name)."""
    value = html.unescape(match[0]).replace("\u00a0", " ")
    return value if len(value) < len(match[0]) else match[0]


def blank_markup(text: str) -> tuple[str, int]:
    """HTML markup of ``text`` blanked out, character for character, so that every offset still indexes ``text``.

    Only a text pasted from a web page, with paragraph or line-break tags (``<p>``, ``<br>``, ``<div>`` ...) or
    links (``<a href=``), is treated as HTML (a story that quotes "<script>" keeps it as text): there,
    scripts, styles and comments are blanked with their content; block tags (``<p>``, ``</p>``, ``<br>``,
    ``<div>`` ...) become a line break and spaces, so that ``</p>`` ends a paragraph; inline tags (``<a href=...>``,
    ``<em>`` ...) become spaces. In any text, a character entity (``&amp;``, ``&nbsp;``, ``&#8217;``) becomes its
    character, and the word it stands in closes up, with the spaces at the word's end ("can&rsquo;t" ->
    "can\u2019t      ", "&#8220;We" -> "\u201cWe      "): every offset at a word's edge still indexes the file,
    one inside such a word is shifted. An HTML report collapses the runs of spaces, so a reader sees
    "Smith & Sons" where the file has "Smith &amp; Sons".

    Args:
        text: the article text.

    Returns:
        The blanked text (same length as ``text``) and the number of tags and entities blanked.
    """
    page = _HTML_PAGE.search(text) is not None  # (not _HTML_SEEN: a tag quoted in a story is no page)
    if not page and "&" not in text:
        return text, 0
    count = 0
    chars = list(text)

    def put(start: int, new: str) -> None:
        chars[start : start + len(new)] = new

    if page:
        for m in _HIDDEN_BLOCK.finditer(text):
            put(m.start(), _blank(m[0]))
            count += 1
        for m in _TAG.finditer(text):
            name = m[1].lower()
            # a tag inside a blanked script is blank already
            if (name in _BLOCK_TAGS or name in _INLINE_TAGS) and chars[m.start()] == "<":
                put(m.start(), _blank(m[0], "\n" if name in _BLOCK_TAGS else " "))
                count += 1
    for m in _ENTITY_RUN.finditer(text):
        if "&" not in m[0] or chars[m.start()] != m[0][0]:  # no entity, or inside a blanked script
            continue
        decoded = _ENTITY.sub(_decoded_entity, m[0])
        if decoded == m[0]:
            continue
        count += len(_ENTITY.findall(m[0]))
        if any(ch.isspace() for ch in decoded):  # a space entity divides the run ("&pound;&nbsp;180"): in place
            for e in _ENTITY.finditer(m[0]):
                value = _decoded_entity(e)
                put(m.start() + e.start(), value + " " * (len(e[0]) - len(value)))
            continue
        # the run's characters close up and its padding goes to its end, so the words stay whole and every
        # offset at the run's edges still indexes the file ("don&#39;t" -> "don't     ")
        put(m.start(), decoded + " " * (len(m[0]) - len(decoded)))
    return "".join(chars), count


def blank_markup_noted(text: str) -> tuple[str, tuple[str, ...]]:
    """:func:`blank_markup` with the warning a reader should see: what was blanked, or that markup a story quotes
    stays text. Used by :func:`load_article` and by the corpus reader for each row."""
    text, blanked = blank_markup(text)
    if blanked:
        note = (f"contains HTML markup or entities ({blanked}): blanked out with spaces, so offsets still index the "
                "text; save the page as plain text for cleaner sentences")
        return text, (note,)
    if _HTML_SEEN.search(text):
        return text, ("contains HTML markup; it is analysed and shown as plain text",)
    return text, ()


def _split_front_matter(text: str, path: Path) -> tuple[dict[str, str], str]:
    lines = text.split("\n")
    if lines[0].rstrip("\r").strip() != _FRONT_MATTER_FENCE:
        return {}, text
    closing = next((i for i in range(1, len(lines)) if lines[i].rstrip("\r").strip() == _FRONT_MATTER_FENCE), None)
    if closing is None:
        raise ArticleError(path, "front matter opened with '---' is never closed",
                           "end the metadata block with a line holding only '---'")
    meta: dict[str, str] = {}
    for line_no, line in enumerate(lines[1:closing], start=2):
        line = line.rstrip("\r").strip()
        if not line or line.startswith("#"):
            continue
        match = _KEY_RE.match(line)
        if not match:
            raise ArticleError(
                path,
                f"malformed front matter at line {line_no}: {line[:60]!r}",
                "each line between the '---' fences must read 'key: value'",
            )
        meta[match[1].lower()] = _unquote(match[2].strip())
    return meta, "\n".join(lines[closing + 1 :])


def _unquote(value: str) -> str:
    """A front-matter value without the one pair of quotation marks that encloses it ("..." or '...'); a value
    that only starts with a quotation (a headline opening with a quote: '"We can't": minister on rents') keeps its
    marks."""
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        inner = value[1:-1]
        if value[0] == "'" or '"' not in inner:
            return inner
    return value


def _title_from_first_line(text: str) -> tuple[dict[str, str], int]:
    """Take the first non-empty line as the title (``TITLE | SITE``), if it looks like one."""
    stripped = text.lstrip("\r\n")
    lead = len(text) - len(stripped)
    nl = stripped.find("\n")
    line = (stripped if nl < 0 else stripped[:nl]).rstrip("\r")
    if nl < 0 or not line.strip() or len(line) > 300:
        return {}, 0
    meta: dict[str, str] = {}
    if " | " in line:
        title, site = line.rsplit(" | ", 1)
        meta["title"], meta["site"] = title.strip(), site.strip()
    else:
        meta["title"] = line.strip()
    return meta, lead + nl + 1


def load_article(
    path: str | Path,
    *,
    catalog: str | Path | dict[str, dict[str, str]] | None = None,
    published: str | _dt.date | None = None,
) -> Article:
    """Load an article file with its metadata.

    Args:
        path: the ``.txt`` file.
        catalog: a catalog file or an already-loaded catalog; by default ``catalog.toml`` beside the article.
        published: overrides the publication date from every other source.

    Returns:
        The :class:`Article`. Problems that do not stop loading are in ``Article.warnings`` and are
        also issued as :class:`ArticleWarning`.

    Raises:
        ArticleError: the file is missing, unreadable, empty, binary, has malformed front matter or an invalid date.
    """
    path = Path(path)
    if not path.exists():
        raise ArticleError(path, "no such file", "check the path")
    if path.is_dir():
        raise ArticleError(path, "is a folder, not an article file", "give the .txt files inside it")
    if path.suffix.lower() in _TABLE_SUFFIXES:
        raise ArticleError(path, f"is a table of articles ({path.suffix}), not the text of one article",
                           f"run `python -m analysis corpus {path} --out DIR` on it, or save each article as a "
                           ".txt file")
    try:
        size = path.stat().st_size
        if size > _MAX_BYTES:
            raise ArticleError(path, f"is {size / 1e6:.0f} MB, over the {_MAX_BYTES / 1e6:.0f} MB limit",
                               "split it into articles")
        raw = path.read_bytes()
    except OSError as exc:
        raise ArticleError(path, f"cannot be read: {exc.strerror or exc}", "check its permissions") from None

    decoded, notes = _decode(raw, path)
    front, text = _split_front_matter(decoded, path)
    if not text.strip():
        raise ArticleError(path, "has metadata but no article text", "put the article text after the front matter")

    if catalog is None:
        catalog = default_catalog_path(path)
    cat = catalog if isinstance(catalog, dict) else load_catalog(catalog)
    cat_meta = cat.get(path.name, {})

    meta: dict[str, str] = {}
    first_meta, body_start = ({}, 0) if front.get("title") else _title_from_first_line(text)
    meta.update(first_meta)
    meta.update(cat_meta)
    meta.update(front)
    # The first line is still the headline when it repeats the given title; otherwise it is body text.
    if (front.get("title") or cat_meta.get("title")) and first_meta.get("title") != meta.get("title"):
        body_start = 0
    if published is not None:
        meta["published"] = str(published)

    date = parse_date(meta["published"], path=path) if meta.get("published") else None
    if not text[body_start:].strip():
        notes.append("has a headline but no body text: there is nothing to analyse (put the article's text "
                     "below the headline line)")
    text, markup_notes = blank_markup_noted(text)
    notes.extend(markup_notes)
    for note in notes:
        warnings.warn(f"{path}: {note}", ArticleWarning, stacklevel=2)
    return Article(
        id=path.stem,
        path=path,
        text=text,
        title=meta.get("title"),
        published=date,
        metadata=meta,
        body_start=body_start,
        warnings=tuple(notes),
    )
