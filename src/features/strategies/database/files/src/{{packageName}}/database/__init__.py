"""Database scoring: read rows from SQL, write predictions back with the model version."""
