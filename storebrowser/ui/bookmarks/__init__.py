"""Bookmarks in the window: the tree's section, the menu, Ctrl+D."""
