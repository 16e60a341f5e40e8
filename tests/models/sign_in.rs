//! Password guessing is throttled per address, accredited or not, and a lockout ends on its
//! own; passwords are stored as argon2 hashes.
use chrono::Duration;
use loco_rs::testing::prelude::*;
use redress::{
    app::App,
    errors::AppError,
    models::{sign_in_failures::SignInPolicy, users},
    tasks::demo::DEMO_PASSWORD,
};
use serial_test::serial;

use crate::support::{monday_morning, world};

const POLICY: SignInPolicy = SignInPolicy {
    max_failures: 5,
    window_minutes: 15,
    lockout_minutes: 15,
    reset_interval_minutes: 5,
};

#[tokio::test]
#[serial]
async fn five_wrong_passwords_pause_the_address_and_even_the_right_one_waits_for_the_end() {
    let boot = boot_test::<App>().await.expect("boot");
    let db = boot.app_context.db.clone();
    let w = world(&boot.app_context).await;
    let t0 = monday_morning();
    let at = |minutes: i64| t0 + Duration::minutes(minutes);
    let email = w.mediator.email.clone();
    let try_with = |password: &'static str, minute: i64| {
        let (db, email) = (db.clone(), email.clone());
        async move { users::Model::authenticate(&db, &email, password, at(minute), POLICY).await }
    };
    for minute in 0..4 {
        assert!(matches!(
            try_with("not the password", minute).await,
            Err(AppError::Unauthorized)
        ));
    }
    let until = match try_with("not the password", 4).await {
        Err(AppError::Throttled(until)) => until,
        other => panic!("the fifth failure pauses the address: {other:?}"),
    };
    assert_eq!(until, at(4 + 15));
    assert!(
        matches!(try_with(DEMO_PASSWORD, 10).await, Err(AppError::Throttled(u)) if u == until),
        "the right password is not even checked during the pause"
    );
    // The address is written in another case: the same address, the same pause.
    let shouted =
        users::Model::authenticate(&db, &email.to_uppercase(), DEMO_PASSWORD, at(10), POLICY).await;
    assert!(matches!(shouted, Err(AppError::Throttled(_))));

    let back = try_with(DEMO_PASSWORD, 20)
        .await
        .expect("the pause is over");
    assert_eq!(back.email, email);
    // Success clears the count: four more failures do not pause it again.
    for minute in 21..25 {
        assert!(matches!(
            try_with("not the password", minute).await,
            Err(AppError::Unauthorized)
        ));
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[serial]
async fn sixty_passwords_sent_at_once_get_five_checks_and_the_rest_are_refused_unchecked() {
    let boot = boot_test::<App>().await.expect("boot");
    let db = boot.app_context.db.clone();
    let w = world(&boot.app_context).await;
    let at = monday_morning();
    let burst: Vec<_> = (0..60)
        .map(|i| {
            let (db, email) = (db.clone(), w.mediator.email.clone());
            // Sixty different guesses. (The right password is not among them: checked first,
            // it would clear the count, as a successful sign-in does, and open five more
            // checks; which task runs first is the scheduler's choice.)
            let password = format!("guess number {i}");
            tokio::spawn(async move {
                users::Model::authenticate(&db, &email, &password, at, POLICY).await
            })
        })
        .collect();
    let mut checked = 0;
    let mut paused = 0;
    for task in burst {
        match task.await.expect("task") {
            Err(AppError::Unauthorized) => checked += 1,
            Ok(_) => panic!("a wrong guess signed in"),
            Err(AppError::Throttled(until)) => {
                assert_eq!(until, at + Duration::minutes(15));
                paused += 1;
            }
            Err(other) => panic!("{other:?}"),
        }
    }
    // Of the five admitted, the failure that reaches the limit answers with the pause.
    assert!(checked <= 5, "{checked} passwords checked");
    assert_eq!(checked + paused, 60);
    assert!(paused >= 55, "{paused} refused");
    assert!(matches!(
        users::Model::authenticate(&db, &w.mediator.email, DEMO_PASSWORD, at, POLICY).await,
        Err(AppError::Throttled(_))
    ));
}

#[tokio::test]
#[serial]
async fn failures_spread_beyond_the_window_never_add_up_to_a_pause() {
    let boot = boot_test::<App>().await.expect("boot");
    let db = boot.app_context.db.clone();
    let w = world(&boot.app_context).await;
    let t0 = monday_morning();
    for round in 0..3 {
        for minute in 0..4 {
            let at = t0 + Duration::minutes(round * 20 + minute);
            let r = users::Model::authenticate(&db, &w.registrar.email, "wrong guess", at, POLICY)
                .await;
            assert!(
                matches!(r, Err(AppError::Unauthorized)),
                "round {round}: {r:?}"
            );
        }
    }
}

#[tokio::test]
#[serial]
async fn an_unknown_address_is_paused_alike_so_a_pause_reveals_no_account() {
    let boot = boot_test::<App>().await.expect("boot");
    let db = boot.app_context.db.clone();
    world(&boot.app_context).await;
    let t0 = monday_morning();
    let mut last = None;
    for minute in 0..5 {
        last = Some(
            users::Model::authenticate(
                &db,
                "nobody@test.example",
                "a guess",
                t0 + Duration::minutes(minute),
                POLICY,
            )
            .await,
        );
    }
    assert!(
        matches!(last, Some(Err(AppError::Throttled(_)))),
        "{last:?}"
    );
}

#[tokio::test]
#[serial]
async fn passwords_are_stored_as_salted_argon2_hashes() {
    let boot = boot_test::<App>().await.expect("boot");
    let w = world(&boot.app_context).await;
    let a = users::by_pid(&boot.app_context.db, w.mediator.actor.pid)
        .await
        .unwrap();
    let b = users::by_pid(&boot.app_context.db, w.registrar.actor.pid)
        .await
        .unwrap();
    assert!(a.password.starts_with("$argon2id$"), "{}", a.password);
    assert!(!a.password.contains(DEMO_PASSWORD));
    assert_ne!(
        a.password, b.password,
        "the same password, salted differently"
    );
}
