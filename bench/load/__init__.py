"""The load test of knowledge assessments (bench/load_assessments.py)."""
