"""Media discourse analysis: who is quoted, how, by whom, when, and in what tone."""

from __future__ import annotations

from .articles import Article, ArticleError, ArticleWarning, load_article
from .text import Document, parse, sentences_table, set_aside_table

__all__ = [
    "Article",
    "ArticleError",
    "ArticleWarning",
    "Document",
    "load_article",
    "parse",
    "sentences_table",
    "set_aside_table",
]
__version__ = "0.1.0"
