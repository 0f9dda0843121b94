"""Rendering: the only package that imports rich. ``reports`` holds the reporters of
``dean validate`` and ``views`` the renderers of the views (status, show, timeline, diff,
report: HTML through Jinja2 templates in ``views/templates/``), each behind a registry; the
modules at this level are what both share (console set-up, the pager, JSON text, CI
fencing, the progress bar).

May import: ``deancli.history``, ``deancli.views``, ``deancli.edit``, ``deancli.check``,
``deancli.plan``, ``deancli.base``, and rich. Never typer or click.
"""
