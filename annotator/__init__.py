"""Expert stance annotator: find quotes, attribute them, propose stances, compare experts."""

__version__ = "0.1.0"
