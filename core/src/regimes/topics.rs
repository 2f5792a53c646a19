//! How each regime rules on a topic of a comparison: the regime's own summary.

use crate::contract::regime::RegimeId;
use crate::contract::text::Text;
use crate::contract::topic::Topic;
use crate::regimes::{graded, qd366, state};

/// How `regime` rules on `topic`, in one sentence per language.
pub fn rule_summary(topic: Topic, regime: RegimeId) -> Text {
    match regime {
        RegimeId::Qd366 => qd366::topics::summary(topic),
        RegimeId::Qd124 => graded::qd124::topic_summary(topic),
        RegimeId::Qd132 => graded::qd132::topic_summary(topic),
        RegimeId::Nd90 | RegimeId::Nd335 | RegimeId::Nd233 => state::topics::summary(topic, regime),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::catalogue::Rule;

    #[test]
    fn every_rule_has_a_topic_and_every_topic_a_summary() {
        for rule in Rule::ALL {
            let _ = rule.topic();
        }
        for topic in Topic::ALL {
            for regime in crate::regimes::registry::REGIMES.iter().map(|r| r.id) {
                assert!(!rule_summary(topic, regime).en.is_empty());
            }
        }
    }
}
