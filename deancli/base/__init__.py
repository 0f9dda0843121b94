"""Foundation shared by every stage: expected errors, exit codes, the diagnostic model,
text escaping, "did you mean" suggestions, translated labels, and where the embedded plan and
schemas live.

Imports only the standard library. Every other package may import it.
"""
