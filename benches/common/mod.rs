//! Shared by the benchmarks: made-up statements of realistic length, a large meeting,
//! and timing.

#[allow(dead_code)]
#[path = "../../tests/support/large.rs"]
mod large;
#[allow(unused_imports)]
pub use large::{demo_with, made_up, statement};

use rapporteur::core::layout::{ChapterKey, ParagraphId};
use rapporteur::core::session::Session;
use rapporteur::report::edit::{History, Op};

#[allow(dead_code)]
/// Groups the statements of each chapter by sevens, each group with a written opening.
pub fn grouped(mut s: Session) -> Session {
    let mut history = History::default();
    let layout = s.layout.resolve(&s);
    let chunks: Vec<Vec<ParagraphId>> = layout
        .chapters
        .iter()
        .filter(|c| c.key != ChapterKey::Introduction)
        .flat_map(|c| {
            let ids: Vec<ParagraphId> = c
                .paragraphs
                .iter()
                .filter(|p| p.generated.is_none())
                .map(|p| p.id)
                .collect();
            // A statement left alone stays as it is (a group holds two or more).
            ids.chunks(7)
                .filter(|c| c.len() > 1)
                .map(<[ParagraphId]>::to_vec)
                .collect::<Vec<_>>()
        })
        .collect();
    for (n, chunk) in chunks.iter().enumerate() {
        let group = history.apply(&mut s, &Op::Group(chunk.clone())).unwrap();
        let text = format!("{{delegations}} {}.", statement(n));
        history
            .apply(&mut s, &Op::SetText { id: group, text })
            .unwrap();
    }
    s
}

/// Runs `f` once to warm up, then `runs` times; the durations, sorted.
pub fn timings(mut f: impl FnMut(), runs: usize) -> Vec<std::time::Duration> {
    f();
    let mut times: Vec<_> = (0..runs)
        .map(|_| {
            let t = std::time::Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    times.sort();
    times
}

/// Times `f` and prints one line: median and 95th percentile against the target.
#[allow(dead_code)]
pub fn measure(name: &str, target: std::time::Duration, runs: usize, f: impl FnMut()) {
    let times = timings(f, runs);
    let median = times[runs / 2];
    let p95 = times[runs * 95 / 100];
    let verdict = if p95 < target { "ok" } else { "OVER TARGET" };
    println!(
        "{name:<58} median {:>8.3} ms   p95 {:>8.3} ms   target < {:>5.1} ms   {verdict}",
        median.as_secs_f64() * 1e3,
        p95.as_secs_f64() * 1e3,
        target.as_secs_f64() * 1e3
    );
}

/// Frames drawn as the event loop draws them: the widget tree's cache is kept between
/// frames, so text that did not change is not shaped again. Build (layout) and draw are
/// both counted; the rasteriser's pixel work is not.
#[allow(dead_code)]
pub struct KeptFrames {
    renderer: iced::Renderer,
    cache: Option<iced_test::runtime::user_interface::Cache>,
}

#[allow(dead_code)]
impl KeptFrames {
    /// The app's fonts, loaded once (through a first Simulator of `view`).
    pub fn settings() -> iced::Settings {
        iced::Settings {
            fonts: vec![
                rapporteur::ui::FONT_REGULAR.into(),
                rapporteur::ui::FONT_BOLD.into(),
            ],
            default_font: iced::Font::with_name(rapporteur::ui::FONT_NAME),
            ..iced::Settings::default()
        }
    }

    pub fn new<M>(view: iced::Element<'_, M>) -> Self {
        use iced_test::core::renderer::Headless;
        let renderer =
            iced_test::futures::futures::executor::block_on(<iced::Renderer as Headless>::new(
                iced::Font::with_name(rapporteur::ui::FONT_NAME),
                iced::Pixels(16.0),
                None,
            ))
            .expect("headless renderer");
        let _ = iced_test::Simulator::with_settings(Self::settings(), view);
        KeptFrames {
            renderer,
            cache: Some(Default::default()),
        }
    }

    /// Lays out and draws one frame of `view` in a 1280 x 820 window.
    pub fn frame<M>(&mut self, view: iced::Element<'_, M>) {
        let mut ui = iced_test::runtime::UserInterface::build(
            view,
            iced::Size::new(1280.0, 820.0),
            self.cache.take().unwrap(),
            &mut self.renderer,
        );
        ui.draw(
            &mut self.renderer,
            &iced::Theme::Light,
            &iced_test::core::renderer::Style {
                text_color: iced::Color::BLACK,
            },
            iced::mouse::Cursor::Unavailable,
        );
        self.cache = Some(ui.into_cache());
    }
}
