"""Reading the plan: discovery of its files, the guarded reader (YAML tree builder over
ruamel's parser), the typed model, the JSON Schemas, and lookups of pillars, organizations
and initiatives by what users type.

May import: ``deancli.base``. Never typer, click or rich.
"""
