"""`{% unread_notifications as count %}`: the signed-in person's unread count, for
the header's "Notifications" link. One query, none for a visitor."""

from django import template

from notifications.queries import unread_count

register = template.Library()


@register.simple_tag(takes_context=True)
def unread_notifications(context) -> int:
    user = context.get("user")
    if user is None or not user.is_authenticated:
        return 0
    return unread_count(user)
