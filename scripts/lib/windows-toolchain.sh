# Sourced by scripts/package and scripts/test: the Windows build from Debian's packages
# only (no rustup component can be fetched here).
#
# Debian 12's security updates ship a current rustc ("rustc-web") with the standard
# library's source ("rust-web-src"). Unpacked into target/toolchains/ (the system's
# toolchain is left alone) and run with RUSTC_BOOTSTRAP, cargo builds the standard library
# itself (-Zbuild-std) for x86_64-win7-windows-gnu: that target's std does not import
# ProcessPrng (bcryptprimitives.dll), which Debian 12's wine 8.0 lacks, so the exe that the
# tests run under wine is the exe that is shipped, and it runs on Windows 10 and 11 too.
# MinGW-w64 links it and compiles its resources (icon, version information).

WINDOWS_TARGET=x86_64-win7-windows-gnu

# Installs what the Windows build and packaging need, once.
windows_toolchain_setup() {
  local root="$PWD/target/toolchains/rust-web"
  local sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  local need=()
  command -v x86_64-w64-mingw32-gcc >/dev/null || need+=(gcc-mingw-w64-x86-64-win32)
  command -v x86_64-w64-mingw32-windres >/dev/null || need+=(binutils-mingw-w64-x86-64)
  if [ ${#need[@]} -gt 0 ]; then
    echo "scripts: installing ${need[*]}"
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${need[@]}"
  fi
  if [ ! -x "$root/usr/bin/rustc" ] || [ ! -d "$root/usr/lib/rustlib/src/rust/library" ]; then
    echo "scripts: unpacking Debian's rustc-web and rust-web-src into $root"
    $sudo_cmd apt-get update -qq
    # The compiler, its standard library and LLVM, by the names this release depends on.
    local names level
    names="rustc-web libstd-rust-web-dev"
    for level in 1 2; do
      # shellcheck disable=SC2086
      names=$(printf '%s\n' $names $(apt-cache depends --important $names \
        | awk '/Depends: (libstd-rust-web|libllvm)/ { print $2 }') | sort -u | tr '\n' ' ')
    done
    local debs
    debs=$(mktemp -d)
    # shellcheck disable=SC2086
    (cd "$debs" && apt-get download rust-web-src $names)
    rm -rf "$root.partial" && mkdir -p "$root.partial"
    for deb in "$debs"/*.deb; do dpkg-deb -x "$deb" "$root.partial"; done
    rm -rf "$debs" "$root" && mv "$root.partial" "$root"
  fi
  export RUSTC="$root/usr/bin/rustc"
  export RUSTDOC="$root/usr/bin/rustdoc"
  export LD_LIBRARY_PATH="$root/usr/lib/x86_64-linux-gnu${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
  export RUSTC_BOOTSTRAP=1
  export CARGO_TARGET_X86_64_WIN7_WINDOWS_GNU_LINKER=x86_64-w64-mingw32-gcc
  export WINDRES=x86_64-w64-mingw32-windres
  # Its own target folder: the Linux build and tests keep theirs.
  export CARGO_TARGET_DIR="$PWD/target/windows"
  "$RUSTC" --version
}

# cargo for the Windows target: `windows_cargo check` or `windows_cargo build --release`.
windows_cargo() {
  local command=$1
  shift
  cargo "$command" -Zbuild-std=std,panic_abort --target "$WINDOWS_TARGET" --bins "$@"
}
