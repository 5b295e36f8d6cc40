#!/usr/bin/env python3
"""scikit-learn baseline for the text-clustering comparison in realdata_test.go.

Reads a TSV (id, text, subclass; UTF-8, no header, tabs and newlines removed from text),
vectorises the text with TfidfVectorizer (defaults; Chinese text is segmented with jieba and
the words joined with spaces first), clusters with KMeans(n_clusters=k, n_init=10,
random_state=0) and prints the NMI (arithmetic normalisation) and ARI against the subclass,
over the rows that have one, as JSON.

usage: baseline.py TSV K zh|en
"""
import json
import sys

from sklearn.cluster import KMeans
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score


def main():
    path, k, lang = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    ids, texts, subs = [], [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) != 3:
                continue
            ids.append(parts[0])
            texts.append(parts[1])
            subs.append(parts[2])
    if lang == "zh":
        import jieba
        jieba.setLogLevel(60)
        texts = [" ".join(w for w in jieba.cut(t) if w.strip()) for t in texts]
        vec = TfidfVectorizer(token_pattern=r"(?u)\S+")
    else:
        vec = TfidfVectorizer()
    X = vec.fit_transform(texts)
    labels = KMeans(n_clusters=k, n_init=10, random_state=0).fit_predict(X)
    keep = [i for i, s in enumerate(subs) if s]
    a = [labels[i] for i in keep]
    b = [subs[i] for i in keep]
    print(json.dumps({"nmi": normalized_mutual_info_score(b, a), "ari": adjusted_rand_score(b, a),
                      "n": len(keep), "k": k, "terms": X.shape[1]}))


if __name__ == "__main__":
    main()
