//! The pages, driven as a browser would: cookies, the CSRF token and form key each page
//! carries, redirects. (The headless-browser story lives in `browser`.)
mod account;
mod cases;
mod mail;
mod tour;

use axum_test::{TestResponse, TestServer};

use crate::support::Person;
use redress::tasks::demo::DEMO_PASSWORD;

/// One browser: its cookies and the CSRF token its pages carry.
#[derive(Clone, Debug, Default)]
pub struct Browser {
    cookies: std::collections::BTreeMap<String, String>,
    pub csrf: String,
    /// The one-time key of the last page's first form.
    pub key: String,
}

/// The value of the first `name="<name>" value="..."` input in a page.
pub fn input_value(html: &str, name: &str) -> Option<String> {
    let needle = format!("name=\"{name}\" value=\"");
    let start = html.find(&needle)? + needle.len();
    let end = html[start..].find('"')? + start;
    Some(html[start..end].to_string())
}

impl Browser {
    fn cookie_header(&self) -> String {
        self.cookies
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("; ")
    }

    fn keep(&mut self, res: &TestResponse) {
        for h in res.iter_headers_by_name("set-cookie") {
            let raw = h.to_str().unwrap_or_default();
            let pair = raw.split(';').next().unwrap_or_default();
            if let Some((k, v)) = pair.split_once('=') {
                let removal = raw.contains("Max-Age=0") || v.is_empty();
                if removal {
                    self.cookies.remove(k.trim());
                } else {
                    self.cookies.insert(k.trim().to_string(), v.to_string());
                }
            }
        }
        let html = res.text();
        if let Some(token) = input_value(&html, "_csrf").filter(|t| !t.is_empty()) {
            self.csrf = token;
        }
        if let Some(key) = input_value(&html, "_key") {
            self.key = key;
        }
    }

    /// `GET path`, keeping cookies and the page's CSRF token.
    pub async fn get(&mut self, server: &TestServer, path: &str) -> TestResponse {
        let mut req = server.get(path);
        if !self.cookies.is_empty() {
            req = req.add_header("cookie", self.cookie_header());
        }
        let res = req.await;
        self.keep(&res);
        res
    }

    /// `POST path` with the form `fields`, the CSRF token added.
    pub async fn post(
        &mut self,
        server: &TestServer,
        path: &str,
        fields: &[(&str, &str)],
    ) -> TestResponse {
        let mut all: Vec<(&str, &str)> = vec![("_csrf", self.csrf.as_str())];
        all.extend_from_slice(fields);
        let csrf = self.csrf.clone();
        let mut all: Vec<(String, String)> = all
            .into_iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        all[0].1 = csrf;
        self.post_raw(server, path, &all).await
    }

    /// Opens the case page and sends its form for `action`, with the version the page shows,
    /// the form key `key` and `fields`.
    pub async fn act(
        &mut self,
        server: &TestServer,
        pid: &str,
        key: &str,
        action: &str,
        fields: &[(&str, &str)],
    ) -> TestResponse {
        let page = self.get(server, &format!("/cases/{pid}")).await.text();
        let version = input_value(&page, "expected_version").expect("the page offers actions");
        let mut all = vec![
            ("_key", key),
            ("action", action),
            ("expected_version", version.as_str()),
        ];
        all.extend_from_slice(fields);
        self.post(server, &format!("/cases/{pid}/act"), &all).await
    }

    /// `POST path` with exactly `fields` (no token added).
    pub async fn post_raw(
        &mut self,
        server: &TestServer,
        path: &str,
        fields: &[(String, String)],
    ) -> TestResponse {
        let mut req = server.post(path).form(&fields);
        if !self.cookies.is_empty() {
            req = req.add_header("cookie", self.cookie_header());
        }
        let res = req.await;
        self.keep(&res);
        res
    }

    /// `POST path` as a form with files (`multipart/form-data`): the CSRF token first, then
    /// `fields`, then `files` under `file`, in the order a page's form sends them.
    pub async fn post_files(
        &mut self,
        server: &TestServer,
        path: &str,
        fields: &[(&str, &str)],
        files: &[(&str, &[u8])],
    ) -> TestResponse {
        use axum_test::multipart::{MultipartForm, Part};
        let form = fields.iter().fold(
            MultipartForm::new().add_text("_csrf", self.csrf.clone()),
            |form, (k, v)| form.add_text(k.to_string(), v.to_string()),
        );
        let form = files.iter().fold(form, |form, (name, bytes)| {
            form.add_part("file", Part::bytes(bytes.to_vec()).file_name(*name))
        });
        let mut req = server.post(path).multipart(form);
        if !self.cookies.is_empty() {
            req = req.add_header("cookie", self.cookie_header());
        }
        let res = req.await;
        self.keep(&res);
        res
    }

    /// The session cookie's value.
    pub fn session_value(&self) -> String {
        self.cookies
            .get("redress_session")
            .cloned()
            .unwrap_or_default()
    }

    pub fn has_cookie(&self, name: &str) -> bool {
        self.cookies.contains_key(name)
    }

    /// Signs `who` in through the sign-in page; the browser then holds their session.
    pub async fn sign_in(server: &TestServer, who: &Person) -> Self {
        let mut b = Self::default();
        b.get(server, "/sign-in").await;
        let res = b
            .post(
                server,
                "/sign-in",
                &[("email", who.email.as_str()), ("password", DEMO_PASSWORD)],
            )
            .await;
        assert_eq!(res.status_code(), 303, "{}", res.text());
        let home = res.header("location").to_str().unwrap().to_string();
        b.get(server, &home).await;
        b
    }
}

/// Where a redirect points.
pub fn location(res: &TestResponse) -> String {
    res.header("location")
        .to_str()
        .unwrap_or_default()
        .to_string()
}
