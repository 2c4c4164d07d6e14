"""Storage providers: one package per service, each mapping its SDK onto
``storebrowser.providers.base.Provider``.

Rules (tests/test_dependency_rules.py): import ``storebrowser.core`` and the SDK only,
never Qt; import the SDK lazily (inside the provider module, not in ``__init__``) so the
registry can describe every kind without loading boto3 or the Azure SDK.
"""
