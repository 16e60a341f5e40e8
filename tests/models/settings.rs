//! The `settings:` block is input too: a bad policy is refused at boot with the key at fault.
use redress::{
    models::{
        deadlines::calendar::DayUnit,
        vocabulary::{Category, DeadlineKind, Urgency},
    },
    settings::Settings,
};
use serde_json::{json, Value};

/// The test environment's `settings:` block, read as the app reads it (rendered, then parsed).
fn policy() -> Value {
    loco_rs::config::Config::from_folder(
        &loco_rs::environment::Environment::Test,
        std::path::Path::new("config"),
    )
    .expect("the test config renders")
    .settings
    .expect("settings block")
}

#[test]
fn the_shipped_policy_parses_and_applies_overrides_and_urgency() {
    let s = Settings::from_value(Some(&policy())).expect("valid");
    assert_eq!(
        s.timeline(
            DeadlineKind::FormalResponse,
            Category::AgendaSetting,
            Urgency::Normal
        ),
        (DayUnit::Working, 21)
    );
    assert_eq!(
        s.timeline(
            DeadlineKind::FormalResponse,
            Category::SpeakingTime,
            Urgency::Normal
        ),
        (DayUnit::Working, 10)
    );
    assert_eq!(
        s.timeline(
            DeadlineKind::FormalResponse,
            Category::SpeakingTime,
            Urgency::Urgent
        ),
        (DayUnit::Working, 3)
    );
    assert_eq!(
        s.timeline(DeadlineKind::AppealWindow, Category::Other, Urgency::Normal),
        (DayUnit::Calendar, 15)
    );
}

#[test]
fn a_policy_missing_a_clock_names_it() {
    let mut p = policy();
    p["timelines"]
        .as_object_mut()
        .unwrap()
        .remove("eligibility");
    let err = Settings::from_value(Some(&p))
        .expect_err("refused")
        .to_string();
    assert!(err.contains("timelines.eligibility"), "{err}");
}

#[test]
fn an_urgent_clock_longer_than_the_normal_one_is_refused() {
    let mut p = policy();
    p["timelines"]["acknowledge"] = json!({"unit": "working", "days": 2, "urgent_days": 9});
    assert!(Settings::from_value(Some(&p)).is_err());
}

#[test]
fn unknown_keys_zones_and_units_are_refused_with_their_path() {
    for (path, value, expect) in [
        ("zone", json!("Mars/Olympus"), "calendar.zone"),
        ("unit", json!("fortnights"), "timelines.acknowledge.unit"),
        ("extra", json!(1), "extra"),
    ] {
        let mut p = policy();
        match path {
            "zone" => p["calendar"]["zone"] = value,
            "unit" => p["timelines"]["acknowledge"]["unit"] = value,
            _ => p["extra"] = value,
        }
        let err = Settings::from_value(Some(&p)).expect_err(path).to_string();
        assert!(err.contains(expect), "{path}: {err}");
    }
    assert!(Settings::from_value(None).is_err());
}

#[test]
fn a_week_without_working_days_is_refused() {
    let mut p = policy();
    p["calendar"]["weekend"] = json!(["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]);
    assert!(Settings::from_value(Some(&p)).is_err());
}

#[test]
fn a_bad_notice_policy_is_refused_with_the_key_at_fault() {
    type Case = (&'static str, fn(&mut Value), &'static str);
    let cases: [Case; 6] = [
        (
            "lead 0",
            |p| p["notices"]["reminder_leads_working_days"] = json!([5, 0]),
            "notices.reminder_leads_working_days",
        ),
        (
            "hour 24",
            |p| p["notices"]["morning_hour"] = json!(24),
            "notices.morning_hour",
        ),
        (
            "no escalation delay",
            |p| p["notices"]["escalate_after_working_days"] = json!(0),
            "notices.escalate_after_working_days",
        ),
        (
            "sender",
            |p| p["notices"]["delivery"]["from"] = json!("not a mailbox"),
            "notices.delivery.from",
        ),
        (
            "no attempts",
            |p| p["notices"]["delivery"]["max_attempts"] = json!(0),
            "notices.delivery",
        ),
        (
            "backoff",
            |p| p["notices"]["delivery"]["backoff_base_seconds"] = json!(100_000),
            "notices.delivery.backoff_base_seconds",
        ),
    ];
    for (what, change, expect) in cases {
        let mut p = policy();
        change(&mut p);
        let err = Settings::from_value(Some(&p)).expect_err(what).to_string();
        assert!(err.contains(expect), "{what}: {err}");
    }
}

#[test]
fn an_intake_address_is_a_plain_address_or_empty_for_a_deployment_that_reads_no_mail() {
    for bad in [
        "not an address",
        "registry+x@redress.example",
        "@redress.example",
    ] {
        let mut p = policy();
        p["intake"]["address"] = json!(bad);
        let err = Settings::from_value(Some(&p)).expect_err(bad).to_string();
        assert!(err.contains("intake.address"), "{bad}: {err}");
    }
    for none in [json!({"address": ""}), json!({})] {
        let mut p = policy();
        p["intake"] = none;
        let settings = Settings::from_value(Some(&p)).expect("no intake is a policy");
        assert!(settings.intake.is_none());
        assert_eq!(
            settings.sign_replies_with("c2VjcmV0").reply_address(7),
            None
        );
    }
    let signed = Settings::from_value(Some(&policy()))
        .expect("shipped policy")
        .sign_replies_with("c2VjcmV0");
    let address = signed
        .reply_address(7)
        .expect("the test deployment reads mail");
    assert!(address.starts_with("registry+n7-") && address.ends_with("@redress.test"));
    let unsigned = Settings::from_value(Some(&policy())).expect("shipped policy");
    assert_eq!(
        unsigned.reply_address(7),
        None,
        "no key, no address to forge"
    );
}

#[test]
fn a_jwt_secret_signing_cannot_read_is_refused_at_boot_with_the_key_at_fault() {
    use redress::models::users::check_jwt_secret;
    for bad in ["", "   ", "has-a-dash-in-it!", "abc", "P8fx9iRiRuUYTGpHg8P"] {
        let e = check_jwt_secret(bad).expect_err(bad);
        assert!(e.contains("auth.jwt.secret"), "{bad:?}: {e}");
    }
    for file in [
        "config/test.yaml",
        "config/development.yaml",
        "config/proof.yaml",
    ] {
        let yaml = std::fs::read_to_string(file).expect("config");
        let secret = yaml
            .lines()
            .find_map(|l| l.trim().strip_prefix("secret: "))
            .expect("a jwt secret");
        assert_eq!(check_jwt_secret(secret), Ok(()), "{file}");
    }
}

/// The development config follows the environment a second instance sets: its links point
/// at its own port, and the SMTP port is read like the host.
#[test]
fn development_links_and_mail_follow_port_and_mailer_port() {
    let raw = std::fs::read_to_string("config/development.yaml").expect("config");
    // The environment as a second instance would set it, written in place of the lookups.
    let text = raw
        .replace(r#"get_env(name="PORT", default="5150")"#, r#""5151""#)
        .replace(
            r#"get_env(name="MAILER_PORT", default="1025")"#,
            r#""2525""#,
        );
    assert_ne!(text, raw);
    let dir = std::env::temp_dir().join(format!("redress-config-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("folder");
    std::fs::write(dir.join("development.yaml"), text).expect("write");
    let config =
        loco_rs::config::Config::from_folder(&loco_rs::environment::Environment::Development, &dir)
            .expect("the config renders");
    std::fs::remove_dir_all(&dir).ok();
    let settings = config.settings.expect("settings");
    assert_eq!(settings["public_base_url"], "http://localhost:5151");
    assert_eq!(
        config.mailer.expect("mailer").smtp.expect("smtp").port,
        2525
    );
    assert_eq!(config.server.port, 5151);
}

#[test]
fn a_mailbox_is_named_whole_or_not_at_all_and_a_bad_one_is_refused_at_boot() {
    let shipped = Settings::from_value(Some(&policy())).expect("shipped policy");
    assert!(shipped.mailbox.is_none(), "no IMAP_HOST, no mailbox");
    let mailbox =
        json!({"host": "imap.registry.example", "user": "registry", "password": "s3cret"});
    let mut p = policy();
    p["intake"]["imap"] = mailbox.clone();
    let m = Settings::from_value(Some(&p))
        .expect("a whole mailbox")
        .mailbox
        .expect("a mailbox");
    assert_eq!((m.port, m.tls, m.folder.as_str()), (993, true, "INBOX"));
    assert!(
        !format!("{m:?}").contains("s3cret"),
        "a mailbox's password is never printed"
    );
    let broken = [
        (
            "no password",
            json!({"password": ""}),
            "a user and a password",
        ),
        ("port 0", json!({"port": 0}), "port"),
        ("one folder", json!({"taken_folder": "INBOX"}), "differ"),
        ("idle too long", json!({"idle_minutes": 30}), "idle_minutes"),
        ("unknown key", json!({"hots": "x"}), "hots"),
    ];
    for (what, change, expect) in broken {
        let mut p = policy();
        let mut m = mailbox.clone();
        for (k, v) in change.as_object().expect("object") {
            m[k] = v.clone();
        }
        p["intake"]["imap"] = m;
        let err = Settings::from_value(Some(&p)).expect_err(what).to_string();
        assert!(
            err.contains("imap") && err.contains(expect),
            "{what}: {err}"
        );
    }
    let mut p = policy();
    p["intake"] = json!({"address": "", "imap": mailbox});
    let err = Settings::from_value(Some(&p))
        .expect_err("a mailbox without its address")
        .to_string();
    assert!(err.contains("intake.address"), "{err}");
}
