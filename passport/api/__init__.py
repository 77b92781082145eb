"""The skills passport's read API, version 1, for authorised consumers with a token."""
