"""The preferences form: one group of radios for each optional kind."""

from django import forms

from notifications.kinds import OPTIONAL, Delivery


class PreferencesForm(forms.Form):
    """How the person wants to hear of each optional kind of notification."""

    def __init__(self, *args, initial_deliveries: dict[str, str], **kwargs):
        super().__init__(*args, **kwargs)
        for kind in OPTIONAL:
            self.fields[kind.value] = forms.ChoiceField(
                label=kind.label,
                choices=Delivery.choices,
                widget=forms.RadioSelect,
                initial=initial_deliveries.get(kind.value, Delivery.EACH),
                error_messages={
                    "required": f"Choose how to hear: {kind.label.lower()}",
                    "invalid_choice": f"Choose how to hear: {kind.label.lower()}",
                },
            )
