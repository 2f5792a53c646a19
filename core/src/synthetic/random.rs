//! The generator's source of randomness: SplitMix64, seeded per record.

/// SplitMix64 (Steele, Lea and Flood, 2014): a tiny, well-studied generator whose output
/// depends only on its 64-bit state. It is enough for test data (not for anything that
/// needs unpredictability) and keeps the library free of an RNG dependency.
pub struct SplitMix64 {
    state: u64,
}

impl SplitMix64 {
    const GAMMA: u64 = 0x9E37_79B9_7F4A_7C15;

    /// A generator whose state is `state`.
    pub fn from_state(state: u64) -> SplitMix64 {
        SplitMix64 { state }
    }

    /// The stream of one record: the seed and the index are each mixed before they are
    /// combined, so neighbouring seeds and neighbouring indices give unrelated streams.
    pub fn for_record(seed: u64, index: u64) -> SplitMix64 {
        SplitMix64 {
            state: mix(seed).wrapping_add(mix(index ^ Self::GAMMA)),
        }
    }

    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(Self::GAMMA);
        mix(self.state)
    }

    /// Uniform in `0..bound` by multiply-and-shift (Lemire); the bias, under
    /// `bound / 2^64`, is irrelevant for test data. `bound = 0` gives 0.
    pub fn below(&mut self, bound: u32) -> u32 {
        let wide = (u128::from(self.next_u64()) * u128::from(bound)) >> 64;
        u32::try_from(wide).unwrap_or(0)
    }

    /// Uniform in `low..=high` (`low` when `high < low`).
    pub fn between(&mut self, low: u32, high: u32) -> u32 {
        low + self.below(high.saturating_sub(low).saturating_add(1))
    }

    /// True with probability `basis_points / 10_000`.
    pub fn chance(&mut self, basis_points: u32) -> bool {
        self.below(10_000) < basis_points
    }
}

/// The SplitMix64 finaliser: a bijection of `u64` with good avalanche.
pub fn mix(value: u64) -> u64 {
    let mut z = value;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}
