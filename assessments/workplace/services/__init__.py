"""Workplace assessments' writes, one module per step: `request` (start, ask for
sign-off), `sign_off`, `countersign` and `correction`; `content` is what each
signature signs. Each step is audited; signed records are never changed."""
