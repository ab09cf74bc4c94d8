"""HTTP service exposing the trained model."""
