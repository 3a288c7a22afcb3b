<?xml version="1.0" encoding="UTF-8"?>
<!--
  comments-gbt.xsl: 标准征求意见稿意见汇总处理表, the SAC table of comments
  on a GB/T draft and what was done with them.

  Input: the <comment-form> document of 'stdtool comments table'
  (schemas/comment-form.rng, doc/comments.md).  Output: one self-contained
  HTML5 page in Chinese, printable on A4 landscape, laid out as the form
  is: the title, 标准项目名称 / 承办人 / 共 页 第 页, 负责起草单位 / 电话 /
  填写日期, the six columns 序号, 标准章条编号, 意见内容, 提出单位, 处理意见,
  备注, and the 说明 with the four counts under the table.

  Rules kept here:
  - XSLT 1.0 only, no extension functions, no document(), no parameters.
  - Nothing from the input reaches the output unescaped: no
    disable-output-escaping, and no input text inside <style>.
  - The counts are the document's own (counts/@*): the stylesheet does no
    arithmetic of its own on them.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:output method="html" encoding="UTF-8" indent="no"
              doctype-system="about:legacy-compat"/>

  <xsl:variable name="form" select="/comment-form"/>
  <xsl:variable name="title">
    <xsl:choose>
      <xsl:when test="normalize-space($form/document/title) != ''">
        <xsl:value-of select="normalize-space($form/document/title)"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$form/@draft"/></xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <xsl:template match="/">
    <xsl:if test="not(/comment-form)">
      <xsl:message terminate="yes">comments-gbt.xsl: the document is not a &lt;comment-form&gt;</xsl:message>
    </xsl:if>
    <html lang="zh-CN">
      <head>
        <meta charset="UTF-8"/>
        <title>
          <xsl:text>标准征求意见稿意见汇总处理表 — </xsl:text>
          <xsl:value-of select="$title"/>
        </title>
        <style>
@page { size: A4 landscape; margin: 16mm 15mm 14mm 15mm;
  @top-right { content: "共 " counter(pages) " 页　第 " counter(page) " 页";
    font-family: "Noto Serif CJK SC", "Source Han Serif SC", "SimSun", serif; font-size: 10.5pt; }
 }
html { background: #fff; }
body { margin: 0; color: #000;
  font-family: "Noto Serif CJK SC", "Source Han Serif SC", "SimSun", "Songti SC", serif;
  font-size: 10.5pt; line-height: 1.45; }
.sheet { max-width: 267mm; margin: 0 auto; }
h1 { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "SimHei", "Heiti SC", sans-serif;
  font-weight: normal; font-size: 18pt; text-align: center; letter-spacing: 0.05em;
  margin: 0 0 5mm 0; }
table.head { width: 100%; border-collapse: collapse; margin-bottom: 2.5mm; }
table.head td { padding: 0.6mm 0; vertical-align: bottom; white-space: nowrap; }
table.head td.project { width: 58%; white-space: normal; }
table.head td.pages, table.head td.date { text-align: right; }
.fill { border-bottom: 0.6pt solid #000; padding: 0 1.5mm; }
.blank { display: inline-block; min-width: 30mm; border-bottom: 0.6pt solid #000; }
.blank.short { min-width: 8mm; }
.blank.long { min-width: 70mm; }
/* A collapsed border is half outside the table: keep it inside the page. */
table.form { width: calc(100% - 1.5pt); margin: 0 0.75pt; border-collapse: collapse; table-layout: fixed; }
table.form th, table.form td { border: 0.75pt solid #000; padding: 1.2mm 1.6mm; vertical-align: top; }
table.form th { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "SimHei", sans-serif;
  font-weight: normal; text-align: center; vertical-align: middle; padding: 2mm 1mm; }
table.form thead { display: table-header-group; }
table.form tr { break-inside: avoid; page-break-inside: avoid; }
td.no, td.clause { text-align: center; }
td.text, td.answer, td.remark, td.by { white-space: pre-line; overflow-wrap: anywhere; }
td.empty { text-align: center; color: #444; padding: 6mm; }
.proposal { display: block; margin-top: 1mm; }
.word { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "SimHei", sans-serif; }
.removed { font-style: normal; color: #444; }
col.no { width: 6%; } col.clause { width: 10%; } col.text { width: 36%; }
col.by { width: 14%; } col.answer { width: 22%; } col.remark { width: 12%; }
.notes { margin-top: 2mm; line-height: 1.6; break-inside: avoid; page-break-inside: avoid; }
.notes .n { display: inline-block; min-width: 7mm; text-align: center;
  border-bottom: 0.6pt solid #000; }
.notes p { margin: 0; padding-left: 3em; }
.notes p.first { padding-left: 0; }
.made { margin-top: 4mm; font-size: 8pt; color: #555; }
@media screen {
  html { background: #eee; }
  body { padding: 10mm 0; }
  .sheet { background: #fff; padding: 14mm 15mm; max-width: 267mm;
    box-shadow: 0 0 3mm rgba(0,0,0,0.25); }
}
@media print {
  .sheet { max-width: none; }
  .pages { visibility: hidden; }
}
        </style>
      </head>
      <body>
        <div class="sheet">
          <h1>标准征求意见稿意见汇总处理表</h1>
          <table class="head">
            <tr>
              <td class="project">
                <xsl:text>标准项目名称：</xsl:text>
                <span class="fill"><xsl:value-of select="$title"/></span>
              </td>
              <td>承办人：<span class="blank"/></td>
              <td class="pages">共<span class="blank short"/>页　第<span class="blank short"/>页</td>
            </tr>
            <tr>
              <td class="project">负责起草单位：<span class="blank long"/></td>
              <td>电话：<span class="blank"/></td>
              <td class="date">
                <xsl:call-template name="date-zh">
                  <xsl:with-param name="date" select="$form/@date"/>
                </xsl:call-template>
                <xsl:text>填写</xsl:text>
              </td>
            </tr>
          </table>
          <table class="form">
            <colgroup>
              <col class="no"/><col class="clause"/><col class="text"/>
              <col class="by"/><col class="answer"/><col class="remark"/>
            </colgroup>
            <thead>
              <tr>
                <th>序号</th>
                <th>标准章条编号</th>
                <th>意见内容</th>
                <th>提出单位</th>
                <th>处理意见</th>
                <th>备注</th>
              </tr>
            </thead>
            <tbody>
              <xsl:apply-templates select="$form/comment"/>
              <xsl:if test="not($form/comment)">
                <tr><td class="empty" colspan="6">无意见</td></tr>
              </xsl:if>
            </tbody>
          </table>
          <div class="notes">
            <p class="first">
              <xsl:text>说明：①发送《征求意见稿》的单位数：</xsl:text>
              <xsl:call-template name="count"><xsl:with-param name="n" select="$form/counts/@sent"/></xsl:call-template>
              <xsl:text>个。</xsl:text>
            </p>
            <p>
              <xsl:text>②收到《征求意见稿》后，回函的单位数：</xsl:text>
              <xsl:call-template name="count"><xsl:with-param name="n" select="$form/counts/@replied"/></xsl:call-template>
              <xsl:text>个。</xsl:text>
            </p>
            <p>
              <xsl:text>③收到《征求意见稿》后，回函并有建议或意见的单位数：</xsl:text>
              <xsl:call-template name="count"><xsl:with-param name="n" select="$form/counts/@replied-with-comments"/></xsl:call-template>
              <xsl:text>个。</xsl:text>
            </p>
            <p>
              <xsl:text>④没有回函的单位数：</xsl:text>
              <xsl:call-template name="count"><xsl:with-param name="n" select="$form/counts/@not-replied"/></xsl:call-template>
              <xsl:text>个。</xsl:text>
            </p>
          </div>
        </div>
      </body>
    </html>
  </xsl:template>

  <xsl:template match="comment">
    <tr>
      <td class="no"><xsl:value-of select="@number"/></td>
      <td class="clause">
        <xsl:choose>
          <xsl:when test="clause/@missing = 'true'">
            <span class="removed">
              <xsl:value-of select="clause/@ref"/>
              <xsl:text>（已删除）</xsl:text>
            </span>
          </xsl:when>
          <xsl:when test="normalize-space(clause) != ''">
            <xsl:value-of select="normalize-space(clause)"/>
          </xsl:when>
          <xsl:otherwise>总体</xsl:otherwise>
        </xsl:choose>
      </td>
      <td class="text">
        <xsl:value-of select="text"/>
        <xsl:if test="normalize-space(proposal) != ''">
          <span class="proposal">
            <xsl:text>建议：</xsl:text>
            <xsl:value-of select="proposal"/>
          </span>
        </xsl:if>
      </td>
      <td class="by"><xsl:value-of select="by"/></td>
      <td class="answer">
        <xsl:apply-templates select="resolution"/>
      </td>
      <td class="remark">
        <xsl:variable name="parts">
          <xsl:if test="normalize-space(paragraph) != ''">
            <xsl:text>；</xsl:text>
            <xsl:value-of select="normalize-space(paragraph)"/>
          </xsl:if>
          <xsl:if test="normalize-space(line) != ''">
            <xsl:text>；第</xsl:text>
            <xsl:value-of select="normalize-space(line)"/>
            <xsl:text>行</xsl:text>
          </xsl:if>
          <xsl:if test="normalize-space(remark) != ''">
            <xsl:text>；</xsl:text>
            <xsl:value-of select="remark"/>
          </xsl:if>
        </xsl:variable>
        <xsl:value-of select="substring($parts, 2)"/>
      </td>
    </tr>
  </xsl:template>

  <xsl:template match="resolution">
    <span class="word">
      <xsl:choose>
        <xsl:when test="@disposition = 'accepted'">采纳</xsl:when>
        <xsl:when test="@disposition = 'accepted-modified'">部分采纳</xsl:when>
        <xsl:when test="@disposition = 'rejected'">未采纳</xsl:when>
        <xsl:otherwise>已知悉</xsl:otherwise>
      </xsl:choose>
    </span>
    <xsl:if test="normalize-space(.) != ''">
      <xsl:text>：</xsl:text>
      <xsl:value-of select="."/>
    </xsl:if>
  </xsl:template>

  <!-- A count on its underline; a missing one stays a blank to fill in. -->
  <xsl:template name="count">
    <xsl:param name="n"/>
    <span class="n">
      <xsl:choose>
        <xsl:when test="string($n) != ''"><xsl:value-of select="$n"/></xsl:when>
        <xsl:otherwise>　</xsl:otherwise>
      </xsl:choose>
    </span>
  </xsl:template>

  <!-- 2026-11-25 as 2026年11月25日; anything else as it is. -->
  <xsl:template name="date-zh">
    <xsl:param name="date"/>
    <xsl:choose>
      <xsl:when test="string-length($date) = 10 and substring($date, 5, 1) = '-'">
        <xsl:value-of select="substring($date, 1, 4)"/>
        <xsl:text>年</xsl:text>
        <xsl:value-of select="number(substring($date, 6, 2))"/>
        <xsl:text>月</xsl:text>
        <xsl:value-of select="number(substring($date, 9, 2))"/>
        <xsl:text>日</xsl:text>
      </xsl:when>
      <xsl:when test="string($date) != ''"><xsl:value-of select="$date"/></xsl:when>
      <xsl:otherwise>　　年　　月　　日</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
