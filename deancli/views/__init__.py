"""Views of the plan as plain data: progress semantics (what counts, what is overdue, the
newest evidence), and the status, show, timeline and report views with their JSON documents.

May import: ``deancli.check``, ``deancli.plan``, ``deancli.base``. Never typer, click or rich:
renderers in ``deancli.render.views`` turn these into text.
"""
