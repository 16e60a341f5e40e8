//! Reply addresses. Every notice goes out with a `Reply-To` that names it: the intake
//! address with a signed token after a `+` (`registry+n1234-9f0c…@redress.example`), so a
//! reply lands on the notice's case and in its audience, and a forged or altered address
//! lands in the registry's review queue instead. Pure: the key is passed in.
use hmac::{Hmac, Mac};
use sha2::Sha256;

/// The bytes of the signature a token carries: 80 bits, as hex. A guess is right once in
/// 2^80, and the address stays short enough for every mail system's local part (64).
const TAG_BYTES: usize = 10;

/// The key reply tokens are signed with, derived from the app's signing secret under a
/// label of its own: a reply token can never serve as a session token or the reverse, and
/// the deployment has no second secret to configure, rotate or leak.
#[derive(Clone)]
pub struct ReplyKey([u8; 32]);

impl std::fmt::Debug for ReplyKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ReplyKey(..)")
    }
}

/// Why a token names no notice.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenError {
    /// Not the shape of a token at all.
    Malformed,
    /// The shape of a token whose signature does not match: forged or altered.
    Forged,
}

impl ReplyKey {
    #[must_use]
    pub fn derive(secret: &str) -> Self {
        let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes())
            .unwrap_or_else(|_| unreachable!("HMAC takes a key of any length"));
        mac.update(b"redress reply address v1");
        Self(mac.finalize().into_bytes().into())
    }

    fn mac(&self, notice_id: i64) -> Hmac<Sha256> {
        let mut mac = Hmac::<Sha256>::new_from_slice(&self.0)
            .unwrap_or_else(|_| unreachable!("HMAC takes a key of any length"));
        mac.update(&notice_id.to_be_bytes());
        mac
    }

    /// The token naming notice `notice_id`: `n1234-` and the signature in lowercase hex
    /// (mail systems may change the case of a local part, never its letters).
    #[must_use]
    pub fn token(&self, notice_id: i64) -> String {
        use std::fmt::Write;
        let tag = self.mac(notice_id).finalize().into_bytes();
        let mut out = format!("n{notice_id}-");
        for byte in &tag[..TAG_BYTES] {
            let _ = write!(out, "{byte:02x}");
        }
        out
    }

    /// The notice a token names, once its signature is checked (in constant time).
    ///
    /// # Errors
    /// [`TokenError::Malformed`] for what is not a token, [`TokenError::Forged`] for a
    /// token whose signature is not this key's.
    pub fn verify(&self, token: &str) -> Result<i64, TokenError> {
        let token = token.to_ascii_lowercase();
        let (id, tag) = token
            .strip_prefix('n')
            .and_then(|rest| rest.split_once('-'))
            .ok_or(TokenError::Malformed)?;
        let notice_id: i64 = id
            .parse()
            .ok()
            .filter(|n| *n > 0 && !id.starts_with(['0', '+']))
            .ok_or(TokenError::Malformed)?;
        if tag.len() != TAG_BYTES * 2 {
            return Err(TokenError::Malformed);
        }
        let tag = (0..TAG_BYTES)
            .map(|i| u8::from_str_radix(&tag[i * 2..i * 2 + 2], 16))
            .collect::<Result<Vec<u8>, _>>()
            .map_err(|_| TokenError::Malformed)?;
        self.mac(notice_id)
            .verify_truncated_left(&tag)
            .map(|()| notice_id)
            .map_err(|_| TokenError::Forged)
    }
}

/// The intake address, split where plus-addressing puts a token.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IntakeAddress {
    local: String,
    domain: String,
}

impl IntakeAddress {
    /// `registry@redress.example`, as configured.
    ///
    /// # Errors
    /// A message naming what is wrong, for the settings check at boot.
    pub fn parse(address: &str) -> Result<Self, String> {
        let (local, domain) = address
            .trim()
            .rsplit_once('@')
            .ok_or_else(|| format!("{address:?} is not an email address"))?;
        if local.is_empty() || domain.is_empty() || local.contains('+') || local.contains(' ') {
            return Err(format!(
                "{address:?}: the intake address is a plain address (a token is added after a '+')"
            ));
        }
        Ok(Self {
            local: local.to_ascii_lowercase(),
            domain: domain.to_ascii_lowercase(),
        })
    }

    /// The reply address of notice `notice_id`.
    #[must_use]
    pub fn for_notice(&self, key: &ReplyKey, notice_id: i64) -> String {
        format!("{}+{}@{}", self.local, key.token(notice_id), self.domain)
    }

    /// Whether `address` is the intake address itself, with no token.
    #[must_use]
    pub fn is(&self, address: &str) -> bool {
        address.rsplit_once('@').is_some_and(|(l, d)| {
            l.eq_ignore_ascii_case(&self.local) && d.eq_ignore_ascii_case(&self.domain)
        })
    }

    /// What follows the `+` when `address` is the intake address with a detail: the
    /// token to check, or whatever was written in its place.
    #[must_use]
    pub fn detail_of<'a>(&self, address: &'a str) -> Option<&'a str> {
        let (local, domain) = address.rsplit_once('@')?;
        let (base, detail) = local.split_once('+')?;
        (base.eq_ignore_ascii_case(&self.local) && domain.eq_ignore_ascii_case(&self.domain))
            .then_some(detail)
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::{IntakeAddress, ReplyKey, TokenError};

    fn key() -> ReplyKey {
        ReplyKey::derive("c2VjcmV0LWZvci10ZXN0cw==")
    }

    #[test]
    fn a_reply_address_names_its_notice_and_reads_back_whatever_the_case_of_its_letters() {
        let intake = IntakeAddress::parse("Registry@Redress.Example").expect("address");
        let address = intake.for_notice(&key(), 1234);
        assert!(address.starts_with("registry+n1234-"), "{address}");
        assert!(address.len() <= 64 + 1 + "redress.example".len());
        let shouted = address.to_uppercase();
        let detail = intake.detail_of(&shouted).expect("detail");
        assert_eq!(key().verify(detail), Ok(1234));
        assert!(intake.is("REGISTRY@redress.example"));
        assert!(!intake.is(&address));
    }

    #[test]
    fn a_token_of_another_key_or_another_notice_is_forged_and_a_stray_word_is_malformed() {
        let other = ReplyKey::derive("b3RoZXItc2VjcmV0");
        assert_eq!(key().verify(&other.token(7)), Err(TokenError::Forged));
        let token = key().token(7);
        let moved = token.replacen("n7-", "n8-", 1);
        assert_eq!(key().verify(&moved), Err(TokenError::Forged));
        for word in [
            "",
            "n",
            "n7",
            "n7-",
            "n-00",
            "x7-00112233445566778899",
            "n07-00",
            "n7-zz",
        ] {
            assert_eq!(key().verify(word), Err(TokenError::Malformed), "{word:?}");
        }
        let intake = IntakeAddress::parse("registry@redress.example").expect("address");
        assert_eq!(intake.detail_of("someone+n7-00@redress.example"), None);
        assert_eq!(intake.detail_of("registry+n7-00@elsewhere.example"), None);
        assert!(IntakeAddress::parse("registry+x@redress.example").is_err());
        assert!(IntakeAddress::parse("no-at-sign").is_err());
    }

    proptest! {
        #[test]
        fn every_notice_token_verifies_as_its_notice_and_one_changed_character_never_does(
            id in 1i64..i64::MAX,
            at in 0usize..40,
        ) {
            let token = key().token(id);
            prop_assert_eq!(key().verify(&token), Ok(id));
            let i = at % token.len();
            let mut bytes = token.clone().into_bytes();
            bytes[i] = if bytes[i] == b'a' { b'b' } else { b'a' };
            let altered = String::from_utf8(bytes).expect("ascii");
            prop_assert_ne!(key().verify(&altered), Ok(id));
        }
    }
}
