"""Markdown text for every Markdown dean writes (views, the job summary): one escaping path,
so plan text cannot add links, images, HTML or break a table."""

from __future__ import annotations

import re

from deancli.base.textsafe import safe

_SPECIAL = re.compile(r"([\\`*_\[\]|~])")


def escape(text: str) -> str:
    """Plan text as inert Markdown: no HTML, links, images, emphasis or table breaks."""
    text = safe(text).replace("\\n", " ")
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _SPECIAL.sub(r"\\\1", text)
