#!/usr/bin/python3
"""Top-1 accuracy and MRR of SearchFaq over JSONL query files, through gRPC.

Each line of a query file is {"query", "article", "question"}: what a reader
types, the file stem of the article, and the exact question of the FAQ entry
it should find (see ../shared/corpus/faq-queries/README.md). A result is the
target when its question is that question and, where the article's id is
known, its article is that article.

Against a running replica that already holds the articles (ids unknown, so
results are matched on the question alone):

  /usr/bin/python3 bench/faq_eval.py --query 127.0.0.1:50052 QUERIES.jsonl

Starting a fresh pair from a build, loading the articles, then evaluating
(ids known: each article is submitted with its file name as source_uri):

  /usr/bin/python3 bench/faq_eval.py --build build \\
      --load ../shared/corpus/seed,../shared/corpus/dev \\
      ../shared/corpus/faq-queries/dev.jsonl

  --bench also runs build/bench/faq_bench against that replica (the FTS5
  comparison with SearchFaq latency through gRPC), with the same articles and
  query files, e.g. --bench=--benchmark_filter=gRPC

Needs /usr/bin/python3 with grpcio and protobuf; the Python stubs are
generated at run time with protoc and grpc_python_plugin.
"""

import argparse
import glob
import importlib
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ARTICLE_EXTENSIONS = (".txt", ".md", ".html", ".htm")


def load_stubs(workdir):
    """Generates and imports the gisa.v1 Python modules."""
    proto_root = os.path.join(ROOT, "proto")
    protos = sorted(glob.glob(os.path.join(proto_root, "gisa", "v1", "*.proto")))
    plugin = shutil.which("grpc_python_plugin") or "/usr/bin/grpc_python_plugin"
    subprocess.run(
        ["protoc", "-I", proto_root, "-I", "/usr/include",
         "--python_out", workdir, "--grpc_out", workdir,
         "--plugin=protoc-gen-grpc=" + plugin] + protos,
        check=True)
    sys.path.insert(0, workdir)
    names = ["article_pb2", "ingest_service_pb2", "ingest_service_pb2_grpc",
             "query_service_pb2", "query_service_pb2_grpc"]
    return {n: importlib.import_module("gisa.v1." + n) for n in names}


def article_files(paths):
    files = []
    for p in paths:
        if os.path.isdir(p):
            found = [os.path.join(p, f) for f in os.listdir(p)
                     if f.endswith(ARTICLE_EXTENSIONS) and not f.startswith("README")]
            files.extend(sorted(found))
        else:
            files.append(p)
    return files


def media_type(path):
    if path.endswith(".md"):
        return "text/markdown"
    if path.endswith((".html", ".htm")):
        return "text/html"
    return "text/plain"


def stem(path):
    return os.path.splitext(os.path.basename(path))[0]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Pair:
    """ingest_service and one query_service replica on free loopback ports."""

    def __init__(self, build):
        self.dir = tempfile.mkdtemp(prefix="gisa_faq_eval_")
        self.ingest = "127.0.0.1:%d" % free_port()
        self.query = "127.0.0.1:%d" % free_port()
        log = open(os.path.join(self.dir, "servers.log"), "w")
        self.procs = [
            subprocess.Popen(
                [os.path.join(build, "ingest_service", "ingest_service"), "serve",
                 "--listen=" + self.ingest,
                 "--data_dir=" + os.path.join(self.dir, "log")],
                stdout=log, stderr=log),
            subprocess.Popen(
                [os.path.join(build, "query_service", "query_service"), "serve",
                 "--listen=" + self.query, "--ingest=" + self.ingest],
                stdout=log, stderr=log),
        ]

    def close(self):
        for p in self.procs:
            p.terminate()
        for p in self.procs:
            try:
                p.wait(timeout=30)
            except subprocess.TimeoutExpired:
                p.kill()
        shutil.rmtree(self.dir, ignore_errors=True)


def submit(grpc, pb, address, files):
    """Submits every file; returns {article id: stem} and the last sequence."""
    channel = grpc.insecure_channel(address)
    stub = pb["ingest_service_pb2_grpc"].IngestServiceStub(channel)
    ids, last = {}, 0
    for path in files:
        with open(path, "rb") as f:
            raw = pb["ingest_service_pb2"].RawArticle(
                source_uri=os.path.basename(path), media_type=media_type(path),
                content=f.read())
        request = pb["ingest_service_pb2"].SubmitArticleRequest(article=raw)
        response = stub.SubmitArticle(request, timeout=60, wait_for_ready=True)
        ids[response.article_id] = stem(path)
        last = max(last, response.sequence)
    return ids, last


def search_fn(grpc, pb, address, k, min_sequence):
    stub = pb["query_service_pb2_grpc"].QueryServiceStub(
        grpc.insecure_channel(address))

    def search(query):
        request = pb["query_service_pb2"].SearchFaqRequest(
            query=query, page_size=k, min_sequence=min_sequence)
        response = stub.SearchFaq(request, timeout=30, wait_for_ready=True)
        return [(r.article_id, r.question) for r in response.results]

    return search


def evaluate(path, search, stem_of, k, verbose):
    with open(path, encoding="utf-8") as f:
        queries = [json.loads(line) for line in f if line.strip()]
    top1 = rr = 0.0
    for q in queries:
        results = search(q["query"])[:k]
        rank = None
        for i, (article_id, question) in enumerate(results):
            known = stem_of.get(article_id)
            if question == q["question"] and (known is None or known == q["article"]):
                rank = i + 1
                break
        top1 += rank == 1
        rr += 1.0 / rank if rank else 0.0
        if verbose and rank != 1:
            got = " | ".join(question for _, question in results[:3])
            print("  rank %s  %s\n    want %s: %s\n    got  %s"
                  % (rank, q["query"], q["article"], q["question"], got))
    n = max(len(queries), 1)
    print("%s: %d queries  top-1 %.3f  MRR %.3f" % (path, len(queries), top1 / n, rr / n))
    return top1 / n, rr / n


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("queries", nargs="+", help="JSONL query files")
    parser.add_argument("--query", help="HOST:PORT of a running query_service")
    parser.add_argument("--ingest", help="HOST:PORT of its ingest_service, to --load into")
    parser.add_argument("--build", help="build folder: start a fresh pair from it")
    parser.add_argument("--load", action="append", default=[],
                        help="article file or folder to submit first "
                             "(repeat, or separate with commas)")
    parser.add_argument("--bench", nargs="?", const="",
                        help="also run BUILD/bench/faq_bench against the replica "
                             "(value: extra faq_bench flags)")
    parser.add_argument("-k", type=int, default=10, help="results per query")
    parser.add_argument("-v", "--verbose", action="store_true",
                        help="list the queries whose target is not first")
    args = parser.parse_args()
    if not args.query and not args.build:
        parser.error("give --query (a running replica) or --build (start one)")

    import grpc  # /usr/bin/python3 has grpcio

    workdir = tempfile.mkdtemp(prefix="gisa_stubs_")
    pair = None
    try:
        pb = load_stubs(workdir)
        query, ingest = args.query, args.ingest
        if args.build:
            pair = Pair(args.build)
            query, ingest = pair.query, pair.ingest
        stem_of, last = {}, 0
        load = [p for item in args.load for p in item.split(",") if p]
        files = article_files(load)
        if files:
            if not ingest:
                parser.error("--load needs --ingest or --build")
            stem_of, last = submit(grpc, pb, ingest, files)
            print("loaded %d articles (last sequence %d)" % (len(files), last))
        search = search_fn(grpc, pb, query, args.k, last)
        for path in args.queries:
            evaluate(path, search, stem_of, args.k, args.verbose)
        if args.bench is not None:
            build = args.build or os.path.join(ROOT, "build")
            command = [os.path.join(build, "bench", "faq_bench"),
                       "--query_service=" + query,
                       "--articles=" + ",".join(load),
                       "--queries=" + ",".join(args.queries)] + args.bench.split()
            subprocess.run(command, check=True)
    finally:
        if pair:
            pair.close()
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
