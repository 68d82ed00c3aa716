#!/usr/bin/env bash
# Runs the README's first command as a newcomer would: a fresh non-root user, a fresh clone
# of this repo's HEAD, nothing installed but Node and npm. Needs root (to create that user);
# removes the user and the clone at the end. Prints the command, its time and its exit code.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && git rev-parse --show-toplevel)"
if [ "$(id -u)" -ne 0 ]; then
  echo "run as root: it creates a throwaway user to run the command as" >&2
  exit 2
fi
user="tp2dg-newcomer-$$"
useradd --create-home --shell /bin/bash "$user"
home="$(getent passwd "$user" | cut -d: -f6)"
cleanup() { userdel --remove "$user" 2>/dev/null || true; }
trap cleanup EXIT
# The first sh block of the README: the command a newcomer copies.
command="$(awk '/^```sh$/ {block = 1; next} block && /^```$/ {exit} block {print}' "$repo/README.md")"
echo "README's first command: $command"
# Cloned by root (git refuses to read a repository another user owns), then handed over.
git clone --quiet "$repo" "$home/tp2dg"
chown -R "$user:" "$home/tp2dg"
start=$(date +%s)
status=0
runuser -u "$user" -- bash -lc "cd ~/tp2dg && $command" >"$home/first-command.log" 2>&1 || status=$?
echo "exit code $status after $(($(date +%s) - start)) s, as $user (uid $(id -u "$user")) in a fresh clone"
tail -n 5 "$home/first-command.log"
exit "$status"
