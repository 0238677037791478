"""Getting a document out of the window: export to Word (plain or official), PDF, printing and print preview, and the official-font report."""
