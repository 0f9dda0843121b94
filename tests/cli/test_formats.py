"""The machine formats checked against what reads them: JUnit against Jenkins' (xUnit) and
Apache Ant's schemas and junitparser's recount; SARIF against the OASIS schema with format
checking and GitHub code scanning's table of properties; workflow annotations through a
parser written from the Actions runner's ActionCommand.TryParseV2."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

import jsonschema
import junitparser
import pytest
from lxml import etree

from deancli.base.textsafe import safe
from deancli.check.codes import all_codes, documentation
from tests.conftest import AS_OF, REAL_PLAN, REPO, edit, with_missing_leads
from tests.hostile import CORPUS, SPECIAL, materialise

DATA = REPO / "tests" / "data"
FORGED = '"::error file=x,line=1::forged%0A##[warning]legacy\\n::warning::after-newline"'


def _break(plan: Path) -> None:
    """Three errors and twelve warnings: the plan the issue was checked with (its missing
    leads no longer suppressed)."""
    for path in (plan / "initiatives").glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("  # dean: ignore[missing-lead] --", "  #"), encoding="utf-8")
    edit(plan / "initiatives/09-innovation-creativity-campaign.yaml", "us: [DOC]\n", "us: [DCO]\n")
    edit(plan / "initiatives/11-technical-training.yaml", "due: 2024-03-31\n", "due: 2024-02-30\n")
    edit(
        plan / "initiatives/08-digital-cooperation-privacy-rules.yaml", "pillar: 3\n", "pillar: 9\n"
    )


def _hostile(plan: Path, tmp: Path) -> None:
    """Every file of the hostile corpus as an initiative, and hostile values in a real one."""
    for i, name in enumerate(sorted(CORPUS) + [s for s in SPECIAL if s != "fifo"]):
        materialise(name, plan / "initiatives" / f"{30 + i}-{name}.yaml", tmp)
    path = plan / "initiatives/08-digital-cooperation-privacy-rules.yaml"
    edit(path, "  en: Digital cooperation on border privacy regulations\n", f"  en: {FORGED}\n")
    edit(
        path,
        "us: []  # ",
        f"us: [{FORGED}, 'a,b:c%0Ad%25e']  # ",
    )
    # more findings than a file may list: a note (DEAN015) about the whole file
    unknown = ", ".join(f"nosuch-{i}" for i in range(130))
    path = plan / "initiatives/10-entrepreneurs-msmes.yaml"
    edit(path, "status_sources: [logisticsworld-2023-10]", f"status_sources: [{unknown}]")


# ---------------------------------------------------------------- JUnit


def _schema(name: str) -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(DATA / name)))


@pytest.mark.parametrize("strict", [False, True])
@pytest.mark.parametrize("xsd", ["junit-10.xsd", "junit-ant.xsd"])
def test_junit_validates_against_jenkins_and_ant_schemas(dean, plan_copy, tmp_path, xsd, strict):
    _break(plan_copy)
    _hostile(plan_copy, tmp_path)
    args = ["validate", "-f", "junit", "--as-of", AS_OF, *(["--strict"] if strict else [])]
    result = dean(*args)
    assert result.exit_code == 1
    schema = _schema(xsd)
    doc = etree.fromstring(result.stdout.encode())
    assert schema.validate(doc), schema.error_log


def test_the_schemas_reject_what_dean_used_to_write():
    """The schema tests can fail: a file attribute and output inside a test case."""
    old = (
        '<testsuites><testsuite name="s" tests="1" failures="1" errors="0">'
        '<testcase name="a" classname="c" file="a"><failure type="X" message="m">t</failure>'
        "<failure type='Y'/><system-out>w</system-out></testcase></testsuite></testsuites>"
    )
    assert not _schema("junit-10.xsd").validate(etree.fromstring(old))
    assert not _schema("junit-ant.xsd").validate(etree.fromstring(old))


@pytest.mark.parametrize("strict", [False, True])
def test_junitparser_recounts_what_dean_counts(dean, plan_copy, strict):
    _break(plan_copy)
    args = ["validate", "-f", "junit", "--as-of", AS_OF, *(["--strict"] if strict else [])]
    text = dean(*args).stdout
    suite = etree.fromstring(text.encode()).find("testsuite")
    assert suite is not None
    written = {k: suite.get(k) for k in ("tests", "failures", "errors", "skipped", "time")}
    xml = junitparser.JUnitXml.fromstring(text.encode())
    xml.update_statistics()  # what a reader that recounts does: from the test cases
    (parsed,) = list(xml)
    assert written == {
        "tests": str(parsed.tests),
        "failures": str(parsed.failures),
        "errors": str(parsed.errors),
        "skipped": str(parsed.skipped),
        "time": f"{parsed.time:.3f}",
    }
    # with --strict: 3 errors and 12 warnings fail 8 files; without: 3 errors fail 3 files
    assert (xml.tests, xml.failures) == ((13, 8) if strict else (13, 3))
    findings = 15 if strict else 3
    failures = [c.result[0] for c in parsed if c.result]
    assert all(len(c.result) <= 1 for c in parsed)
    assert sum(len(f.text.splitlines()) for f in failures) == findings


def test_junit_one_failure_lists_every_finding_of_a_file(dean, plan_copy):
    _break(plan_copy)
    strict = dean("validate", "-f", "junit", "--as-of", AS_OF, "--strict").stdout
    root = etree.fromstring(strict.encode())
    case = root.find(".//testcase[@name='plan/initiatives/11-technical-training.yaml']")
    (failure,) = case.findall("failure")
    assert failure.get("type") == "DEAN105 DEAN211"
    assert failure.get("message") == "1 error and 2 warnings"
    assert failure.text.splitlines() == [
        "plan/initiatives/11-technical-training.yaml:17:3: warning[DEAN211] missing-lead: no "
        "Mexican lead for initiative 11 (help: add the lead's organization id when a source "
        "names it)",
        "plan/initiatives/11-technical-training.yaml:18:3: warning[DEAN211] missing-lead: no "
        "U.S. lead for initiative 11 (help: add the lead's organization id when a source "
        "names it)",
        "plan/initiatives/11-technical-training.yaml:34:10: error[DEAN105] invalid-date: "
        "`2024-02-30` is not a real date (help: check the month and day; write YYYY-MM-DD)",
    ]
    # without --strict the warnings are in the suite's output, not lost
    root = etree.fromstring(dean("validate", "-f", "junit", "--as-of", AS_OF).stdout.encode())
    out = root.find("testsuite/system-out").text
    assert "11-technical-training.yaml:17:3: warning[DEAN211]" in out
    assert len(out.splitlines()) == 12


def test_junit_time_and_timestamp(dean, plan_copy):
    result = dean("validate", "-f", "junit", "--as-of", AS_OF, env={"SOURCE_DATE_EPOCH": "0"})
    suite = etree.fromstring(result.stdout.encode()).find("testsuite")
    assert suite.get("timestamp") == "1970-01-01T00:00:00"
    assert suite.get("hostname")
    assert re.fullmatch(r"\d+\.\d{3}", suite.get("time"))
    times = [c.get("time") for c in suite.findall("testcase")]
    assert all(re.fullmatch(r"\d+\.\d{3}", t) for t in times)
    assert sum(round(float(t) * 1000) for t in times) == round(float(suite.get("time")) * 1000)
    now = dean("validate", "-f", "junit", "--as-of", AS_OF).stdout
    stamp = etree.fromstring(now.encode()).find("testsuite").get("timestamp")
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d", stamp)
    assert stamp[:4] >= "2025"


# ---------------------------------------------------------------- SARIF


def _sarif(dean: Any, *args: str) -> dict[str, Any]:
    result = dean("validate", "-f", "sarif", "--as-of", AS_OF, *args)
    assert result.exit_code in (0, 1), result.stderr
    doc: dict[str, Any] = json.loads(result.stdout)
    return doc


def _validate_with_formats(doc: dict[str, Any]) -> None:
    schema = json.loads((DATA / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    # the SARIF schema is draft-04 but uses draft-06's uri-reference: check every format
    checker = jsonschema.FormatChecker()
    # the format checks really run (rfc3986-validator is a test dependency)
    assert not checker.conforms("a b#c%", "uri-reference")
    assert not checker.conforms("x:y z", "uri")
    jsonschema.Draft4Validator(schema, format_checker=checker).validate(doc)


def _region_complete(region: dict[str, int]) -> None:
    assert set(region) >= {"startLine", "startColumn", "endLine", "endColumn"}, region
    assert all(v >= 1 for v in region.values()), region
    start = (region["startLine"], region["startColumn"])
    assert (region["endLine"], region["endColumn"]) >= start, region


def test_sarif_meets_the_schema_and_githubs_table(dean, plan_copy, tmp_path):
    """Each row of "SARIF support for code scanning" (docs.github.com) marked required or
    recommended, and its limits."""
    _break(plan_copy)
    _hostile(plan_copy, tmp_path)
    doc = _sarif(dean)
    _validate_with_formats(doc)
    # sarifLog
    assert doc["$schema"] and doc["version"] == "2.1.0"
    assert 1 <= len(doc["runs"]) <= 20
    (run,) = doc["runs"]
    # run / toolComponent
    driver = run["tool"]["driver"]
    assert driver["name"] == "dean" and driver["rules"]
    assert len(driver["rules"]) <= 25_000
    docs = documentation()
    for rule in driver["rules"]:
        assert rule["id"] and len(rule["name"]) <= 255
        short, full = rule["shortDescription"]["text"], rule["fullDescription"]["text"]
        assert short and full and short != full
        assert len(short) <= 1024 and len(full) <= 1024
        assert rule["defaultConfiguration"]["level"] in ("note", "warning", "error")
        # help from the one documentation source, as text and Markdown
        assert docs[rule["id"]] in rule["help"]["text"]
        assert docs[rule["id"]] in rule["help"]["markdown"]
        assert rule["help"]["text"].startswith(f"{rule['id']} {rule['name']} (")
        props = rule["properties"]
        assert props["precision"] in ("very-high", "high", "medium", "low")
        assert props["problem.severity"] in ("error", "warning", "recommendation")
        assert 1 <= len(props["tags"]) <= 10
    ids = [r["id"] for r in driver["rules"]]
    # results
    results = run["results"]
    assert len(results) > 100
    assert len(results) <= 25_000
    codes = {r["ruleId"] for r in results}
    assert {"DEAN003", "DEAN009", "DEAN012", "DEAN015", "DEAN204"} <= codes
    for r in results:
        assert ids[r["ruleIndex"]] == r["ruleId"]
        assert r["message"]["text"]
        assert 1 <= len(r["locations"]) <= 10
        assert r["partialFingerprints"]["primaryLocationLineHash"]
        for loc in r["locations"] + r.get("relatedLocations", []):
            physical = loc["physicalLocation"]
            assert physical["artifactLocation"]["uriBaseId"] == "SRCROOT"
            assert not urlsplit(physical["artifactLocation"]["uri"]).scheme
            _region_complete(physical["region"])
    fingerprints = [r["partialFingerprints"]["primaryLocationLineHash"] for r in results]
    assert len(set(fingerprints)) == len(fingerprints)


def test_sarif_regions_for_whole_files_lines_and_spans(dean, plan_copy):
    _break(plan_copy)
    (plan_copy / "initiatives" / "30-empty.yaml").write_bytes(b"")
    (plan_copy / "initiatives" / "31-latin1.yaml").write_bytes(
        "id: 31\nx: café\n".encode("latin-1")
    )
    run = _sarif(dean)["runs"][0]

    def regions(code: str) -> list[dict[str, int]]:
        return [
            r["locations"][0]["physicalLocation"]["region"]
            for r in run["results"]
            if r["ruleId"] == code
        ]

    assert regions("DEAN009") == [
        {"startLine": 1, "startColumn": 1, "endLine": 1, "endColumn": 1}
    ]  # an empty file
    # `us: [DCO]`: the three characters of DCO, endColumn just past them (as in JSON)
    assert regions("DEAN204") == [
        {"startLine": 17, "startColumn": 8, "endLine": 17, "endColumn": 11}
    ]
    for r in regions("DEAN003"):
        _region_complete(r)


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


@pytest.mark.parametrize("in_git", [True, False])
def test_sarif_uris_are_relative_to_the_repository_and_encoded(dean, tmp_path, monkeypatch, in_git):
    repo = tmp_path / "repo"
    plan = repo / "docs and data #1 %25 ñ:x" / "plan"
    shutil.copytree(REAL_PLAN, plan)
    edit(plan / "initiatives/09-innovation-creativity-campaign.yaml", "us: [DOC]\n", "us: [DCO]\n")
    if in_git:
        _git(repo, "init", "-q")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)  # run from outside: URIs must not depend on it
    doc = _sarif(dean, "--plan", str(plan))
    _validate_with_formats(doc)
    run = doc["runs"][0]
    root = repo if in_git else plan.parent
    base = run["originalUriBaseIds"]["SRCROOT"]["uri"]
    assert base.endswith("/")
    assert Path(unquote(urlsplit(base).path)) == root
    (error,) = [r for r in run["results"] if r["level"] == "error"]
    artifact = error["locations"][0]["physicalLocation"]["artifactLocation"]
    assert artifact["uriBaseId"] == "SRCROOT"
    expected = "plan/initiatives/09-innovation-creativity-campaign.yaml"
    if in_git:
        assert artifact["uri"] == "docs%20and%20data%20%231%20%2525%20%C3%B1%3Ax/" + expected
    else:
        assert artifact["uri"] == expected
    # the URI resolved against its base names the file
    target = Path(unquote(urlsplit(urljoin(base, artifact["uri"])).path))
    assert target == plan / "initiatives/09-innovation-creativity-campaign.yaml"
    assert target.is_file()


def _fingerprints(doc: dict[str, Any]) -> dict[str, tuple[str, int]]:
    return {
        r["partialFingerprints"]["primaryLocationLineHash"]: (
            r["ruleId"],
            r["locations"][0]["physicalLocation"]["region"]["startLine"],
        )
        for r in doc["runs"][0]["results"]
    }


def test_fingerprints_survive_dean_fmt_moving_lines(dean, plan_copy, tmp_path, monkeypatch):
    path = plan_copy / "initiatives/09-innovation-creativity-campaign.yaml"
    edit(path, "us: [DOC]\n", "us: [DCO]\n")
    text = path.read_text(encoding="utf-8")
    block = text[text.index("title_provenance:\n") : text.index("announced:")]
    path.write_text(text.replace(block, "") + block, encoding="utf-8")  # out of order
    before = _fingerprints(_sarif(dean))
    assert dean("fmt").exit_code == 0
    assert path.read_text(encoding="utf-8").index("title_provenance:") < 400
    after = _fingerprints(_sarif(dean))
    assert before.keys() == after.keys()
    moved = [k for k in before if before[k] != after[k]]
    assert {before[k][0] for k in moved} == {"DEAN204"}  # the lines did move
    assert all(after[k][1] == before[k][1] + 3 for k in moved)
    # and they do not depend on where dean runs from
    monkeypatch.chdir(plan_copy / "initiatives")
    assert _fingerprints(_sarif(dean, "--plan", str(plan_copy))).keys() == after.keys()


def test_sarif_results_are_capped_for_github(dean, plan_copy, monkeypatch):
    from deancli.render.reports import sarif

    _break(plan_copy)
    full = _sarif(dean)["runs"][0]
    monkeypatch.setattr(sarif, "MAX_RESULTS", 4)
    doc = _sarif(dean)
    _validate_with_formats(doc)
    run = doc["runs"][0]
    assert len(run["results"]) == 4
    assert [r["level"] for r in run["results"]].count("error") == 3  # errors kept first
    (note,) = run["invocations"][0]["toolExecutionNotifications"]
    assert note["message"]["text"].startswith(f"{len(full['results']) - 4} of 15 results")
    assert "invocations" in full and "toolExecutionNotifications" not in full["invocations"][0]


def test_every_rule_has_a_distinct_full_description():
    from deancli.render.reports.sarif import _rule

    for c in all_codes():
        rule = _rule(c)
        assert rule["fullDescription"]["text"] != rule["shortDescription"]["text"]


@pytest.mark.parametrize("code", ["DEAN001", "DEAN015", "DEAN204"])
def test_sarif_help_is_what_dean_explain_prints(dean, in_repo, code):
    rules = _sarif(dean)["runs"][0]["tool"]["driver"]["rules"]
    (rule,) = [r for r in rules if r["id"] == code]
    assert rule["help"]["text"] + "\n" == dean("explain", code).stdout


# ---------------------------------------------------------------- annotations

# A reading of actions/runner (src/Runner.Common/ActionCommand.cs, TryParseV2; written from
# its source, not copied): the line, trimmed at the start, must begin with "::"; the command
# info runs to the next "::"; its name ends at the first space; properties are split on ","
# (empty entries dropped), each on the first "=" (both sides non-empty), and unescaped in
# the order %0D %0A %3A %2C %25; the data after the "::" is unescaped %0D %0A %25.

_PROPERTY_ESCAPES = (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%"))
_DATA_ESCAPES = (("%0D", "\r"), ("%0A", "\n"), ("%25", "%"))
_COMMANDS = {"error", "warning", "notice", "group", "endgroup", "debug", "add-mask", "echo"}


def _unescape(text: str, table: tuple[tuple[str, str], ...]) -> str:
    for escaped, raw in table:
        text = text.replace(escaped, raw)
    return text


def parse_command(line: str) -> tuple[str, dict[str, str], str] | None:
    message = line.lstrip()
    if not message.startswith("::"):
        return None
    end = message.find("::", 2)
    if end < 0:
        return None
    info = message[2:end]
    name, _, props_text = info.partition(" ")
    if name not in _COMMANDS:
        return None
    props: dict[str, str] = {}
    for item in props_text.strip().split(","):
        key, sep, value = item.partition("=")
        if item and sep and key and value:
            props[key.lower()] = _unescape(value, _PROPERTY_ESCAPES)
    return name, props, _unescape(message[end + 2 :], _DATA_ESCAPES)


def _expected_message(d: dict[str, Any]) -> str:
    text = safe(d["message"])
    if d["hint"]:
        text += "\nhelp: " + safe(d["hint"])
    for rel in d["related"]:
        where = safe(rel["path"])
        if rel["line"] is not None:
            where += f":{rel['line']}:{rel['column'] or 1}"
        text += f"\nnote: {safe(rel['message'])} at {where}"
    return text


def test_runner_parser_reads_documented_examples():
    """The parser agrees with the runner's own test cases (ActionCommandL0)."""
    assert parse_command("::warning line=1,endLine=2,col=1,endColumn=2::this is a warning") == (
        "warning",
        {"line": "1", "endline": "2", "col": "1", "endcolumn": "2"},
        "this is a warning",
    )
    assert parse_command("  ::error file=a%2Cb%3A%250A.yaml::x%250Ay%0Az") == (
        "error",
        {"file": "a,b:%0A.yaml"},
        "x%0Ay\nz",
    )
    assert parse_command("::forged x=1::y") is None
    assert parse_command("text ::error::x") is None


def test_annotations_round_trip_through_the_runner_parser(dean, tmp_path, monkeypatch):
    hostile = tmp_path / "a,b:c%0Ad%25e=f::g ##[x]"
    plan = hostile / "plan"
    shutil.copytree(REAL_PLAN, plan)
    _break(plan)
    _hostile(plan, tmp_path)
    monkeypatch.chdir(tmp_path)
    where = ["--plan", str(plan.relative_to(tmp_path)), "--as-of", AS_OF]
    diags = json.loads(dean("validate", "-f", "json", *where).stdout)["diagnostics"]
    out = dean("validate", "-f", "github", *where).stdout
    commands = [parse_command(line) for line in out.splitlines()]
    assert all(
        c is None or c[0] in ("error", "warning", "notice", "group", "endgroup") for c in commands
    )
    annotations = [c for c in commands if c and c[0] in ("error", "warning", "notice")]
    assert len(annotations) == len(diags) > 100
    level = {"error": "error", "warning": "warning", "info": "notice"}
    for (kind, props, data), d in zip(annotations, diags, strict=True):
        assert kind == level[d["severity"]]
        assert props["file"] == safe(d["path"])
        assert props["file"].startswith("a,b:c%0Ad%25e=f::g ##[x]/plan/")
        assert props["title"] == f"dean {d['code']} {d['name']}"
        assert data == _expected_message(d)
        if d["line"] is None:
            assert "line" not in props and "col" not in props
            continue
        assert props["line"] == str(d["line"])
        if "col" in props:  # columns only on one line, endColumn the last character
            assert props["endline"] == props["line"]
            assert props["col"] == str(d["column"])
            assert int(props["col"]) <= int(props["endcolumn"])
            if d["end_line"] == d["line"] and d["end_column"] is not None:
                assert int(props["endcolumn"]) == max(d["column"], d["end_column"] - 1)
    groups = [c[2] for c in commands if c and c[0] == "group"]
    assert groups == sorted(set(groups), key=groups.index)  # one group per file
    unknown = [line for line in out.splitlines() if "##[" in line and parse_command(line) is None]
    assert unknown == []  # nothing the legacy "##[" parser could read outside a command


def test_annotation_end_column_is_the_last_character(dean, plan_copy):
    _break(plan_copy)
    out = dean("validate", "-f", "github", "--as-of", AS_OF).stdout
    (line,) = [x for x in out.splitlines() if "DEAN204" in x]
    _, props, _ = parse_command(line)
    # `us: [DCO]`: D at column 8, O at column 10 (SARIF and JSON say 11, just past it)
    assert (props["line"], props["col"], props["endline"], props["endcolumn"]) == (
        "17",
        "8",
        "17",
        "10",
    )


def test_sarif_lists_suppressed_findings_only_when_asked(dean, tmp_path):
    """The real plan's inline suppressions become SARIF ``suppressions`` (inSource, with the
    reason) under --show-suppressed; by default they are not results at all."""
    plain = _sarif(dean, "--plan", str(REAL_PLAN))
    assert plain["runs"][0]["results"] == []
    doc = _sarif(dean, "--plan", str(REAL_PLAN), "--show-suppressed")
    _validate_with_formats(doc)
    results = doc["runs"][0]["results"]
    assert len(results) == 31
    for r in results:
        (sup,) = r["suppressions"]
        assert sup["kind"] == "inSource" and sup["status"] == "accepted"
        assert sup["justification"]
        physical = sup["location"]["physicalLocation"]
        assert (
            physical["artifactLocation"]["uri"]
            == r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        )
        assert (
            physical["region"]["startLine"]
            <= r["locations"][0]["physicalLocation"]["region"]["startLine"]
        )
    fingerprints = [r["partialFingerprints"]["primaryLocationLineHash"] for r in results]
    assert len(set(fingerprints)) == len(fingerprints)


def test_sarif_baseline_entries_are_external_suppressions(dean, tmp_path):
    plan = with_missing_leads(tmp_path / "plan")
    baseline = tmp_path / "base.json"
    wrote = dean(
        "validate", "--plan", str(plan), "--as-of", AS_OF, "--write-baseline", str(baseline)
    )
    assert wrote.exit_code == 0, wrote.stderr
    doc = _sarif(dean, "--plan", str(plan), "--baseline", str(baseline), "--show-suppressed")
    _validate_with_formats(doc)
    kinds = {r["suppressions"][0]["kind"] for r in doc["runs"][0]["results"]}
    assert kinds == {"external", "inSource"}
    external = [r for r in doc["runs"][0]["results"] if r["suppressions"][0]["kind"] == "external"]
    assert len(external) == 12
    for r in external:
        location = r["suppressions"][0]["location"]["physicalLocation"]
        assert "region" not in location
        assert location["artifactLocation"]["uri"].endswith("base.json")
