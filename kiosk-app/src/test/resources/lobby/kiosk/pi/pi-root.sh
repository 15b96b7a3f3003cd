#!/bin/sh
# Builds an arm64 root of Raspberry Pi OS's Debian base from Debian's own arm64 packages, for the
# emulated Pi check (EmulatedPiIT), without touching the host's package database: apt runs with
# a state folder of its own and only downloads; every package is unpacked with dpkg-deb -x.
#
# usage: pi-root.sh SUITE PACKAGES_FILE ROOT
#   SUITE          trixie or bookworm
#   PACKAGES_FILE  one package a line, # comments
#   ROOT           the root to make; built in ROOT.partial and renamed when complete, so a root
#                  that exists is whole. Downloads are kept in ROOT's folder (apt-SUITE/) for
#                  the next build.
# LOBBY_PI_MIRROR overrides the Debian mirror (default: the host's, else deb.debian.org).
# Needs root (chroot, to run the packages' own ldconfig and fc-cache under qemu).
set -eu
suite=$1
list=$2
root=$3
here=$(cd "$(dirname "$0")" && pwd)
cache=$(dirname "$root")
apt_dir="$cache/apt-$suite"
partial="$root.partial"
started=$(date +%s)

say() { echo "pi-root[$suite]: $*" >&2; }
die() { say "FAILED: $*"; exit 1; }

host_mirror() {
  for f in /etc/apt/sources.list.d/debian.sources /etc/apt/sources.list; do
    [ -r "$f" ] || continue
    m=$(grep -v '^ *#' "$f" | grep -Eo 'https?://[^ ]+/debian/?( |$)' | head -1 | tr -d ' ')
    [ -n "$m" ] && { echo "${m%/}"; return; }
  done
  echo http://deb.debian.org/debian
}
mirror=${LOBBY_PI_MIRROR:-$(host_mirror)}
security=${LOBBY_PI_SECURITY_MIRROR:-$(echo "$mirror" | sed 's#/debian$#/debian-security#')}

for tool in apt-get dpkg-deb chroot; do
  command -v $tool >/dev/null 2>&1 || die "$tool is missing on this machine"
done
packages=$(sed -e 's/#.*//' "$list" | tr -s ' \t\n' ' ')
[ -n "${packages# }" ] || die "no packages in $list"

# --- apt, downloading only, with a state of its own ------------------------------------------
mkdir -p "$apt_dir/state/lists/partial" "$apt_dir/cache/archives/partial" \
  "$apt_dir/etc/apt.conf.d" "$apt_dir/etc/preferences.d" "$apt_dir/etc/sources.list.d"
: > "$apt_dir/state/status"
: > "$apt_dir/etc/sources.list"
cat > "$apt_dir/etc/sources.list.d/debian.sources" <<EOF
Types: deb
URIs: $mirror
Suites: $suite $suite-updates
Components: main
Architectures: arm64
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb
URIs: $security
Suites: $suite-security
Components: main
Architectures: arm64
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
apt() {
  apt-get -q -o Dir::State="$apt_dir/state" -o Dir::State::status="$apt_dir/state/status" \
    -o Dir::Cache="$apt_dir/cache" -o Dir::Etc="$apt_dir/etc" \
    -o Dir::Etc::SourceList="$apt_dir/etc/sources.list" \
    -o Dir::Etc::SourceParts="$apt_dir/etc/sources.list.d" \
    -o Dir::Etc::Parts="$apt_dir/etc/apt.conf.d" \
    -o Dir::Etc::PreferencesParts="$apt_dir/etc/preferences.d" \
    -o Dir::Etc::Preferences="$apt_dir/etc/preferences" \
    -o APT::Architecture=arm64 -o APT::Architectures::=arm64 \
    -o Acquire::Languages=none -o Acquire::Retries=3 -o Debug::NoLocking=1 \
    -o APT::Sandbox::User=root "$@"
}
say "package lists from $mirror (arm64)"
# apt-get update exits 0 when lists cannot be fetched: its "Err:" lines say so.
if ! apt update >"$apt_dir/update.log" 2>&1 || grep -q '^Err:' "$apt_dir/update.log"; then
  die "cannot read Debian's arm64 package lists from $mirror (no network, or the mirror is away?):
$(grep -E '^(Err|E|W):' "$apt_dir/update.log" | head -6)"
fi
apt -y --download-only --no-install-recommends install $packages >"$apt_dir/install.log" 2>&1 \
  || die "cannot download $packages: $(tail -8 "$apt_dir/install.log")"
# The files of this install's packages (apt's simulation: "Inst NAME (VERSION ... [ARCH])").
needed=$(apt -s --no-install-recommends install $packages 2>/dev/null \
  | sed -n 's/^Inst \([^ ]*\) (\([^ ]*\) [^[]*\[\([^]]*\)\].*/\1_\2_\3.deb/p' | sed 's/:/%3a/')
[ -n "$needed" ] || die "apt named no packages for $packages"
downloaded=$(date +%s)

# --- unpack -----------------------------------------------------------------------------------
rm -rf "$partial"
mkdir -p "$partial"
count=0
for deb in $needed; do
  [ -f "$apt_dir/cache/archives/$deb" ] || die "$deb was not downloaded"
  dpkg-deb -x "$apt_dir/cache/archives/$deb" "$partial"
  count=$((count + 1))
done
# Keep the download cache to this set, so it does not grow with every package update.
for f in "$apt_dir/cache/archives/"*.deb; do
  case " $(echo $needed) " in *" $(basename "$f") "*) ;; *) rm -f "$f" ;; esac
done
say "$count packages unpacked"

# --- what the packages' scripts would have done -----------------------------------------------
cd "$partial"
# Merged /usr, as on every Raspberry Pi OS since bookworm (bookworm's packages still ship /lib).
for d in bin sbin lib lib64; do
  if [ -d "$d" ] && [ ! -L "$d" ]; then
    mkdir -p "usr/$d"
    cp -a "$d/." "usr/$d/"
    rm -rf "$d"
  fi
  [ -e "usr/$d" ] && ln -sfn "usr/$d" "$d"
done
# Absolute links made relative, so that the root reads the same from the host as from inside.
find . -type l | while read -r link; do
  target=$(readlink "$link")
  case "$target" in
    /*)
      dir=$(dirname "${link#./}")
      up=$(echo "$dir" | sed -e 's#[^/][^/]*#..#g')
      [ "$dir" = "." ] && up=.
      ln -sfn "$up$target" "$link"
      ;;
  esac
done
[ -e bin/sh ] || ln -s dash usr/bin/sh
# Mount points for pi-run.sh: X11's sockets, the test's folder, the kiosk.
mkdir -p tmp/.X11-unix root proc sys dev run/lobby opt/lobby-kiosk etc/ssl/certs/java var/tmp
chmod 1777 tmp tmp/.X11-unix var/tmp
# base-passwd's users and groups that matter here, and the kiosk's own user in the groups that
# open a Pi's devices (dialout: serial printers and scanners; gpio: /dev/gpiochip*; video: the
# camera): pi-run.sh runs the kiosk as this user, as its systemd service does.
cat > etc/passwd <<'EOF2'
root:x:0:0:root:/root:/bin/sh
kiosk:x:1000:1000:Lobby kiosk:/home/kiosk:/bin/sh
EOF2
cat > etc/group <<'EOF2'
root:x:0:
dialout:x:20:kiosk
video:x:44:kiosk
gpio:x:997:kiosk
kiosk:x:1000:
EOF2
# ca-certificates-java would make the JDK's trust store; the host's is the same file format.
[ -f /etc/ssl/certs/java/cacerts ] && cp /etc/ssl/certs/java/cacerts etc/ssl/certs/java/cacerts
echo "arm64-pi" > etc/hostname
# libc-bin's and fontconfig's triggers, run by the root's own arm64 programs under qemu.
sh "$here/pi-binfmt.sh" "$partial"
chroot "$partial" /usr/sbin/ldconfig || die "ldconfig in the root failed under qemu"
chroot "$partial" /usr/bin/fc-cache -s >/dev/null 2>&1 || die "fc-cache in the root failed under qemu"
cd "$cache"

java=$(ls -d "$partial"/usr/lib/jvm/java-*-openjdk-arm64/bin/java 2>/dev/null | head -1)
[ -n "$java" ] || die "no OpenJDK in the root"
rm -rf "$root"
mv "$partial" "$root"
size=$(du -sm "$root" | cut -f1)
say "root ready in $root: ${size} MB, $(( downloaded - started )) s to download, $(( $(date +%s) - started )) s in all"
