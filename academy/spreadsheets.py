"""Text that is safe to open in a spreadsheet: the one rule for every CSV and XLSX
export (the competence matrix, the audit trail).

A cell that a spreadsheet would read as a formula (starting with =, +, -, @, a tab or
a carriage return) is prefixed with a single quote, so a name such as
`=HYPERLINK(...)` stays text.
"""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> str:
    """The value as text that no spreadsheet will run as a formula."""
    text = "" if value is None else str(value)
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text
