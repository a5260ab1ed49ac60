"""The journal: day files kept safe, read, searched, checked in to, seen over weeks, exported."""
