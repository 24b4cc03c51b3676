#!/usr/bin/env python3
"""Expands real entx output with a real JSON-LD processor (pyld) and checks
the RDF it yields: NIF offsets are non-negative integers counting code
points, anchorOf is the text at those offsets, classes are IRIs."""
import json
import os
import re
import subprocess
import sys

try:
    from pyld import jsonld
except ImportError:
    print("SKIP: Debian's python3-pyld is not installed for", sys.executable)
    sys.exit(77)

ENTX = os.environ["ENTX"]
GOOD = ["--plugin-path=" + os.path.join(os.environ["TEST_BUILDDIR"], "plugins", ".libs"),
        "--plugins=good"]
NIF = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
ITS = "http://www.w3.org/2005/11/its/rdf#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
XSD = "http://www.w3.org/2001/XMLSchema#"
passed = failed = 0


def check(desc, cond, detail=""):
    global passed, failed
    if cond:
        passed += 1
        print("ok -", desc)
    else:
        failed += 1
        print("not ok -", desc, detail)


def triples(doc):
    out = {}
    for t in jsonld.to_rdf(doc)["@default"]:
        out.setdefault(t["subject"]["value"], []).append((t["predicate"]["value"], t["object"]))
    return out


def objects(props, pred):
    return [o for p, o in props if p == pred]


def check_doc(label, text, args, class_prefixes):
    out = subprocess.run([ENTX] + args, input=text.encode("utf-8"), capture_output=True,
                         check=True).stdout.decode("utf-8")
    lines = out.splitlines()
    check(label + ": one line", len(lines) == 1)
    graph = triples(json.loads(lines[0]))
    contexts = [s for s, props in graph.items()
                if {"type": "IRI", "value": NIF + "Context"} in [o for p, o in props if p == RDF_TYPE]]
    check(label + ": one nif:Context", len(contexts) == 1)
    ctx = contexts[0]
    check(label + ": nif:isString is the input",
          [o["value"] for o in objects(graph[ctx], NIF + "isString")] == [text])
    phrases = [s for s, props in graph.items()
               if {"type": "IRI", "value": NIF + "Phrase"} in [o for p, o in props if p == RDF_TYPE]]
    check(label + ": has phrases", len(phrases) > 0)
    for s in phrases:
        props = graph[s]
        b, e = objects(props, NIF + "beginIndex"), objects(props, NIF + "endIndex")
        ints = all(len(x) == 1 and x[0]["datatype"] == XSD + "nonNegativeInteger"
                   and re.fullmatch(r"\d+", x[0]["value"]) for x in (b, e))
        check(label + ": offsets are xsd:nonNegativeInteger for " + s, ints)
        if not ints:
            continue
        b, e = int(b[0]["value"]), int(e[0]["value"])
        anchor = [o["value"] for o in objects(props, NIF + "anchorOf")]
        check(label + ": anchorOf is text[%d:%d] in code points" % (b, e),
              anchor == [text[b:e]], "%r != %r" % (anchor, text[b:e]))
        check(label + ": referenceContext is the context",
              [o["value"] for o in objects(props, NIF + "referenceContext")] == [ctx])
        classes = objects(props, ITS + "taClassRef")
        check(label + ": taClassRef is a vocabulary IRI " + str([c["value"] for c in classes]),
              len(classes) == 1 and classes[0]["type"] == "IRI"
              and classes[0]["value"].startswith(class_prefixes))
        conf = objects(props, ITS + "taConfidence")
        check(label + ": taConfidence is xsd:double",
              len(conf) == 1 and conf[0]["datatype"] == XSD + "double")
        ann = objects(props, ITS + "taAnnotatorsRef")
        check(label + ": taAnnotatorsRef is an IRI", len(ann) == 1 and ann[0]["type"] == "IRI")


# Multi-byte characters before the mentions: é (2 bytes), 😀 (4 bytes, one
# code point beyond the BMP), 中文.
check_doc("test plugin", "Ça va? 😀 中文 alpha, then beta.\n", GOOD, ("https://example.org/ns#",
                                                                         "https://schema.org/"))
check_doc("default plugins", "Café 😀: the FSB detained seven suspects on December 15, 2017.\n", [],
          ("https://schema.org/", "http://www.w3.org/2006/time#"))

# A duration expands to an OWL-Time xsd:duration beside its schema.org number.
out = subprocess.run([ENTX, "--plugins=quantity"], input=b"The siege lasted four days.\n",
                     capture_output=True, check=True).stdout.decode("utf-8")
durations = [o for props in triples(json.loads(out)).values()
             for o in objects(props, "http://www.w3.org/2006/time#hasXSDDuration")]
check("duration: time:hasXSDDuration P4D as xsd:duration",
      durations == [{"type": "literal", "value": "P4D", "datatype": XSD + "duration"}],
      str(durations))

print("%d passed, %d failed" % (passed, failed))
sys.exit(1 if failed else 0)
