"""HTML (.html, .htm): the article's main text, without navigation, scripts, styles or footers
(trafilatura), and the page's title, publication date, URL and site from its meta tags and JSON-LD."""
from __future__ import annotations

import logging
from datetime import date
from functools import lru_cache

import trafilatura
from trafilatura.settings import Document, use_config
from trafilatura.utils import load_html

from flows.readers import Reading
from flows.sources import DocumentError

logging.getLogger("trafilatura").setLevel(logging.ERROR)  # its warnings on odd pages are ours to report, once


@lru_cache(maxsize=1)
def _config():
    config = use_config()
    # the date from the page's metadata only: the extensive search guesses one from any date in the text
    config.set("DEFAULT", "EXTENSIVE_DATE_SEARCH", "off")
    return config


def read(data: bytes, name: str) -> Reading:
    return article(data)


def article(markup: bytes | str) -> Reading:
    """The page's article and metadata; DocumentError when it holds no article text."""
    tree = load_html(markup)  # decodes by the page's charset, as trafilatura does
    if tree is None:
        raise DocumentError("HTML page could not be parsed")
    links = {" ".join(a.text_content().split()) for a in tree.iter("a")}
    found = trafilatura.bare_extraction(tree, with_metadata=True, include_comments=False, include_tables=True,
                                        config=_config())
    text = found.text if isinstance(found, Document) else None
    lines = [" ".join(line.split()) for line in (text or "").splitlines()]
    # trafilatura falls back to whatever text a page has: a page of links is no article
    if not isinstance(found, Document) or not text or not any(line and line not in links for line in lines):
        raise DocumentError("HTML page has no article text (only navigation, links or scripts)")
    published = _date(found.date)
    return Reading(text, "html", None, found.title, published, "html" if published else None,
                   found.url, found.sitename or found.hostname)


def text_of(markup: bytes | str) -> str:
    """All the text of a page that is no article (an e-mail's HTML body), without scripts and styles."""
    return trafilatura.html2txt(markup)


def _date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None
