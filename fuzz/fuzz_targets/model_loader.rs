//! Fuzzes the entity model loader: any bytes are refused with an error or loaded, never a panic,
//! a hang or an allocation the file's size does not justify.
//! Run: `RUSTC_BOOTSTRAP=1 cargo fuzz run model_loader --sanitizer none -- -rss_limit_mb=1024`
#![no_main]

use libfuzzer_sys::fuzz_target;
use tidings::entities::Model;

fuzz_target!(|data: &[u8]| {
    let _ = Model::from_bytes(data);
});
