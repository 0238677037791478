"""Word (DOCX) packages: opening them safely, reading them into the document model, writing them back and converting their text in place. Nothing outside this package reads or writes OOXML."""
