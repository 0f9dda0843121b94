"""dean: the DEAN/HLED work plan as data."""

# The one place the version lives: the build reads it (pyproject.toml), `dean --version` and
# every machine output print it, and a release tag must equal it (docs/releasing.md).
__version__ = "0.1.0"

# The `schema_version` of the plan files this dean reads (schemas/*.schema.json).
PLAN_SCHEMA_VERSION = 1
