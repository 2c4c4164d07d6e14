"""Find anything below a place, and what a folder holds: the engine, without Qt.

``criteria`` parses what the user asked for (one clear line when it is wrong),
``walk`` lists everything below a place on a few connections side by side, ``search``
streams the matches page by page, ``stats`` adds up a folder.
"""
