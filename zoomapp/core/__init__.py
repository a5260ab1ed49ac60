"""The domain: content packs, breathing, sessions, settings. Never imports Textual."""
