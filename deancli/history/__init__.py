"""The plan through git: revisions materialised from git alone, and what changed between two
plans (``dean diff``, ``validate --changed-since``).

May import: ``deancli.views``, ``deancli.check``, ``deancli.plan``, ``deancli.base``. Never
typer, click or rich.
"""
