"""Resolution: mentions -> actors (dated roles), places (gazetteer), dates (anchored on the article date)."""
