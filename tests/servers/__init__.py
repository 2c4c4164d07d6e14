"""Real storage servers (Swift all-in-one, Azurite, moto) for integration tests and benches.

Use them from pytest through ``tests.servers.fixtures`` or directly with the ``start_*()``
functions of each module; every handle is a context manager that stops its processes.
"""
