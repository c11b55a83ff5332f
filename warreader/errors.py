"""Errors that reach the user as a message (and a non-zero exit status), never as a traceback."""


class WarreaderError(Exception):
    """Base class: `str(error)` is a complete sentence for the user, naming the file when there is one."""

    exit_code = 1


class InputError(WarreaderError):
    """A file the user gave cannot be read as a bulletin (empty, binary, unreadable, not a bulletin)."""

    exit_code = 2


class LibraryError(WarreaderError):
    """The library cannot be opened or written (corrupt, newer schema, locked, disk full…)."""

    exit_code = 3


class NotFoundError(WarreaderError):
    """A day, event or annotation the user named does not exist."""

    exit_code = 4
