"""Rendering: Documents to records (plain dicts), records to tables, JSON, CSV."""
