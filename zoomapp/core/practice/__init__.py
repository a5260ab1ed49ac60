"""The practice: breathing, sessions, the What-if answer, danger, help lines, the safety plan."""
