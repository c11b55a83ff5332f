"""The reader's screens: the reader itself (routing only), its dialogs, export and help."""
