"""Passport API endpoints: one list view per kind of record a holder has."""

from django.db.models import QuerySet
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.exceptions import NotFound
from rest_framework.generics import ListAPIView

from academy.models import User
from passport.api.serializers import CompetenceSerializer, ErrorSerializer
from passport.models import Competence
from trainers.permissions import can_view_trainee_record

ERROR_RESPONSES = {
    401: OpenApiResponse(ErrorSerializer, description="No valid token."),
    404: OpenApiResponse(
        ErrorSerializer, description="No such holder, or not one you may see."
    ),
}


class HolderRecordList(ListAPIView):
    """Records of one holder: the token's own user (`/me/...`), or a holder whose
    training record the token's user may view (`/holders/<id>/...`); any other
    holder is reported as not found, so ids reveal nothing."""

    pagination_class = None
    holder_field = "holder"

    def get_holder(self) -> User:
        holder_id = self.kwargs.get("holder_id")
        if holder_id is None:
            return self.request.user
        holder = User.objects.filter(pk=holder_id).first()
        if holder is None or not can_view_trainee_record(self.request.user, holder):
            raise NotFound("No holder found.")
        return holder

    def get_queryset(self) -> QuerySet:
        return super().get_queryset().filter(**{self.holder_field: self.get_holder()})


@extend_schema(responses={200: CompetenceSerializer(many=True), **ERROR_RESPONSES})
class CompetenceList(HolderRecordList):
    """A holder's competences, with their status and dates."""

    queryset = Competence.objects.select_related("competency__area")
    serializer_class = CompetenceSerializer
