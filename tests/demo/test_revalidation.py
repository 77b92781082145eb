"""Demo revalidation: Priya's registration number and a year with 3 of 4 CPD records
completed, a planned one in progress and her peer discussion, loaded once."""

from academy.models import User
from demo.revalidation import load
from revalidation.models import CPDRecord, RevalidationStandard
from revalidation.queries import current_year_for, year_progress


def test_priya_has_a_revalidation_year_with_3_of_4_records(demo_data):
    priya = User.objects.get(email="trainee@academy.example")
    assert priya.registration_number
    year = current_year_for(priya)
    progress = year_progress(year)
    assert (progress.cpd_counted, progress.planned_counted) == (3, 2)
    assert progress.still_needed == ("1 more CPD record", "A reflective account")
    [in_progress] = [r for r in year.cpd_records.all() if not r.counts]
    assert in_progress.kind == "planned"
    assert in_progress.planned_at is not None
    assert in_progress.learned_on is None
    assert year.peer_discussion.peer_name == "Grace Lee"

    records, standards = CPDRecord.objects.count(), RevalidationStandard.objects.count()
    assert load() == "Revalidation: Priya Shah's year already loaded."
    assert CPDRecord.objects.count() == records
    assert RevalidationStandard.objects.count() == standards == 9
