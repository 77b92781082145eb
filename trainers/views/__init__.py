"""Pages of the trainer and mentor network."""
