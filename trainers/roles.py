"""The roles of the person making a request: read once per request by the site shell
(`academy.roles`), which every app's navigation and home page panels share."""

from academy.roles import ROLE_NAMES_SQL, role_names

__all__ = ["ROLE_NAMES_SQL", "role_names"]
