"""Shared machinery of the fake provider CLIs (claude, codex, gemini, grok, vibe).

Each fake records how it was called (argv, cwd, env) as one JSON line in $FAKE_CLI_RECORD, parses its
argv the way the real CLI's option parser would (unknown flags and bad values fail with exit 2), and
answers in the real CLI's output format. $FAKE_CLI_MODE picks a behaviour; see README.md.
"""
import json
import os
import re
import select
import subprocess
import sys
import time
import uuid

# Whether a flag's value may be the next token even when it starts with "-": commander (claude) takes it;
# yargs (gemini) and clap (codex) refuse it and need the attached form --flag=-value. The fakes set it.
HYPHEN_VALUES = True

USAGE = {"input": 11, "output": 7, "cache_read": 3, "cache_creation": 2, "cost": 0.0123}


class UsageError(Exception):
    """A command line the real CLI would refuse."""


def env(name, default=None):
    value = os.environ.get(name)
    return default if value is None or value == "" else value


JUDGE_MARKER = "You are the explicit judge model"

# Reviewer modes (the validation tools' tests): the answer is a review of the prompt in one of these shapes.
REVIEWS = {
    "agree": "Verdict: correct\nRationale: the answer holds (%(cli)s).\nRisks: none significant\n"
             "Suggested next step: ship it",
    "disagree": "Verdict: incorrect\nRationale: the answer is wrong (%(cli)s).\n"
                "Risks: the claim ignores edge cases\nSuggested next step: revise it",
    "markdown": "## Verdict\n\n**Correct** - the answer holds.\n\n## Rationale\nIt checks out (%(cli)s).\n\n"
                "## Risks\n- Risky when inputs are huge\n- Untested on Windows\n\n## Suggested next step\nShip it.",
    "plain": "Paris is the capital of France (%(cli)s).",
    "empty": "",
}


def judge_text(cli, prompt):
    """The judge's synthesis, naming the providers whose results the prompt holds."""
    reviewed = re.findall(r'"provider"\s*:\s*"([a-z]+)"', prompt)
    return "\n".join(["Verdict: synthesized", "Summary: judged by %s." % cli,
                      "Reviewed providers: " + ", ".join(reviewed),
                      "Disagreements: " + ("none" if "incorrect" not in prompt else "the reviewers disagree"),
                      "Recommendation: follow the majority."])


def response_text(cli, prompt):
    fixed = env("FAKE_CLI_RESPONSE")
    if fixed is not None:
        return fixed
    # a reviewer mode, else $FAKE_CLI_REVIEW: the review shape of every other answering mode (slow, tick, ...)
    review = mode() if mode() in REVIEWS else env("FAKE_CLI_REVIEW")
    if review in REVIEWS:
        if JUDGE_MARKER in (prompt or "") and review != "empty":
            return judge_text(cli, prompt)
        return REVIEWS[review] % {"cli": cli}
    return "fake %s answer: %s" % (cli, (prompt or "")[:200])


def new_id():
    forced = env("FAKE_CLI_SESSION_ID")
    return forced if forced else str(uuid.uuid4())


def parse(argv, spec, max_positionals):
    """Parses argv with spec {flag: 'none'|'one'|'variadic'} (aliases map to the same key via '|').

    Returns (flags, positionals): flags maps the canonical flag name to a list of values ([] for switches).
    '--' ends the options. '--flag=value' is accepted for flags that take a value.
    """
    names = {}
    for key, arity in spec.items():
        aliases = key.split("|")
        for a in aliases:
            names[a] = (aliases[0], arity)
    flags, positionals = {}, []
    i, ended = 0, False
    while i < len(argv):
        tok = argv[i]
        if not ended and tok == "--":
            ended = True
            i += 1
            continue
        if ended or not tok.startswith("-") or tok == "-":
            positionals.append(tok)
            i += 1
            continue
        inline = None
        name = tok
        if tok.startswith("--") and "=" in tok:
            name, inline = tok.split("=", 1)
        elif not tok.startswith("--") and len(tok) > 2 and tok[2] == "=":
            name, inline = tok[:2], tok[3:]  # "-p=value", as yargs and clap read it
        if name not in names:
            raise UsageError("error: unexpected argument '%s' found" % name)
        canonical, arity = names[name]
        values = flags.setdefault(canonical, [])
        if arity == "none":
            i += 1
        elif arity == "one":
            if inline is not None:
                values.append(inline)
                i += 1
            elif i + 1 < len(argv):
                if not HYPHEN_VALUES and argv[i + 1].startswith("-") and argv[i + 1] != "-":
                    raise UsageError("error: a value is required for '%s' but none was supplied" % name)
                values.append(argv[i + 1])
                i += 2
            else:
                raise UsageError("error: a value is required for '%s' but none was supplied" % name)
        else:
            j = i + 1
            if inline is not None:
                values.append(inline)
            while j < len(argv) and not argv[j].startswith("-"):
                values.append(argv[j])
                j += 1
            if not values:
                raise UsageError("error: a value is required for '%s' but none was supplied" % name)
            i = j
    if len(positionals) > max_positionals:
        raise UsageError("error: unexpected argument '%s' found" % positionals[max_positionals])
    return flags, positionals


def one(flags, name, default=None):
    values = flags.get(name)
    return values[-1] if values else default


def require_choice(flags, name, choices):
    value = one(flags, name)
    if value is not None and value not in choices:
        raise UsageError("error: invalid value '%s' for '%s' (possible values: %s)"
                         % (value, name, ", ".join(choices)))


def describe_file(path):
    try:
        st = os.stat(path)
        with open(path, "r", encoding="utf-8", errors="replace") as f:
            content = f.read(65536)
        return {"exists": True, "mode": oct(st.st_mode & 0o777), "content": content}
    except OSError:
        return {"exists": False}


def read_stdin():
    """What the caller gave on stdin, for status checks whose callers must close it at once: "" when closed
    (or /dev/null), None when it is still open and silent after a while (nothing is waited for longer)."""
    try:
        ready, _, _ = select.select([sys.stdin], [], [], 2.0)
        if not ready:
            return None
        return os.read(sys.stdin.fileno(), 65536).decode("utf-8", "replace")
    except (OSError, ValueError):
        return ""


def record(cli, argv, files=None, error=None, stdin=False):
    """Appends one call to $FAKE_CLI_RECORD; stdin=True also records what came on stdin (see read_stdin)."""
    path = env("FAKE_CLI_RECORD")
    if not path:
        return
    entry = {"cli": cli, "argv": argv, "cwd": os.getcwd(), "env": dict(os.environ), "pid": os.getpid(),
             "time": time.time(), "mode": mode()}
    if stdin:
        entry["stdin"] = read_stdin()
    if files:
        entry["files"] = files
    if error:
        entry["usageError"] = error
    data = (json.dumps(entry) + "\n").encode("utf-8")
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    try:
        os.write(fd, data)
    finally:
        os.close(fd)


NOISE = ["\x1b[33mwarning: fake noise before the output\x1b[0m", "not json {", "Loading...",
         "[1/3] still thinking", "}{ broken"]


def garble(stdout, line_oriented):
    """Non-JSON noise mixed into the output: between every line when the format is line-oriented,
    around the document otherwise."""
    lines = stdout.splitlines()
    if line_oriented:
        out = []
        for n, line in enumerate(lines):
            out.append(NOISE[n % len(NOISE)])
            out.append(line)
        out.append(NOISE[-1])
        return "\n".join(out) + "\n"
    return NOISE[0] + "\n" + NOISE[2] + "\n" + stdout + ("" if stdout.endswith("\n") else "\n") + NOISE[3] + "\n"


def emit(stream, text):
    if text:
        stream.write(text)
        stream.flush()


CURRENT_CLI = [None]


def mode():
    """$FAKE_CLI_MODE_<CLI> (e.g. FAKE_CLI_MODE_CODEX) for this fake, else $FAKE_CLI_MODE, else ok."""
    cli = CURRENT_CLI[0]
    own = env("FAKE_CLI_MODE_" + cli.upper()) if cli else None
    return own or env("FAKE_CLI_MODE", "ok")


def logged_out():
    """True in mode logged-out: the fake answers exactly what the real CLI prints when nobody logged in."""
    return mode() == "logged-out"


def retry_loop(lines, repeat, stream):
    """Mode offline: print the first lines, then the same retry line every $FAKE_CLI_RETRY_MS forever."""
    for line in lines:
        emit(stream, line + "\n")
    interval = int(env("FAKE_CLI_RETRY_MS", "500")) / 1000.0
    while True:
        emit(stream, repeat + "\n")
        time.sleep(interval)


LEAK = " account=alice@example.com org=123e4567-e89b-12d3-a456-426614174000 token=s3cr3t-value"


def hang_tree():
    """Modes hang-tree and hang-login: a child that also hangs, holding our stdout, so the caller must kill
    the whole tree; its argv names the record file, so a test can find leftovers of its own run."""
    subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)", "fake-child-of",
                      env("FAKE_CLI_RECORD", "-")])
    time.sleep(120)
    sys.exit(0)


def logged_in():
    """The login state the login checks report: logged in unless mode logged-out (or unknown: not said)."""
    return mode() not in ("logged-out", "unknown")


def out_exit(stdout, code=0, stderr=""):
    if stdout:
        print(stdout)
    if stderr:
        print(stderr, file=sys.stderr)
    sys.stdout.flush()
    sys.exit(code)


def run(cli, version, spec_for, answer, help_for, offline=None, login=None):
    """The main loop shared by every fake.

    login(argv), when given, answers the CLI's login status check (None: argv is not that check) as
    (stdout, exit_code, stderr) in the login state of the mode (logged_in(); mode hang-login hangs).
    spec_for(argv) -> (spec, max_positionals, context, rest): how to parse argv (context e.g. 'exec resume').
    offline(flags, context), when given, runs in mode offline and never returns (codex without a network).
    answer(flags, positionals, context) -> (stdout, stderr, exit_code, line_oriented, files).
    help_for(context, spec) -> help text.
    """
    CURRENT_CLI[0] = cli
    argv = sys.argv[1:]
    if mode() == "hang-tree":
        record(cli, argv, stdin=True)
        hang_tree()
    if argv[:1] in (["--version"], ["-V"], ["-v"]):
        record(cli, argv, stdin=True)
        if mode() == "no-version":
            return 1  # a broken install: silent, exit 1
        print(env("FAKE_CLI_VERSION", version) + (LEAK if mode() == "leaky" else ""))
        return 0
    check = login(argv) if login is not None else None
    if check is not None:
        record(cli, argv, stdin=True)
        if mode() == "hang-login":
            hang_tree()
        out_exit(*check)
    try:
        spec, max_positionals, context, rest = spec_for(argv)
        if "--help" in rest or "-h" in rest:
            record(cli, argv)
            print(help_for(context, spec))
            return 0
        flags, positionals = parse(rest, spec, max_positionals)
        out, err, code, line_oriented, files = answer(flags, positionals, context)
    except UsageError as e:
        record(cli, argv, error=str(e))
        sys.stderr.write(str(e) + "\n")
        return 2
    record(cli, argv, files=files)

    behaviour = mode()
    if behaviour == "offline" and offline is not None:
        offline(flags, context)
    if behaviour == "fail":
        sys.stderr.write(env("FAKE_CLI_STDERR", "fake %s failure" % cli) + "\n")
        sys.stderr.flush()
        return int(env("FAKE_CLI_EXIT", "1"))
    if behaviour == "slow":
        time.sleep(int(env("FAKE_CLI_SLEEP_MS", "2000")) / 1000.0)
    elif behaviour == "tick":
        ticks, pause = int(env("FAKE_CLI_TICKS", "5")), int(env("FAKE_CLI_TICK_MS", "200")) / 1000.0
        for i in range(ticks):
            emit(sys.stdout, "tick %d\n" % i)
            time.sleep(pause)
    elif behaviour == "hang":
        emit(sys.stdout, "fake %s is working...\n" % cli)
        while True:
            time.sleep(3600)
    elif behaviour == "child":
        child = subprocess.Popen(["sleep", "1000"])
        pid_file = env("FAKE_CLI_CHILD_PID_FILE")
        if pid_file:
            with open(pid_file, "w") as f:
                f.write(str(child.pid))
        emit(sys.stdout, "fake %s started child %d\n" % (cli, child.pid))
        child.wait()
        return 0
    elif behaviour == "huge":
        remaining = int(env("FAKE_CLI_BYTES", str(1 << 20)))
        line = ("x" * 99 + "\n").encode("ascii")
        out_stream = sys.stdout.buffer
        while remaining > 0:
            chunk = line[:remaining] if remaining < len(line) else line
            out_stream.write(chunk)
            remaining -= len(chunk)
        out_stream.flush()
        return 0
    elif behaviour == "garbage":
        out = garble(out, line_oriented)
    elif behaviour == "empty":
        out = ""  # a reviewer that answers nothing, exit 0

    emit(sys.stderr, err)
    emit(sys.stdout, out)
    return code


def help_text(usage, spec):
    lines = [usage, "", "Options:"]
    for key, arity in spec.items():
        names = ", ".join(key.split("|"))
        lines.append("  %s%s" % (names, "" if arity == "none" else " <value>" + ("..." if arity == "variadic" else "")))
    return "\n".join(lines)
