"""The providers' fixtures (one connected provider per backend, a fresh container)."""

from tests.providers.conftest import container, provider  # noqa: F401 - fixtures used by name
