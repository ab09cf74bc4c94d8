"""Pre-process strategy: predictions precomputed for a key space, served from a lookup table."""
