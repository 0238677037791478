"""The 公文 checker: rules that each name their source, findings with their place, and certain fixes.

Sources are GB/T 9704-2012 clauses, GB/T 15834-2011, GB/T 15835-2011 and 党政机关公文处理工作条例.

`rules` defines Rule and Finding and the registry every rule module adds to; `numbering`,
`punctuation`, `numbers`, `parts_rules` and `fonts` hold the rules; `runner` runs them over a
`source.Source` and applies certain fixes to a draft's text.
"""
