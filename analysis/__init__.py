"""Media discourse analysis: who is quoted, how, by whom, when, and in what tone.

The public entry points, one per job::

    article = load_article(path)               # Article: text, metadata, offsets
    parse(article)                             # sentences and set-aside boilerplate
    extract_quotes(article)                    # analysis.quotes
    timeline(article)                          # analysis.timeline
    stance(article)                            # analysis.stance
    quotation_sentiment(article)               # analysis.sentiment
    sentence_sentiment(text)                   # news-aware VADER compound score
    target_sentiment(sentence, start, end)     # -1, 0 or +1 toward the mention at [start, end)

The analysis modules are imported on first use, so ``import analysis`` stays cheap.
"""

from __future__ import annotations

import importlib
from typing import Any

from .articles import Article, ArticleError, ArticleWarning, load_article
from .text import Document, parse, sentences_table, set_aside_table

__version__ = "0.1.0"

_LAZY = {
    "extract_quotes": "quotes",
    "speakers_table": "quotes",
    "load_actors": "actors",
    "timeline": "timeline",
    "stance": "stance",
    "quotation_sentiment": "sentiment",
    "speaker_sentiment": "sentiment",
    "sentence_sentiment": "vader",
    "target_sentiment": "targeted",
}

__all__ = [
    "Article",
    "ArticleError",
    "ArticleWarning",
    "Document",
    "extract_quotes",
    "load_actors",
    "load_article",
    "parse",
    "quotation_sentiment",
    "sentence_sentiment",
    "sentences_table",
    "set_aside_table",
    "speaker_sentiment",
    "speakers_table",
    "stance",
    "target_sentiment",
    "timeline",
]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        value = getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'analysis' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))
