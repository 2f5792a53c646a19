//! A change of a task count in words, shared by the party's and `nd90`'s
//! what-would-change: "2 more tasks exceeded: 5 of 10 is 50%".

use crate::contract::change::Change;
use crate::contract::text::Text;
use crate::points::percent_text;
use crate::rules::catalogue::Rule;

/// A task count raised from `from` to `to` of `n`, in words (none when unchanged).
pub fn count_change(
    rule: Rule,
    path: &str,
    from: u32,
    to: u32,
    n: u32,
    vi: &str,
    en: &str,
) -> Option<Change> {
    (to != from).then(|| {
        let more = to.saturating_sub(from);
        let share = percent_text(u64::from(to), u64::from(n));
        Change {
            rule: rule.id().to_owned(),
            path: path.to_owned(),
            from: from.into(),
            to: to.into(),
            message: Text::new(
                format!(
                    "thêm {more} nhiệm vụ {vi}: {to}/{n} là {}",
                    share.replace('.', ",")
                ),
                format!(
                    "{more} more task{} {en}: {to} of {n} is {share}",
                    if more == 1 { "" } else { "s" }
                ),
            ),
        }
    })
}
