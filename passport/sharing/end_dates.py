"""The date a link or a token stops working: from tomorrow to twelve months ahead."""

from datetime import date

from academy.revalidation import add_months

MAX_MONTHS = 12


def expiry_date_error(
    expires_on: date | None, *, today: date, thing: str
) -> str | None:
    """Why `expires_on` cannot be when `thing` ("the link") stops working, or None."""
    if expires_on is None:
        return f"Enter the date {thing} stops working"
    if expires_on <= today:
        return f"The date {thing} stops working must be in the future"
    latest = add_months(today, MAX_MONTHS)
    if expires_on > latest:
        return (
            f"{thing.capitalize()} can work for up to {MAX_MONTHS} months: choose a date "
            f"no later than {latest.day} {latest:%B %Y}"
        )
    return None
