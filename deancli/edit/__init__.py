"""Editing plan files without losing a byte: the textual splice engine (``dean set``), new
initiative files (``dean new``), canonical layout (``dean fmt``), key orders, and atomic
writes. Every edit is validated with ``deancli.check`` before it is written.

May import: ``deancli.check``, ``deancli.plan``, ``deancli.base``. Never typer, click or rich.
"""
