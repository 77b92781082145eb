"""SQLite for the test suite only (academy.settings.test): see `base`."""
