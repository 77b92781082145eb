"""SQLite for the test suite: Django's own backend, except that its flush lifts the
append-only DELETE triggers while it empties the tables.

Only `academy.settings.test` names this backend, so production's SQLite refuses
every DELETE on an append-only table (`academy.append_only` explains why the test
suite needs this and production has no such way round).
"""

from django.db.backends.sqlite3 import base

from academy.append_only import sqlite_delete_triggers


class DatabaseOperations(base.DatabaseOperations):
    def sql_flush(self, style, tables, *, reset_sequences=False, allow_cascade=False):
        statements = super().sql_flush(
            style, tables, reset_sequences=reset_sequences, allow_cascade=allow_cascade
        )
        if not statements:
            return statements
        with self.connection.cursor() as cursor:
            triggers = sqlite_delete_triggers(cursor)
        # Run in one transaction by `execute_sql_flush`: the triggers are back before
        # anything else can write.
        return [
            *(f"DROP TRIGGER {self.quote_name(name)};" for name, _ in triggers),
            *statements,
            *(f"{sql};" for _, sql in triggers),
        ]


class DatabaseWrapper(base.DatabaseWrapper):
    ops_class = DatabaseOperations
