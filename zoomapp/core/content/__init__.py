"""What the app says: the merged content of the packs, and how packs are read and checked."""
