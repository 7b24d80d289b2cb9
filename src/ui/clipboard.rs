//! Writing to the clipboard. The async Clipboard API exists only in secure contexts and
//! may be refused (for example in a cross-origin iframe without `clipboard-write`), so
//! callers always keep a select-and-copy fallback.

use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

/// Copies `text`; `Err` means the reader must copy it by hand.
///
/// Must be called from inside the click handler (the browser requires a user gesture);
/// the returned future may be awaited later.
pub fn copy_text(text: &str) -> impl std::future::Future<Output = Result<(), ()>> {
    let promise = web_sys::window()
        .map(|w| w.navigator())
        .and_then(|navigator| {
            // `navigator.clipboard` is undefined outside secure contexts; check before
            // calling into it.
            let clipboard =
                js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard")).ok()?;
            if clipboard.is_undefined() || clipboard.is_null() {
                return None;
            }
            Some(navigator.clipboard().write_text(text))
        });
    async move {
        match promise {
            Some(promise) => JsFuture::from(promise).await.map(|_| ()).map_err(|_| ()),
            None => Err(()),
        }
    }
}
