"""The phrase bank: one SQLite file with its schema, migrations and backups, the user's own edits, the bundled default bank, and the in-memory index the sidebar and suggestions search."""
