"""The competence matrix as CSV and XLSX for inspections, safe to open in a
spreadsheet: every text cell goes through `academy.spreadsheets.safe_cell`, so a name
such as `=HYPERLINK(...)` stays text.

Each competency has two columns: the status, in the words of
`passport.competences.status`, and the competence's last valid day (empty when it is
not held or does not expire), so either can be sorted and filtered. The XLSX adds a
title row naming the organisation, a line with the filters and when it was made, column
widths, a frozen heading row and name column, and an autofilter on the table.
"""

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime

from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from academy.spreadsheets import safe_cell
from passport.matrix.queries import Matrix

FIXED_HEADINGS = ["Name", "Job title", "Band"]
# Widths in characters: names and job titles in full, a status word, a short date.
FIXED_WIDTHS = [28, 34, 10]
STATUS_WIDTH = 20
DATE_WIDTH = 14
DATE_FORMAT = "d mmm yyyy"
# The XLSX table starts below the title row and the filters line.
HEADING_ROW = 3


@dataclass(frozen=True)
class ExportHeading:
    """What the XLSX says above its table: whose matrix, with which filters (each a
    name and the chosen value in words), and when it was made."""

    organisation: str = ""
    filters: list[tuple[str, str]] = field(default_factory=list)
    generated_at: datetime = field(default_factory=timezone.now)

    @property
    def title(self) -> str:
        if not self.organisation:
            return "Competence matrix"
        return f"Competence matrix: {self.organisation}"

    @property
    def description(self) -> str:
        made = timezone.localtime(self.generated_at)
        when = f"Generated {made.day} {made:%B %Y} at {made:%H:%M} {made.tzname()}."
        if not self.filters:
            return when
        chosen = "; ".join(f"{name}: {value}" for name, value in self.filters)
        return f"Filters: {chosen}. {when}"


def matrix_headings(matrix: Matrix) -> list[str]:
    """Name, job title and band, then each competency's status and last valid day."""
    headings = list(FIXED_HEADINGS)
    for competency in matrix.competencies:
        headings += [
            f"{competency.code} {competency.title}: status",
            f"{competency.code}: last valid day",
        ]
    return headings


def matrix_rows(matrix: Matrix) -> Iterator[list[str | date | None]]:
    """One row per person: text, and each competence's last valid day as a date."""
    for row in matrix.rows:
        values: list[str | date | None] = [
            row.person.name,
            row.person.job_title,
            row.person.band_label,
        ]
        for cell in row.cells:
            values += [cell.label, cell.expires_on]
        yield values


def _text(value: str | date | None) -> str:
    return safe_cell(value.isoformat() if isinstance(value, date) else value)


def matrix_table(matrix: Matrix) -> list[list[str]]:
    """The heading row and one row per person as text, every value made safe; days
    as YYYY-MM-DD."""
    return [
        [_text(value) for value in line]
        for line in [matrix_headings(matrix), *matrix_rows(matrix)]
    ]


def matrix_csv(matrix: Matrix) -> bytes:
    """UTF-8 with a byte-order mark, so spreadsheets read names correctly."""
    buffer = io.StringIO()
    csv.writer(buffer).writerows(matrix_table(matrix))
    return buffer.getvalue().encode("utf-8-sig")


def _widths(matrix: Matrix) -> list[int]:
    return FIXED_WIDTHS + [STATUS_WIDTH, DATE_WIDTH] * len(matrix.competencies)


def matrix_xlsx(matrix: Matrix, *, heading: ExportHeading | None = None) -> bytes:
    """A one-sheet workbook: the title and filters lines, then the table with its
    heading row in bold and frozen with the names, an autofilter, column widths, and
    each last valid day a real date."""
    heading = heading or ExportHeading()
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Competence matrix")
    headings = matrix_headings(matrix)
    for number, width in enumerate(_widths(matrix), start=1):
        sheet.column_dimensions[get_column_letter(number)].width = width
    sheet.freeze_panes = f"B{HEADING_ROW + 1}"
    last_row = HEADING_ROW + max(len(matrix.rows), 1)
    sheet.auto_filter.ref = (
        f"A{HEADING_ROW}:{get_column_letter(len(headings))}{last_row}"
    )

    title = WriteOnlyCell(sheet, value=safe_cell(heading.title))
    title.font = Font(bold=True, size=14)
    sheet.append([title])
    sheet.append([safe_cell(heading.description)])

    bold, wrapped = Font(bold=True), Alignment(wrap_text=True, vertical="top")
    heading_cells = []
    for value in headings:
        cell = WriteOnlyCell(sheet, value=safe_cell(value))
        cell.font, cell.alignment = bold, wrapped
        heading_cells.append(cell)
    sheet.append(heading_cells)
    for values in matrix_rows(matrix):
        sheet.append([_xlsx_cell(sheet, value) for value in values])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _xlsx_cell(sheet, value: str | date | None):
    if isinstance(value, date):
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = DATE_FORMAT
        return cell
    return safe_cell(value)
