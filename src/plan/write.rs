//! The only writer: every changed file staged beside its target, synced, then renamed into
//! place; backups created exclusively first.

use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use super::{Change, PlannedFile, Replaced};

/// Writes every changed file, all or nothing as far as the file system allows: each file
/// goes to a temporary file beside its target first, and only when all of them are
/// written and synced are they renamed into place. A failure before that leaves every
/// target untouched.
pub fn write_all(files: &[PlannedFile]) -> Result<()> {
    let _whole_write = crate::terminal::WRITE_LOCK
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let mut staged = Vec::new();
    for file in files.iter().filter(|f| f.change != Change::Unchanged) {
        staged.push((file, stage(file)?));
    }
    for (file, _) in &staged {
        if let Some(replaced) = &file.replaced {
            keep_backup(file, replaced)?;
        }
    }
    for (file, temp) in staged {
        temp.persist(&file.path).with_context(|| {
            format!("cannot move the new {} into place", file.display.display())
        })?;
    }
    Ok(())
}

fn stage(file: &PlannedFile) -> Result<tempfile::NamedTempFile> {
    let name = file.display.display();
    let parent = file
        .path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    fs::create_dir_all(parent)
        .with_context(|| format!("cannot create the folder {} for {name}", parent.display()))?;
    // A new file gets what the user's umask allows of rw-rw-rw-, as any editor would
    // create it; an existing one keeps its mode.
    let mut temp = tempfile::Builder::new()
        .prefix(".st-setup-")
        .permissions(new_file_permissions())
        .tempfile_in(parent)
        .with_context(|| format!("cannot write in {} (for {name})", parent.display()))?;
    temp.write_all(file.new.as_bytes())
        .and_then(|()| temp.as_file().sync_all())
        .with_context(|| format!("cannot write {name}"))?;
    if let Ok(meta) = fs::metadata(&file.path) {
        fs::set_permissions(temp.path(), meta.permissions())
            .with_context(|| format!("cannot keep the permissions of {name}"))?;
    }
    Ok(temp)
}

#[cfg(unix)]
fn new_file_permissions() -> fs::Permissions {
    use std::os::unix::fs::PermissionsExt as _;
    fs::Permissions::from_mode(0o666)
}

#[cfg(not(unix))]
fn new_file_permissions() -> fs::Permissions {
    tempfile::tempfile()
        .and_then(|f| f.metadata())
        .map(|m| m.permissions())
        .expect("a temp file")
}

/// `FILE.bak`, or `FILE.1.bak`, `FILE.2.bak`, … when that is taken: a backup never
/// overwrites anything, not even an older backup.
fn free_backup_name(path: &Path) -> std::ffi::OsString {
    let name = path.file_name().unwrap_or_default();
    (0..)
        .map(|n| {
            let mut candidate = name.to_owned();
            if n > 0 {
                candidate.push(format!(".{n}"));
            }
            candidate.push(".bak");
            candidate
        })
        .find(|candidate| fs::symlink_metadata(path.with_file_name(candidate)).is_err())
        .expect("some name is free")
}

/// Where the backup of the file at `path` (its real path) goes, named as the user would
/// name it: beside `display` when that is where the file really is, else (through a link)
/// beside the real file, relative to the project when it is inside.
pub(super) fn backup_display(project: &Path, display: &Path, path: &Path) -> PathBuf {
    let name = free_backup_name(path);
    let display_folder = project
        .join(display)
        .parent()
        .and_then(|folder| fs::canonicalize(folder).ok());
    if display_folder.as_deref() == path.parent() {
        return display.with_file_name(name);
    }
    let real = path.with_file_name(name);
    match fs::canonicalize(project) {
        Ok(root) => real
            .strip_prefix(&root)
            .map_or(real.clone(), Path::to_owned),
        Err(_) => real,
    }
}

/// Copies the file about to be replaced to its backup, refusing to overwrite anything
/// (another process may have taken the name since the plan was made).
fn keep_backup(file: &PlannedFile, replaced: &Replaced) -> Result<()> {
    let backup = file
        .path
        .with_file_name(replaced.backup.file_name().unwrap_or_default());
    let fail = || {
        format!(
            "cannot keep a copy of {} as {}",
            file.display.display(),
            replaced.backup.display()
        )
    };
    let mut source = fs::File::open(&file.path).with_context(fail)?;
    let mut copy = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&backup)
        .with_context(fail)?;
    std::io::copy(&mut source, &mut copy)
        .and_then(|_| copy.set_permissions(source.metadata()?.permissions()))
        .and_then(|()| copy.sync_all())
        .with_context(fail)
}
