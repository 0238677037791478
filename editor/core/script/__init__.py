"""Simplified ⇄ traditional script: OpenCC configurations and converters, conversion of run-split paragraphs that keeps every run's format, and the user's protected terms."""
