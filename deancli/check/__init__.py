"""Checking the plan: the checker (load → schema → cross-file rules), one rule per module
in ``rules``, the catalogue of codes and the result that owns the exit code.

May import: ``deancli.plan``, ``deancli.base``. Never typer, click or rich.
"""
