"""The shared NHS.UK date input: how Day, Month and Year are read, the messages of
its field, the boxes shown in error and where the error summary leads."""

from datetime import date

import pytest
from django import forms

from academy.forms import DateInputField, NHSFormMixin, read_typed_date
from academy.templatetags.nhsuk_forms import error_summary_items, first_input_id

ALL = ("day", "month", "year")


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        (("7", "3", "2031"), date(2031, 3, 7)),
        (("07", "03", "2031"), date(2031, 3, 7)),
        ((" 7 ", " 3", "2031 "), date(2031, 3, 7)),
        (("7", "March", "2031"), date(2031, 3, 7)),
        (("7", "mar", "2031"), date(2031, 3, 7)),
        (("7", "SEPT.", "2031"), date(2031, 9, 7)),
        (("29", "2", "2032"), date(2032, 2, 29)),
        (("31", "12", "2031"), date(2031, 12, 31)),
    ],
)
def test_a_real_date_is_read_however_it_is_typed(typed, expected):
    assert read_typed_date(*typed).value == expected
    assert read_typed_date(*typed).problem == ""


@pytest.mark.parametrize(
    ("typed", "problem", "parts", "missing"),
    [
        (("", "", ""), "missing", ALL, ()),
        ((" ", "", " "), "missing", ALL, ()),
        (("", "3", "2031"), "incomplete", ("day",), ("day",)),
        (("7", "", "2031"), "incomplete", ("month",), ("month",)),
        (("7", "3", ""), "incomplete", ("year",), ("year",)),
        (("", "", "2031"), "incomplete", ALL, ("day", "month")),
        (("7", "", ""), "incomplete", ALL, ("month", "year")),
        (("0", "3", "2031"), "not_real", ("day",), ()),
        (("32", "3", "2031"), "not_real", ("day",), ()),
        (("7", "13", "2031"), "not_real", ("month",), ()),
        (("7", "ma", "2031"), "not_real", ("month",), ()),
        (("7", "marchy", "2031"), "not_real", ("month",), ()),
        (("7", "3", "20311"), "not_real", ("year",), ()),
        (("7", "3", "0000"), "not_real", ("year",), ()),
        (("7", "3", "31"), "year_digits", ("year",), ()),
        (("32", "13", "2031"), "not_real", ALL, ()),
        (("29", "2", "2031"), "not_real", ALL, ()),
        (("31", "4", "2031"), "not_real", ALL, ()),
        (("-1", "3", "2031"), "not_real", ("day",), ()),
        (("७", "3", "2031"), "not_real", ("day",), ()),
    ],
)
def test_what_is_wrong_with_a_typed_date(typed, problem, parts, missing):
    reading = read_typed_date(*typed)
    assert reading.value is None
    assert (reading.problem, reading.parts, reading.missing) == (
        problem,
        parts,
        missing,
    )


class ReviewForm(NHSFormMixin, forms.Form):
    review_on = DateInputField(label="Review date", subject="review date")
    reminder_on = DateInputField(
        label="Reminder date", subject="reminder date", required=False
    )


def _form(review=("", "", ""), reminder=("", "", "")):
    data = {}
    for name, typed in (("review_on", review), ("reminder_on", reminder)):
        data.update(
            zip((f"{name}_day", f"{name}_month", f"{name}_year"), typed, strict=True)
        )
    form = ReviewForm(data)
    form.is_valid()
    return form


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        (("", "", ""), "Enter the review date"),
        (("", "4", "2031"), "Review date must include a day"),
        (("1", "", ""), "Review date must include a month and year"),
        (("1", "14", "2031"), "Review date must be a real date"),
        (("1", "4", "31"), "The year of the review date must include 4 numbers"),
    ],
)
def test_the_fields_messages_name_what_the_date_is_for(typed, message):
    assert _form(review=typed).errors == {"review_on": [message]}


def test_a_real_date_is_cleaned_and_an_optional_empty_one_is_none():
    form = _form(review=("2", "apr", "2031"))
    assert form.cleaned_data == {"review_on": date(2031, 4, 2), "reminder_on": None}
    form = _form(review=("2", "4", "2031"), reminder=("1", "", "2031"))
    assert form.errors == {"reminder_on": ["Reminder date must include a month"]}


def test_only_the_boxes_in_error_are_highlighted_and_the_summary_leads_to_the_first():
    form = _form(review=("2", "4", ""), reminder=("1", "13", "2031"))
    review, reminder = form["review_on"], form["reminder_on"]
    assert [p["error"] for p in review.date_parts] == [False, False, True]
    assert [p["error"] for p in reminder.date_parts] == [False, True, False]
    assert [p["value"] for p in review.date_parts] == ["2", "4", ""]
    assert error_summary_items(form) == [
        {"message": "Review date must include a year", "target": "id_review_on_2"},
        {"message": "Reminder date must be a real date", "target": "id_reminder_on_1"},
    ]


def test_a_field_without_errors_leads_to_its_day_box_and_shows_its_initial_date():
    form = ReviewForm(initial={"review_on": date(2031, 4, 2)})
    assert first_input_id(form["review_on"]) == "id_review_on_0"
    assert [(p["name"], p["value"]) for p in form["review_on"].date_parts] == [
        ("review_on_day", "2"),
        ("review_on_month", "4"),
        ("review_on_year", "2031"),
    ]
    assert not any(p["error"] for p in form["review_on"].date_parts)
