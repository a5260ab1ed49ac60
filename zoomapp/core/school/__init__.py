"""The way back to school: the ladder of steps, the school days, and the one thing the
parent is changing (the accommodation plan). Every note is a table in the journal's day
files (see docs/journal-format.md), so it is saved, locked, synced and merged like a win.
"""
