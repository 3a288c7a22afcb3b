<?xml version="1.0" encoding="UTF-8"?>
<!--
  draft-diff.xsl: the redline of a draft between two versions.

  Input: the <draft-diff> document of 'stdtool draft diff' in the xml
  format (schemas/draft-diff.rng, doc/drafts.md "Redlines").  Output: one
  self-contained HTML5 page, printable on A4: a header with the draft, the
  two versions (stage, tag, revision or file) and the counts, then one
  section per change in the newer version's order, with the clause's
  number and title, insertions underlined in green, deletions struck
  through in red, and moved clauses with their old and new numbers.  The
  words are Chinese for a GB/T draft, English otherwise.
  tests/screenshot-diff.sh renders one.

  Rules kept here:
  - XSLT 1.0 only, no extension functions, no document(), no parameters.
  - Nothing from the input reaches the output unescaped: no
    disable-output-escaping, and no input text inside <style>.
  - In a changed clause, paragraphs without a change are shown only next
    to one that has a change; the others are folded into "…".
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:output method="html" encoding="UTF-8" indent="no"
              doctype-system="about:legacy-compat"/>

  <xsl:variable name="zh" select="/draft-diff/@profile = 'gbt'"/>

  <!-- A word in the draft's language: Chinese for GB/T, else English. -->
  <xsl:template name="w">
    <xsl:param name="cn"/>
    <xsl:param name="en"/>
    <xsl:choose>
      <xsl:when test="$zh"><xsl:value-of select="$cn"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$en"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="/">
    <xsl:apply-templates select="draft-diff"/>
  </xsl:template>

  <xsl:template match="draft-diff">
    <html>
      <xsl:attribute name="lang">
        <xsl:choose>
          <xsl:when test="$zh">zh-CN</xsl:when>
          <xsl:otherwise>en</xsl:otherwise>
        </xsl:choose>
      </xsl:attribute>
      <head>
        <meta charset="UTF-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="generator" content="stdtool draft diff"/>
        <title>
          <xsl:call-template name="heading"/>
        </title>
        <style>
          <xsl:call-template name="css"/>
        </style>
      </head>
      <body>
        <div class="page">
          <div class="head">
            <h1><xsl:call-template name="heading"/></h1>
            <table class="versions">
              <xsl:apply-templates select="from | to" mode="header"/>
            </table>
            <p class="counts"><xsl:call-template name="counts"/></p>
            <xsl:if test="change">
              <p class="legend">
                <span class="legend-item"><ins><xsl:call-template name="w">
                  <xsl:with-param name="cn">新增的文字</xsl:with-param>
                  <xsl:with-param name="en">inserted text</xsl:with-param>
                </xsl:call-template></ins></span>
                <span class="legend-item"><del><xsl:call-template name="w">
                  <xsl:with-param name="cn">删除的文字</xsl:with-param>
                  <xsl:with-param name="en">deleted text</xsl:with-param>
                </xsl:call-template></del></span>
              </p>
            </xsl:if>
          </div>
          <div class="changes">
            <xsl:apply-templates select="change"/>
          </div>
        </div>
      </body>
    </html>
  </xsl:template>

  <xsl:template name="heading">
    <xsl:choose>
      <xsl:when test="$zh">草案修改对照</xsl:when>
      <xsl:otherwise>Redline</xsl:otherwise>
    </xsl:choose>
    <xsl:if test="/draft-diff/@draft">
      <xsl:text> </xsl:text>
      <xsl:value-of select="/draft-diff/@draft"/>
    </xsl:if>
  </xsl:template>

  <!-- the two versions -->

  <xsl:template match="from | to" mode="header">
    <tr>
      <th>
        <xsl:choose>
          <xsl:when test="self::from">
            <xsl:call-template name="w">
              <xsl:with-param name="cn">原版本</xsl:with-param>
              <xsl:with-param name="en">From</xsl:with-param>
            </xsl:call-template>
          </xsl:when>
          <xsl:otherwise>
            <xsl:call-template name="w">
              <xsl:with-param name="cn">新版本</xsl:with-param>
              <xsl:with-param name="en">To</xsl:with-param>
            </xsl:call-template>
          </xsl:otherwise>
        </xsl:choose>
      </th>
      <td>
        <span class="what">
          <xsl:choose>
            <xsl:when test="@source = 'stage'"><xsl:value-of select="@tag"/></xsl:when>
            <xsl:when test="@source = 'worktree'">
              <xsl:call-template name="w">
                <xsl:with-param name="cn">工作区（未提交的修改）</xsl:with-param>
                <xsl:with-param name="en">work tree (uncommitted edits)</xsl:with-param>
              </xsl:call-template>
            </xsl:when>
            <xsl:when test="@source = 'revision'">
              <xsl:choose>
                <xsl:when test="@spec"><xsl:value-of select="@spec"/></xsl:when>
                <xsl:otherwise>HEAD</xsl:otherwise>
              </xsl:choose>
            </xsl:when>
            <xsl:otherwise><xsl:value-of select="@path"/></xsl:otherwise>
          </xsl:choose>
        </span>
        <xsl:if test="@stage">
          <span class="meta">
            <xsl:call-template name="w">
              <xsl:with-param name="cn">阶段 </xsl:with-param>
              <xsl:with-param name="en">stage </xsl:with-param>
            </xsl:call-template>
            <xsl:value-of select="@stage"/>
            <xsl:text> </xsl:text>
            <xsl:call-template name="stage-name">
              <xsl:with-param name="code" select="substring(@stage, 1, 2)"/>
            </xsl:call-template>
          </span>
        </xsl:if>
        <xsl:if test="@commit">
          <span class="meta">
            <xsl:call-template name="w">
              <xsl:with-param name="cn">提交 </xsl:with-param>
              <xsl:with-param name="en">commit </xsl:with-param>
            </xsl:call-template>
            <code><xsl:value-of select="substring(@commit, 1, 12)"/></code>
          </span>
        </xsl:if>
        <xsl:if test="@source != 'file'">
          <span class="meta"><code><xsl:value-of select="@path"/></code></span>
        </xsl:if>
      </td>
    </tr>
  </xsl:template>

  <xsl:template name="stage-name">
    <xsl:param name="code"/>
    <xsl:choose>
      <xsl:when test="$zh">
        <xsl:choose>
          <xsl:when test="$code = '00'">（预阶段）</xsl:when>
          <xsl:when test="$code = '10'">（立项）</xsl:when>
          <xsl:when test="$code = '20'">（起草）</xsl:when>
          <xsl:when test="$code = '30'">（征求意见稿）</xsl:when>
          <xsl:when test="$code = '40'">（送审稿）</xsl:when>
          <xsl:when test="$code = '50'">（报批稿）</xsl:when>
          <xsl:when test="$code = '60'">（出版）</xsl:when>
          <xsl:when test="$code = '90'">（复审）</xsl:when>
          <xsl:when test="$code = '95'">（废止）</xsl:when>
        </xsl:choose>
      </xsl:when>
      <xsl:otherwise>
        <xsl:choose>
          <xsl:when test="$code = '00'">(preliminary)</xsl:when>
          <xsl:when test="$code = '10'">(proposal)</xsl:when>
          <xsl:when test="$code = '20'">(preparatory)</xsl:when>
          <xsl:when test="$code = '30'">(committee)</xsl:when>
          <xsl:when test="$code = '40'">(enquiry)</xsl:when>
          <xsl:when test="$code = '50'">(approval)</xsl:when>
          <xsl:when test="$code = '60'">(publication)</xsl:when>
          <xsl:when test="$code = '90'">(review)</xsl:when>
          <xsl:when test="$code = '95'">(withdrawal)</xsl:when>
        </xsl:choose>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="counts">
    <xsl:variable name="d" select="/draft-diff"/>
    <xsl:choose>
      <xsl:when test="$d/@changes = 0">
        <xsl:call-template name="w">
          <xsl:with-param name="cn">两个版本没有差异。</xsl:with-param>
          <xsl:with-param name="en">No differences between the two versions.</xsl:with-param>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="$zh">
        <xsl:text>共 </xsl:text><strong><xsl:value-of select="$d/@changes"/></strong>
        <xsl:text> 处变化：修改 </xsl:text><xsl:value-of select="$d/@changed"/>
        <xsl:text> 处，新增 </xsl:text><xsl:value-of select="$d/@inserted"/>
        <xsl:text> 处，删除 </xsl:text><xsl:value-of select="$d/@deleted"/>
        <xsl:text> 处，移动 </xsl:text><xsl:value-of select="$d/@moved"/>
        <xsl:text> 处。</xsl:text>
      </xsl:when>
      <xsl:otherwise>
        <strong><xsl:value-of select="$d/@changes"/></strong>
        <xsl:choose>
          <xsl:when test="$d/@changes = 1"> change: </xsl:when>
          <xsl:otherwise> changes: </xsl:otherwise>
        </xsl:choose>
        <xsl:value-of select="$d/@changed"/><xsl:text> changed, </xsl:text>
        <xsl:value-of select="$d/@inserted"/><xsl:text> inserted, </xsl:text>
        <xsl:value-of select="$d/@deleted"/><xsl:text> deleted, </xsl:text>
        <xsl:value-of select="$d/@moved"/><xsl:text> moved.</xsl:text>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- one change -->

  <xsl:template match="change">
    <xsl:variable name="side" select="to | from[not(../to)]"/>
    <div class="change {@type}">
      <h2>
        <span class="badge">
          <xsl:choose>
            <xsl:when test="@type = 'changed'">
              <xsl:call-template name="w">
                <xsl:with-param name="cn">修改</xsl:with-param>
                <xsl:with-param name="en">changed</xsl:with-param>
              </xsl:call-template>
            </xsl:when>
            <xsl:when test="@type = 'inserted'">
              <xsl:call-template name="w">
                <xsl:with-param name="cn">新增</xsl:with-param>
                <xsl:with-param name="en">inserted</xsl:with-param>
              </xsl:call-template>
            </xsl:when>
            <xsl:when test="@type = 'deleted'">
              <xsl:call-template name="w">
                <xsl:with-param name="cn">删除</xsl:with-param>
                <xsl:with-param name="en">deleted</xsl:with-param>
              </xsl:call-template>
            </xsl:when>
            <xsl:otherwise>
              <xsl:call-template name="w">
                <xsl:with-param name="cn">移动</xsl:with-param>
                <xsl:with-param name="en">moved</xsl:with-param>
              </xsl:call-template>
            </xsl:otherwise>
          </xsl:choose>
        </span>
        <xsl:if test="string($side/@label) != ''">
          <span class="num"><xsl:value-of select="$side/@label"/></span>
        </xsl:if>
        <span class="title"><xsl:value-of select="$side"/></span>
        <span class="key">
          <xsl:text>[</xsl:text>
          <xsl:choose>
            <xsl:when test="@key != ''"><xsl:value-of select="@key"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="@element"/></xsl:otherwise>
          </xsl:choose>
          <xsl:text>]</xsl:text>
        </span>
      </h2>
      <xsl:call-template name="renumbered"/>
      <xsl:apply-templates select="attribute-change"/>
      <xsl:apply-templates select="text"/>
    </div>
  </xsl:template>

  <!-- An attribute of the element that changed: an annex normative or
       informative in words, any other by its name and values. -->
  <xsl:template match="attribute-change">
    <p class="attribute">
      <xsl:choose>
        <xsl:when test="@name = 'content-type' and ../@element = 'app'">
          <xsl:call-template name="w">
            <xsl:with-param name="cn">附录的性质：</xsl:with-param>
            <xsl:with-param name="en">Annex status: </xsl:with-param>
          </xsl:call-template>
        </xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="w">
            <xsl:with-param name="cn">属性 </xsl:with-param>
            <xsl:with-param name="en">Attribute </xsl:with-param>
          </xsl:call-template>
          <code><xsl:value-of select="@name"/></code>
          <xsl:call-template name="w">
            <xsl:with-param name="cn">：</xsl:with-param>
            <xsl:with-param name="en">: </xsl:with-param>
          </xsl:call-template>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:if test="@from">
        <del><xsl:call-template name="attribute-value"><xsl:with-param name="v" select="@from"/></xsl:call-template></del>
      </xsl:if>
      <xsl:if test="@from and @to"><xsl:text> → </xsl:text></xsl:if>
      <xsl:if test="@to">
        <ins><xsl:call-template name="attribute-value"><xsl:with-param name="v" select="@to"/></xsl:call-template></ins>
      </xsl:if>
    </p>
  </xsl:template>

  <xsl:template name="attribute-value">
    <xsl:param name="v"/>
    <xsl:choose>
      <xsl:when test="../@element = 'app' and @name = 'content-type' and ($v = 'norm-annex' or $v = 'normative')">
        <xsl:call-template name="w">
          <xsl:with-param name="cn">规范性</xsl:with-param>
          <xsl:with-param name="en">normative</xsl:with-param>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="../@element = 'app' and @name = 'content-type' and ($v = 'inform-annex' or $v = 'informative')">
        <xsl:call-template name="w">
          <xsl:with-param name="cn">资料性</xsl:with-param>
          <xsl:with-param name="en">informative</xsl:with-param>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$v"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Old and new numbers of a moved element, or of one renumbered and changed. -->
  <xsl:template name="renumbered">
    <xsl:variable name="old" select="string(from/@label)"/>
    <xsl:variable name="new" select="string(to/@label)"/>
    <xsl:choose>
      <xsl:when test="@type = 'moved'">
        <p class="moved-note">
          <xsl:choose>
            <xsl:when test="$old != $new and $zh">
              <xsl:text>由 </xsl:text><span class="num-old"><xsl:value-of select="$old"/></span>
              <xsl:text> 移至 </xsl:text><span class="num-new"><xsl:value-of select="$new"/></span>
            </xsl:when>
            <xsl:when test="$old != $new">
              <xsl:text>moved from </xsl:text><span class="num-old"><xsl:value-of select="$old"/></span>
              <xsl:text> to </xsl:text><span class="num-new"><xsl:value-of select="$new"/></span>
            </xsl:when>
            <xsl:when test="$zh">在同级条款中的顺序调整</xsl:when>
            <xsl:otherwise>moved among its siblings</xsl:otherwise>
          </xsl:choose>
          <xsl:if test="@move = 'parent'">
            <xsl:choose>
              <xsl:when test="$zh">（移入另一条款）</xsl:when>
              <xsl:otherwise> (into another clause)</xsl:otherwise>
            </xsl:choose>
          </xsl:if>
          <xsl:if test="@text-changed = 'true'">
            <xsl:choose>
              <xsl:when test="$zh">，文字亦有修改</xsl:when>
              <xsl:otherwise>; its text changed too</xsl:otherwise>
            </xsl:choose>
          </xsl:if>
        </p>
      </xsl:when>
      <xsl:when test="from and to and $old != $new">
        <p class="moved-note">
          <xsl:choose>
            <xsl:when test="$zh">
              <xsl:text>原编号 </xsl:text><span class="num-old"><xsl:value-of select="$old"/></span>
            </xsl:when>
            <xsl:otherwise>
              <xsl:text>formerly </xsl:text><span class="num-old"><xsl:value-of select="$old"/></span>
            </xsl:otherwise>
          </xsl:choose>
        </p>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="text">
    <div class="text">
      <xsl:choose>
        <xsl:when test="../@type = 'inserted' or ../@type = 'deleted'">
          <xsl:apply-templates select="p"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:apply-templates select="p" mode="context"/>
        </xsl:otherwise>
      </xsl:choose>
    </div>
  </xsl:template>

  <!-- In a changed element: changed paragraphs, their neighbours, "…" for the rest. -->
  <xsl:template match="p" mode="context">
    <xsl:variable name="near"
                  select="@changed or preceding-sibling::p[1]/@changed or following-sibling::p[1]/@changed"/>
    <xsl:choose>
      <xsl:when test="$near">
        <xsl:apply-templates select="."/>
      </xsl:when>
      <xsl:when test="not(preceding-sibling::p) or preceding-sibling::p[1]/@changed
                      or preceding-sibling::p[2]/@changed">
        <p class="elided">…</p>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="p">
    <p>
      <xsl:if test="not(@changed)"><xsl:attribute name="class">same</xsl:attribute></xsl:if>
      <xsl:apply-templates select="same | ins | del"/>
    </p>
  </xsl:template>

  <xsl:template match="same"><xsl:value-of select="."/></xsl:template>
  <xsl:template match="ins"><ins><xsl:value-of select="."/></ins></xsl:template>
  <xsl:template match="del"><del><xsl:value-of select="."/></del></xsl:template>

  <!-- style -->

  <xsl:template name="css">
    <xsl:text>
@page { size: A4; margin: 18mm 16mm 18mm 18mm; }
* { box-sizing: border-box; }
html { background: #e8e8e8; }
body { margin: 0; padding: 12px 0; color: #1a1a1a; font-size: 10.5pt; line-height: 1.6;
  font-family: "Noto Serif CJK SC", "Source Han Serif SC", "SimSun", "Liberation Serif", "Times New Roman", serif;
  -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.page { background: #fff; width: 210mm; min-height: 297mm; margin: 0 auto; padding: 18mm 16mm 18mm 18mm;
  box-shadow: 0 1px 4px rgba(0,0,0,.25); }
h1, h2, .badge, .versions th, .counts, .legend { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "SimHei",
  "Liberation Sans", "Arial", sans-serif; }
h1 { font-size: 16pt; margin: 0 0 4mm; padding-bottom: 2mm; border-bottom: 2px solid #1a1a1a; }
.versions { border-collapse: collapse; margin: 0 0 3mm; }
.versions th { text-align: left; font-weight: bold; padding: 1mm 4mm 1mm 0; vertical-align: top; white-space: nowrap; }
.versions td { padding: 1mm 0; }
.versions .what { font-weight: bold; margin-right: 3mm; }
.versions .meta { color: #555; margin-right: 3mm; }
code { font-family: "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: 90%; }
.counts { margin: 0 0 2mm; }
.legend { margin: 0 0 5mm; font-size: 9pt; color: #444; }
.legend-item { margin-right: 6mm; }
ins { color: #0a6b1f; background: #e3f6e6; text-decoration: underline; text-decoration-thickness: 1.5px;
  text-underline-offset: 2px; }
del { color: #b3121f; background: #fde8ea; text-decoration: line-through; text-decoration-thickness: 1.5px; }
.change { margin: 0 0 5mm; padding: 0 0 0 3mm; border-left: 3px solid #888; }
.change.changed { border-left-color: #c98a00; }
.change.inserted { border-left-color: #0a6b1f; }
.change.deleted { border-left-color: #b3121f; }
.change.moved { border-left-color: #2456a6; }
h2 { font-size: 11.5pt; margin: 0 0 1mm; break-after: avoid; page-break-after: avoid; }
h2 .num { margin-right: 2mm; }
h2 .key { white-space: nowrap; font-weight: normal; font-size: 8.5pt; color: #777; margin-left: 2mm;
  font-family: "DejaVu Sans Mono", "Liberation Mono", monospace; }
.badge { display: inline-block; font-size: 8.5pt; font-weight: bold; color: #fff; background: #888;
  border-radius: 2px; padding: 0 1.5mm; margin-right: 2mm; vertical-align: 1px; }
.changed .badge { background: #c98a00; }
.inserted .badge { background: #0a6b1f; }
.deleted .badge { background: #b3121f; }
.moved .badge { background: #2456a6; }
.moved-note { margin: 0 0 1mm; font-size: 9.5pt; color: #2456a6; }
.attribute { margin: 0 0 1mm; font-size: 9.5pt; }
.attribute code { font-size: 9pt; }
.num-old { text-decoration: line-through; }
.num-new { font-weight: bold; }
.text p { margin: 0 0 1.5mm; text-align: left; overflow-wrap: anywhere; }
.text p.same { color: #666; }
.text p.elided { color: #999; margin: 0 0 1.5mm; }
.inserted .text p, .deleted .text p { color: inherit; }
@media print {
  html, body { background: #fff; padding: 0; }
  .page { width: auto; min-height: 0; margin: 0; padding: 0; box-shadow: none; }
  .change { break-inside: auto; }
  h2 { break-inside: avoid; }
}
</xsl:text>
  </xsl:template>

</xsl:stylesheet>
