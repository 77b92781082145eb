"""`{% competence_status_tag competence %}`: a competence's status as an NHS.UK tag,
in the words every surface uses (passport.competences.status)."""

from django import template
from django.utils import timezone
from django.utils.html import format_html

from passport.competences.status import status_words

register = template.Library()


@register.simple_tag
def competence_status_tag(competence) -> str:
    words = status_words(
        competence.status,
        expires_on=competence.expires_on,
        today=timezone.localdate(),
        under_review=competence.under_review,
    )
    return format_html(
        '<strong class="nhsuk-tag nhsuk-tag--{}">{}</strong>', words.colour, words.label
    )
