#!/usr/bin/env python3
"""One fake for every command the doctor and cli_upgrade run (claude, codex, gemini, grok, vibe,
npm, pip, pip3, uv, brew). The test harness copies this file under each command's name; the name
it was started as picks the behaviour, and DOCTOR_FAKE_MODE_<NAME> (upper-case name) picks the mode.
Every start appends one JSON line {name, argv, stdin} to the file named by DOCTOR_FAKE_RECORD."""
import json
import os
import subprocess
import sys
import time

name = os.path.basename(sys.argv[0])
args = sys.argv[1:]
mode = os.environ.get("DOCTOR_FAKE_MODE_" + name.upper(), "logged_in")
stdin = sys.stdin.read()  # the doctor closes stdin at once: this returns "" instead of blocking

record = os.environ.get("DOCTOR_FAKE_RECORD")
if record:
    with open(record, "a") as f:
        f.write(json.dumps({"name": name, "argv": args, "stdin": stdin}) + "\n")


def hang():
    # a child that also hangs, holding our stdout: the caller must kill the whole tree
    # (its last argument names the record file, so a test can find leftovers of its own run)
    subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)", "fake-child-of", record or "-"])
    time.sleep(120)
    sys.exit(0)


def out(text, code=0, err=""):
    if text:
        print(text)
    if err:
        print(err, file=sys.stderr)
    sys.exit(code)


VERSIONS = {
    "claude": "2.0.14 (Claude Code)",
    "codex": "codex-cli 0.46.0",
    "gemini": "0.9.0",
    "grok": "grok 1.0.3",
    "vibe": "vibe 1.2.0",
}

if mode == "hang":
    hang()

if name in VERSIONS:
    if args == ["--version"]:
        if mode == "broken":
            sys.exit(1)
        if mode == "leaky":
            out(VERSIONS[name] + " account=alice@example.com org=123e4567-e89b-12d3-a456-426614174000 token=s3cr3t-value")
        out(VERSIONS[name])
    if mode == "hang_login":
        hang()
    logged_in = mode in ("logged_in", "leaky")
    if name == "claude" and args == ["auth", "status", "--json"]:
        out(json.dumps({"loggedIn": logged_in, "authMethod": "claude.ai",
                        "email": "alice@example.com"} if logged_in else {"loggedIn": False}))
    if name == "codex" and args == ["login", "status"]:
        if logged_in:
            out("", 0, "Logged in using ChatGPT")
        out("", 1, "Not logged in")
    if name == "grok" and args == ["inspect", "--json"]:
        if mode == "unknown":
            out(json.dumps({"version": "1.0.3", "model": "grok-4"}))
        out(json.dumps({"version": "1.0.3", "authenticated": logged_in}))
    if name == "vibe" and args == ["auth", "status"]:
        if mode == "unknown":
            out("vibe: configuration at ~/.vibe")
        out("Authenticated as alice@example.com" if logged_in else "Not authenticated. Run: vibe auth login")
    out("", 2, "fake %s: unexpected arguments %r" % (name, args))

# installers used by cli_upgrade
if name == "npm":
    if mode == "fail":
        out("", 1, "npm ERR! code E404\nnpm ERR! 404 Not Found - GET https://registry.npmjs.org/@google%2fgemini-cli")
    out("changed 1 package in 2s")
if name in ("pip", "pip3"):
    if args[:1] == ["show"]:
        if mode == "has_vibe" and args[1:] == ["mistral-vibe"]:
            out("Name: mistral-vibe\nVersion: 3.0.3\nSummary: Minimal CLI coding agent by Mistral")
        out("", 1, "WARNING: Package(s) not found: " + " ".join(args[1:]))
    if mode == "fail":
        out("", 1, "ERROR: No matching distribution found for mistral-vibe")
    out("Successfully installed mistral-vibe-3.0.4")
if name == "uv":
    if args[:2] == ["tool", "list"]:
        out("mistral-vibe v3.0.3\n- vibe" if mode == "has_vibe" else "ruff v0.6.0\n- ruff")
    out("Updated mistral-vibe v3.0.3 -> v3.0.4")
if name == "brew":
    if args[:1] == ["list"]:
        if mode == "has_vibe":
            out("/opt/homebrew/Cellar/mistral-vibe/3.0.3/bin/vibe")
        out("", 1, "Error: No such keg: /opt/homebrew/Cellar/mistral-vibe")
    out("==> Upgrading mistral-vibe")
out("", 2, "fake %s: unknown command" % name)
