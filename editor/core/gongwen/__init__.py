"""公文 (official documents) beyond the body: the parts GB/T 9704-2012 fixes around it.

`parts` holds the 公文要素 (份号 … 版记) and `front_matter` reads and writes them as the `---` block of a
plain-text draft; `types` describes each document type (通知, 请示, 函 …: required parts, layout variant,
outline for File → New); `layout` lays the 版头, 主送, 落款, 附注 and 版记 onto the official DOCX the
formats package writes, and `storage` keeps the parts in that DOCX so they survive a round trip;
`source` reads a draft or a DOCX into parts plus numbered lines, and `check` runs the standards rules
(each naming its GB/T or 条例 source) with their certain fixes.
"""
