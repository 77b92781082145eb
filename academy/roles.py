"""The roles (auth groups) of the person making a request, read once per request."""

from django.contrib.auth.models import Group
from django.db import connection
from django.http import HttpRequest

from academy.models import User

TRAINEE = "Trainee"
TRAINER = "Trainer"
MENTOR = "Mentor"
TRAINING_LEAD = "Training lead"
TSET_EDITOR = "TSET editor"
TSET_MODERATOR = "TSET moderator"
REGIONAL_LEAD = "Regional lead"
NATIONAL_LEAD = "National TSET lead"
# Not a group: the superuser flag, shown as a role on the home page.
ADMINISTRATOR = "Administrator"

# Every signed-in page reads this for its navigation, as a fixed statement: the ORM
# took longer to build the join than the database took to answer it.
ROLE_NAMES_SQL = f"""
    SELECT role.name FROM {Group._meta.db_table} role
    JOIN {User.groups.through._meta.db_table} membership
      ON membership.group_id = role.id
    WHERE membership.user_id = %s
"""  # noqa: S608 - table names from the models, the user's id as a parameter


def role_names(request: HttpRequest) -> frozenset[str]:
    """The person's roles; an administrator (superuser) also holds `ADMINISTRATOR`."""
    if not request.user.is_authenticated:
        return frozenset()
    if not hasattr(request, "_academy_roles"):
        with connection.cursor() as cursor:
            cursor.execute(ROLE_NAMES_SQL, [request.user.pk])
            names = {name for (name,) in cursor.fetchall()}
        if request.user.is_superuser:
            names.add(ADMINISTRATOR)
        request._academy_roles = frozenset(names)
    return request._academy_roles
