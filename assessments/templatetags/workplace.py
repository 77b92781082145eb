"""Template access to the workplace assessment status rule."""

from django import template

from assessments.workplace.status import StatusTag, status_tag

register = template.Library()


@register.filter(name="workplace_status_tag")
def workplace_status_tag(assessment) -> StatusTag:
    return status_tag(assessment)
