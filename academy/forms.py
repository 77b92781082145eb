"""NHS.UK-styled forms shared by every app, and the sign-in form."""

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.db import connections, models

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
