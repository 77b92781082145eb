"""The nightly re-verification of every electronic signature against the record it
signs, and of every signed record against its signature.

A signed record edited in the database (a checklist result, a validation count, a
suspension's reason) no longer matches the hash its signer signed; a signature row
edited, or rewritten with hashes recomputed by the public hash function, no longer
matches itself or the `academy.record_signed` audit event written when it was made.
Each mismatch becomes a finding in `passport.findings`: it suspends nothing, puts the
competences the record supports under review and tells the administrators.

Signatures are read in chunks by primary key, each chunk in a fixed number of
queries, so the check's cost grows with the records and never with their history.
Apps later in the import order add their own kinds of signed record through the
`signed_record_kinds` hook (`kinds`); a record kind nobody registered (a signature
over some other record) is checked against itself and the audit trail only.

`scan.verify_signed_records` runs the check; `checks` holds the rule for one
signature; `workplace`, `validations` and `competences` read each kind of signed
record; `kinds` is how another app adds one (apprenticeship progress reviews).
"""
