//! What a task returned by `App::update` produces, as the window's runtime would deliver
//! it a moment later (a file dialog's answer, a file read or written off the window's
//! thread, a report assembled ahead). Widget operations (focus, scrolling) need a real
//! tree and are left out.

use iced::Task;
use rapporteur::ui::app::Message;

/// The messages `task` produces, once it has run to its end.
pub fn produced(task: Task<Message>) -> Vec<Message> {
    let Some(stream) = iced_runtime::task::into_stream(task) else {
        return Vec::new();
    };
    futures::executor::block_on_stream(stream)
        .filter_map(|action| match action {
            iced_runtime::Action::Output(message) => Some(message),
            _ => None,
        })
        .collect()
}
