#!/bin/sh
# Runs a command inside an arm64 root as if on a Raspberry Pi 4, under qemu user-mode emulation.
# In a mount namespace of its own (everything mounted here vanishes with the command, whatever
# way it ends), the root is mounted read-only, as a kiosk's root filesystem is, and gets:
#   /proc            the host's, with a Pi 4's /proc/cpuinfo bound over it
#   /sys             the host's, with a device tree model under /sys/firmware/devicetree/base
#   /dev             the host's: pseudo-terminals, /dev/null...; there is no /dev/gpiochip*
#   /tmp, /run       empty tmpfs, as systemd mounts them; /tmp/.X11-unix the host's X sockets
#   /run/lobby       WORK, writable: the configuration, the data folder, the report
#   /opt/lobby-kiosk DIST, the unpacked kiosk, read-only
# The cached root is never written to. The command runs as the root's kiosk user (uid 1000, in
# the dialout, video and gpio groups), as the kiosk's systemd service runs it, with this
# script's environment.
#
# /proc/device-tree cannot be made inside procfs; on a Pi it is a link to
# /sys/firmware/devicetree/base, which is made. Pi4J identifies the board by the Revision line of
# /proc/cpuinfo first (c03114: a Pi 4 Model B), and reads the model only when that fails.
#
# usage: pi-run.sh ROOT CPUINFO MODEL WORK DIST COMMAND [ARG...]      (as root)
set -eu
if [ -z "${LOBBY_PI_NAMESPACE:-}" ]; then
  LOBBY_PI_NAMESPACE=1 exec unshare --mount --propagation private sh "$0" "$@"
fi
unset LOBBY_PI_NAMESPACE
root=$1 cpuinfo=$2 model=$3 work=$4 dist=$5
shift 5
here=$(cd "$(dirname "$0")" && pwd)
sh "$here/pi-binfmt.sh" "$root"
mount --bind "$root" "$root"
mount -o remount,bind,ro "$root"
mount -t proc proc "$root/proc"
mount --bind "$cpuinfo" "$root/proc/cpuinfo"
mount --rbind /sys "$root/sys"
mount -t tmpfs -o size=1m,mode=755 tmpfs "$root/sys/firmware"
mkdir -p "$root/sys/firmware/devicetree/base"
printf '%s\0' "$model" > "$root/sys/firmware/devicetree/base/model"
mount --rbind /dev "$root/dev"
mount -t tmpfs -o mode=1777 tmpfs "$root/tmp"
mkdir -m 1777 "$root/tmp/.X11-unix"
[ -d /tmp/.X11-unix ] && mount --bind /tmp/.X11-unix "$root/tmp/.X11-unix"
mount -t tmpfs -o mode=755 tmpfs "$root/run"
mkdir "$root/run/lobby"
mount --bind "$work" "$root/run/lobby"
mount --bind "$dist" "$root/opt/lobby-kiosk"
mount -o remount,bind,ro "$root/opt/lobby-kiosk"
exec chroot --userspec=1000:1000 --groups=20,44,997 "$root" "$@"
