//! The window (iced). Screens take the session and tell the root what to do.

pub mod app;
pub mod background;
pub mod capture;
pub mod choices;
pub mod dialogs;
pub mod editor;
pub mod effect;
pub mod meeting;
pub mod path_prompt;
pub mod person_form;
pub mod picker;
pub mod preview;
pub mod revision;
pub mod shortcuts;
pub mod style;
pub mod team;
pub mod virtual_list;
pub mod widget;
pub mod window_fit;

use std::path::PathBuf;
use std::process::ExitCode;

pub use app::{App, Launch, Message};

/// Shipped so that "Côte d'Ivoire", "Türkiye" and "Izsák-Ndiaye" look the same everywhere.
pub const FONT_REGULAR: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
pub const FONT_BOLD: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf");
pub const FONT_NAME: &str = "DejaVu Sans";

/// The application icon in the title bar and the task bar: 64x64 RGBA, rendered from
/// `assets/icon/rapporteur.svg` by `scripts/icons`.
const ICON_RGBA: &[u8] = include_bytes!("../../assets/icon/rapporteur-64.rgba");

fn window_icon() -> Option<iced::window::Icon> {
    iced::window::icon::from_rgba(ICON_RGBA.to_vec(), 64, 64).ok()
}

pub fn run(path: Option<PathBuf>, demo: bool, device: Option<String>) -> ExitCode {
    let boot = move || {
        App::boot(
            Launch {
                path: path.clone(),
                demo,
                device: device.clone(),
            },
            Box::new(dialogs::NativeDialogs),
        )
    };
    let result = iced::application(boot, App::update, App::view)
        .title(App::title)
        .subscription(App::subscription)
        .exit_on_close_request(false)
        .font(FONT_REGULAR)
        .font(FONT_BOLD)
        .default_font(iced::Font::with_name(FONT_NAME))
        .theme(|_: &App| iced::Theme::Light)
        .window(iced::window::Settings {
            size: window_fit::OPENING,
            min_size: Some(window_fit::SMALLEST),
            exit_on_close_request: false,
            icon: window_icon(),
            #[cfg(target_os = "linux")]
            platform_specific: iced::window::settings::PlatformSpecific {
                // The desktop entry's name: the dock shows its icon for this window.
                application_id: "rapporteur".into(),
                ..Default::default()
            },
            ..iced::window::Settings::default()
        })
        .run();
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("rapporteur: the window could not be opened: {e}");
            ExitCode::FAILURE
        }
    }
}
