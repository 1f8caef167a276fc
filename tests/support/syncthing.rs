//! Two real Syncthing instances (Debian's `syncthing`) on loopback only: no discovery,
//! no relays, no NAT traversal, no reporting or upgrades; each with its own folder,
//! shared between the two. Configured through the REST API with `curl`.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub struct Instance {
    pub home: PathBuf,
    pub gui: u16,
    pub listen: u16,
    pub key: String,
    pub id: String,
    child: Option<Child>,
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

impl Instance {
    /// A new instance in `home`, configured for loopback only, started.
    pub fn start(home: &Path) -> Instance {
        std::fs::create_dir_all(home).unwrap();
        let out = Command::new("syncthing")
            .args(["generate", "--no-default-folder", "--skip-port-probing"])
            .arg(format!("--home={}", home.display()))
            .output()
            .expect("syncthing is installed (scripts/test installs it)");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let (gui, listen) = (free_port(), free_port());
        let key = format!("rapporteur-test-{gui}-{listen}");
        let config = home.join("config.xml");
        let mut xml = std::fs::read_to_string(&config).unwrap();
        for (from, to) in [
            (
                "<listenAddress>default</listenAddress>".to_string(),
                format!("<listenAddress>tcp://127.0.0.1:{listen}</listenAddress>"),
            ),
            (
                "<globalAnnounceEnabled>true".into(),
                "<globalAnnounceEnabled>false".into(),
            ),
            (
                "<localAnnounceEnabled>true".into(),
                "<localAnnounceEnabled>false".into(),
            ),
            ("<relaysEnabled>true".into(), "<relaysEnabled>false".into()),
            ("<startBrowser>true".into(), "<startBrowser>false".into()),
            ("<natEnabled>true".into(), "<natEnabled>false".into()),
            ("<urAccepted>0".into(), "<urAccepted>-1".into()),
            (
                "<autoUpgradeIntervalH>12".into(),
                "<autoUpgradeIntervalH>0".into(),
            ),
            (
                "<crashReportingEnabled>true".into(),
                "<crashReportingEnabled>false".into(),
            ),
        ] {
            assert!(xml.contains(&from), "config.xml has {from}");
            xml = xml.replace(&from, &to);
        }
        std::fs::write(&config, xml).unwrap();
        let id = String::from_utf8(
            Command::new("syncthing")
                .args(["serve", "--device-id"])
                .arg(format!("--home={}", home.display()))
                .output()
                .unwrap()
                .stdout,
        )
        .unwrap()
        .trim()
        .to_string();
        let child = Command::new("syncthing")
            .args(["serve", "--no-browser", "--no-restart", "--no-upgrade"])
            .arg(format!("--home={}", home.display()))
            .arg(format!("--gui-address=http://127.0.0.1:{gui}"))
            .arg(format!("--gui-apikey={key}"))
            .env("STNODEFAULTFOLDER", "1")
            .env("STNOUPGRADE", "1")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let instance = Instance {
            home: home.to_path_buf(),
            gui,
            listen,
            key,
            id,
            child: Some(child),
        };
        wait_for(Duration::from_secs(30), "Syncthing's REST API", || {
            instance.get("/rest/system/ping").contains("pong")
        });
        instance
    }

    fn curl(&self, method: &str, path: &str, body: Option<&str>) -> String {
        let mut cmd = Command::new("curl");
        cmd.args(["-s", "-X", method, "-H"])
            .arg(format!("X-API-Key: {}", self.key))
            .arg(format!("http://127.0.0.1:{}{path}", self.gui));
        if let Some(body) = body {
            cmd.args(["-H", "Content-Type: application/json", "-d", body]);
        }
        let out = cmd.output().expect("curl is installed");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    pub fn get(&self, path: &str) -> String {
        self.curl("GET", path, None)
    }

    /// Knows `other` at its fixed loopback address.
    pub fn add_device(&self, other: &Instance) {
        let body = format!(
            r#"{{"deviceID": "{}", "name": "peer", "addresses": ["tcp://127.0.0.1:{}"], "autoAcceptFolders": false}}"#,
            other.id, other.listen
        );
        self.curl("POST", "/rest/config/devices", Some(&body));
    }

    /// Shares `folder` (its own path) with `other` under the id "team", watching it
    /// with a one-second delay.
    pub fn share(&self, folder: &Path, other: &Instance) {
        let body = format!(
            r#"{{"id": "team", "label": "team", "path": "{}", "type": "sendreceive", "fsWatcherEnabled": true, "fsWatcherDelayS": 1, "rescanIntervalS": 5, "devices": [{{"deviceID": "{}"}}, {{"deviceID": "{}"}}]}}"#,
            folder.display(),
            self.id,
            other.id
        );
        self.curl("POST", "/rest/config/folders", Some(&body));
    }

    pub fn connected_to(&self, other: &Instance) -> bool {
        let text = self.get("/rest/system/connections");
        let Ok(json) = serde_json::from_str::<serde_json::Value>(&text) else {
            return false;
        };
        json.pointer(&format!("/connections/{}/connected", other.id))
            .and_then(serde_json::Value::as_bool)
            .unwrap_or(false)
    }

    /// Stops talking to `other` (a network cut) or starts again.
    pub fn set_paused(&self, other: &Instance, paused: bool) {
        let verb = if paused { "pause" } else { "resume" };
        self.curl(
            "POST",
            &format!("/rest/system/{verb}?device={}", other.id),
            None,
        );
    }
}

impl Drop for Instance {
    fn drop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

/// Two instances linked on loopback, sharing folder `a` with folder `b`; returned once
/// they are connected.
pub fn pair(root: &Path, a: &Path, b: &Path) -> (Instance, Instance) {
    let sa = Instance::start(&root.join("st-a"));
    let sb = Instance::start(&root.join("st-b"));
    sa.add_device(&sb);
    sb.add_device(&sa);
    sa.share(a, &sb);
    sb.share(b, &sa);
    wait_for(
        Duration::from_secs(60),
        "the two Syncthing instances to connect",
        || sa.connected_to(&sb) && sb.connected_to(&sa),
    );
    (sa, sb)
}

/// Two folders in `root`, `a-team` holding `session` as a team session shared by
/// device "RS" and `b-team` empty, carried by two linked instances; returned once B has
/// the team folder.
pub fn team_pair(
    root: &Path,
    session: &rapporteur::core::Session,
) -> (PathBuf, PathBuf, Instance, Instance) {
    let (a, b) = (root.join("a-team"), root.join("b-team"));
    // Syncthing's folder marker; the team folder's own files go beside it.
    std::fs::create_dir_all(a.join(".stfolder")).unwrap();
    std::fs::create_dir_all(b.join(".stfolder")).unwrap();
    rapporteur::storage::team::session::TeamSession::share(
        session,
        &a,
        rapporteur::storage::team::Device::this_run(Some("RS")),
    )
    .unwrap();
    let (sa, sb) = pair(root, &a, &b);
    wait_for(
        Duration::from_secs(60),
        "the team folder to reach B",
        || rapporteur::storage::team::session::read_merged(&b).is_ok(),
    );
    (a, b, sa, sb)
}

/// Polls `ok` every 100 ms until it holds; panics naming `what` after `limit`.
pub fn wait_for(limit: Duration, what: &str, mut ok: impl FnMut() -> bool) -> Duration {
    let start = Instant::now();
    while !ok() {
        assert!(start.elapsed() < limit, "waited {limit:?} for {what}");
        std::thread::sleep(Duration::from_millis(100));
    }
    start.elapsed()
}
