"""Storage providers: one package per service, each mapping its SDK onto
``storebrowser.providers.base.Provider``.

Each package registers its kind in ``kind.py`` (``registry``): connection fields and what
the rest of the app asks of a kind (container-name rules, website container, the
service's own command line), so nothing outside providers switches on a kind's name.

Rules (tests/test_dependency_rules.py): import ``storebrowser.core`` and the SDK only,
never Qt; import the SDK lazily (inside the provider module, not in ``__init__``) so the
registry can describe every kind without loading boto3 or the Azure SDK.
"""
