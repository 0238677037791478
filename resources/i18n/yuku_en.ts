<?xml version='1.0' encoding='UTF-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
    <context>
        <name>Autosaver</name>
        <message>
            <source>未命名</source>
            <translation>Untitled</translation>
        </message>
        <message>
            <source>自动保存失败（%1）：草稿未能写入 %2。请检查磁盘空间和权限，并尽快手动保存。</source>
            <translation>Autosave failed (%1): the draft could not be written to %2. Check the free disk space and permissions, and save by hand soon.</translation>
        </message>
        <message>
            <source>自动保存失败</source>
            <translation>Autosave failed</translation>
        </message>
        <message>
            <source>恢复草稿</source>
            <translation>Recover draft</translation>
        </message>
        <message>
            <source>「%1」有一份自动保存的草稿（保存于 %2），其中的改动尚未保存到文件。是否恢复？</source>
            <translation>“%1” has an autosaved draft (saved at %2) with changes not yet saved to the file. Recover it?</translation>
        </message>
        <message>
            <source>草稿所属的原 Word 文件部件已丢失：图片等内容无法恢复，文字已恢复。</source>
            <translation>The parts of the original Word file this draft belongs to are lost: images and similar content cannot be recovered; the text has been recovered.</translation>
        </message>
        <message>
            <source>已恢复 %1 的草稿（保存于 %2），请及时保存。</source>
            <translation>Recovered the draft of %1 (saved at %2). Please save it soon.</translation>
        </message>
    </context>
    <context>
        <name>CheckDialog</name>
        <message>
            <source>公文检查</source>
            <translation>Official document check</translation>
        </message>
        <message>
            <source>位置</source>
            <translation>Place</translation>
        </message>
        <message>
            <source>依据</source>
            <translation>Source</translation>
        </message>
        <message>
            <source>说明</source>
            <translation>Explanation</translation>
        </message>
        <message>
            <source>原文</source>
            <translation>Text</translation>
        </message>
        <message>
            <source>修正为</source>
            <translation>Fix to</translation>
        </message>
        <message>
            <source>定位(&amp;L)</source>
            <translation>&amp;Locate</translation>
        </message>
        <message>
            <source>修正(&amp;F)</source>
            <translation>&amp;Fix</translation>
        </message>
        <message>
            <source>全部修正(&amp;A)</source>
            <translation>Fix &amp;all</translation>
        </message>
        <message>
            <source>重新检查(&amp;R)</source>
            <translation>&amp;Recheck</translation>
        </message>
        <message>
            <source>（删去）</source>
            <translation>(delete)</translation>
        </message>
        <message>
            <source>发现 %1 处问题，其中 %2 处可一键修正。</source>
            <translation>%1 problems found; %2 can be fixed with one click.</translation>
        </message>
        <message>
            <source>未发现问题。</source>
            <translation>No problems found.</translation>
        </message>
        <message>
            <source>全文</source>
            <translation>Whole document</translation>
        </message>
        <message>
            <source>公文要素：%1</source>
            <translation>Document parts: %1</translation>
        </message>
        <message>
            <source>第 %1 段</source>
            <translation>Paragraph %1</translation>
        </message>
    </context>
    <context>
        <name>DocumentEditor</name>
        <message>
            <source>正文</source>
            <translation>Document text</translation>
        </message>
    </context>
    <context>
        <name>DocumentLock</name>
        <message>
            <source>「%1」正被另一个语库程序打开，请稍候再试。</source>
            <translation>“%1” is being opened by another Yuku; try again in a moment.</translation>
        </message>
        <message>
            <source>「%1」已在本程序的另一个窗口中打开。请切换到那个窗口继续编辑，或先在那里关闭它。</source>
            <translation>“%1” is already open in another window of this program. Switch to that window to go on editing, or close it there first.</translation>
        </message>
        <message>
            <source>「%1」已在本程序的另一个窗口中打开，不能保存到这里；请另存为其他文件名，或先在那里关闭它。</source>
            <translation>“%1” is open in another window of this program and cannot be saved here; save under another name, or close it there first.</translation>
        </message>
        <message>
            <source>「%1」正由另一个语库程序编辑（进程 %2，计算机 %3）。为免两处修改互相覆盖，本次不打开；请到那个窗口继续编辑，或先在那里关闭它。</source>
            <translation>“%1” is being edited in another Yuku (process %2 on %3). It is not opened here, so that the two sets of changes cannot overwrite each other; go on editing in that window, or close it there first.</translation>
        </message>
        <message>
            <source>「%1」正由另一个语库程序编辑（进程 %2，计算机 %3），不能保存到这里；请另存为其他文件名，或先在那里关闭它。</source>
            <translation>“%1” is being edited in another Yuku (process %2 on %3) and cannot be saved here; save under another name, or close it there first.</translation>
        </message>
        <message>
            <source>文件已被占用</source>
            <translation>File in use</translation>
        </message>
    </context>
    <context>
        <name>DocumentSession</name>
        <message>
            <source>保存更改</source>
            <translation>Save Changes</translation>
        </message>
        <message>
            <source>「%1」已修改。是否保存更改？</source>
            <translation>“%1” has been modified. Save the changes?</translation>
        </message>
        <message>
            <source>保存为纯文本</source>
            <translation>Save as plain text</translation>
        </message>
        <message>
            <source>「%1」是纯文本文件：标题样式、字体格式和表格不会保存在其中，只保存文字。要保留格式，请另存为 Word 文档（.docx）。仍要保存为纯文本吗？</source>
            <translation>“%1” is a plain-text file: heading styles, character formats and tables are not kept in it, only the text. To keep the formatting, save as a Word document (.docx) instead. Save as plain text anyway?</translation>
        </message>
        <message>
            <source>打开</source>
            <translation>Open</translation>
        </message>
        <message>
            <source>无法打开文件</source>
            <translation>Cannot open the file</translation>
        </message>
        <message>
            <source>已打开 %1</source>
            <translation>Opened %1</translation>
        </message>
        <message>
            <source>未命名</source>
            <translation>Untitled</translation>
        </message>
        <message>
            <source>另存为</source>
            <translation>Save As</translation>
        </message>
        <message>
            <source>保存失败</source>
            <translation>Save failed</translation>
        </message>
        <message>
            <source>%1：不支持这种文件类型，请另存为 %2。</source>
            <translation>%1: Yuku cannot write this type of file; save it as %2.</translation>
        </message>
        <message>
            <source>%1：保存失败（%2），原文件未改动。请换个位置另存。</source>
            <translation>%1: saving failed (%2); the original file is unchanged. Save it somewhere else.</translation>
        </message>
        <message>
            <source>已保存 %1。原 %2 编码容不下新写入的字符，已改存为 UTF-8。</source>
            <translation>Saved %1. Its %2 encoding cannot hold the new text, so it was saved as UTF-8.</translation>
        </message>
        <message>
            <source>已保存 %1</source>
            <translation>Saved %1</translation>
        </message>
    </context>
    <context>
        <name>DocxWarnings</name>
        <message>
            <source>保存会丢失部分内容</source>
            <translation>Saving will lose some content</translation>
        </message>
        <message>
            <source>“%1”中有语库无法保留的内容：
%2

覆盖原文件后这些内容将丢失。可以另存为新文件，保留原文件不变。</source>
            <translation>“%1” holds content Yuku cannot keep:
%2

Overwriting the original file loses it. You can save as a new file and leave the original unchanged.</translation>
        </message>
        <message>
            <source>仍然保存</source>
            <translation>Save Anyway</translation>
        </message>
        <message>
            <source>另存为…</source>
            <translation>Save As…</translation>
        </message>
    </context>
    <context>
        <name>EncodingPreviewDialog</name>
        <message>
            <source>选择文本编码</source>
            <translation>Choose Text Encoding</translation>
        </message>
        <message>
            <source>无法可靠判断 %1 的编码（猜测为 %2）。请选择能正确显示文字的编码：</source>
            <translation>The encoding of %1 cannot be told reliably (best guess: %2). Choose the encoding that shows the text correctly:</translation>
        </message>
        <message>
            <source>文本编码</source>
            <translation>Text encoding</translation>
        </message>
        <message>
            <source>预览</source>
            <translation>Preview</translation>
        </message>
        <message>
            <source>使用此编码</source>
            <translation>Use This Encoding</translation>
        </message>
        <message>
            <source>取消导入</source>
            <translation>Cancel Import</translation>
        </message>
        <message>
            <source>跳过此文件</source>
            <translation>Skip This File</translation>
        </message>
    </context>
    <context>
        <name>ExportActions</name>
        <message>
            <source>导出为公文格式(Word)(&amp;G)…</source>
            <translation>Export as Official Document (Word)…(&amp;G)</translation>
        </message>
        <message>
            <source>导出为 Word(&amp;W)…</source>
            <translation>Export as &amp;Word…</translation>
        </message>
        <message>
            <source>导出为公文格式(本机字体)(&amp;B)…</source>
            <translation>Export as official document with this machine's fonts(&amp;B)…</translation>
        </message>
        <message>
            <source>缺少的公文字体写成本机的替代字体（如 仿宋_GB2312 → 本机的仿宋），在本机和没有标准字体的电脑上保留标题、正文、各级标题的字体层次</source>
            <translation>Missing official fonts are written as this machine's substitutes (e.g. 仿宋_GB2312 → the installed 仿宋), so the title, body and heading fonts stay distinct here and on computers without the standard fonts</translation>
        </message>
        <message>
            <source>导出为 PDF(&amp;D)…</source>
            <translation>Export as P&amp;DF…</translation>
        </message>
        <message>
            <source>公文字体检查(&amp;Z)…</source>
            <translation>Official Fonts Check…(&amp;Z)</translation>
        </message>
        <message>
            <source>未命名</source>
            <translation>Untitled</translation>
        </message>
        <message>
            <source>……另有 %1 处</source>
            <translation>…and %1 more</translation>
        </message>
        <message>
            <source>还有空白未填</source>
            <translation>Blanks left to fill in</translation>
        </message>
        <message>
            <source>文档中还有 %1 处空白（如 ___）未填写：
%2

仍要导出吗？</source>
            <translation>The document still has %1 blanks (such as ___) to fill in:
%2

Export anyway?</translation>
        </message>
        <message>
            <source>导出失败</source>
            <translation>Export failed</translation>
        </message>
        <message>
            <source>%1：导出失败（%2），已有的文件未改动。请换个位置再试。</source>
            <translation>%1: export failed (%2); the existing file is unchanged. Try another location.</translation>
        </message>
        <message>
            <source>；提醒：落款（署名、成文日期）将单独成页——正文最后一段无法随落款移到下一页，请缩短或拆分最后一段</source>
            <translation>; note: the signature and date will stand alone on a page, as the text's last paragraph cannot go on with them to the next page; shorten or split the last paragraph</translation>
        </message>
        <message>
            <source>导出为公文格式</source>
            <translation>Export as Official Document</translation>
        </message>
        <message>
            <source>导出为公文格式（本机字体）</source>
            <translation>Export as official document (this machine's fonts)</translation>
        </message>
        <message>
            <source>-公文</source>
            <translation>-official</translation>
        </message>
        <message>
            <source>Word 文档 (*.docx)</source>
            <translation>Word documents (*.docx)</translation>
        </message>
        <message>
            <source>已导出公文格式 %1</source>
            <translation>Exported the official document %1</translation>
        </message>
        <message>
            <source>（公文格式不含：%1）</source>
            <translation>(not in the official layout: %1)</translation>
        </message>
        <message>
            <source>；用本机字体代替：%1</source>
            <translation>; replaced by this machine's fonts: %1</translation>
        </message>
        <message>
            <source>；本机缺少字体：%1（可用“导出为公文格式(本机字体)”）</source>
            <translation>; fonts missing on this machine: %1 (use "Export as official document with this machine's fonts")</translation>
        </message>
        <message>
            <source>导出为 Word</source>
            <translation>Export as Word</translation>
        </message>
        <message>
            <source>已导出 %1</source>
            <translation>Exported %1</translation>
        </message>
        <message>
            <source>导出为 PDF</source>
            <translation>Export as PDF</translation>
        </message>
        <message>
            <source>PDF 文件 (*.pdf)</source>
            <translation>PDF files (*.pdf)</translation>
        </message>
        <message>
            <source>（本机未装 LibreOffice，由语库排版：含数字或西文的行可能与 Word 相差一两个字）</source>
            <translation>(LibreOffice is not installed, so Yuku laid the pages out: lines with digits or Latin letters may break a character or two differently from Word)</translation>
        </message>
        <message>
            <source>%1：无法写入 PDF。请换个位置再试。</source>
            <translation>%1: cannot write the PDF. Try another location.</translation>
        </message>
    </context>
    <context>
        <name>ExportStyles</name>
        <message>
            <source>公文格式（GB/T 9704）</source>
            <translation>Official document (GB/T 9704)</translation>
        </message>
        <message>
            <source>普通文档</source>
            <translation>Plain document</translation>
        </message>
    </context>
    <context>
        <name>FileFormats</name>
        <message>
            <source>Word 文档</source>
            <translation>Word documents</translation>
        </message>
        <message>
            <source>文本文件</source>
            <translation>Text files</translation>
        </message>
        <message>
            <source>所有文件</source>
            <translation>All files</translation>
        </message>
        <message>
            <source>所有支持的文件</source>
            <translation>All supported files</translation>
        </message>
    </context>
    <context>
        <name>FindReplaceDialog</name>
        <message>
            <source>查找和替换</source>
            <translation>Find and Replace</translation>
        </message>
        <message>
            <source>查找内容</source>
            <translation>Find what</translation>
        </message>
        <message>
            <source>替换为</source>
            <translation>Replace with</translation>
        </message>
        <message>
            <source>区分大小写(&amp;C)</source>
            <translation>Match &amp;case</translation>
        </message>
        <message>
            <source>简繁通配(&amp;J)</source>
            <translation>Match simplified and traditional &amp;script</translation>
        </message>
        <message>
            <source>查找“发展”时也找到“發展”，反之亦然</source>
            <translation>Searching for 发展 also finds 發展, and the other way round</translation>
        </message>
        <message>
            <source>查找结果</source>
            <translation>Search result</translation>
        </message>
        <message>
            <source>查找下一个</source>
            <translation>Find Next</translation>
        </message>
        <message>
            <source>查找上一个</source>
            <translation>Find Previous</translation>
        </message>
        <message>
            <source>替换</source>
            <translation>Replace</translation>
        </message>
        <message>
            <source>全部替换</source>
            <translation>Replace All</translation>
        </message>
        <message>
            <source>查找(&amp;N)：</source>
            <translation>Fi&amp;nd:</translation>
        </message>
        <message>
            <source>替换为(&amp;P)：</source>
            <translation>Re&amp;place with:</translation>
        </message>
        <message>
            <source>找不到“%1”</source>
            <translation>“%1” not found</translation>
        </message>
        <message numerus="yes">
            <source>已替换 %n 处</source>
            <translation><numerusform>Replaced %n occurrence</numerusform><numerusform>Replaced %n occurrences</numerusform></translation>
        </message>
    </context>
    <context>
        <name>FontReportDialog</name>
        <message>
            <source>公文字体检查</source>
            <translation>Official Fonts Check</translation>
        </message>
        <message>
            <source>本机缺少 %1 个公文字体：%2。“导出为公文格式”仍写标准字体名，在装有这些字体的电脑上按标准显示，在本机（和 WPS、LibreOffice 缺字体时）则全文一种字体。要保留字体层次，请用“文件 ▸ 导出为公文格式(本机字体)”：缺少的字体写成下表的替代字体。</source>
            <translation>This machine lacks %1 official fonts: %2. "Export as official document" still names the standard fonts, so computers that have them show the standard layout, while this machine (and WPS or LibreOffice without the fonts) shows the whole document in one font. To keep the font hierarchy, use "File ▸ Export as official document with this machine's fonts": the missing fonts are written as the substitutes in the table below.</translation>
        </message>
        <message>
            <source>公文所需字体本机都已安装。</source>
            <translation>Every font the official layout needs is installed on this computer.</translation>
        </message>
        <message>
            <source>字体</source>
            <translation>Font</translation>
        </message>
        <message>
            <source>用于</source>
            <translation>Used for</translation>
        </message>
        <message>
            <source>标准字体</source>
            <translation>Standard font</translation>
        </message>
        <message>
            <source>本机</source>
            <translation>This computer</translation>
        </message>
        <message>
            <source>替代字体</source>
            <translation>Font fallbacks</translation>
        </message>
        <message>
            <source>已安装</source>
            <translation>Installed</translation>
        </message>
        <message>
            <source>缺少</source>
            <translation>Missing</translation>
        </message>
        <message>
            <source>（无，系统默认字体）</source>
            <translation>(none: the system default font)</translation>
        </message>
        <message>
            <source>用本机字体导出公文格式(&amp;E)…</source>
            <translation>&amp;Export as official document with this machine's fonts…</translation>
        </message>
    </context>
    <context>
        <name>FormatActions</name>
        <message>
            <source>加粗(&amp;B)</source>
            <translation>&amp;Bold</translation>
        </message>
        <message>
            <source>倾斜(&amp;I)</source>
            <translation>&amp;Italic</translation>
        </message>
        <message>
            <source>下划线(&amp;U)</source>
            <translation>&amp;Underline</translation>
        </message>
        <message>
            <source>清除格式(&amp;C)</source>
            <translation>&amp;Clear Formatting</translation>
        </message>
        <message>
            <source>左对齐(&amp;L)</source>
            <translation>Align &amp;Left</translation>
        </message>
        <message>
            <source>居中(&amp;E)</source>
            <translation>C&amp;enter</translation>
        </message>
        <message>
            <source>右对齐(&amp;R)</source>
            <translation>Align &amp;Right</translation>
        </message>
        <message>
            <source>两端对齐(&amp;J)</source>
            <translation>&amp;Justify</translation>
        </message>
        <message>
            <source>粘贴为纯文本(&amp;M)</source>
            <translation>Paste as Plain Te&amp;xt</translation>
        </message>
    </context>
    <context>
        <name>GongwenActions</name>
        <message>
            <source>公文要素</source>
            <translation>Document parts</translation>
        </message>
        <message>
            <source>公文要素(&amp;Y)</source>
            <translation>Document &amp;parts</translation>
        </message>
        <message>
            <source>公文检查(&amp;G)…</source>
            <translation>Official document chec&amp;k…</translation>
        </message>
        <message>
            <source>新建公文(&amp;K)</source>
            <translation>New official doc&amp;ument</translation>
        </message>
        <message>
            <source>导出失败</source>
            <translation>Export failed</translation>
        </message>
        <message>
            <source>已导出 %1；缺少公文要素：%2</source>
            <translation>Exported %1; missing document parts: %2</translation>
        </message>
        <message>
            <source>文档(&amp;D)</source>
            <translation>&amp;Document</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>短语库</source>
            <translation>Phrase Bank</translation>
        </message>
        <message>
            <source>短语库面板(&amp;P)</source>
            <translation>&amp;Phrase Bank Panel</translation>
        </message>
        <message>
            <source>状态栏</source>
            <translation>Status bar</translation>
        </message>
        <message>
            <source>无法打开短语库（%1）。编辑器照常可用；请检查用户数据文件夹的权限或空间后重启。</source>
            <translation>Cannot open the phrase bank (%1). The editor works as usual; check the permissions and free space of the user data folder, then restart.</translation>
        </message>
        <message>
            <source>短语库已修复</source>
            <translation>Phrase bank repaired</translation>
        </message>
        <message>
            <source>格式</source>
            <translation>Format</translation>
        </message>
        <message>
            <source>常用工具栏(&amp;T)</source>
            <translation>Main &amp;Toolbar</translation>
        </message>
        <message>
            <source>格式工具栏(&amp;R)</source>
            <translation>Fo&amp;rmat Toolbar</translation>
        </message>
        <message>
            <source>首选项(&amp;P)…</source>
            <translation>&amp;Preferences…</translation>
        </message>
        <message>
            <source>字数统计(&amp;W)…</source>
            <translation>&amp;Word Count…</translation>
        </message>
        <message>
            <source>%1（%2）</source>
            <translation>%1 (%2)</translation>
        </message>
    </context>
    <context>
        <name>OutlineDialog</name>
        <message>
            <source>新建文档</source>
            <translation>New Document</translation>
        </message>
        <message>
            <source>文档类型</source>
            <translation>Document type</translation>
        </message>
        <message>
            <source>空白文档</source>
            <translation>Blank document</translation>
        </message>
        <message>
            <source>%1（语料中 %2 篇）</source>
            <translation>%1 (%2 in the corpus)</translation>
        </message>
        <message>
            <source>提纲预览</source>
            <translation>Outline preview</translation>
        </message>
        <message>
            <source>（空白文档）</source>
            <translation>(blank document)</translation>
        </message>
    </context>
    <context>
        <name>PageView</name>
        <message>
            <source>页面视图(&amp;L)</source>
            <translation>Page &amp;layout view</translation>
        </message>
        <message>
            <source>按打印的页面显示文档：纸张、页边距、分页和页码</source>
            <translation>Show the document as it prints: paper, margins, page breaks and page numbers</translation>
        </message>
        <message>
            <source>页面视图：%1</source>
            <translation>Page view: %1</translation>
        </message>
        <message>
            <source>已回到普通视图</source>
            <translation>Back to the normal view</translation>
        </message>
        <message>
            <source>A4，常规页边距</source>
            <translation>A4, normal margins</translation>
        </message>
    </context>
    <context>
        <name>ParagraphStyles</name>
        <message>
            <source>段落样式</source>
            <translation>Paragraph style</translation>
        </message>
        <message>
            <source>已自动设为%1（Ctrl+Z 撤销；可在首选项中关闭）</source>
            <translation>Made it %1 (Ctrl+Z undoes; turn off in Preferences)</translation>
        </message>
    </context>
    <context>
        <name>PartsForm</name>
        <message>
            <source>（按标题判断）</source>
            <translation>(from the title)</translation>
        </message>
        <message>
            <source>一行一项</source>
            <translation>One per line</translation>
        </message>
        <message>
            <source>用单位信息填空(&amp;U)</source>
            <translation>Fill from the &amp;unit profile</translation>
        </message>
    </context>
    <context>
        <name>PhraseFilterBox</name>
        <message>
            <source>搜索短语（简繁皆可）…</source>
            <translation>Search phrases…</translation>
        </message>
        <message>
            <source>搜索短语</source>
            <translation>Search phrases</translation>
        </message>
    </context>
    <context>
        <name>PhrasePanel</name>
        <message>
            <source>短语库</source>
            <translation>Phrase Bank</translation>
        </message>
    </context>
    <context>
        <name>PhrasePreview</name>
        <message>
            <source>短语预览</source>
            <translation>Phrase preview</translation>
        </message>
        <message>
            <source>选中短语可在此预览；双击、回车或拖入正文即可插入。</source>
            <translation>Select a phrase to preview it here; double-click it, press Enter or drag it into the text to insert it.</translation>
        </message>
        <message>
            <source>%1 · %2 · 出现 %3 次，见于 %4 篇文档</source>
            <translation>%1 · %2 · used %3 times in %4 documents</translation>
        </message>
        <message>
            <source>%1 · 我的短语</source>
            <translation>%1 · my phrase</translation>
        </message>
        <message>
            <source>例句：</source>
            <translation>Example:</translation>
        </message>
        <message>
            <source>出处：%1</source>
            <translation>Source: %1</translation>
        </message>
    </context>
    <context>
        <name>PreferencesDialog</name>
        <message>
            <source>首选项</source>
            <translation>Preferences</translation>
        </message>
        <message>
            <source>界面</source>
            <translation>Interface</translation>
        </message>
        <message>
            <source>跟随系统</source>
            <translation>Follow the system</translation>
        </message>
        <message>
            <source>界面语言(&amp;L)：</source>
            <translation>Interface &amp;language:</translation>
        </message>
        <message>
            <source>更改界面语言后需重新启动语库。</source>
            <translation>A new interface language takes effect when Yuku is restarted.</translation>
        </message>
        <message>
            <source>浅色</source>
            <translation>Light</translation>
        </message>
        <message>
            <source>深色</source>
            <translation>Dark</translation>
        </message>
        <message>
            <source>主题(&amp;T)：</source>
            <translation>&amp;Theme:</translation>
        </message>
        <message>
            <source>编辑</source>
            <translation>Editing</translation>
        </message>
        <message>
            <source> 秒</source>
            <translation> s</translation>
        </message>
        <message>
            <source>自动保存间隔(&amp;A)：</source>
            <translation>&amp;Autosave every:</translation>
        </message>
        <message>
            <source>默认简繁转换(&amp;C)：</source>
            <translation>Default script &amp;conversion:</translation>
        </message>
        <message>
            <source>双击短语插入到文档(&amp;D)</source>
            <translation>&amp;Double-click inserts a phrase into the document</translation>
        </message>
        <message>
            <source>输入时提示短语(&amp;S)</source>
            <translation>&amp;Suggest phrases while typing</translation>
        </message>
        <message>
            <source>导出</source>
            <translation>Export</translation>
        </message>
        <message>
            <source>导出样式(&amp;E)：</source>
            <translation>&amp;Export style:</translation>
        </message>
        <message>
            <source>公文字体</source>
            <translation>Official font</translation>
        </message>
        <message>
            <source>缺少时改用</source>
            <translation>Use instead when missing</translation>
        </message>
        <message>
            <source>替代字体</source>
            <translation>Font fallbacks</translation>
        </message>
        <message>
            <source>替代字体(&amp;F)：</source>
            <translation>&amp;Font fallbacks:</translation>
        </message>
        <message>
            <source>单位信息（填入公文要素）</source>
            <translation>Unit profile (fills the document parts)</translation>
        </message>
        <message>
            <source>江城市人民政府办公室文件（联合行文用；分隔）</source>
            <translation>江城市人民政府办公室文件 (joint issue: separate with ；)</translation>
        </message>
        <message>
            <source>发文机关标志(&amp;B)：</source>
            <translation>Issuing authority &amp;banner:</translation>
        </message>
        <message>
            <source>发文机关署名(&amp;N)：</source>
            <translation>Issuing authority &amp;name:</translation>
        </message>
        <message>
            <source>江政办发</source>
            <translation>江政办发</translation>
        </message>
        <message>
            <source>发文字号代字(&amp;X)：</source>
            <translation>Document number pre&amp;fix:</translation>
        </message>
        <message>
            <source>印发机关(&amp;I)：</source>
            <translation>&amp;Issued for printing by:</translation>
        </message>
        <message>
            <source>界面语言将在重新启动语库后更改。</source>
            <translation>The interface language changes when Yuku is restarted.</translation>
        </message>
        <message>
            <source>回车时将“一、”“（一）”“1.”“（1）”开头的短行设为标题(&amp;H)</source>
            <translation>On Enter, make short lines starting with 一、 （一） 1. （1） &amp;headings</translation>
        </message>
    </context>
    <context>
        <name>PrintActions</name>
        <message>
            <source>打印(&amp;P)…</source>
            <translation>&amp;Print…</translation>
        </message>
        <message>
            <source>打印预览(&amp;V)…</source>
            <translation>Print Pre&amp;view…</translation>
        </message>
        <message>
            <source>导出为 PDF(&amp;D)…</source>
            <translation>Export as P&amp;DF…</translation>
        </message>
        <message>
            <source>打印文档</source>
            <translation>Print Document</translation>
        </message>
        <message>
            <source>打印预览</source>
            <translation>Print Preview</translation>
        </message>
        <message>
            <source>打印预览（公文格式）</source>
            <translation>Print preview (official layout)</translation>
        </message>
        <message>
            <source>未命名</source>
            <translation>Untitled</translation>
        </message>
        <message>
            <source>导出为 PDF</source>
            <translation>Export as PDF</translation>
        </message>
        <message>
            <source>PDF 文件 (*.pdf)</source>
            <translation>PDF files (*.pdf)</translation>
        </message>
        <message>
            <source>导出失败</source>
            <translation>Export failed</translation>
        </message>
        <message>
            <source>%1：无法写入 PDF。请换个位置再试。</source>
            <translation>%1: cannot write the PDF. Try another location.</translation>
        </message>
        <message>
            <source>已导出 %1</source>
            <translation>Exported %1</translation>
        </message>
    </context>
    <context>
        <name>ProtectedTermsDialog</name>
        <message>
            <source>简繁转换保护词</source>
            <translation>Protected Terms for Script Conversion</translation>
        </message>
        <message>
            <source>转换时保持原样的人名、地名和术语，每行一个。
姓氏 %1 单独转换会出错（如 余小明→餘小明），请把含这些姓氏的人名加进来。</source>
            <translation>Names, places and terms that conversion leaves as they are, one per line.
The surnames %1 convert wrongly on their own (余小明→餘小明): add the names that contain them.</translation>
        </message>
        <message>
            <source>保护词列表</source>
            <translation>Protected terms</translation>
        </message>
        <message>
            <source>从文档中查找可能的人名(&amp;F)</source>
            <translation>&amp;Find Possible Names in the Document</translation>
        </message>
        <message>
            <source>找到 %1 个可能的人名，请检查后保存。</source>
            <translation>Found %1 possible names; check them, then save.</translation>
        </message>
    </context>
    <context>
        <name>RecoveryDialog</name>
        <message>
            <source>恢复未保存的草稿</source>
            <translation>Recover Unsaved Drafts</translation>
        </message>
        <message>
            <source>语库上次没有正常退出。以下草稿由自动保存留下，尚未保存到文件。勾选要恢复的草稿，恢复后请及时保存。</source>
            <translation>Yuku did not close normally last time. Autosave kept the drafts below, which were not saved to a file. Tick the drafts to recover, and save them soon afterwards.</translation>
        </message>
        <message>
            <source>草稿列表</source>
            <translation>Drafts</translation>
        </message>
        <message>
            <source>草稿内容预览</source>
            <translation>Draft preview</translation>
        </message>
        <message>
            <source>恢复所选(&amp;R)</source>
            <translation>&amp;Recover Selected</translation>
        </message>
        <message>
            <source>放弃所选(&amp;D)</source>
            <translation>&amp;Discard Selected</translation>
        </message>
        <message>
            <source>以后再说(&amp;L)</source>
            <translation>&amp;Later</translation>
        </message>
        <message>
            <source>未命名</source>
            <translation>Untitled</translation>
        </message>
        <message>
            <source>%1（保存于 %2，%3 字）</source>
            <translation>%1 (saved at %2, %3 characters)</translation>
        </message>
        <message>
            <source>未命名文档（从未保存为文件）</source>
            <translation>Untitled document (never saved to a file)</translation>
        </message>
        <message>
            <source>来源：%1</source>
            <translation>Source: %1</translation>
        </message>
        <message>
            <source>放弃草稿</source>
            <translation>Discard Drafts</translation>
        </message>
        <message>
            <source>将永久删除 %1 份草稿，其中的改动无法找回。确定吗？</source>
            <translation>%1 drafts will be deleted for good and their changes cannot be recovered. Are you sure?</translation>
        </message>
    </context>
    <context>
        <name>ScriptActions</name>
        <message>
            <source>简繁转换(&amp;J)</source>
            <translation>Script Conversion (&amp;J)</translation>
        </message>
        <message>
            <source>保护词(&amp;P)…</source>
            <translation>&amp;Protected Terms…</translation>
        </message>
        <message>
            <source>文档文字</source>
            <translation>Document script</translation>
        </message>
        <message>
            <source>按默认方向转换（%1）(&amp;D)</source>
            <translation>Convert in the &amp;Default Direction (%1)</translation>
        </message>
        <message>
            <source>正在转换为%1…</source>
            <translation>Converting to %1…</translation>
        </message>
        <message>
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>简繁转换</source>
            <translation>Script Conversion</translation>
        </message>
        <message>
            <source>已转换：%1</source>
            <translation>Converted: %1</translation>
        </message>
        <message>
            <source>没有需要转换的文字</source>
            <translation>Nothing to convert</translation>
        </message>
        <message>
            <source>已取消转换，文档未改动</source>
            <translation>Conversion cancelled; the document is unchanged</translation>
        </message>
        <message>
            <source>简</source>
            <translation>Simp</translation>
        </message>
        <message>
            <source>文档文字：简体</source>
            <translation>Document script: simplified</translation>
        </message>
        <message>
            <source>繁</source>
            <translation>Trad</translation>
        </message>
        <message>
            <source>文档文字：繁体</source>
            <translation>Document script: traditional</translation>
        </message>
        <message>
            <source>混合</source>
            <translation>Mixed</translation>
        </message>
        <message>
            <source>文档文字：简繁混合</source>
            <translation>Document script: mixed simplified and traditional</translation>
        </message>
    </context>
    <context>
        <name>StandardActions</name>
        <message>
            <source>文件(&amp;F)</source>
            <translation>&amp;File</translation>
        </message>
        <message>
            <source>编辑(&amp;E)</source>
            <translation>&amp;Edit</translation>
        </message>
        <message>
            <source>格式(&amp;O)</source>
            <translation>F&amp;ormat</translation>
        </message>
        <message>
            <source>工具(&amp;T)</source>
            <translation>&amp;Tools</translation>
        </message>
        <message>
            <source>视图(&amp;V)</source>
            <translation>&amp;View</translation>
        </message>
        <message>
            <source>帮助(&amp;H)</source>
            <translation>&amp;Help</translation>
        </message>
        <message>
            <source>新建(&amp;N)</source>
            <translation>&amp;New</translation>
        </message>
        <message>
            <source>打开(&amp;O)…</source>
            <translation>&amp;Open…</translation>
        </message>
        <message>
            <source>保存(&amp;S)</source>
            <translation>&amp;Save</translation>
        </message>
        <message>
            <source>另存为(&amp;A)…</source>
            <translation>Save &amp;As…</translation>
        </message>
        <message>
            <source>退出(&amp;Q)</source>
            <translation>&amp;Quit</translation>
        </message>
        <message>
            <source>最近打开(&amp;R)</source>
            <translation>Open &amp;Recent</translation>
        </message>
        <message>
            <source>撤销(&amp;U)</source>
            <translation>&amp;Undo</translation>
        </message>
        <message>
            <source>重做(&amp;R)</source>
            <translation>&amp;Redo</translation>
        </message>
        <message>
            <source>剪切(&amp;T)</source>
            <translation>Cu&amp;t</translation>
        </message>
        <message>
            <source>复制(&amp;C)</source>
            <translation>&amp;Copy</translation>
        </message>
        <message>
            <source>粘贴(&amp;P)</source>
            <translation>&amp;Paste</translation>
        </message>
        <message>
            <source>查找和替换(&amp;F)…</source>
            <translation>&amp;Find and Replace…</translation>
        </message>
        <message>
            <source>全选(&amp;L)</source>
            <translation>Select A&amp;ll</translation>
        </message>
        <message>
            <source>关于语库(&amp;A)</source>
            <translation>&amp;About Yuku</translation>
        </message>
        <message>
            <source>常用</source>
            <translation>Main</translation>
        </message>
        <message>
            <source>关于语库</source>
            <translation>About Yuku</translation>
        </message>
        <message>
            <source>语库 Yuku %1
公文写作编辑器：从真实文档中挖掘的常用语库、简繁转换、Word 公文格式导出。</source>
            <translation>Yuku (语库) %1
An editor for Chinese official writing: a phrase bank mined from real documents, simplified/traditional conversion, and Word export in the official document layout.</translation>
        </message>
        <message>
            <source>（无）</source>
            <translation>(none)</translation>
        </message>
        <message>
            <source>清除列表(&amp;C)</source>
            <translation>&amp;Clear List</translation>
        </message>
    </context>
    <context>
        <name>StatusWidgets</name>
        <message>
            <source>光标位置</source>
            <translation>Cursor position</translation>
        </message>
        <message>
            <source>字数统计</source>
            <translation>Word Count</translation>
        </message>
        <message>
            <source>缩放比例</source>
            <translation>Zoom</translation>
        </message>
        <message>
            <source>第 %1 段，第 %2 字</source>
            <translation>Paragraph %1, character %2</translation>
        </message>
        <message>
            <source>选定 %1 字（字符数 %2）</source>
            <translation>Selected: %1 words (%2 characters)</translation>
        </message>
        <message>
            <source>字数 %1（字符数 %2）</source>
            <translation>Words: %1 (characters: %2)</translation>
        </message>
        <message>
            <source>字数（不含标点和空格）：%1
中文字符：%2
英文单词和数字：%3
标点符号：%4
字符数（含标点和空格）：%5
字符数（不含空格）：%6
段落数：%7</source>
            <translation>Words (Chinese characters, Latin words and numbers; no punctuation or spaces): %1
Chinese characters: %2
Latin words and numbers: %3
Punctuation: %4
Characters (with punctuation and spaces): %5
Characters (without spaces): %6
Paragraphs: %7</translation>
        </message>
        <message>
            <source>字数统计（选定内容）</source>
            <translation>Word Count (Selection)</translation>
        </message>
    </context>
    <context>
        <name>SuggestionPopup</name>
        <message>
            <source>短语建议</source>
            <translation>Phrase suggestions</translation>
        </message>
    </context>
    <context>
        <name>ViewActions</name>
        <message>
            <source>放大(&amp;I)</source>
            <translation>Zoom &amp;In</translation>
        </message>
        <message>
            <source>缩小(&amp;O)</source>
            <translation>Zoom &amp;Out</translation>
        </message>
        <message>
            <source>实际大小(&amp;Z)</source>
            <translation>Actual Si&amp;ze</translation>
        </message>
        <message>
            <source>全屏(&amp;U)</source>
            <translation>F&amp;ull Screen</translation>
        </message>
        <message>
            <source>专注模式(&amp;M)</source>
            <translation>Focus &amp;Mode</translation>
        </message>
    </context>
    <context>
        <name>blank_fields</name>
        <message>
            <source>待填写：按 Tab 跳到下一处</source>
            <translation>To fill in: press Tab to go to the next one</translation>
        </message>
        <message>
            <source>第 %1 段：%2</source>
            <translation>Paragraph %1: %2</translation>
        </message>
        <message>
            <source>空白已全部填写，没有下一处了</source>
            <translation>All blanks are filled; there is no next one</translation>
        </message>
        <message>
            <source>已回到最后一处空白</source>
            <translation>Back to the last blank</translation>
        </message>
        <message>
            <source>已回到第一处空白</source>
            <translation>Back to the first blank</translation>
        </message>
        <message>
            <source>文档中还有空白</source>
            <translation>The document still has blanks</translation>
        </message>
        <message>
            <source>%1 中还有 %2 处空白未填写。仍要保存吗？</source>
            <translation>%1 still has %2 blanks to fill in. Save anyway?</translation>
        </message>
        <message>
            <source>……另有 %1 处</source>
            <translation>…and %1 more</translation>
        </message>
        <message>
            <source>仍然保存</source>
            <translation>Save Anyway</translation>
        </message>
        <message>
            <source>返回填写</source>
            <translation>Go Back and Fill In</translation>
        </message>
    </context>
    <context>
        <name>conversion</name>
        <message>
            <source>简→繁</source>
            <translation>Simplified → Traditional</translation>
        </message>
        <message>
            <source>简→繁(台湾)</source>
            <translation>Simplified → Traditional (Taiwan)</translation>
        </message>
        <message>
            <source>简→繁(台湾用语)</source>
            <translation>Simplified → Traditional (Taiwan, with Taiwan vocabulary)</translation>
        </message>
        <message>
            <source>简→繁(香港)</source>
            <translation>Simplified → Traditional (Hong Kong)</translation>
        </message>
        <message>
            <source>简→繁(香港用语)</source>
            <translation>Simplified → Traditional (Hong Kong, with Hong Kong vocabulary)</translation>
        </message>
        <message>
            <source>繁→简</source>
            <translation>Traditional → Simplified</translation>
        </message>
        <message>
            <source>繁(台湾)→简</source>
            <translation>Traditional (Taiwan) → Simplified</translation>
        </message>
        <message>
            <source>繁(台湾用语)→简</source>
            <translation>Traditional (Taiwan vocabulary) → Simplified</translation>
        </message>
        <message>
            <source>繁(香港)→简</source>
            <translation>Traditional (Hong Kong) → Simplified</translation>
        </message>
        <message>
            <source>繁(香港用语)→简</source>
            <translation>Traditional (Hong Kong vocabulary) → Simplified</translation>
        </message>
        <message>
            <source>繁→繁(台湾)</source>
            <translation>Traditional → Traditional (Taiwan)</translation>
        </message>
        <message>
            <source>繁→繁(香港)</source>
            <translation>Traditional → Traditional (Hong Kong)</translation>
        </message>
        <message>
            <source>繁(台湾)→繁</source>
            <translation>Traditional (Taiwan) → Traditional</translation>
        </message>
        <message>
            <source>繁(香港)→繁</source>
            <translation>Traditional (Hong Kong) → Traditional</translation>
        </message>
        <message>
            <source>繁→日本新字体</source>
            <translation>Traditional → Japanese Shinjitai</translation>
        </message>
        <message>
            <source>日本新字体→繁</source>
            <translation>Japanese Shinjitai → Traditional</translation>
        </message>
    </context>
    <context>
        <name>paragraph_styles</name>
        <message>
            <source>标题</source>
            <translation>Title</translation>
        </message>
        <message>
            <source>一级标题</source>
            <translation>Heading 1</translation>
        </message>
        <message>
            <source>二级标题</source>
            <translation>Heading 2</translation>
        </message>
        <message>
            <source>三级标题</source>
            <translation>Heading 3</translation>
        </message>
        <message>
            <source>四级标题</source>
            <translation>Heading 4</translation>
        </message>
        <message>
            <source>正文</source>
            <translation>Body Text</translation>
        </message>
        <message>
            <source>标题(&amp;T)</source>
            <translation>&amp;Title</translation>
        </message>
        <message>
            <source>一级标题(&amp;1)</source>
            <translation>Heading &amp;1</translation>
        </message>
        <message>
            <source>二级标题(&amp;2)</source>
            <translation>Heading &amp;2</translation>
        </message>
        <message>
            <source>三级标题(&amp;3)</source>
            <translation>Heading &amp;3</translation>
        </message>
        <message>
            <source>四级标题(&amp;4)</source>
            <translation>Heading &amp;4</translation>
        </message>
        <message>
            <source>正文(&amp;0)</source>
            <translation>&amp;0 Body Text</translation>
        </message>
    </context>
    <context>
        <name>phrase_delegate</name>
        <message>
            <source>[我的]</source>
            <translation>[mine]</translation>
        </message>
        <message>
            <source>[已隐藏]</source>
            <translation>[hidden]</translation>
        </message>
    </context>
    <context>
        <name>phrase_model</name>
        <message>
            <source>标题</source>
            <translation>Title</translation>
        </message>
        <message>
            <source>开头</source>
            <translation>Opening</translation>
        </message>
        <message>
            <source>形势</source>
            <translation>Situation</translation>
        </message>
        <message>
            <source>措施</source>
            <translation>Measures</translation>
        </message>
        <message>
            <source>问题</source>
            <translation>Problems</translation>
        </message>
        <message>
            <source>下一步</source>
            <translation>Next steps</translation>
        </message>
        <message>
            <source>结尾</source>
            <translation>Closing</translation>
        </message>
        <message>
            <source>通用</source>
            <translation>General</translation>
        </message>
        <message>
            <source>小标题</source>
            <translation>Heading</translation>
        </message>
        <message>
            <source>排比</source>
            <translation>Parallelism</translation>
        </message>
        <message>
            <source>四字语</source>
            <translation>Four-character phrase</translation>
        </message>
        <message>
            <source>引语</source>
            <translation>Quotation</translation>
        </message>
        <message>
            <source>句式</source>
            <translation>Sentence pattern</translation>
        </message>
        <message>
            <source>搭配</source>
            <translation>Collocation</translation>
        </message>
        <message>
            <source>%1 (%2)</source>
            <translation>%1 (%2)</translation>
        </message>
        <message>
            <source>…还有 %1 条，按回车显示更多</source>
            <translation>…%1 more; press Enter to show them</translation>
        </message>
    </context>
    <context>
        <name>phrase_actions</name>
        <message>
            <source>短语</source>
            <translation>Phrase</translation>
        </message>
        <message>
            <source>短语(&amp;T)：</source>
            <translation>Phrase &amp;text:</translation>
        </message>
        <message>
            <source>所属部分(&amp;S)：</source>
            <translation>&amp;Section:</translation>
        </message>
        <message>
            <source>类型(&amp;K)：</source>
            <translation>&amp;Kind:</translation>
        </message>
        <message>
            <source>搜索短语(&amp;S)</source>
            <translation>&amp;Search Phrases</translation>
        </message>
        <message>
            <source>将选中内容加入短语库(&amp;A)…</source>
            <translation>&amp;Add Selection to Phrase Bank…</translation>
        </message>
        <message>
            <source>插入(&amp;I)</source>
            <translation>&amp;Insert</translation>
        </message>
        <message>
            <source>收藏 / 取消收藏(&amp;F)</source>
            <translation>&amp;Favourite / Unfavourite</translation>
        </message>
        <message>
            <source>编辑(&amp;E)…</source>
            <translation>&amp;Edit…</translation>
        </message>
        <message>
            <source>隐藏 / 取消隐藏(&amp;H)</source>
            <translation>&amp;Hide / Unhide</translation>
        </message>
        <message>
            <source>删除(&amp;D)</source>
            <translation>&amp;Delete</translation>
        </message>
        <message>
            <source>显示已隐藏的短语(&amp;N)</source>
            <translation>Show Hidde&amp;n Phrases</translation>
        </message>
        <message>
            <source>导出我的短语(&amp;X)…</source>
            <translation>E&amp;xport My Phrases…</translation>
        </message>
        <message>
            <source>导入我的短语(&amp;M)…</source>
            <translation>Import &amp;My Phrases…</translation>
        </message>
        <message>
            <source>导入语料文件(&amp;C)…</source>
            <translation>Import &amp;Corpus Files…</translation>
        </message>
        <message>
            <source>导入语料文件夹(&amp;O)…</source>
            <translation>Import Corpus F&amp;older…</translation>
        </message>
        <message>
            <source>短语库(&amp;B)</source>
            <translation>Phrase &amp;Bank</translation>
        </message>
        <message>
            <source>加入短语库</source>
            <translation>Add to Phrase Bank</translation>
        </message>
        <message>
            <source>短语不能为空。</source>
            <translation>The phrase cannot be empty.</translation>
        </message>
        <message>
            <source>已加入短语库：%1</source>
            <translation>Added to the phrase bank: %1</translation>
        </message>
        <message>
            <source>已收藏</source>
            <translation>Added to favourites</translation>
        </message>
        <message>
            <source>已取消收藏</source>
            <translation>Removed from favourites</translation>
        </message>
        <message>
            <source>已隐藏；可在“显示已隐藏的短语”中恢复</source>
            <translation>Hidden; bring it back with “Show Hidden Phrases”</translation>
        </message>
        <message>
            <source>已取消隐藏</source>
            <translation>Shown again</translation>
        </message>
        <message>
            <source>编辑短语</source>
            <translation>Edit Phrase</translation>
        </message>
        <message>
            <source>已修改短语</source>
            <translation>Phrase changed</translation>
        </message>
        <message>
            <source>删除短语</source>
            <translation>Delete Phrase</translation>
        </message>
        <message>
            <source>从短语库删除“%1”？重新挖掘也不会再加回。</source>
            <translation>Delete “%1” from the phrase bank? Re-mining will not add it back.</translation>
        </message>
        <message>
            <source>已删除短语</source>
            <translation>Phrase deleted</translation>
        </message>
        <message>
            <source>导出我的短语</source>
            <translation>Export My Phrases</translation>
        </message>
        <message>
            <source>我的短语.json</source>
            <translation>my-phrases.json</translation>
        </message>
        <message>
            <source>导出失败</source>
            <translation>Export failed</translation>
        </message>
        <message>
            <source>%1：无法写入（%2）。</source>
            <translation>%1: cannot write (%2).</translation>
        </message>
        <message>
            <source>已导出 %1 条到 %2</source>
            <translation>Exported %1 phrases to %2</translation>
        </message>
        <message>
            <source>导入我的短语</source>
            <translation>Import My Phrases</translation>
        </message>
        <message>
            <source>导入失败</source>
            <translation>Import failed</translation>
        </message>
        <message>
            <source>%1：不是语库导出的短语文件（JSON），请选择“导出我的短语”生成的文件。</source>
            <translation>%1: not a phrase file exported by Yuku (JSON); choose a file made by “Export My Phrases”.</translation>
        </message>
        <message>
            <source>%1：文件内容不是短语列表，请选择“导出我的短语”生成的文件。</source>
            <translation>%1: the file does not hold a list of phrases; choose a file made by “Export My Phrases”.</translation>
        </message>
        <message>
            <source>已导入 %1 条短语</source>
            <translation>Imported %1 phrases</translation>
        </message>
        <message>
            <source>导入语料文件</source>
            <translation>Import Corpus Files</translation>
        </message>
        <message>
            <source>语料 (*.txt *.docx);;所有文件 (*)</source>
            <translation>Corpus files (*.txt *.docx);;All files (*)</translation>
        </message>
        <message>
            <source>导入语料文件夹</source>
            <translation>Import Corpus Folder</translation>
        </message>
        <message>
            <source>导入语料</source>
            <translation>Import Corpus</translation>
        </message>
        <message>
            <source>短语库未能打开，无法导入语料。</source>
            <translation>The phrase bank could not be opened, so the corpus cannot be imported.</translation>
        </message>
    </context>
    <context>
        <name>corpus_import</name>
        <message>
            <source>正在读取语料…</source>
            <translation>Reading the corpus…</translation>
        </message>
        <message>
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>正在取消…</source>
            <translation>Cancelling…</translation>
        </message>
        <message>
            <source>导入失败：%1</source>
            <translation>Import failed: %1</translation>
        </message>
        <message>
            <source>已取消导入，短语库未改动。</source>
            <translation>Import cancelled; the phrase bank is unchanged.</translation>
        </message>
        <message>
            <source>导入完成：%1 篇文档，短语库现有 %2 条短语。</source>
            <translation>Import finished: %1 documents; the phrase bank now has %2 phrases.</translation>
        </message>
        <message>
            <source>%1：%2</source>
            <translation>%1: %2</translation>
        </message>
        <message>
            <source>%1
以下文件已跳过：
%2</source>
            <translation>%1
These files were skipped:
%2</translation>
        </message>
        <message>
            <source>已取消导入。</source>
            <translation>Import cancelled.</translation>
        </message>
    </context>
</TS>