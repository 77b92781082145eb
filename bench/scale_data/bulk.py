"""Writing many rows at once: PostgreSQL's COPY, or batched inserts elsewhere.

Rows never carry their primary key, so the database assigns every id from its own
sequence and later ordinary inserts continue after them.
"""

import json
from collections.abc import Iterable, Sequence
from itertools import islice

from django.db import connection, models

BATCH_SIZE = 5_000
COPY_BATCH_SIZE = 100_000


def insert_rows(
    model: type[models.Model], *, fields: Sequence[str], rows: Iterable[tuple]
) -> int:
    """Insert `rows` (values in the order of `fields`, attribute names such as
    `trainee_id`); every non-null column without a value must be in `fields`."""
    if connection.vendor == "postgresql":
        return _copy(model, fields=fields, rows=rows)
    count = 0
    batch = []
    for row in rows:
        batch.append(model(**dict(zip(fields, row, strict=True))))
        if len(batch) >= BATCH_SIZE:
            count += len(model.objects.bulk_create(batch))
            batch = []
    return count + len(model.objects.bulk_create(batch))


def _copy(
    model: type[models.Model], *, fields: Sequence[str], rows: Iterable[tuple]
) -> int:
    """COPY in batches: the rows may come from queries, which cannot run on the
    connection while a COPY is open."""
    quote = connection.ops.quote_name
    columns = ", ".join(quote(model._meta.get_field(name).column) for name in fields)
    statement = f"COPY {quote(model._meta.db_table)} ({columns}) FROM STDIN"
    rows = iter(rows)
    count = 0
    while batch := list(islice(rows, COPY_BATCH_SIZE)):
        with connection.cursor() as cursor, cursor.cursor.copy(statement) as copy:
            for row in batch:
                copy.write_row(
                    [json.dumps(value) if isinstance(value, dict | list) else value
                     for value in row]
                )  # fmt: skip
        count += len(batch)
    return count
