"""The common English words of a word list (Debian's wamerican,
/usr/share/dict/words), shared by make-names.py and make-places.py: a
name that is also such a word ("Young", "Reading") is marked weak=1."""
import os


def common_words(path, with_apostrophes=True):
    """The all-lowercase words of the list at path (empty when there is
    none); with_apostrophes=False leaves out "o'clock" and the like."""
    words = set()
    if path and os.path.exists(path):
        with open(path, encoding='utf-8', errors='replace') as f:
            for w in f:
                w = w.strip()
                if w and w.islower() and (with_apostrophes or "'" not in w):
                    words.add(w)
    return words
