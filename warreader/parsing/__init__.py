"""Parse daily war bulletins from plain text, saved web pages (HTML) and Markdown.

`parse_path(path)`, `parse_bytes_all(data, source)` and `parse_text_all(text, source)` return every
bulletin a file holds (several when bulletins were pasted one after the other); `parse_file`,
`parse_bytes` and `parse_text` return the first. All raise `InputError` naming the file when it holds
no bulletin or cannot be read safely. `iter_bulletin_files(paths)` expands folders into the sorted list
of bulletin files in them.
"""

from warreader.parsing.api import (
    BULLETIN_SUFFIXES,
    MAX_FILE_BYTES,
    iter_bulletin_files,
    parse_bytes,
    parse_bytes_all,
    parse_file,
    parse_path,
    parse_text,
    parse_text_all,
    read_bulletin_file,
)

__all__ = [
    "BULLETIN_SUFFIXES",
    "MAX_FILE_BYTES",
    "iter_bulletin_files",
    "parse_bytes",
    "parse_bytes_all",
    "parse_file",
    "parse_path",
    "parse_text",
    "parse_text_all",
    "read_bulletin_file",
]
