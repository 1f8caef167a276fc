//! Shared by the benchmarks: made-up statements of realistic length, a large meeting,
//! and timing.

use chrono::DateTime;

use rapporteur::core::intervention::{Intervention, Speaker};
use rapporteur::core::session::Session;
use rapporteur::core::{ReportKind, delegation::catalogue, demo::demo_session};

const WORDS: &[&str] = &[
    "stressed",
    "that",
    "the",
    "prevention",
    "of",
    "atrocity",
    "crimes",
    "required",
    "early",
    "warning",
    "and",
    "national",
    "focal",
    "points",
    "accountability",
    "civil",
    "society",
    "participation",
    "human",
    "rights",
    "mechanisms",
];

/// A 90-word statement, different for each `i`.
pub fn statement(i: usize) -> String {
    let words: Vec<&str> = (0..90)
        .map(|w| WORDS[(i * 7 + w * 3) % WORDS.len()])
        .collect();
    words.join(" ")
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

/// The demo meeting with `interventions` made-up statements spread over its four
/// segments, most by States, every fifth by a participant.
#[allow(dead_code)]
pub fn demo_with(interventions: usize) -> Session {
    let mut s = demo_session();
    s.interventions.clear();
    s.meeting.report_kind = ReportKind::PanelSummary;
    let states: Vec<_> = catalogue().iter().filter(|d| d.kind.is_state()).collect();
    let ids: Vec<String> = states.iter().map(|d| s.ensure_delegation(d)).collect();
    let start = DateTime::from_timestamp(1_620_738_000, 0).unwrap();
    for i in 0..interventions {
        let text = statement(i);
        let speaker = if i % 5 == 0 {
            Speaker::Participant(1 + (i % 8) as u32)
        } else {
            Speaker::Delegation(ids[i % ids.len()].clone())
        };
        let at = start + chrono::Duration::seconds(i as i64 * 30);
        s.interventions.push(Intervention {
            id: i as u64 + 1,
            speaker,
            on_behalf_of: None,
            segment: 1 + (i % 4) as u32,
            started_at: at,
            ended_at: at,
            text,
            footnotes: Vec::new(),
        });
    }
    s
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
