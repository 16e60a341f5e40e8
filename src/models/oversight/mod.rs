//! What oversight reads: the kept summaries behind its figures, the closure and compliance
//! metrics, the disparities between groups of states, the public register and review
//! samples. Reads only, apart from keeping the summaries and samples they come from.
pub mod disparities;
pub mod figures;
pub mod metrics;
pub mod parity;
pub mod register;
pub mod samples;
