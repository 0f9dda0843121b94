"""`dean report`: one self-contained HTML page (style, script, data inline; no request of any
kind), drawn with Jinja2 (autoescape on) from a :class:`~deancli.views.report.ReportView`.

The page's Content-Security-Policy allows exactly the inline style and script it carries (by
their SHA-256), images from ``data:`` only, and nothing else: no fetch, no frame, no form
target, no base URL. Plan text reaches the HTML escaped by Jinja2 after the visible escaping
of control and bidi characters (:func:`deancli.base.textsafe.safe`); the embedded JSON is
ASCII with ``<`` written ``\\u003c``, so no value can close its ``<script>`` element.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
from functools import cache
from pathlib import Path
from typing import Any, TextIO

from deancli.base.i18n import LANGS
from deancli.base.textsafe import safe
from deancli.render.views.base import Unsupported, View
from deancli.views.report import MAX_FINDINGS_SHOWN, ReportView

TEMPLATES = Path(__file__).parent / "templates"

# the initiatives table: (sort key, label, class)
COLUMNS = (
    ("id", "id", "num"),
    ("title", "initiative", None),
    ("pillar", "pillar", None),
    ("status", "status", None),
    ("leads", "leads_both", None),
    ("progress", "progress", None),
    ("next_due", "next_due", None),
    ("overdue", "overdue", "num"),
    ("evidence", "newest_evidence", None),
)


def script_json(doc: Any) -> str:
    """JSON that is safe inside ``<script type="application/json">``: ASCII only (every other
    character, invisible ones included, as a ``\\u`` escape), and no ``<``, so nothing in it
    can end the element or open a comment. (The cheapest way found: at 10,000 initiatives,
    escaping after the fact with ``str.translate`` or a regular expression took seconds.)"""
    text = json.dumps(doc, ensure_ascii=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace("##[", "##\\u005b")


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


@cache
def _assets() -> tuple[str, str]:
    css = (TEMPLATES / "report.css").read_text(encoding="utf-8")
    js = (TEMPLATES / "report.js").read_text(encoding="utf-8")
    return css, js


def csp(css: str, js: str) -> str:
    return "; ".join(
        [
            "default-src 'none'",
            f"style-src {_sha256(css)}",
            f"script-src {_sha256(js)}",
            "img-src data:",
            "base-uri 'none'",
            "form-action 'none'",
        ]
    )


MAX_TEXT = 2000  # characters of one plan text shown (as in report.js); the data keeps all


def _plan_text(value: object) -> str:
    text = value if isinstance(value, str) else str(value)
    if len(text) > MAX_TEXT:
        text = f"{text[:MAX_TEXT]}… [+{len(text) - MAX_TEXT}]"
    return safe(text, keep_newlines=True)


DATA_MARK = "\x00dean-data\x00"  # where the data goes: spliced in, not copied through Jinja


def render_page(view: ReportView) -> str:
    """The whole page as one string (see :func:`write_page` to stream it)."""
    out = io.StringIO()
    write_page(view, out)
    return out.getvalue()


def write_page(view: ReportView, out: TextIO) -> None:
    """Write the page to ``out``. The embedded data (tens of MB for large plans) is written
    as it is, not passed through the template engine: each copy of it cost time and memory."""
    head, tail = _page_around_data(view)
    out.write(head)
    out.write(script_json(view.document))
    out.write(tail)


def _page_around_data(view: ReportView) -> tuple[str, str]:
    import jinja2
    from markupsafe import Markup

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=False,
        keep_trailing_newline=True,
    )
    env.filters["s"] = _plan_text
    css, js = _assets()
    labels = view.labels
    template = env.get_template("report.html.j2")
    page = template.render(
        doc=view.document,
        lang=view.lang,
        langs=LANGS,
        labels=labels,
        columns=COLUMNS,
        max_findings=MAX_FINDINGS_SHOWN,
        csp=csp(css, js),
        css=Markup(css),
        js=Markup(js),
        data_json=Markup(DATA_MARK),
        labels_json=Markup(script_json(labels)),
    )
    head, mark, tail = page.partition(DATA_MARK)
    assert mark, "the template has no place for the data"
    return head, tail


class HtmlRenderer:
    def __init__(self, out: TextIO, *, color: bool | None = None, pager: bool = True) -> None:
        self.out = out

    def render(self, view: View) -> None:
        if not isinstance(view, ReportView):
            raise Unsupported(type(view).__name__)
        write_page(view, self.out)
