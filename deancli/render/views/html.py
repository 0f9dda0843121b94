"""`dean report`: one self-contained HTML page (style, script, data inline; no request of any
kind), drawn with Jinja2 (autoescape on) from a :class:`~deancli.views.report.ReportView`.

The page's Content-Security-Policy allows exactly the inline style and script it carries (by
their SHA-256), images from ``data:`` only, and nothing else: no fetch, no frame, no form
target, no base URL. Plan text reaches the HTML escaped by Jinja2 after the visible escaping
of control and bidi characters (:func:`deancli.base.textsafe.safe`); the embedded JSON is
escaped for a ``<script>`` element (``<``, ``>``, ``&`` and invisible characters as ``\\u``
escapes), so no value can close it.
"""

from __future__ import annotations

import base64
import hashlib
import json
from functools import cache
from pathlib import Path
from typing import Any, TextIO

from deancli.base.i18n import LANGS
from deancli.base.textsafe import json_safe, safe
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
    """JSON that is safe inside ``<script type="application/json">``: nothing in it can end
    the element or open a comment, and invisible characters are escaped. (Chained
    ``replace`` calls: ``str.translate`` took 3 s of a 10,000-initiative report.)"""
    text = json.dumps(doc, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return json_safe(text)


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


def render_page(view: ReportView) -> str:
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
    return template.render(
        doc=view.document,
        lang=view.lang,
        langs=LANGS,
        labels=labels,
        columns=COLUMNS,
        max_findings=MAX_FINDINGS_SHOWN,
        csp=csp(css, js),
        css=Markup(css),
        js=Markup(js),
        data_json=Markup(script_json(view.document)),
        labels_json=Markup(script_json(labels)),
    )


class HtmlRenderer:
    def __init__(self, out: TextIO, *, color: bool | None = None, pager: bool = True) -> None:
        self.out = out

    def render(self, view: View) -> None:
        if not isinstance(view, ReportView):
            raise Unsupported(type(view).__name__)
        self.out.write(render_page(view))
