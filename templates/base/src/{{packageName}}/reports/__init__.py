"""Model cards and evaluation reports: HTML pages with PNG plots, one folder per model version."""
