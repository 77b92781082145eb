"""Modules by capability; import the one you need."""
