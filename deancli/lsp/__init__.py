"""`dean lsp`: the language server. The plan in memory is the files on disk overlaid with the
editor's open buffers (``documents``); on every change the changed buffer is read through the
same guards as a file and the whole plan is checked again by the checker of `dean validate`
(``diagnostics``), reusing everything the change cannot affect. Completion, hover,
navigation (definition, references) and code actions (quick fixes, suppressions,
formatting) read the same plan. ``server`` wires these to pygls; nothing here writes a file.

May import: ``deancli.render`` (its escaping helpers only), ``deancli.edit``,
``deancli.check``, ``deancli.plan``, ``deancli.base``, pygls and lsprotocol. Never typer,
click or rich; nothing else in dean imports this package or pygls (``dean lsp`` imports it
inside its command body, so ``dean --help`` never loads it).
"""
