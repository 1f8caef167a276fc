//! The window's size: it opens at 1280x720, which a 1366x768 laptop shows whole, and no
//! smaller than 1024x700, where every screen still works; on a screen that leaves no
//! room around it (a laptop's, with its taskbar) it takes the desktop's work area.

use iced::Size;

pub const OPENING: Size = Size::new(1280.0, 720.0);
pub const SMALLEST: Size = Size::new(1024.0, 700.0);

// The opening size fits a 1366x768 screen whole.
const _: () = assert!(OPENING.width <= 1366.0 && OPENING.height <= 768.0);

/// Room the desktop's own bars and the window's title bar take, at most.
const FRAME: Size = Size::new(60.0, 140.0);

/// Whether the window should be maximized on a screen of this size (the window manager
/// then fits it to the work area, taskbars excluded).
pub fn maximize_on(screen: Size) -> bool {
    screen.width < OPENING.width + FRAME.width || screen.height < OPENING.height + FRAME.height
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn laptops_maximize_and_desktops_keep_the_opening_size() {
        assert!(maximize_on(Size::new(1366.0, 768.0)));
        assert!(maximize_on(Size::new(1280.0, 800.0)));
        assert!(maximize_on(Size::new(1024.0, 700.0)));
        assert!(!maximize_on(Size::new(1920.0, 1080.0)));
        assert!(!maximize_on(Size::new(2560.0, 1440.0)));
    }
}
