"""The NHS.UK error summary's list: each error linked to the first input of its field."""

from django import forms, template

register = template.Library()

GROUPED_WIDGETS = (forms.RadioSelect, forms.CheckboxSelectMultiple, forms.MultiWidget)


def first_input_id(field: forms.BoundField) -> str:
    """The id of the input a summary link should move to: the field's own input, or
    the first radio or checkbox of a group (`id_outcome_0`), whose fieldset has no
    input of that id; a date input says which of its boxes is in error."""
    if hasattr(field, "error_target"):
        return field.error_target
    if isinstance(field.field.widget, GROUPED_WIDGETS):
        subwidgets = field.subwidgets
        first = subwidgets[0].id_for_label if subwidgets else ""
        if first and first != field.auto_id:
            return first
        return f"{field.auto_id}_0" if field.auto_id else ""
    return field.id_for_label or field.auto_id or ""


@register.simple_tag
def error_summary_items(form: forms.BaseForm) -> list[dict]:
    """Every error of the form in page order (the order of its fields, which each page
    keeps), each with the id of the input its link targets ("" for no link). Errors
    about the form as a whole come first and lead to its first field."""
    visible = form.visible_fields()
    items = []
    first = first_input_id(visible[0]) if visible else ""
    for error in form.non_field_errors():
        items.append({"message": error, "target": first})
    for field in form.hidden_fields():
        for error in field.errors:
            items.append({"message": error, "target": ""})
    for field in visible:
        target = first_input_id(field)
        for error in field.errors:
            items.append({"message": error, "target": target})
    return items
