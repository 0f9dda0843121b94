"""JUnit XML for CI dashboards: one test case per plan file, one failure per finding at or
above the failing severity (errors; warnings too with --strict). Lower findings go to the
test case's system-out."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import defaultdict
from typing import ClassVar, TextIO

from deancli.base.diagnostics import Diagnostic, Severity
from deancli.base.textsafe import safe
from deancli.check.result import CheckResult
from deancli.render.reports.base import ReportOptions


def _line(d: Diagnostic) -> str:
    loc = d.location
    where = safe(loc.path)
    if loc.line is not None:
        where += f":{loc.line}:{loc.column or 1}"
    hint = f" (help: {safe(d.hint)})" if d.hint else ""
    return f"{where}: {d.severity.label}[{d.code}] {d.name}: {safe(d.message)}{hint}"


def document(result: CheckResult, *, strict: bool = False) -> ET.Element:
    threshold = Severity.WARNING if strict else Severity.ERROR
    by_file: dict[str, list[Diagnostic]] = defaultdict(list)
    for d in result.diagnostics:
        by_file[d.location.path].append(d)
    files = list(result.files) or sorted(by_file)
    for path in by_file:
        if path not in files:
            files.append(path)
    suite = ET.Element("testsuite", name="dean validate")
    failures = 0
    for path in files:
        case = ET.SubElement(suite, "testcase", name=safe(path), classname="dean.validate")
        case.set("file", safe(path))
        failing = [d for d in by_file.get(path, []) if d.severity >= threshold]
        others = [d for d in by_file.get(path, []) if d.severity < threshold]
        if failing:
            failures += 1
        for d in failing:
            failure = ET.SubElement(case, "failure", type=d.code, message=safe(d.message))
            failure.text = _line(d)
        if others:
            ET.SubElement(case, "system-out").text = "\n".join(_line(d) for d in others)
    suite.set("tests", str(len(files)))
    suite.set("failures", str(failures))
    suite.set("errors", "0")
    suite.set("skipped", "0")
    root = ET.Element(
        "testsuites", name="dean", tests=str(len(files)), failures=str(failures), errors="0"
    )
    root.append(suite)
    return root


class JunitReporter:
    human: ClassVar[bool] = False

    def __init__(
        self,
        out: TextIO,
        *,
        color: bool | None = None,
        strict: bool = False,
        options: ReportOptions = ReportOptions(),  # noqa: B008
    ) -> None:
        self.out = out
        self.strict = strict

    def report(self, result: CheckResult) -> None:
        root = document(result, strict=self.strict)
        ET.indent(root)
        self.out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        # "##[" would be a legacy workflow command in a CI log; "&#91;" is the same "[" in XML
        self.out.write(ET.tostring(root, encoding="unicode").replace("##[", "##&#91;"))
        self.out.write("\n")
