"""Where the window is: the accounts tree with containers and folders (``tree_model``),
the path bar (``pathbar``) and Back/Forward history (``navigation``). A place itself
(``Location``) is plain data in ``storebrowser.core.places``."""
