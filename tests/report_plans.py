"""Plans for the tests of `dean report`: a copy of the real plan made hostile (markup,
`</script>`, `javascript:` URLs, bidi characters, template syntax, huge strings in every kind
of field the page shows), and one with an overdue milestone."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.conftest import REAL_PLAN

PWN = "window.__pwned"
# raw HTML that would be an injected element if any of it reached the page unescaped
HOSTILE_MARKERS = ("<img", "<svg onload", "<iframe", "<script>window", "<b onmouseover", "<style>b")
HUGE = "A" * 100_000


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def _q(text: str) -> str:
    """A YAML double-quoted scalar."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def make_hostile_plan(tmp_path: Path) -> Path:
    plan = tmp_path / "hostile-plan"
    shutil.copytree(REAL_PLAN, plan)
    cyber = plan / "initiatives" / "07-cybersecurity.yaml"
    _edit(
        cyber,
        "  en: Strengthening cooperation on cybersecurity\n",
        "  en: "
        + _q(f'</script><script>{PWN}=1</script><img src=x onerror="{PWN}=2"> {{{{ 7*7 }}}}')
        + "\n",
    )
    _edit(
        cyber,
        "  es: Fortalecimiento de la cooperación en materia de ciberseguridad\n",
        "  es: " + _q(f"abc\u202edef\u2066 <svg onload={PWN}=3> ]]> <!--") + "\n",
    )
    _edit(
        cyber,
        "    url: https://www.state.gov/joint-statement-on-u-s-mexico-working-group-on-cyber-issues/",
        f"    url: javascript:{PWN}=4",
    )
    _edit(
        cyber,
        "    title: U.S.-Mexico Cyber Talks Begin With Focus On Critical Infrastructure",
        "    title: " + _q(f'"><iframe srcdoc="<script>{PWN}=6</script>"></iframe>'),
    )
    _edit(
        cyber,
        "  en: Strengthen cybersecurity protections in global supply chains and coordinate the "
        "mitigation of cyber threats to supply chains.\n",
        "  en: " + _q(HUGE) + "\n",
    )
    dialogue = plan / "dialogue.yaml"
    _edit(
        dialogue,
        "    en: U.S.-Mexico High-Level Economic Dialogue (HLED)\n",
        "    en: " + _q(f"</title><script>{PWN}=5</script>") + "\n",
    )
    _edit(dialogue, "    en: HLED\n", "    en: " + _q("</title><i>HLED</i>") + "\n")
    _edit(
        dialogue,
        "      en: Building Back Together\n",
        "      en: " + _q("<style>body{display:none}</style>") + "\n",
    )
    _edit(
        plan / "organizations.yaml",
        "      en: Ministry of Economy\n",
        "      en: " + _q(f"<b onmouseover={PWN}=7>SE</b>") + "\n",
    )
    return plan
