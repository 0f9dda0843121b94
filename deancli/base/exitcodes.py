"""dean's exit codes: documented in README.md and stable. Their own module so that the
command line can name them without importing the diagnostic model at start-up."""

EXIT_OK = 0  # no finding at or above the threshold
EXIT_FINDINGS = 1  # findings (or an edit refused)
EXIT_USAGE = 2  # bad arguments or options
EXIT_ERROR = 3  # dean could not do its job (no plan, internal error)
EXIT_INTERRUPTED = 130  # Ctrl-C
