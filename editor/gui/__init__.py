"""Yuku's Qt interface: widgets, item models, actions and dialogs."""
