#!/bin/sh
# quickstart.sh: the README's first command.  On a fresh Debian 12 machine:
# installs the Debian packages stdtool needs (and the zh_CN.UTF-8 locale
# for Chinese messages), builds in build/, and runs the demo on the bundled
# example data.  Safe to run again.

set -eu
cd "$(dirname "$0")"

packages="build-essential autoconf automake pkg-config gettext git locales
	libxml2-dev libxslt1-dev libgit2-dev check libxml2-utils xsltproc valgrind"
sudo=
[ "$(id -u)" = 0 ] || sudo=sudo

missing=
for p in $packages; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' ||
		missing="$missing $p"
done
if [ -n "$missing" ]; then
	echo "== installing:$missing"
	$sudo apt-get update
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends $missing
fi
if ! locale -a 2>/dev/null | grep -qix 'zh_CN.utf8'; then
	echo "== generating the zh_CN.UTF-8 locale"
	$sudo sed -i 's/^# *zh_CN.UTF-8 UTF-8/zh_CN.UTF-8 UTF-8/' /etc/locale.gen
	grep -q '^zh_CN.UTF-8 UTF-8' /etc/locale.gen || echo 'zh_CN.UTF-8 UTF-8' | $sudo tee -a /etc/locale.gen > /dev/null
	$sudo locale-gen
fi

echo "== building in build/"
[ -x configure ] || autoreconf -fi
mkdir -p build
cd build
[ -f Makefile ] || ../configure --quiet
make -j"$(nproc)"
cd ..

echo "== demo"
examples/demo.sh build/src/stdtool demo
