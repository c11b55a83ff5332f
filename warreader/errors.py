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


def read_input_file(path, *, expected: str) -> bytes:
    """The bytes of a file the user named, or an `InputError` that names it: missing, a folder where
    `expected` (e.g. "a bulletin file") was wanted, or unreadable."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a folder, not {expected}") from None
    except OSError as error:
        raise InputError(f"{path}: cannot be read ({error.strerror or error})") from None
