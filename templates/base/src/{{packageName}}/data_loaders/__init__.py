"""Data loaders for the supported file formats."""

from .data_loader import DataLoader, register_loader
from .factory import get_loader, load_data, supported_formats, write_data

__all__ = [
    "DataLoader",
    "get_loader",
    "load_data",
    "register_loader",
    "supported_formats",
    "write_data",
]
