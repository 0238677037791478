"""yuku --self-test: start the real window, exercise each feature, print one JSON line of checks and timings."""
