"""Escaping for the HTML page: every piece of text that comes from an article or a
file name reaches the page through `text` or `attrs`, never as markup, so a
`<script>`, a `javascript:` link or a comment in an article shows as written.
"""

from __future__ import annotations

import html
import re

LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def text(value) -> str:
    """`value` as HTML text (also safe inside a quoted attribute value)."""
    # File names that are not UTF-8 carry lone surrogates, which UTF-8 cannot write.
    return html.escape(LONE_SURROGATE.sub("\ufffd", str(value)), quote=True)


def attrs(**values) -> str:
    """` name="value"` for each value that is not None (a trailing _ is dropped and
    _ becomes -: class_ -> class, data_e -> data-e)."""
    return "".join(f' {name.rstrip("_").replace("_", "-")}="{text(value)}"'
                   for name, value in values.items() if value is not None)


def start_tag(name: str, **values) -> str:
    return f"<{name}{attrs(**values)}>"


def tag(name: str, content: str = "", **values) -> str:
    """<name attrs>content</name>; `content` is markup already (escape text with `text`)."""
    return f"{start_tag(name, **values)}{content}</{name}>"
