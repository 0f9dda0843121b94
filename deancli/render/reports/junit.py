"""JUnit XML for CI dashboards (documented in docs/output.md).

One test case per plan file; a file fails when it has a finding at or above the failing
severity (errors; warnings too with --strict), and then carries exactly one ``<failure>``
listing every such finding, one per line. Lower findings are listed in the suite's
``<system-out>``. The document validates against both the schema Jenkins' xUnit plugin uses
(junit-10.xsd) and Apache Ant's (which allows no output inside a test case and at most one
failure per case), and its counts are the ones junitparser and other tools recount from the
test cases.
"""

from __future__ import annotations

import datetime as dt
import os
import socket
import xml.etree.ElementTree as ET
from collections import defaultdict

from deancli import __version__
from deancli.base.diagnostics import Diagnostic, Severity
from deancli.base.textsafe import plural, safe
from deancli.check.result import CheckResult
from deancli.render.reports.base import StreamReporter

CLASSNAME = "dean.validate"


def _line(d: Diagnostic) -> str:
    loc = d.location
    where = safe(loc.path)
    if loc.line is not None:
        where += f":{loc.line}:{loc.column or 1}"
    hint = f" (help: {safe(d.hint)})" if d.hint else ""
    return f"{where}: {d.severity.label}[{d.code}] {d.name}: {safe(d.message)}{hint}"


def _seconds(ms: int) -> str:
    """Milliseconds as seconds with three decimals (both schemas' time types accept it)."""
    return f"{ms // 1000}.{ms % 1000:03d}"


def _shares(elapsed: float, n: int) -> list[int]:
    """The check's time in milliseconds, shared evenly among ``n`` files: files are checked
    together (cross-file rules), so no file has a time of its own. The shares add up to the
    suite's time exactly, so a reader that recounts the suite from its cases (junitparser)
    gets the same time."""
    total = max(0, round(elapsed * 1000))
    base, extra = divmod(total, max(n, 1))
    return [base + (i < extra) for i in range(n)]


def _timestamp() -> str:
    """When the report is written, in UTC: ``YYYY-MM-DDTHH:MM:SS`` (Ant allows no zone).
    SOURCE_DATE_EPOCH, when set, fixes it for reproducible artefacts."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        when = dt.datetime.fromtimestamp(int(epoch), dt.UTC)
    else:
        when = dt.datetime.now(dt.UTC)
    return when.strftime("%Y-%m-%dT%H:%M:%S")


def _hostname() -> str:
    return safe(socket.gethostname()).strip() or "localhost"


def _failure_message(failing: list[Diagnostic]) -> str:
    if len(failing) == 1:
        return safe(failing[0].message)
    errors = sum(d.severity == Severity.ERROR for d in failing)
    parts = []
    if errors:
        parts.append(plural(errors, "error"))
    if len(failing) - errors:
        parts.append(plural(len(failing) - errors, "warning"))
    return " and ".join(parts)


def document(result: CheckResult, *, strict: bool = False) -> ET.Element:
    threshold = Severity.WARNING if strict else Severity.ERROR
    by_file: dict[str, list[Diagnostic]] = defaultdict(list)
    for d in result.diagnostics:
        by_file[d.location.path].append(d)
    files = list(result.files) or sorted(by_file)
    for path in by_file:
        if path not in files:
            files.append(path)
    # Ant's schema: package and id are required on a testsuite inside testsuites, and the
    # children come in this order: properties, testcase*, system-out, system-err.
    suite = ET.Element(
        "testsuite",
        name="dean validate",
        package=CLASSNAME,
        id="0",
        timestamp=_timestamp(),
        hostname=_hostname(),
    )
    properties = ET.SubElement(suite, "properties")
    for name, value in (
        ("dean.version", __version__),
        ("plan", safe(result.plan_root)),
        ("as_of", result.as_of.isoformat()),
        ("strict", "true" if strict else "false"),
    ):
        ET.SubElement(properties, "property", name=name, value=value)
    failures = 0
    below: list[str] = []
    times = _shares(result.elapsed, len(files))
    for path, ms in zip(files, times, strict=True):
        case = ET.SubElement(
            suite, "testcase", name=safe(path), classname=CLASSNAME, time=_seconds(ms)
        )
        failing = [d for d in by_file.get(path, []) if d.severity >= threshold]
        below += [_line(d) for d in by_file.get(path, []) if d.severity < threshold]
        if failing:
            failures += 1
            codes = sorted({d.code for d in failing})
            failure = ET.SubElement(
                case, "failure", type=" ".join(codes), message=_failure_message(failing)
            )
            failure.text = "\n".join(_line(d) for d in failing)
    ET.SubElement(suite, "system-out").text = "\n".join(below)
    ET.SubElement(suite, "system-err").text = ""
    suite.set("tests", str(len(files)))
    suite.set("failures", str(failures))
    suite.set("errors", "0")
    suite.set("skipped", "0")
    suite.set("time", _seconds(sum(times)))
    # Ant's schema allows no attributes on testsuites; readers count from the suite
    root = ET.Element("testsuites")
    root.append(suite)
    return root


class JunitReporter(StreamReporter):
    def report(self, result: CheckResult) -> None:
        root = document(result, strict=self.strict)
        ET.indent(root)
        self.out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        # "##[" would be a legacy workflow command in a CI log; "&#91;" is the same "[" in XML
        self.out.write(ET.tostring(root, encoding="unicode").replace("##[", "##&#91;"))
        self.out.write("\n")
