"""The lead's forms: each error summary link leads to its input (the first checkbox
of a group), in page order."""

from tests.error_summary import assert_error_summary_leads_to_inputs


def test_accreditation_errors_lead_to_the_first_checkbox_in_page_order(client, network):
    client.force_login(network.lead)
    response = client.post(
        f"/network/organisations/{network.home.pk}/accredit/",
        {"person": "", "reason": "", "expires_on": ""},
    )
    links = assert_error_summary_leads_to_inputs(response.content.decode())
    targets = [target for target, _ in links]
    assert targets[:2] == ["id_person", "id_competencies_0"]
    assert targets[-2:] == ["id_expires_on", "id_reason"]


def test_assign_trainer_errors_lead_to_their_inputs(client, network):
    client.force_login(network.lead)
    response = client.post(
        f"/network/organisations/{network.home.pk}/assign-trainer/", {"trainee": ""}
    )
    links = assert_error_summary_leads_to_inputs(response.content.decode())
    assert links[0][0] == "id_trainee"
