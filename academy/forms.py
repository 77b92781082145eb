"""NHS.UK-styled forms shared by every app, and the sign-in form."""

import re
from dataclasses import dataclass
from datetime import date

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.db import connections, models
from django.forms.boundfield import BoundField

WIDGET_CLASSES = {
    "textarea": "nhsuk-textarea",
    "select": "nhsuk-select",
    "selectmultiple": "nhsuk-select",
    "checkbox": "nhsuk-checkboxes__input",
    "radioselect": "nhsuk-radios__input",
    "checkboxselectmultiple": "nhsuk-checkboxes__input",
    "clearablefile": "nhsuk-file-upload",
    "file": "nhsuk-file-upload",
}
ERROR_CLASSES = {
    "nhsuk-textarea": "nhsuk-textarea--error",
    "nhsuk-select": "nhsuk-select--error",
    "nhsuk-input": "nhsuk-input--error",
}


class NHSFormMixin:
    """Gives every widget its NHS.UK class and ties error messages to their inputs."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            widget_type = field.widget.__class__.__name__.lower().removesuffix("input")
            css = WIDGET_CLASSES.get(widget_type, "nhsuk-input")
            existing = field.widget.attrs.get("class", "")
            field.widget.attrs["class"] = f"{existing} {css}".strip()

    def full_clean(self):
        super().full_clean()
        for name in self.errors:
            if name not in self.fields:
                continue
            widget = self.fields[name].widget
            base = widget.attrs.get("class", "").split(" ")[-1]
            if ERROR_CLASSES.get(base):
                widget.attrs["class"] += f" {ERROR_CLASSES[base]}"
            error_id = f"{self[name].auto_id}-error"
            described = widget.attrs.get("aria-describedby", "")
            widget.attrs["aria-describedby"] = f"{described} {error_id}".strip()


class ModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Django's field, answering "Select a valid choice" for an id larger than the
    database's integer key can hold: Django asks the database, which overflows."""

    def _check_values(self, value):
        meta = self.queryset.model._meta
        key = meta.get_field(self.to_field_name) if self.to_field_name else meta.pk
        if isinstance(key, models.IntegerField) and isinstance(value, list | tuple):
            low, high = connections[self.queryset.db].ops.integer_field_range(
                key.get_internal_type()
            )
            for choice in value:
                try:
                    number = int(str(choice))
                except ValueError:
                    continue  # Django's own check names it
                if (low is not None and number < low) or (
                    high is not None and number > high
                ):
                    raise forms.ValidationError(
                        self.error_messages["invalid_choice"],
                        code="invalid_choice",
                        params={"value": choice},
                    )
        return super()._check_values(value)


DATE_PARTS = ("day", "month", "year")
MONTH_NAMES = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)


@dataclass(frozen=True)
class TypedDate:
    """A date as typed into the day, month and year boxes: the date it means, or
    what is wrong ("missing", "incomplete", "year_digits", "not_real") and which
    boxes to highlight."""

    value: date | None = None
    problem: str = ""
    parts: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()


def _month_number(typed: str) -> int | None:
    if re.fullmatch(r"[0-9]{1,2}", typed):
        return int(typed)
    name = typed.lower().rstrip(".")
    if len(name) >= 3:  # three letters tell every month apart
        for number, month in enumerate(MONTH_NAMES, start=1):
            if month.startswith(name):
                return number
    return None


def read_typed_date(day: str, month: str, year: str) -> TypedDate:
    """Read a date the way NHS.UK's date input asks: spaces and leading zeros are
    fine, a month may be a name ("March", "mar"); a box left empty is missing, a
    year needs 4 numbers, and the three must make a real date. One wrong box is
    highlighted on its own, more than one as the whole date."""
    typed = {"day": day or "", "month": month or "", "year": year or ""}
    typed = {part: value.strip() for part, value in typed.items()}
    missing = tuple(part for part in DATE_PARTS if not typed[part])
    if len(missing) == len(DATE_PARTS):
        return TypedDate(problem="missing", parts=DATE_PARTS)
    if missing:
        parts = missing if len(missing) == 1 else DATE_PARTS
        return TypedDate(problem="incomplete", parts=parts, missing=missing)
    numbers = {
        "day": int(typed["day"]) if re.fullmatch(r"[0-9]{1,2}", typed["day"]) else 0,
        "month": _month_number(typed["month"]) or 0,
        "year": int(typed["year"]) if re.fullmatch(r"[0-9]{1,4}", typed["year"]) else 0,
    }
    wrong = tuple(
        part
        for part, low, high in (("day", 1, 31), ("month", 1, 12), ("year", 1, 9999))
        if not low <= numbers[part] <= high
    )
    if len(wrong) == 1:
        return TypedDate(problem="not_real", parts=wrong)
    if wrong:
        return TypedDate(problem="not_real", parts=DATE_PARTS)
    if len(typed["year"]) != 4:
        return TypedDate(problem="year_digits", parts=("year",))
    try:
        return TypedDate(value=date(numbers["year"], numbers["month"], numbers["day"]))
    except ValueError:  # 30 February, 31 April
        return TypedDate(problem="not_real", parts=DATE_PARTS)


class DateInput(forms.MultiWidget):
    """NHS.UK's date input: Day, Month and Year boxes, sent as `<name>_day`,
    `<name>_month` and `<name>_year`. Rendered by templates/includes/date_input.html."""

    def __init__(self, attrs=None):
        super().__init__(
            {
                part: forms.TextInput(attrs={"inputmode": "numeric"})
                for part in DATE_PARTS
            },
            attrs,
        )

    def decompress(self, value):
        if isinstance(value, date):
            return [value.day, value.month, value.year]
        return [None, None, None]


class DateInputBoundField(BoundField):
    """A date input field as its template needs it: each box's label, name, id,
    typed value and whether it is highlighted as wrong."""

    @property
    def date_parts(self) -> list[dict]:
        typed = self._typed()
        wrong = self._parts_in_error(typed)
        names = self.field.widget.widgets_names
        return [
            {
                "part": part,
                "label": part.capitalize(),
                "name": f"{self.html_name}{names[index]}",
                "id": f"{self.auto_id}_{index}" if self.auto_id else "",
                "value": typed[index],
                "width": 4 if part == "year" else 2,
                "error": part in wrong,
            }
            for index, part in enumerate(DATE_PARTS)
        ]

    @property
    def error_target(self) -> str:
        """The box an error summary link leads to: the first box in error, the Day
        box when the whole date is wrong."""
        wrong = self._parts_in_error(self._typed())
        index = DATE_PARTS.index(wrong[0]) if wrong else 0
        return f"{self.auto_id}_{index}" if self.auto_id else ""

    def _typed(self) -> list[str]:
        value = self.value()
        if not isinstance(value, list | tuple):
            value = self.field.widget.decompress(value)
        return ["" if v is None else str(v).strip() for v in value]

    def _parts_in_error(self, typed: list[str]) -> tuple[str, ...]:
        if not self.errors:
            return ()
        # A real date refused by a later rule (in the past, say) is wrong as a whole.
        return read_typed_date(*typed).parts or DATE_PARTS


class DateInputField(forms.MultiValueField):
    """A date typed into NHS.UK's date input, with its error messages written for
    `subject` ("due date"): "Enter the due date", "Due date must include a month",
    "Due date must be a real date"."""

    widget = DateInput
    bound_field_class = DateInputBoundField

    def __init__(self, *, subject: str, **kwargs):
        self.subject = subject
        kwargs.setdefault("error_messages", {})
        kwargs["error_messages"].setdefault("required", f"Enter the {subject}")
        super().__init__(
            tuple(forms.CharField(required=False) for _ in DATE_PARTS),
            require_all_fields=False,
            **kwargs,
        )

    def compress(self, data_list):
        if not data_list:
            return None
        reading = read_typed_date(*data_list)
        if reading.value is not None:
            return reading.value
        subject = self.subject[:1].upper() + self.subject[1:]
        if reading.problem == "missing":
            if not self.required:
                return None
            message = self.error_messages["required"]
        elif reading.problem == "incomplete":
            message = f"{subject} must include a {' and '.join(reading.missing)}"
        elif reading.problem == "year_digits":
            message = f"The year of the {self.subject} must include 4 numbers"
        else:
            message = f"{subject} must be a real date"
        raise forms.ValidationError(message, code=reading.problem)


def sign_in_email(request, credentials) -> str:
    """The e-mail address a sign-in attempt was for, so throttling ignores letter case."""
    raw = (credentials or {}).get("username") or request.POST.get("username", "")
    return str(raw).strip().lower()


class SignInForm(NHSFormMixin, AuthenticationForm):
    """Sign in with an e-mail address and password."""

    error_messages = {
        "invalid_login": (
            "Enter a correct e-mail address and password. Both are case-sensitive "
            "apart from the e-mail address."
        ),
        "inactive": "This account has been deactivated. Contact your training lead.",
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = "E-mail address"
        # No autofocus: it skips the page's heading and skip link for screen readers.
        self.fields["username"].widget.attrs.pop("autofocus", None)
        self.fields["username"].widget.attrs.update(
            {"autocomplete": "email", "spellcheck": "false", "autocapitalize": "none"}
        )
        self.fields["username"].error_messages["required"] = "Enter your e-mail address"
        self.fields["password"].error_messages["required"] = "Enter your password"

    def clean_username(self) -> str:
        return self.cleaned_data["username"].strip().lower()
