#!/bin/sh
# Lets the kernel run arm64 programs through Debian's qemu-aarch64-static (qemu-user-static), so
# that an arm64 root can be entered with chroot and the programs started inside it (the JVM's
# subprocesses too) run emulated. Registers the interpreter with the F flag (opened once, now),
# which makes it usable inside any chroot; when some other registration without F is already in
# place, the interpreter is copied into ROOT at the path that registration names.
#
# usage: pi-binfmt.sh ROOT        (as root)
set -eu
root=$1
qemu=$(command -v qemu-aarch64-static 2>/dev/null || true)
[ -n "$qemu" ] || { echo "pi-binfmt: qemu-aarch64-static is missing (Debian package qemu-user-static)" >&2; exit 1; }
misc=/proc/sys/fs/binfmt_misc
if [ ! -e "$misc/register" ]; then
  mount -t binfmt_misc binfmt_misc "$misc" \
    || { echo "pi-binfmt: cannot mount binfmt_misc on $misc (not root, or a container without it)" >&2; exit 1; }
fi
[ "$(cat "$misc/status")" = enabled ] || echo 1 > "$misc/status"
entry=""
for f in "$misc"/*; do
  case "$(basename "$f")" in register|status) continue ;; esac
  grep -q '^magic 7f454c460201010000000000000000000200b700' "$f" 2>/dev/null && entry=$f && break
done
if [ -z "$entry" ]; then
  printf '%s' ':lobby-aarch64:M::\x7f\x45\x4c\x46\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x02\x00\xb7\x00:\xff\xff\xff\xff\xff\xff\xff\x00\xff\xff\xff\xff\xff\xff\xff\xff\xfe\xff\xff\xff:'"$qemu"':F' \
    > "$misc/register"
  entry=$misc/lobby-aarch64
fi
[ "$(head -1 "$entry")" = enabled ] || echo 1 > "$entry"
if ! grep -q '^flags:.*F' "$entry"; then
  interpreter=$(sed -n 's/^interpreter //p' "$entry")
  mkdir -p "$root$(dirname "$interpreter")"
  cp "$qemu" "$root$interpreter"
fi
