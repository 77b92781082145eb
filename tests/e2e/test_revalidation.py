"""Priya, a registered pharmacy technician in the demo, from her home page and by
clicking only, drafts her fourth CPD record from the module she finished, is told the
record stays a draft without its benefit, completes it, and downloads her revalidation
portfolio as a PDF that holds it. Every page is axe-clean at desktop width and at 320
CSS pixels."""

import re

import pypdfium2
import pytest

from revalidation.models import CPDRecord

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
MODULE = "GMP and the pharmaceutical quality system"
BENEFIT = (
    "I now stop the line and raise a deviation when a record is incomplete, so no "
    "batch reaches a patient on an unchecked record."
)


def test_priya_completes_her_fourth_cpd_record_and_downloads_her_portfolio(
    page, demo_server, sign_in, check_page, tmp_path
):
    sign_in("trainee@academy.example")
    page.wait_for_url(re.compile(r"/$"))
    panel = page.locator(".academy-home-panel").filter(
        has=page.get_by_role("heading", name="GPhC revalidation")
    )
    assert "3 of 4 CPD records completed" in panel.inner_text()
    check_page("revalidation-home")
    with page.expect_navigation():
        panel.get_by_role("link", name="Your revalidation portfolio").click()
    page.get_by_role("heading", level=1, name="Revalidation portfolio").wait_for()
    assert "1 more CPD record" in page.locator("main").inner_text()
    assert page.get_by_text("Planned: in progress").is_visible()
    check_page("revalidation-portfolio")

    with page.expect_navigation():
        page.get_by_role(
            "button",
            name=re.compile(
                rf"^Draft a CPD record: Completed the e-learning module .{MODULE}"
            ),
        ).click()
    page.get_by_role("heading", level=1, name="Complete your CPD record").wait_for()
    assert MODULE in page.get_by_label("What you learned").input_value()
    check_page("revalidation-record")

    page.get_by_label("How you learned").fill(
        "The Academy's e-learning module, then a walk through our batch records "
        "with the QA officer."
    )
    with page.expect_navigation():
        page.get_by_role("button", name="Complete the record").click()
    assert page.title().startswith("Error:")
    summary = page.locator(".nhsuk-error-summary")
    error = summary.get_by_role("link", name=re.compile("saved as a draft"))
    error.wait_for()
    check_page("revalidation-record-draft")
    error.click()
    benefit = page.get_by_label("The benefit to people using services")
    assert benefit.evaluate("element => element === document.activeElement")
    benefit.fill(BENEFIT)
    with page.expect_navigation():
        page.get_by_role("button", name="Complete the record").click()

    page.get_by_role("heading", level=1, name="CPD record completed").wait_for()
    assert "4 of 4 CPD records" in page.locator(".nhsuk-panel").inner_text()
    check_page("revalidation-record-complete")
    record = CPDRecord.objects.get(source_key__startswith="module:")
    assert record.counts
    assert record.benefit == BENEFIT

    with page.expect_navigation():
        page.get_by_role("link", name="Back to your revalidation portfolio").click()
    with page.expect_download() as download:
        page.get_by_role("link", name="Download your portfolio (PDF)").click()
    path = tmp_path / "portfolio.pdf"
    download.value.save_as(path)
    document = pypdfium2.PdfDocument(path.read_bytes())
    text = " ".join(sheet.get_textpage().get_text_range() for sheet in document)
    document.close()
    text = re.sub(r"\s+", " ", text)
    assert "GPhC revalidation portfolio: Priya Shah" in text
    assert "4 of 4 CPD records, 2 planned" in text
    assert MODULE in text
    assert "no batch reaches a patient on an unchecked record" in text


def test_the_portfolios_forms_and_their_errors_are_accessible(
    page, demo_server, sign_in, check_page
):
    sign_in("trainee@academy.example")
    page.wait_for_url(re.compile(r"/$"))
    with page.expect_navigation():
        page.get_by_role("link", name="Your revalidation portfolio").click()
    portfolio = page.url

    def from_portfolio(link: str, heading: str) -> None:
        page.goto(portfolio)
        with page.expect_navigation():
            page.get_by_role("link", name=link).click()
        page.get_by_role("heading", level=1, name=heading).wait_for()

    def submit(button: str) -> None:
        with page.expect_navigation():
            page.get_by_role("button", name=button).click()

    from_portfolio("Plan a CPD record before the learning", "Plan a CPD record")
    check_page("revalidation-plan")
    submit("Save the plan")
    assert page.locator(".nhsuk-error-summary").get_by_role("link").count() == 2
    check_page("revalidation-plan-errors")

    from_portfolio(
        "Record exceptional circumstances agreed with the GPhC",
        "Exceptional circumstances",
    )
    page.get_by_label("2", exact=True).check()
    submit("Save")
    page.locator(".nhsuk-error-summary").get_by_role(
        "link", name="Enter the exceptional circumstances the GPhC agreed"
    ).wait_for()
    check_page("revalidation-exceptional-circumstances-errors")

    from_portfolio(
        "Record unplanned learning from outside the Academy",
        "Record unplanned learning",
    )
    check_page("revalidation-unplanned")

    from_portfolio(
        re.compile(r"^Complete the record: Introduction to radiopharmacy"),
        "Complete your CPD record",
    )
    check_page("revalidation-planned-in-progress")

    from_portfolio(re.compile(r"^Change the peer discussion"), "Peer discussion")
    when = page.get_by_role("group", name="Date of the discussion")
    when.get_by_label("Day").fill("1")
    when.get_by_label("Month").fill("1")
    when.get_by_label("Year").fill("2099")
    submit("Save the peer discussion")
    page.locator(".nhsuk-error-summary").get_by_role(
        "link", name="The date must be today or in the past"
    ).wait_for()
    check_page("revalidation-peer-discussion-errors")

    from_portfolio("Write your reflective account", "Reflective account")
    check_page("revalidation-reflective-account")
    submit("Save the reflective account")
    summary = page.locator(".nhsuk-error-summary")
    summary.get_by_role("link", name="Choose at least one standard").wait_for()
    check_page("revalidation-reflective-account-errors")
    page.get_by_label("Standard 4: Pharmacy professionals must maintain").check()
    page.get_by_label("Your reflective account").fill(
        "How I keep my aseptic technique current."
    )
    submit("Save the reflective account")
    page.get_by_role("heading", level=1, name="Revalidation portfolio").wait_for()
    assert (
        "A reflective account" not in page.locator(".nhsuk-card--feature").inner_text()
    )

    from_portfolio(
        "Your records as plain text, to copy into the GPhC portal",
        "Your records as plain text",
    )
    text = page.get_by_label("Your completed records").input_value()
    assert "GPhC registration number: 5087342" in text
    assert "Reflective account" in text
    check_page("revalidation-text")
