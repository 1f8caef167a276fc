//! Windows: a window program has no console of its own. When it was started from one
//! without the launcher handing over its handles (`rapporteur.exe export ...` typed
//! directly), messages and errors go to the console it was started from.

use windows_sys::Win32::System::Console::{
    ATTACH_PARENT_PROCESS, AttachConsole, GetStdHandle, STD_ERROR_HANDLE,
};

pub fn attach() {
    // SAFETY: plain Win32 calls without pointers; a null handle means none was given.
    unsafe {
        if GetStdHandle(STD_ERROR_HANDLE).is_null() {
            AttachConsole(ATTACH_PARENT_PROCESS);
        }
    }
}
