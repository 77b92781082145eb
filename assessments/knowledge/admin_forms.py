"""The editor's question form: a choice question needs options with the right answers marked."""

from wagtail.admin.forms import WagtailAdminModelForm


class QuestionForm(WagtailAdminModelForm):
    """Single choice and true or false need exactly one correct option; multiple
    response at least one; every choice question at least two options."""

    def clean(self):
        cleaned = super().clean()
        kind = cleaned.get("kind")
        formset = self.formsets.get("options")
        if kind in (None, "numeric") or formset is None or not formset.is_valid():
            return cleaned
        options = [
            form.cleaned_data
            for form in formset.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]
        correct = sum(1 for option in options if option.get("is_correct"))
        if len(options) < 2:
            self.add_error(None, "Add at least two answer options.")
        elif kind == "multiple" and correct < 1:
            self.add_error(None, "Mark at least one option as correct.")
        elif kind != "multiple" and correct != 1:
            self.add_error(None, "Mark exactly one option as correct.")
        return cleaned
