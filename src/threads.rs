//! How many threads a batch uses, and the shared pools that run them. It must never start more
//! threads than the machine has cores unless the user forces it, and never keep pools without bound.

use std::sync::{Arc, Mutex, OnceLock};

use crate::error::{Error, Result};

/// The most threads a forced request may start (`TIDINGS_FORCE_THREADS=1`).
pub const MAX_FORCED_THREADS: usize = 256;
/// How many pools of distinct sizes are kept alive at once; the least recently used goes first.
const POOL_CACHE: usize = 4;

/// A resolved thread count, with the warning to show when the request was cut down.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Threads {
    pub n: usize,
    pub warning: Option<String>,
}

/// The number of cores this process may use.
pub fn cores() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// True when `TIDINGS_FORCE_THREADS` asks to allow more threads than cores.
fn forced() -> bool {
    std::env::var("TIDINGS_FORCE_THREADS")
        .is_ok_and(|v| matches!(v.trim().to_ascii_lowercase().as_str(), "1" | "true" | "yes"))
}

/// The thread count: the argument, else `TIDINGS_NUM_THREADS`, else all cores. A request above
/// the number of cores is cut to the cores, with a warning, unless `TIDINGS_FORCE_THREADS=1`
/// (then up to [`MAX_FORCED_THREADS`]). `requested` is `u128` so that any Python int that is
/// not negative reaches here and gets a clear answer.
pub fn resolve(requested: Option<u128>) -> Result<Threads> {
    let (n, what) = match requested {
        Some(0) => {
            return Err(Error::InvalidInput(
                "n_threads must be at least 1 (or None for all cores)".into(),
            ))
        }
        Some(n) => (n, format!("n_threads={n}")),
        None => match std::env::var("TIDINGS_NUM_THREADS") {
            Ok(v) => match v.trim().parse::<u128>() {
                Ok(n) if n > 0 => (n, format!("TIDINGS_NUM_THREADS={n}")),
                _ => {
                    return Err(Error::InvalidInput(format!(
                        "TIDINGS_NUM_THREADS={v:?} is not a positive integer; unset it or set it to e.g. 4"
                    )))
                }
            },
            Err(_) => return Ok(Threads { n: cores(), warning: None }),
        },
    };
    let cores = cores();
    let (limit, why) = if forced() {
        (
            MAX_FORCED_THREADS,
            format!("the most tidings starts ({MAX_FORCED_THREADS}, with TIDINGS_FORCE_THREADS=1)"),
        )
    } else {
        (
            cores,
            format!("the {cores} cores of this machine; set TIDINGS_FORCE_THREADS=1 to use more"),
        )
    };
    if n > limit as u128 {
        return Ok(Threads {
            n: limit,
            warning: Some(format!("{what} is more than {why}; using {limit} threads")),
        });
    }
    Ok(Threads {
        n: n as usize,
        warning: None,
    })
}

/// A shared pool of `n` threads. Pools are kept for reuse, at most [`POOL_CACHE`] of them; a pool
/// dropped from the cache stops its threads once the batches using it are done.
pub fn pool(n: usize) -> Result<Arc<rayon::ThreadPool>> {
    type Cache = Vec<(usize, Arc<rayon::ThreadPool>)>;
    static POOLS: OnceLock<Mutex<Cache>> = OnceLock::new();
    let mut pools = POOLS
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(|e| e.into_inner());
    if let Some(i) = pools.iter().position(|(k, _)| *k == n) {
        let entry = pools.remove(i);
        let pool = entry.1.clone();
        pools.push(entry);
        return Ok(pool);
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(n)
        .thread_name(|i| format!("tidings-{i}"))
        .build()
        .map_err(|e| Error::Internal(format!("cannot start {n} threads: {e}")))?;
    let pool = Arc::new(pool);
    if pools.len() >= POOL_CACHE {
        pools.remove(0);
    }
    pools.push((n, pool.clone()));
    Ok(pool)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn huge_requests_are_capped_with_a_warning() {
        let t = resolve(Some(10u128.pow(20))).unwrap();
        assert!(t.n <= MAX_FORCED_THREADS);
        let w = t.warning.unwrap();
        assert!(w.contains("n_threads=100000000000000000000"), "{w}");
        assert!(resolve(Some(0)).is_err());
        let one = resolve(Some(1)).unwrap();
        assert_eq!(
            one,
            Threads {
                n: 1,
                warning: None
            }
        );
    }
}
