"""工具 → 简繁转换 in the window: converting the document or the selection as one undo step, the script label and the protected-terms dialog."""
