"""The shared NHS.UK error summary: every error, in page order, each linked to the
first input of its field (a group's first radio or checkbox, never `#`)."""

from django import forms
from django.template.loader import render_to_string
from django.urls import reverse

from academy.templatetags.nhsuk_forms import error_summary_items, first_input_id
from tests.error_summary import assert_error_summary_leads_to_inputs


class EveryKindOfField(forms.Form):
    name = forms.CharField()
    outcome = forms.ChoiceField(
        choices=[("yes", "Yes"), ("no", "No")], widget=forms.RadioSelect
    )
    areas = forms.MultipleChoiceField(
        choices=[("a", "A"), ("b", "B")], widget=forms.CheckboxSelectMultiple
    )
    band = forms.ChoiceField(choices=[("", "Choose"), ("2", "Band 2")])
    agree = forms.BooleanField()
    when = forms.SplitDateTimeField()
    token = forms.CharField(widget=forms.HiddenInput)

    def clean(self):
        raise forms.ValidationError("Something about the whole form")


def test_each_field_links_to_its_first_input():
    form = EveryKindOfField(data={})
    assert not form.is_valid()
    assert {name: first_input_id(form[name]) for name in form.fields} == {
        "name": "id_name",
        "outcome": "id_outcome_0",
        "areas": "id_areas_0",
        "band": "id_band",
        "agree": "id_agree",
        "when": "id_when_0",
        "token": "id_token",
    }


def test_errors_come_in_field_order_whole_form_first_and_hidden_unlinked():
    form = EveryKindOfField(data={})
    form.is_valid()
    items = error_summary_items(form)
    assert items[0] == {
        "message": "Something about the whole form",
        "target": "id_name",
    }
    assert items[1]["target"] == ""  # the hidden field: nothing to move to
    assert [item["target"] for item in items[2:]] == [
        "id_name",
        "id_outcome_0",
        "id_areas_0",
        "id_band",
        "id_agree",
        "id_when_0",
    ]


def test_the_summary_rendered_with_the_fields_leads_to_them():
    form = EveryKindOfField(data={"token": "x"})
    form.is_valid()
    html = render_to_string("includes/error_summary.html", {"form": form}) + "".join(
        str(form[name]) for name in form.fields if name != "token"
    )
    links = assert_error_summary_leads_to_inputs(html)
    assert 'href="#"' not in html
    assert len(links) == 7


def test_sign_in_and_password_reset_lead_to_their_inputs(client, db):
    response = client.post(reverse("sign_in"), {"username": "", "password": ""})
    links = assert_error_summary_leads_to_inputs(response.content.decode())
    assert [target for target, _ in links] == ["id_username", "id_password"]
    response = client.post(reverse("password_reset"), {"email": "not an address"})
    links = assert_error_summary_leads_to_inputs(response.content.decode())
    assert [target for target, _ in links] == ["id_email"]
