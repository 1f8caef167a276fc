//! A long list that builds only the rows in (and just around) its viewport.
//!
//! A report may hold 10,000 paragraphs; building a widget for each on every frame made
//! a keystroke cost as much as the meeting was long. The list keeps one height per row,
//! estimated from the row's length until the row has been on screen and measured (by a
//! [`sensor`]); the rows outside the window are replaced by two empty spaces of the
//! same total height, so the scroll bar and the scroll position stay true.

use rustc_hash::FxHashMap as HashMap;

use iced::widget::scrollable::{AbsoluteOffset, Viewport};
use iced::widget::{Column, Id, column, operation, scrollable, sensor, space};
use iced::{Element, Fill, Size, Task};

use crate::ui::style;

/// Rows built above and below the viewport, as a share of its height: enough that a
/// wheel step or a key press never shows an empty gap before the next frame.
const OVERSCAN: f32 = 1.0;
/// Viewport height assumed until the list has been shown and scrolled once.
const FIRST_VIEWPORT: f32 = 900.0;
/// Room kept above or below a row scrolled into view, so it is not flush with the edge.
const MARGIN: f32 = 24.0;

/// One row as the list needs to know it: a key that stays with the row when others
/// move, and a height to assume until it has been measured.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RowSize {
    pub key: u64,
    pub estimate: f32,
}

/// What the list reports back to its screen, handed to [`VirtualList::update`].
#[derive(Debug, Clone)]
pub enum Event {
    /// A row (by key) was laid out at this size.
    Measured(u64, Size),
    /// The scrollable moved or was resized.
    Scrolled(Viewport),
}

/// The rows to build this frame, and the room the others take.
#[derive(Debug, Clone, PartialEq)]
pub struct Window {
    pub rows: std::ops::Range<usize>,
    pub above: f32,
    pub below: f32,
}

#[derive(Debug, Clone)]
pub struct VirtualList {
    id: Id,
    keys: Vec<u64>,
    index: HashMap<u64, usize>,
    heights: Vec<f32>,
    /// `starts[i]` is the top of row `i`; one more entry than rows, the total height.
    starts: Vec<f32>,
    /// Heights measured on screen, by key; valid for `measured_width`.
    measured: HashMap<u64, f32>,
    measured_width: f32,
    offset: f32,
    viewport: f32,
}

impl VirtualList {
    pub fn new(id: &'static str) -> Self {
        VirtualList {
            id: Id::new(id),
            keys: Vec::new(),
            index: HashMap::default(),
            heights: Vec::new(),
            starts: vec![0.0],
            measured: HashMap::default(),
            measured_width: 0.0,
            offset: 0.0,
            viewport: FIRST_VIEWPORT,
        }
    }

    /// Replaces the rows (after the content changed); heights already measured for a
    /// key are kept, the others estimated.
    pub fn set_rows(&mut self, rows: impl IntoIterator<Item = RowSize>) {
        self.keys.clear();
        self.heights.clear();
        self.index.clear();
        for (i, row) in rows.into_iter().enumerate() {
            self.keys.push(row.key);
            self.index.insert(row.key, i);
            self.heights.push(
                self.measured
                    .get(&row.key)
                    .copied()
                    .unwrap_or(row.estimate.max(1.0)),
            );
        }
        self.recount();
    }

    fn recount(&mut self) {
        self.starts.clear();
        let mut top = 0.0;
        self.starts.push(top);
        for h in &self.heights {
            top += h;
            self.starts.push(top);
        }
    }

    pub fn len(&self) -> usize {
        self.keys.len()
    }

    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    pub fn total(&self) -> f32 {
        self.starts.last().copied().unwrap_or(0.0)
    }

    pub fn offset(&self) -> f32 {
        self.offset
    }

    /// The width rows were last measured at (0 before any was), for estimates.
    pub fn width(&self) -> f32 {
        self.measured_width
    }

    /// Takes in what the list's widgets reported.
    pub fn update(&mut self, event: Event) {
        match event {
            Event::Measured(key, size) => {
                self.measured(key, size);
            }
            Event::Scrolled(viewport) => self.scrolled(viewport),
        }
    }

    /// A row was laid out at `size`. Returns whether anything moved.
    pub fn measured(&mut self, key: u64, size: Size) -> bool {
        if (size.width - self.measured_width).abs() > 0.5 {
            // New width: every earlier measure is stale (text wraps differently).
            self.measured.clear();
            self.measured_width = size.width;
        }
        self.measured.insert(key, size.height);
        let Some(slot) = self.index.get(&key).and_then(|i| self.heights.get_mut(*i)) else {
            return false;
        };
        if (*slot - size.height).abs() < 0.5 {
            return false;
        }
        *slot = size.height;
        self.recount();
        true
    }

    /// The scrollable moved or was resized.
    pub fn scrolled(&mut self, viewport: Viewport) {
        self.offset = viewport.absolute_offset().y;
        self.viewport = viewport.bounds().height.max(1.0);
    }

    /// The row at `y` pixels from the top of the content (the last row past the end).
    fn row_at(&self, y: f32) -> usize {
        // First start strictly greater than y, minus one.
        let after = self.starts.partition_point(|s| *s <= y);
        after.saturating_sub(1).min(self.len().saturating_sub(1))
    }

    /// Where the scroll position really is: the scrollable stops at the end of content.
    fn clamped_offset(&self) -> f32 {
        self.offset
            .min((self.total() - self.viewport).max(0.0))
            .max(0.0)
    }

    pub fn window(&self) -> Window {
        if self.is_empty() {
            return Window {
                rows: 0..0,
                above: 0.0,
                below: 0.0,
            };
        }
        let offset = self.clamped_offset();
        let extra = self.viewport * OVERSCAN;
        let first = self.row_at((offset - extra).max(0.0));
        let last = self.row_at(offset + self.viewport + extra);
        let end = (last + 1).min(self.len());
        let top = |i: usize| self.starts.get(i).copied().unwrap_or(0.0);
        Window {
            rows: first..end,
            above: top(first),
            below: (self.total() - top(end)).max(0.0),
        }
    }

    /// Scrolls so that row `index` is fully in view, if it is not; the new offset is
    /// taken at once, so the next view already builds the rows around it.
    pub fn reveal<T>(&mut self, index: usize) -> Task<T> {
        let (Some(top), Some(bottom)) = (
            self.starts.get(index).copied(),
            self.starts.get(index + 1).copied(),
        ) else {
            return Task::none();
        };
        let offset = self.clamped_offset();
        let wanted = if top < offset + MARGIN {
            (top - MARGIN).max(0.0)
        } else if bottom > offset + self.viewport - MARGIN {
            // A row taller than the viewport shows its top.
            (bottom - self.viewport + MARGIN).min(top - MARGIN).max(0.0)
        } else {
            return Task::none();
        };
        self.offset = wanted;
        operation::scroll_to(self.id.clone(), AbsoluteOffset { x: 0.0, y: wanted })
    }

    /// The list: `row(i)` builds row `i`; `report` wraps what the list reports back.
    pub fn view<'a, M: Clone + 'a>(
        &self,
        row: impl Fn(usize) -> Element<'a, M>,
        report: impl Fn(Event) -> M + Clone + 'a,
    ) -> scrollable::Scrollable<'a, M> {
        let window = self.window();
        let mut rows = Column::new().width(Fill);
        for i in window.rows.clone() {
            let Some(key) = self.keys.get(i).copied() else {
                continue;
            };
            let shown = report.clone();
            let resized = report.clone();
            rows = rows.push(
                sensor(row(i))
                    .key(key)
                    .anticipate(self.viewport * OVERSCAN)
                    .on_show(move |size| shown(Event::Measured(key, size)))
                    .on_resize(move |size| resized(Event::Measured(key, size))),
            );
        }
        scrollable(column![
            space().height(window.above),
            rows,
            space().height(window.below)
        ])
        .id(self.id.clone())
        .spacing(style::gap::XXS)
        .on_scroll(move |viewport| report(Event::Scrolled(viewport)))
        .width(Fill)
        .height(Fill)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(heights: &[f32]) -> VirtualList {
        let mut l = VirtualList::new("test");
        l.set_rows(heights.iter().enumerate().map(|(i, h)| RowSize {
            key: i as u64,
            estimate: *h,
        }));
        l
    }

    fn scroll(l: &mut VirtualList, y: f32, height: f32) {
        l.offset = y;
        l.viewport = height;
    }

    #[test]
    fn the_window_covers_the_viewport_and_the_rest_is_empty_space_of_the_same_height() {
        let mut l = list(&[10.0; 10_000]);
        scroll(&mut l, 50_000.0, 100.0);
        let w = l.window();
        // 100 px above and below the 100 px viewport: rows 4990..=5020.
        assert_eq!(w.rows, 4990..5021);
        assert_eq!(w.above, 49_900.0);
        let built: f32 = w.rows.len() as f32 * 10.0;
        assert_eq!(w.above + built + w.below, l.total());
        assert_eq!(l.total(), 100_000.0);
    }

    #[test]
    fn the_window_is_the_same_size_at_100_and_10_000_rows() {
        let mut small = list(&[30.0; 100]);
        let mut large = list(&[30.0; 10_000]);
        scroll(&mut small, 600.0, 600.0);
        scroll(&mut large, 150_000.0, 600.0);
        assert_eq!(small.window().rows.len(), large.window().rows.len());
    }

    #[test]
    fn a_scroll_past_the_end_shows_the_last_rows() {
        let mut l = list(&[20.0; 500]);
        scroll(&mut l, 1e9, 200.0);
        let w = l.window();
        assert_eq!(w.rows.end, 500);
        assert_eq!(w.below, 0.0);
        assert!(w.rows.start <= 490, "the last viewport's rows are built");
    }

    #[test]
    fn a_measured_row_keeps_its_height_when_rows_are_rebuilt_in_another_order() {
        let mut l = list(&[10.0, 10.0, 10.0]);
        assert!(l.measured(1, Size::new(300.0, 55.0)));
        assert_eq!(l.total(), 75.0);
        l.set_rows([2, 1, 0].map(|key| RowSize {
            key,
            estimate: 10.0,
        }));
        assert_eq!(l.starts, vec![0.0, 10.0, 65.0, 75.0]);
        // The same size again changes nothing.
        assert!(!l.measured(1, Size::new(300.0, 55.0)));
        // Another width makes the earlier measures stale; the new one counts.
        assert!(l.measured(0, Size::new(500.0, 30.0)));
        l.set_rows([0, 1, 2].map(|key| RowSize {
            key,
            estimate: 10.0,
        }));
        assert_eq!(l.total(), 50.0);
    }

    #[test]
    fn reveal_scrolls_only_when_the_row_is_out_of_view() {
        let mut l = list(&[50.0; 1000]);
        scroll(&mut l, 0.0, 500.0);
        let _: Task<()> = l.reveal(3);
        assert_eq!(l.offset(), 0.0, "row 3 is already in view");
        let _: Task<()> = l.reveal(999);
        // Row 999 ends at 50,000: its bottom sits a margin above the viewport's bottom.
        assert_eq!(l.offset(), 50_000.0 - 500.0 + MARGIN);
        let _: Task<()> = l.reveal(0);
        assert_eq!(l.offset(), 0.0);
        let w = {
            let _: Task<()> = l.reveal(600);
            l.window()
        };
        assert!(w.rows.contains(&600));
    }

    #[test]
    fn an_empty_list_builds_nothing() {
        let l = list(&[]);
        assert_eq!(
            l.window(),
            Window {
                rows: 0..0,
                above: 0.0,
                below: 0.0
            }
        );
        assert_eq!(l.total(), 0.0);
    }
}
