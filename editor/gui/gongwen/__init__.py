"""The 公文 features of the window: the 公文要素 side form, the 公文检查 dialog and File → 新建公文.

`parts_form` is the dock that edits the parts (filled from the unit profile in Preferences and from a
DOCX's stored parts), `check_dialog` lists the checker's findings with their place and applies certain
fixes as one undo step, and `actions` installs all of it into the window.
"""
