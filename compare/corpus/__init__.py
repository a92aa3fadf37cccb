"""Corpus mode: a day's feed read, clustered into stories, each story compared (issue 12).

feed (inputs -> items) -> parse (items -> articles + features, Dask tasks) -> stories (LSH
candidates confirmed by content) -> compare each touched story (Dask tasks) -> store (SQLite).
"""
