"""Records (audit events, attempts, progress, assessments, validations, competences)
are no longer in Wagtail's reference index: remove the rows indexed for them before."""

from django.db import migrations

RECORDS = {
    "academy": ["auditevent"],
    "assessments": [
        "attempt",
        "knowledgerequirementmet",
        "workplaceassessment",
        "processvalidation",
    ],
    "courses": ["lessonprogress", "trainingimpactingchange"],
    "passport": ["competence"],
}


def remove_index_rows(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ReferenceIndex = apps.get_model("wagtailcore", "ReferenceIndex")
    for app_label, models in RECORDS.items():
        types = ContentType.objects.filter(app_label=app_label, model__in=models)
        ReferenceIndex.objects.filter(base_content_type__in=types).delete()
        ReferenceIndex.objects.filter(content_type__in=types).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("academy", "0007_electronic_signatures_append_only"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0096_referenceindex_referenceindex_source_object_and_more"),
    ]

    operations = [migrations.RunPython(remove_index_rows, migrations.RunPython.noop)]
