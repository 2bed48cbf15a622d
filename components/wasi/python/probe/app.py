"""A Python wasi:cli/command (componentize-py) that probes what a host's WASI 0.2 gives it.

    python-probe OP [ARGS]     (argv[0] is the program name)
      print                 a line on stdout and one on stderr
      argv                  every argument, "argv[I]=TEXT"
      env                   every environment variable, sorted by name, "NAME=VALUE"
      urandom N             os.urandom(N); prints the length
      time                  time.time() and time.monotonic(); prints checks, not values
      listdir DIR           sorted os.listdir(DIR)
      read PATH             the file's text
      write PATH TEXT       writes TEXT, prints the count
      passwd                open("/etc/passwd"); prints the first line or the error
      exit N                sys.exit(N)
      fail                  raises an uncaught exception
      all DIR               print, argv, env, urandom 16, time, listdir DIR, read DIR/hello.txt,
                            write DIR/probe.txt, passwd: the calls of a typical small program
Errors print "OP: ExceptionName: [Errno N] message" on stderr and run returns err.
Everything printed is the same from run to run (lengths and checks, never random values
or times).
"""
import os
import sys
import time

from wit_world.exports import Run as RunProtocol
from componentize_py_types import Err


def op_print(args):
    print("hello from python")
    print("hello from python on stderr", file=sys.stderr)


def op_argv(args):
    for index, arg in enumerate(sys.argv):
        print(f"argv[{index}]={arg}")


def op_env(args):
    for name in sorted(os.environ):
        print(f"{name}={os.environ[name]}")


def op_urandom(args):
    count = int(args[0]) if args else 16
    print(f"urandom {len(os.urandom(count))}")


def op_time(args):
    wall = time.time()
    first = time.monotonic()
    second = time.monotonic()
    print(f"time after 2020: {wall > 1577836800}")
    print(f"monotonic non-decreasing: {second >= first}")


def op_listdir(args):
    for name in sorted(os.listdir(args[0])):
        print(name)


def op_read(args):
    with open(args[0], encoding="utf-8") as file:
        print(file.read(), end="")


def op_write(args):
    with open(args[0], "w", encoding="utf-8") as file:
        count = file.write(args[1])
    print(f"wrote {count}")


def op_passwd(args):
    try:
        with open("/etc/passwd", encoding="utf-8") as file:
            print(f"SUCCESS: {file.readline().rstrip()}")
    except OSError as error:
        print(f"BLOCKED: {type(error).__name__}: [Errno {error.errno}] {error.strerror}")


def op_exit(args):
    sys.exit(int(args[0]))


def op_fail(args):
    raise RuntimeError("the probe failed on purpose")


def op_all(args):
    directory = args[0]
    op_print([])
    op_argv([])
    op_env([])
    op_urandom(["16"])
    op_time([])
    op_listdir([directory])
    op_read([os.path.join(directory, "hello.txt")])
    op_write([os.path.join(directory, "probe.txt"), "written by the probe\n"])
    op_passwd([])


OPS = {
    "print": op_print, "argv": op_argv, "env": op_env, "urandom": op_urandom,
    "time": op_time, "listdir": op_listdir, "read": op_read, "write": op_write,
    "passwd": op_passwd, "exit": op_exit, "fail": op_fail, "all": op_all,
}


class Run(RunProtocol):
    def run(self) -> None:
        op = sys.argv[1] if len(sys.argv) > 1 else ""
        if op not in OPS:
            print(f"usage: python-probe {'|'.join(OPS)} [ARGS]", file=sys.stderr)
            raise Err(None)
        try:
            OPS[op](sys.argv[2:])
        except OSError as error:
            print(f"{op}: {type(error).__name__}: [Errno {error.errno}] {error.strerror}", file=sys.stderr)
            raise Err(None)
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
