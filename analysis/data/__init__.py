"""Data files of the analysis package (lexicons, word lists, learned weights)."""
