"""HTML pages: the article's title and main text, without menus, scripts, comments or
footers, extracted with trafilatura (imported only when a page is read)."""

from __future__ import annotations

import re

from newsan.reading.article import Article, ReadError, with_title

# A page starts with a doctype, an XML declaration, a comment or one of the tags that open a page.
HTML_START = re.compile(r"\A\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body|meta|title)\b",
                        re.IGNORECASE | re.DOTALL)
# Page metadata that --keep-field can take from a page, as trafilatura names it.
PAGE_FIELDS = ("author", "url", "hostname", "description", "sitename", "date", "categories", "tags", "language")


def looks_like_html(text: str) -> bool:
    return bool(HTML_START.match(text[:4096]))


def html_article(name: str, page: str, keep_fields: tuple[str, ...] = ()) -> Article:
    """The article of an HTML page; --keep-field names found in PAGE_FIELDS are taken
    from the page's metadata, the others are null."""
    extracted = _extract(page)
    if extracted is None or not (extracted.text or "").strip():
        raise ReadError("HTML page without article text")
    title = (extracted.title or "").strip()
    fields = {key: getattr(extracted, key, None) if key in PAGE_FIELDS else None for key in keep_fields}
    return Article(name, with_title(title, extracted.text), title, fields or None, show_text=True)


def _extract(page: str):
    try:
        import trafilatura
    except ImportError:
        raise ReadError("HTML input needs trafilatura: pip install trafilatura lxml_html_clean") from None
    return trafilatura.bare_extraction(page, with_metadata=True, include_comments=False, include_tables=False)
