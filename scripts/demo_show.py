#!/usr/bin/python3
"""Prints the JSON answer of `query_service call METHOD` (standard input) in a
few readable lines, for scripts/demo.sh. Usage: demo_show.py METHOD"""
import json
import sys


def articles(r):
    for a in r.get("articles", []):
        print(f"  {a['id']}  [{a.get('category') or '-'}] {a['title']}")
    print(f"  ({r.get('totalSize', 0)} in all)")


def entities(r):
    for e in r.get("entities", []):
        print(f"  {e['name']:<18} {e['type'][len('ENTITY_TYPE_'):]:<13}"
              f" mentions={e.get('mentionCount', 0)} articles={e.get('articleCount', 0)}"
              f" aliases={','.join(e.get('aliases', [])) or '-'}")


def entity(r):
    e = r["entity"]
    print(f"  {e['name']} ({e['type'][len('ENTITY_TYPE_'):]}) quotes={e.get('quoteCount', 0)}")
    shown = set()  # a name and its gloss share one sentence
    for m in r.get("mentions", []):
        snippet = m.get("snippet", "")
        if snippet not in shown:
            shown.add(snippet)
            print(f"   - {snippet[:110]}")
    seen = ", ".join(c["name"] for c in r.get("cooccurring", [])[:6])
    print(f"  seen with: {seen}")


def quotes(r):
    for q in r.get("quotes", []):
        q = q["quote"]
        kind = q.get("kind", "")[len("QUOTE_KIND_"):]
        print(f"  {q['speaker']} [{kind}, {q.get('cue', '')}]: {q['text'][:100]}")


def faq(r):
    for x in r.get("results", []):
        print(f"  {x['score']:6.2f}  Q. {x['question']}\n          A. {x['answer'][:90]}")


def stats(r):
    keys = ["articleCount", "entityCount", "quoteCount", "faqCount",
            "lastAppliedSequence", "memoryBytes", "contentChecksum"]
    print("  " + "  ".join(f"{k}={r.get(k, 0)}" for k in keys))


SHOW = {"ListArticles": articles, "ListEntities": entities, "GetEntity": entity,
        "ListQuotes": quotes, "SearchFaq": faq, "GetStats": stats}

if __name__ == "__main__":
    SHOW[sys.argv[1]](json.load(sys.stdin))
