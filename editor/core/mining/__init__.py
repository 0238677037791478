"""Phrase mining: structured documents in, ranked phrases out, each with its section, kind, example and counts; the pipeline that runs it into the bank with progress and cancellation."""
