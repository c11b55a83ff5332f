"""`python -m bench`: warreader's benchmark at the scale of the whole war (see docs/BENCHMARK.md).

It builds a library of generated bulletins in a temporary folder, times import, open, annotate, search,
the reader and export, and prints one table (plus the same figures as JSON). Speed is checked here, by
figures a person reads, never by timed tests.
"""
