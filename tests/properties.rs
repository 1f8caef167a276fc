//! Property tests: save/load round trips, arbitrary bytes never crash the loader, and
//! text cleaning always yields what XML can carry.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // a failed expectation is the test failing

use chrono::DateTime;
use proptest::prelude::*;

use rapporteur::core::demo::demo_session;
use rapporteur::core::intervention::{Intervention, Speaker};
use rapporteur::core::text::{clean, is_clean};
use rapporteur::storage::file::{parse, to_bytes};

/// Text that mixes ordinary letters, accents, XML specials and control characters on
/// purpose (`any::<String>()` rarely produces the control characters that matter).
fn nasty_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        "[a-zA-Z ]{1,8}",
        Just("Côte d'Ivoire".to_string()),
        Just("<&>\"'".to_string()),
        Just("\u{000B}".to_string()),
        Just("\u{0000}".to_string()),
        Just("\u{0007}\u{001F}".to_string()),
        Just("\r\n".to_string()),
        Just("\u{FFFF}\u{FFFE}".to_string()),
        Just("\u{2028}".to_string()),
        any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(piece, 0..12).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn cleaned_text_is_xml_safe_and_stable(text in nasty_text()) {
        let once = clean(&text);
        prop_assert!(is_clean(&once));
        prop_assert_eq!(clean(&once), once.clone());
        for c in once.chars() {
            let forbidden = (c < ' ' && c != '\t' && c != '\n') || c == '\u{FFFE}' || c == '\u{FFFF}';
            prop_assert!(!forbidden, "{:?} left in {:?}", c, once);
        }
    }

    #[test]
    fn sessions_round_trip_through_the_file(
        texts in prop::collection::vec(nasty_text(), 0..20),
        name in nasty_text(),
        minutes in prop::collection::vec(0i64..100_000, 20),
    ) {
        let mut session = demo_session();
        session.name = name;
        for (i, text) in texts.into_iter().enumerate() {
            let at = DateTime::from_timestamp(1_600_000_000 + minutes[i] * 60, 0).unwrap();
            session.interventions.push(Intervention {
                id: 1000 + i as u64,
                speaker: Speaker::Delegation("peru".into()),
                on_behalf_of: None,
                segment: 1,
                started_at: at,
                ended_at: at,
                text,
                footnotes: Vec::new(),
                written: false,
                kind: Default::default(),
                provenance: Default::default(),
            }.into());
        }
        let bytes = to_bytes(&session);
        let back = parse(&bytes, std::path::Path::new("p.json")).unwrap();
        // What comes back is the checked session: control characters a file may carry
        // are cleaned on reading, every text that was clean is kept to the letter.
        let mut expected = session.clone();
        rapporteur::core::repair::repair(&mut expected);
        prop_assert_eq!(&back, &expected);
        for (a, b) in session.interventions.iter().zip(&back.interventions) {
            prop_assert_eq!(&clean(&a.text), &b.text);
        }
        let again = parse(&to_bytes(&back), std::path::Path::new("p.json")).unwrap();
        prop_assert_eq!(again, back);
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let _ = parse(&bytes, std::path::Path::new("junk.json"));
    }

    #[test]
    fn damaged_session_files_never_panic(cut in 0usize..10_000, flips in prop::collection::vec((0usize..10_000, any::<u8>()), 0..6)) {
        let mut bytes = to_bytes(&demo_session());
        for (at, value) in flips {
            let len = bytes.len();
            bytes[at % len] = value;
        }
        bytes.truncate(cut.min(bytes.len()));
        match parse(&bytes, std::path::Path::new("damaged.json")) {
            Ok(session) => prop_assert_eq!(session.format_version.as_str(), "1.0"),
            Err(e) => prop_assert!(e.to_string().contains("damaged.json")),
        }
    }
}
