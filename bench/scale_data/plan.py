"""How big a scale dataset is: every table sized in proportion to the trainees.

At 10,000 trainees a national deployment has 50 organisations, 300 trainers,
1,000,000 lesson completions, 200,000 assessment attempts, 50,000 competences and
200,000 object permissions. The catalogue (100 modules, 800 lessons) does not grow with
the workforce, so it stays the same at every size unless asked otherwise.
"""

from dataclasses import dataclass

REFERENCE_TRAINEES = 10_000
ORGANISATIONS_AT_REFERENCE = 50
TRAINERS_AT_REFERENCE = 300
PROGRESS_PER_TRAINEE = 100
ATTEMPTS_PER_TRAINEE = 20
COMPETENCES_PER_TRAINEE = 5
SUPERVISIONS_PER_TRAINEE = 10
# A supervision gives its trainer two object permissions on the trainee's record,
# "view_trainee_record" and "supervise_trainee", as trainers.permissions grants them.
PERMISSIONS_PER_SUPERVISION = 2


@dataclass(frozen=True)
class ScalePlan:
    """The number of rows each step creates."""

    trainees: int
    organisations: int
    trainers: int
    modules: int
    lessons_per_module: int
    progress_per_trainee: int
    attempts_per_trainee: int
    competences_per_trainee: int
    supervisions_per_trainee: int

    @classmethod
    def for_trainees(
        cls, trainees: int, *, modules: int = 100, lessons_per_module: int = 8
    ) -> "ScalePlan":
        """Organisations and trainers in proportion to the trainees (at least one
        each); per-trainee rows as at the reference size, within what exists."""
        if trainees < 1:
            raise ValueError("A scale dataset needs at least one trainee.")
        share = trainees / REFERENCE_TRAINEES
        trainers = max(1, round(TRAINERS_AT_REFERENCE * share))
        return cls(
            trainees=trainees,
            organisations=max(1, round(ORGANISATIONS_AT_REFERENCE * share)),
            trainers=trainers,
            modules=modules,
            lessons_per_module=lessons_per_module,
            progress_per_trainee=min(
                PROGRESS_PER_TRAINEE, modules * lessons_per_module
            ),
            attempts_per_trainee=ATTEMPTS_PER_TRAINEE,
            competences_per_trainee=COMPETENCES_PER_TRAINEE,
            supervisions_per_trainee=min(SUPERVISIONS_PER_TRAINEE, trainers),
        )

    @property
    def lessons(self) -> int:
        return self.modules * self.lessons_per_module

    @property
    def progress_rows(self) -> int:
        return self.trainees * self.progress_per_trainee

    @property
    def supervisions(self) -> int:
        return self.trainees * self.supervisions_per_trainee

    @property
    def object_permissions(self) -> int:
        return self.supervisions * PERMISSIONS_PER_SUPERVISION
