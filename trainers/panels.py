"""Pages of the network that show other apps' data collect it through Wagtail hooks,
the way Wagtail's admin home collects its panels (trainers never imports them).

- `trainee_list_columns`: returns a column with `heading`, `annotate(queryset)` (one
  query's worth of annotations on people) and `cell(person)` (text for one row).
- `trainer_dashboard_panels`: called with (request, trainees), returns a Wagtail
  `Component` or None.
- `trainee_record_panels`: called with (request, trainee), returns a `Component` or None;
  panels are shown by their `order` attribute (smallest first, 100 without one).
"""

from django.db.models import QuerySet
from django.http import HttpRequest
from wagtail import hooks

from academy.models import User


def trainee_list_columns() -> list:
    return [make_column() for make_column in hooks.get_hooks("trainee_list_columns")]


def annotate_for_columns(people: QuerySet[User], columns: list) -> QuerySet[User]:
    for column in columns:
        people = column.annotate(people)
    return people


def rows_with_cells(people, columns: list) -> list[dict]:
    return [
        {
            "person": person,
            "cells": [
                {"heading": column.heading, "value": column.cell(person)}
                for column in columns
            ],
        }
        for person in people
    ]


def _render(request: HttpRequest, panels) -> list[str]:
    context = {"request": request, "user": request.user}
    return [panel.render_html(context) for panel in panels if panel is not None]


def trainer_dashboard_panels(
    request: HttpRequest, trainees: QuerySet[User]
) -> list[str]:
    hooked = hooks.get_hooks("trainer_dashboard_panels")
    return _render(request, (hook(request, trainees) for hook in hooked))


def trainee_record_panels(request: HttpRequest, trainee: User) -> list[str]:
    hooked = hooks.get_hooks("trainee_record_panels")
    panels = [hook(request, trainee) for hook in hooked]
    return _render(
        request,
        sorted(
            (panel for panel in panels if panel is not None),
            key=lambda panel: getattr(panel, "order", 100),
        ),
    )
