"""Pages of workplace assessments, one module per step as in `services`: `record`
(the record and its evidence), `request` (a trainee's assessments, starting one,
evidence and the request for sign-off), `sign_off` (the assessor's queue, signing
and the confirmation), `countersign` and `correction`. Whoever may not see a record
gets 404, never a hint that it exists; signed records are never changed."""
