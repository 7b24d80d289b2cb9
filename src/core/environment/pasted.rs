//! Sorting the entries of a pasted message: the environments, and what is left out and
//! named (lines of prose, other services' addresses, a signature's addresses).

use super::{other_service, read_link};
use crate::core::address::read_address;
use crate::core::finding::Field;
use crate::core::label;
use crate::core::role::role_from_host;
use crate::core::text::{split_entries, trim_junk};

/// What an entry of a pasted message is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    /// An environment's address, or an attempt at one: a row.
    Row,
    /// No address: a greeting, a name, a header.
    Prose,
    /// The address of another service, by its registrable domain (`linkedin.com`).
    OtherService(&'static str),
    /// An address of the sender's signature, by its host: the firm's website after a
    /// sign-off, beside social links, or in a disclaimer.
    Signature(String),
}

/// Lines that close a message: what follows is the signature.
const SIGN_OFFS: &[&str] = &[
    "thanks",
    "thank you",
    "many thanks",
    "regards",
    "kind regards",
    "best regards",
    "best wishes",
    "best",
    "cheers",
    "--",
];

/// Words of a legal disclaimer, which often names the firm's website.
const DISCLAIMER_WORDS: &[&str] = &[
    "confidential",
    "privileged",
    "intended recipient",
    "disclaimer",
];

/// A disclaimer is a paragraph; a short line with one of its words is not one.
const DISCLAIMER_WORDS_AT_LEAST: usize = 12;

fn is_sign_off(line: &str) -> bool {
    let line = trim_junk(line)
        .trim_end_matches([',', '!', '.'])
        .to_ascii_lowercase();
    SIGN_OFFS.contains(&line.as_str()) || line.starts_with("sent from my")
}

/// A quoted message's header: what follows is another message, with no signature yet.
fn is_header(line: &str) -> bool {
    let line = trim_junk(line).to_ascii_lowercase();
    line.starts_with("from:") || line.ends_with("wrote:") || line.contains("original message")
}

fn is_disclaimer(line: &str) -> bool {
    let lower = line.to_ascii_lowercase();
    line.split_whitespace().count() >= DISCLAIMER_WORDS_AT_LEAST
        && DISCLAIMER_WORDS.iter().any(|w| lower.contains(w))
}

/// The host of an entry's address as an environment would be read from it.
fn host(entry: &str) -> Option<String> {
    let link = read_link(label::split(entry).address);
    if link.hidden {
        return None;
    }
    read_address(&link.text, Field::Environment)
        .address
        .map(|a| a.host)
}

/// The last two labels of a host (`clioweb.com` for `acme.clioweb.com`).
fn domain(host: &str) -> &str {
    let mut dots = host.rmatch_indices('.').map(|(i, _)| i);
    dots.nth(1).map_or(host, |i| &host[i + 1..])
}

/// Each entry of `text` (as [`split_entries`] makes them) with what it is.
pub fn sort_pasted(text: &str) -> Vec<(&str, Kind)> {
    let mut sorted = Vec::new();
    // The domains of the rows so far: an address on one of them after a sign-off is
    // another environment rather than the firm's website.
    let mut row_domains: Vec<String> = Vec::new();
    let mut signed_off = false;
    for line in text.lines() {
        // A sign-off before any environment is a reply's opening (`Thanks!`).
        if is_sign_off(line) && !row_domains.is_empty() {
            signed_off = true;
        } else if is_header(line) {
            signed_off = false;
        }
        let entries: Vec<(&str, Option<String>)> = split_entries(line)
            .into_iter()
            .map(|entry| {
                (
                    entry,
                    label::has_address(entry).then(|| host(entry)).flatten(),
                )
            })
            .collect();
        let beside_service = entries
            .iter()
            .any(|(_, host)| host.as_deref().and_then(other_service).is_some());
        let in_signature = signed_off || beside_service || is_disclaimer(line);
        for (entry, host) in entries {
            let kind = if !label::has_address(entry) {
                Kind::Prose
            } else if let Some((domain, _)) = host.as_deref().and_then(other_service) {
                Kind::OtherService(domain)
            } else if let Some(host) = host.clone().filter(|h| {
                in_signature
                    && role_from_host(h).is_none()
                    // A firm's name before its website (`Acme Law LLP | https://…`) names
                    // no environment; only a named role (production, UAT…) does.
                    && !label::split(entry).role().is_some_and(|role| role.is_named())
                    && (h.starts_with("www.") || !row_domains.iter().any(|d| d == domain(h)))
            }) {
                // Only an address read whole, with no label or host name saying which
                // environment it is, and it is named where it is left out.
                Kind::Signature(host)
            } else {
                row_domains.push(host.as_deref().map_or("", domain).to_owned());
                Kind::Row
            };
            sorted.push((entry, kind));
        }
    }
    sorted
}
