import pytest
from django.contrib.auth.models import Permission

from academy.models import AuditEvent
from academy.viewsets import ReadOnlyPermissionPolicy

ACTIONS = ("add", "change", "delete", "view")


def allowed(policy, user):
    return {action for action in ACTIONS if policy.user_has_permission(user, action)}


@pytest.fixture
def people(make_user):
    viewer = make_user()
    viewer.user_permissions.add(
        *Permission.objects.filter(
            content_type__app_label="academy",
            codename__in=["view_auditevent", "add_auditevent", "change_auditevent"],
        )
    )
    return {
        "administrator": make_user(is_superuser=True, is_staff=True),
        "former administrator": make_user(is_superuser=True, is_active=False),
        "permitted": viewer,
        "anyone": make_user(),
    }


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ({}, {"administrator": {"view"}}),
        (
            {"by_model_permission": True},
            {"administrator": {"view"}, "permitted": {"view"}},
        ),
        (
            {"may_add": True, "by_model_permission": True},
            {"administrator": {"add", "view"}, "permitted": {"add", "view"}},
        ),
    ],
)
def test_read_only_records_are_never_changed_or_deleted_in_the_admin(
    people, options, expected
):
    policy = ReadOnlyPermissionPolicy(AuditEvent, **options)

    for name, user in people.items():
        assert allowed(policy, user) == expected.get(name, set()), name
        assert policy.user_has_any_permission(user, ["change", "delete"]) is False
