"""Run-time data for Yuku: the seed corpus, icons and translations."""
