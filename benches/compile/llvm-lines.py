#!/usr/bin/env python3
"""LLVM IR lines per function path in a `.ll` file (BENCH_IR of rustc-wrapper.sh), as
cargo-llvm-lines counts them: generic instances summed under their path (the legacy
mangling carries no generic arguments), with the number of copies.

    llvm-lines.py FILE [TOP]
"""
import collections
import re
import sys

ESCAPES = [("$LT$", "<"), ("$GT$", ">"), ("$u20$", " "), ("$C$", ","), ("$RF$", "&"),
           ("..", "::"), ("$u7b$", "{"), ("$u7d$", "}"), ("$BP$", "*"), ("$u27$", "'"),
           ("$u5b$", "["), ("$u5d$", "]"), ("$u3b$", ";")]


def demangle(name):
    if not name.startswith("_ZN"):
        return name
    s, parts, i = name[3:], [], 0
    while i < len(s) and s[i] != "E":
        j = i
        while j < len(s) and s[j].isdigit():
            j += 1
        if j == i:
            break
        n = int(s[i:j])
        parts.append(s[j:j + n])
        i = j + n
    if parts and re.fullmatch(r"h[0-9a-f]{16}", parts[-1]):
        parts.pop()
    path = "::".join(parts)
    for a, b in ESCAPES:
        path = path.replace(a, b)
    return path


def main():
    lines, copies = collections.Counter(), collections.Counter()
    current, n = None, 0
    with open(sys.argv[1]) as ir:
        for line in ir:
            if line.startswith("define "):
                m = re.search(r'@"?([^"( ]+)"?\(', line)
                current, n = (demangle(m.group(1)) if m else "?"), 0
            elif current is not None:
                n += 1
                if line.startswith("}"):
                    lines[current] += n
                    copies[current] += 1
                    current = None
    total = sum(lines.values())
    print(f"total {total} lines, {sum(copies.values())} functions")
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 40
    for path, count in lines.most_common(top):
        print(f"{count:9d} {count * 100 / total:5.1f}% {copies[path]:6d} {path}")


if __name__ == "__main__":
    main()
