"""What the passport API shows of a holder's records."""

from rest_framework import serializers

from academy.models import Competency
from passport.models import Competence


class CompetencySerializer(serializers.ModelSerializer):
    area = serializers.CharField(source="area.name", read_only=True)

    class Meta:
        model = Competency
        fields = ["code", "title", "area"]
        read_only_fields = fields


class CompetenceSerializer(serializers.ModelSerializer):
    """A competence as the holder's passport shows it: no evidence, which may mention
    patients."""

    competency = CompetencySerializer(read_only=True)
    is_valid = serializers.BooleanField(
        read_only=True, help_text="Current or expiring, so it may be relied on."
    )

    class Meta:
        model = Competence
        fields = [
            "id",
            "competency",
            "status",
            "is_valid",
            "first_achieved_on",
            "achieved_on",
            "expires_on",
        ]
        read_only_fields = fields


class ErrorSerializer(serializers.Serializer):
    detail = serializers.CharField()
