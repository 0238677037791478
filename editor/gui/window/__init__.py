"""The window chrome: the main window that hosts the features, its status bar, the View menu, Preferences, icons and themes."""
