"""Getting back what was overwritten or deleted, on any provider with versions: make one
version current again (revert), bring deleted objects back (undelete), and bring a whole
prefix back to what it was at a moment (a plan first, then the plan applied).

Qt-free, on the provider protocol only (``core`` and ``providers``, as ``transfers``).
"""
