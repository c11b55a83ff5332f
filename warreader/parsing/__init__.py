"""Parse daily war bulletins from plain text, saved web pages (HTML) and Markdown.

`parse_file(path)` and `parse_bytes(data, source)` return a `Bulletin` or raise `InputError` naming the
file; `iter_bulletin_files(paths)` expands folders into the sorted list of bulletin files in them.
"""

from warreader.parsing.api import BULLETIN_SUFFIXES, iter_bulletin_files, parse_bytes, parse_file, parse_text

__all__ = ["BULLETIN_SUFFIXES", "iter_bulletin_files", "parse_bytes", "parse_file", "parse_text"]
