"""Pure-Python heart of StoreBrowser: types, errors, capabilities, ranges, names, safe paths.

Rule (enforced by tests/test_dependency_rules.py): nothing here imports Qt, an SDK, or any
other StoreBrowser package.
"""
