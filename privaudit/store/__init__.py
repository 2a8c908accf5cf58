"""Files privaudit writes: atomically, owner-only, never through a symlink."""
