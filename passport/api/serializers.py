"""What the passport API shows of a holder's records."""

from django.utils import timezone
from rest_framework import serializers

from academy.models import Competency
from passport.competences.status import LAPSING, StatusWords, status_words
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
    status = serializers.SerializerMethodField(
        help_text="current (valid), expiring, expired, suspended, revoked or "
        "under_review (a signed record it rests on is being checked), today."
    )
    status_label = serializers.SerializerMethodField(
        help_text="The status in the words the Academy's pages use."
    )
    is_valid = serializers.SerializerMethodField(
        help_text="Valid or expiring soon today, and not under review, so it may be "
        "relied on."
    )

    class Meta:
        model = Competence
        fields = [
            "id",
            "competency",
            "status",
            "status_label",
            "is_valid",
            "first_achieved_on",
            "achieved_on",
            "expires_on",
        ]
        read_only_fields = fields

    def _words(self, competence: Competence) -> StatusWords:
        return status_words(
            competence.status,
            expires_on=competence.expires_on,
            today=timezone.localdate(),
            under_review=competence.under_review,
        )

    def get_status(self, competence: Competence) -> str:
        return self._words(competence).status.value

    def get_status_label(self, competence: Competence) -> str:
        return self._words(competence).label

    def get_is_valid(self, competence: Competence) -> bool:
        return self._words(competence).status in LAPSING


class ErrorSerializer(serializers.Serializer):
    detail = serializers.CharField()
