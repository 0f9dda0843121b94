"""`dean report` without a browser: the file, its options, the embedded JSON, provenance,
the Content-Security-Policy and escaping of hostile plan text in the HTML source.
The page's behaviour is tested in a real browser in tests/browser/."""

from __future__ import annotations

import html
import json
import re
import subprocess
from pathlib import Path

import pytest

from tests.conftest import AS_OF, REAL_PLAN
from tests.report_plans import HOSTILE_MARKERS, make_hostile_plan


def embedded(html: str, element: str = "dean-data") -> dict:
    m = re.search(rf'<script type="application/json" id="{element}">(.*?)</script>', html, re.S)
    assert m is not None
    return json.loads(m.group(1))


def test_writes_the_default_file(dean, tmp_path, monkeypatch):
    from tests.conftest import with_missing_leads

    plan = with_missing_leads(tmp_path / "src" / "plan")
    monkeypatch.chdir(tmp_path)
    result = dean("report", "--plan", str(plan), "--as-of", AS_OF)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    page = (tmp_path / "dean-report.html").read_text(encoding="utf-8")
    assert page.startswith('<!DOCTYPE html>\n<html lang="en">')
    assert re.match(r"dean: wrote dean-report.html \(\d+ KB\)\n", result.stderr)
    # the real plan has warnings: the command says the page lists them
    assert "12 warnings; the page lists them at the top" in result.stderr
    assert sorted(tmp_path.iterdir()) == [tmp_path / "dean-report.html", tmp_path / "src"]


def test_output_to_stdout_and_lang(dean):
    result = dean("report", "--plan", str(REAL_PLAN), "--as-of", AS_OF, "-o", "-", "--lang", "es")
    assert result.exit_code == 0
    assert result.stdout.startswith('<!DOCTYPE html>\n<html lang="es">')
    assert result.stdout.rstrip().endswith("</html>")


def test_output_option_replaces_an_existing_file(dean, tmp_path):
    target = tmp_path / "site" / "index.html"
    target.parent.mkdir()
    target.write_text("old", encoding="utf-8")
    result = dean("report", "--plan", str(REAL_PLAN), "--as-of", AS_OF, "-o", str(target))
    assert result.exit_code == 0
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-o", "."], "is a directory"),
        (["-o", "no/such/dir/r.html"], "no such directory"),
        (["--as-of", "2024-13-01"], "is not a date"),
        (["--lang", "fr"], "'fr' is not one of"),
    ],
)
def test_usage_errors(dean, args, message):
    result = dean("report", "--plan", str(REAL_PLAN), *args)
    assert result.exit_code == 2
    assert message in result.stderr


def test_no_plan_is_an_error(dean, tmp_path):
    result = dean("report", "--plan", str(tmp_path / "missing"), "-o", "-")
    assert result.exit_code in (2, 3)
    assert "Traceback" not in result.stderr


def test_embedded_document_is_the_status_document_plus_details(dean):
    page = dean("report", "--plan", str(REAL_PLAN), "--as-of", AS_OF, "-o", "-").stdout
    doc = embedded(page)
    status = json.loads(
        dean("status", "--plan", str(REAL_PLAN), "--as-of", AS_OF, "--format", "json").stdout
    )
    assert doc["kind"] == "report"
    assert doc["version"] == status["version"] == 1
    assert doc["report_version"] == 1
    for key in ("as_of", "pillars", "totals", "tool"):
        assert doc[key] == status[key]
    assert [i["id"] for i in doc["initiatives"]] == list(range(1, 12))
    show = json.loads(
        dean("show", "8", "--plan", str(REAL_PLAN), "--as-of", AS_OF, "--format", "json").stdout
    )
    eight = doc["initiatives"][7]
    for key in ("milestones_list", "indicators", "summary", "notes", "milestones"):
        assert eight[key] == show[key], key
    # sources are written once and referred to by index
    assert [doc["sources"][n] for n in eight["source_refs"]] == show["sources"]
    assert len(doc["sources"]) == len({json.dumps(s) for s in doc["sources"]})
    assert doc["dialogue"]["co_chairs"] == {
        "mx": ["SRE", "SE", "SHCP"],
        "us": ["DOS", "DOC", "USTR"],
    }
    assert doc["findings"]["warnings"] == 0  # the plan's known unknowns are suppressed
    # finding paths are relative to the plan: the page does not depend on where it was built
    assert {f["path"] for f in doc["findings"]["items"]} <= {
        f"initiatives/{p.name}" for p in (REAL_PLAN / "initiatives").iterdir()
    }
    assert doc["provenance"]["dean_version"] == doc["tool"]["version"]
    assert doc["provenance"]["schema_version"] == 1
    labels = embedded(page, "dean-labels")
    assert labels["es"]["timeline"] == "Cronograma" and labels["en"]["timeline"] == "Timeline"
    assert labels["es"].keys() == labels["en"].keys()


def test_content_security_policy_forbids_every_request(dean):
    from deancli.render.views.html import _assets, csp

    page = dean("report", "--plan", str(REAL_PLAN), "--as-of", AS_OF, "-o", "-").stdout
    found = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page)
    policy = html.unescape(found.group(1))
    assert policy.startswith("default-src 'none'; style-src 'sha256-")
    assert policy == csp(*_assets())
    assert "unsafe" not in policy
    # nothing to fetch: no external URL in an attribute that loads something
    assert not re.search(r'\b(src|href)="(?!#|data:)', page.split('id="dean-data"')[0])


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@e.x", *args],
        cwd=cwd,
        check=True,
        capture_output=True,
    )


def test_provenance_from_git(dean, plan_copy):
    root = plan_copy.parent
    out = lambda: embedded(dean("report", "--as-of", AS_OF, "-o", "-").stdout)["provenance"]  # noqa: E731
    assert out()["git"] is None
    _git(root, "init", "-q")
    _git(root, "add", "plan")
    _git(root, "commit", "-q", "-m", "plan")
    sha = subprocess.run(
        ["git", "rev-parse", "HEAD"], cwd=root, capture_output=True, text=True, check=True
    ).stdout.strip()
    assert out()["git"] == {"commit": sha, "dirty": False}
    (plan_copy / "initiatives" / "99-new.yaml").write_text("schema_version: 1\n", "utf-8")
    assert out()["git"] == {"commit": sha, "dirty": True}
    page = dean("report", "--as-of", AS_OF, "-o", "-").stdout
    assert f"commit {sha[:12]}" in page
    assert "with uncommitted changes in the working tree" in page


def test_hostile_plan_text_is_escaped_in_the_source(dean, tmp_path):
    plan = make_hostile_plan(tmp_path)
    result = dean("report", "--plan", str(plan), "--as-of", AS_OF, "-o", "-")
    assert result.exit_code == 0, result.stderr
    page = result.stdout
    for marker in HOSTILE_MARKERS:
        assert marker not in page, marker
    # exactly our three script elements, our one style element
    assert page.count("<script") == 3
    assert page.count("</script>") == 3
    assert page.count("<style") == 1
    assert "\u202e" not in page  # bidi controls become visible escapes
    doc = embedded(page)  # and the data still parses, with the text intact
    assert "<script>" in json.dumps(doc, ensure_ascii=False)


def test_unwritable_directory_is_an_error_without_traceback(dean, tmp_path):
    import os

    if os.geteuid() == 0:
        pytest.skip("root writes anywhere")
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    result = dean("report", "--plan", str(REAL_PLAN), "-o", str(locked / "r.html"))
    assert result.exit_code == 3
    assert result.stderr.startswith("dean: error: cannot write")
