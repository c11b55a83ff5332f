"""warreader: a keyboard-first terminal reader and annotator for daily war bulletins."""

__version__ = "0.1.0"
