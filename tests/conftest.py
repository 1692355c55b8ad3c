"""Test setup: Prefect never touches the user's own database, and runs quietly offline."""
import os
import tempfile

# Before anything imports prefect: its settings are read at import.
os.environ["PREFECT_HOME"] = tempfile.mkdtemp(prefix="factflow-prefect-home-")
os.environ.pop("PREFECT_API_URL", None)
os.environ["FACTFLOW_LOCAL_PREFECT_API"] = ""  # never a server a developer left running on port 4200

from flows.prefect_setup import configure  # noqa: E402

configure()

import pytest  # noqa: E402


@pytest.fixture(scope="session")
def prefect_engine():
    """One temporary Prefect server for every engine-backed test (it costs ~13 s to start)."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield
