"""zoomapp: a calm terminal companion for stressed parents."""

__version__ = "0.1.0"
