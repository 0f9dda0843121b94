"""dean: the DEAN/HLED work plan as data."""

__version__ = "0.1.0"
