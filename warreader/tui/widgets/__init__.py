"""The reader's widgets: the cursor lists (one base for every list of rows), text lines, the key bar."""
