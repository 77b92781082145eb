"""The competence matrix as CSV and XLSX, safe to open in a spreadsheet: every cell
goes through `academy.spreadsheets.safe_cell`, so a name such as `=HYPERLINK(...)`
stays text."""

import csv
import io

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from academy.spreadsheets import safe_cell
from passport.matrix.queries import Matrix, MatrixCell

FIXED_HEADINGS = ["Name", "Job title", "Band"]


def _cell_text(cell: MatrixCell) -> str:
    if cell.expires_on is None:
        return cell.label
    return f"{cell.label} (last day {cell.expires_on:%Y-%m-%d})"


def matrix_table(matrix: Matrix) -> list[list[str]]:
    """The heading row and one row per person, every value made safe."""
    headings = FIXED_HEADINGS + [f"{c.code} {c.title}" for c in matrix.competencies]
    rows = [
        [
            row.person.name,
            row.person.job_title,
            row.person.band_label,
            *(_cell_text(cell) for cell in row.cells),
        ]
        for row in matrix.rows
    ]
    return [[safe_cell(value) for value in line] for line in [headings, *rows]]


def matrix_csv(matrix: Matrix) -> bytes:
    """UTF-8 with a byte-order mark, so spreadsheets read names correctly."""
    buffer = io.StringIO()
    csv.writer(buffer).writerows(matrix_table(matrix))
    return buffer.getvalue().encode("utf-8-sig")


def matrix_xlsx(matrix: Matrix, *, title: str = "Competence matrix") -> bytes:
    """A one-sheet workbook of text cells, the heading row in bold and frozen."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title[:31])
    sheet.freeze_panes = "B2"
    headings, *rows = matrix_table(matrix)
    bold = Font(bold=True)
    heading_cells = []
    for value in headings:
        cell = WriteOnlyCell(sheet, value=value)
        cell.font = bold
        heading_cells.append(cell)
    sheet.append(heading_cells)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
