"""What credentials add to a trainee's record page through its hook."""

from wagtail.admin.ui.components import Component

from passport.models import Competence, RecognisedCompetence


class TraineeCredentialsPanel(Component):
    """On a trainee's record: their credentials to download, and competences
    recognised from other Academies, never mixed with those assessed here."""

    template_name = "passport/panels/trainee_credentials.html"

    def __init__(self, request, trainee):
        self.request, self.trainee = request, trainee

    def get_context_data(self, parent_context=None):
        return {
            "holder": self.trainee,
            "competences": Competence.objects.filter(
                holder=self.trainee
            ).select_related("competency"),
            "recognitions": RecognisedCompetence.objects.filter(
                person=self.trainee
            ).select_related("competency"),
        }
