from tests.trainers.conftest import network  # noqa: F401 - shared network fixture
