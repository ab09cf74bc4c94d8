"""Stream scoring: read events, predict, publish one result per event id (at least once)."""
