"""The roles (auth groups) of the person making a request, read once per request."""

from django.contrib.auth.models import Group
from django.db import connection
from django.http import HttpRequest

from academy.models import User

# Every signed-in page reads this for its navigation, as a fixed statement: the ORM
# took longer to build the join than the database took to answer it.
ROLE_NAMES_SQL = f"""
    SELECT role.name FROM {Group._meta.db_table} role
    JOIN {User.groups.through._meta.db_table} membership
      ON membership.group_id = role.id
    WHERE membership.user_id = %s
"""  # noqa: S608 - table names from the models, the user's id as a parameter


def role_names(request: HttpRequest) -> frozenset[str]:
    if not request.user.is_authenticated:
        return frozenset()
    if not hasattr(request, "_academy_roles"):
        with connection.cursor() as cursor:
            cursor.execute(ROLE_NAMES_SQL, [request.user.pk])
            request._academy_roles = frozenset(name for (name,) in cursor.fetchall())
    return request._academy_roles
