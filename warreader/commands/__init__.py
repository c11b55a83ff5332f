"""The command line's commands, one module each: `run(args) -> int` (imported when the command runs)."""
