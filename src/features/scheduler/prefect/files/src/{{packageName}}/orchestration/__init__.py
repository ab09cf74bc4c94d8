"""Scheduler integration: the pipeline job as a Prefect flow."""
