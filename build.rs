//! Build-time facts the program states about itself:
//! - `RAPPORTEUR_COMMIT`: the commit it was built from (`rapporteur --version`, the help
//!   overlay), from `git`, or from the variable of that name where there is no checkout
//!   (a source archive), else "unknown";
//! - on Windows, the exe's icon and version information (its file properties), compiled
//!   by the MinGW resource compiler and linked into every program of the package.

use std::path::{Path, PathBuf};
use std::process::Command;

fn main() {
    println!("cargo:rerun-if-env-changed=RAPPORTEUR_COMMIT");
    let commit = std::env::var("RAPPORTEUR_COMMIT")
        .ok()
        .filter(|c| !c.trim().is_empty())
        .or_else(git_commit)
        .unwrap_or_else(|| "unknown".into());
    println!("cargo:rustc-env=RAPPORTEUR_COMMIT={}", commit.trim());
    for watched in [".git/HEAD", ".git/packed-refs"] {
        if Path::new(watched).exists() {
            println!("cargo:rerun-if-changed={watched}");
        }
    }
    if let Some(head) = std::fs::read_to_string(".git/HEAD")
        .ok()
        .and_then(|h| h.strip_prefix("ref: ").map(|r| r.trim().to_string()))
    {
        let reference = format!(".git/{head}");
        if Path::new(&reference).exists() {
            println!("cargo:rerun-if-changed={reference}");
        }
    }
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() == Ok("windows") {
        windows_resources();
    }
}

fn git_commit() -> Option<String> {
    let out = Command::new("git")
        .args(["rev-parse", "--short=10", "HEAD"])
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
        .filter(|c| !c.is_empty())
}

/// The icon (first icon of the exe: Explorer, the task bar, Add/Remove Programs) and the
/// VERSIONINFO block Windows shows in the file's properties.
fn windows_resources() {
    println!("cargo:rerun-if-changed=assets/icon/rapporteur.ico");
    println!("cargo:rerun-if-env-changed=WINDRES");
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").unwrap_or_else(|_| ".".into()));
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default());
    let icon = manifest.join("assets/icon/rapporteur.ico");
    let version = std::env::var("CARGO_PKG_VERSION").unwrap_or_default();
    let part = |name: &str| std::env::var(name).unwrap_or_else(|_| "0".into());
    let numbers = format!(
        "{},{},{},0",
        part("CARGO_PKG_VERSION_MAJOR"),
        part("CARGO_PKG_VERSION_MINOR"),
        part("CARGO_PKG_VERSION_PATCH")
    );
    let rc = format!(
        r#"1 ICON "{icon}"
1 VERSIONINFO
FILEVERSION {numbers}
PRODUCTVERSION {numbers}
FILEOS 0x40004
FILETYPE 0x1
BEGIN
  BLOCK "StringFileInfo"
  BEGIN
    BLOCK "040904B0"
    BEGIN
      VALUE "CompanyName", "Rapporteur"
      VALUE "FileDescription", "Rapporteur: UN meeting reports and minutes"
      VALUE "FileVersion", "{version}"
      VALUE "InternalName", "rapporteur"
      VALUE "LegalCopyright", "MIT licence"
      VALUE "OriginalFilename", "rapporteur.exe"
      VALUE "ProductName", "Rapporteur"
      VALUE "ProductVersion", "{version}"
    END
  END
  BLOCK "VarFileInfo"
  BEGIN
    VALUE "Translation", 0x409, 1200
  END
END
"#,
        icon = icon.display().to_string().replace('\\', "/"),
    );
    let rc_path = out_dir.join("rapporteur.rc");
    let object = out_dir.join("rapporteur-resources.o");
    if let Err(e) = std::fs::write(&rc_path, rc) {
        panic!("cannot write {}: {e}", rc_path.display());
    }
    let windres = std::env::var("WINDRES").unwrap_or_else(|_| "x86_64-w64-mingw32-windres".into());
    let status = Command::new(&windres)
        .arg(&rc_path)
        .args(["-O", "coff", "-o"])
        .arg(&object)
        .status();
    match status {
        Ok(s) if s.success() => {
            println!("cargo:rustc-link-arg-bins={}", object.display());
        }
        other => panic!(
            "{windres} could not compile the Windows resources ({other:?}); install binutils-mingw-w64-x86-64"
        ),
    }
}
