"""The plan through git: revisions materialised from git alone (``git``), what changed
between two plans (``diff``: ``dean diff``, ``validate --changed-since``), and how the plan
moved over time (``dean history``: ``log``, ``catfile``, ``blobs``, ``cache``, ``series``,
``events``, ``tables``, ``jsondoc``).

May import: ``deancli.views``, ``deancli.check``, ``deancli.plan``, ``deancli.base``. Never
typer, click or rich.
"""
