pub fn run(_p: Option<std::path::PathBuf>, _d: bool) -> std::process::ExitCode { std::process::ExitCode::SUCCESS }
