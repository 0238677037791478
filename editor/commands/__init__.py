"""Subcommands of the `yuku` command line, one module each."""
