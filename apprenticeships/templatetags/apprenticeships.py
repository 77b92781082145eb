"""Template access to how apprenticeship hours are written."""

from django import template

from apprenticeships.rules import hours_text

register = template.Library()


@register.filter(name="hours")
def hours(value) -> str:
    return hours_text(value)
