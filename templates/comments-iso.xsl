<?xml version="1.0" encoding="UTF-8"?>
<!--
  comments-iso.xsl: the ISO "Template for comments and secretariat
  observations" filled in with the comments on an ISO draft.

  Input: the <comment-form> document of 'stdtool comments table'
  (schemas/comment-form.rng, doc/comments.md).  Output: one self-contained
  HTML5 page in English, printable on A4 landscape, laid out as the ISO
  form is: the title with the Date / Document / Project boxes, the eight
  columns (MB/NC, Line number, Clause/Subclause, Paragraph/Figure/Table,
  Type of comment, Comments, Proposed change, Observations of the
  secretariat) repeated on every page, the two footnotes, and
  "page X of Y" at the foot of each page.

  Rules kept here:
  - XSLT 1.0 only, no extension functions, no document(), no parameters.
  - Nothing from the input reaches the output unescaped: no
    disable-output-escaping, and no input text inside <style>.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:output method="html" encoding="UTF-8" indent="no"
              doctype-system="about:legacy-compat"/>

  <xsl:variable name="form" select="/comment-form"/>

  <xsl:template match="/">
    <xsl:if test="not(/comment-form)">
      <xsl:message terminate="yes">comments-iso.xsl: the document is not a &lt;comment-form&gt;</xsl:message>
    </xsl:if>
    <html lang="en">
      <head>
        <meta charset="UTF-8"/>
        <title>
          <xsl:text>Comments and secretariat observations — </xsl:text>
          <xsl:call-template name="document"/>
        </title>
        <style>
@page { size: A4 landscape; margin: 12mm 12mm 14mm 12mm;
  @bottom-right { content: "page " counter(page) " of " counter(pages);
    font-family: Arial, "Liberation Sans", "Helvetica Neue", Helvetica, sans-serif; font-size: 8pt; }
  @bottom-left { content: "Template for comments and secretariat observations";
    font-family: Arial, "Liberation Sans", "Helvetica Neue", Helvetica, sans-serif; font-size: 8pt; } }
html { background: #fff; }
body { margin: 0; color: #000;
  font-family: Arial, "Liberation Sans", "Helvetica Neue", Helvetica, "Noto Sans CJK SC", sans-serif;
  font-size: 9pt; line-height: 1.3; }
.sheet { max-width: 273mm; margin: 0 auto; }
table.top { width: calc(100% - 1.5pt); margin: 0 0.75pt 3mm 0.75pt; border-collapse: collapse; }
table.top td { vertical-align: middle; }
table.top td.heading { font-size: 14pt; font-weight: bold; padding-right: 6mm; width: 45%; }
table.top td.box { border: 0.75pt solid #000; padding: 1.5mm 2mm; font-size: 9pt; }
table.top td.date { white-space: nowrap; }
table.top td.box b { display: block; font-size: 7.5pt; font-weight: bold; margin-bottom: 0.5mm; }
/* A collapsed border is half outside the table: keep it inside the page. */
table.form { width: calc(100% - 1.5pt); margin: 0 0.75pt; border-collapse: collapse; table-layout: fixed; }
table.form th, table.form td { border: 0.75pt solid #000; padding: 1.2mm 1.4mm; vertical-align: top; }
table.form th { background: #d9d9d9; font-weight: bold; font-size: 8pt; text-align: center;
  vertical-align: middle; padding: 1.5mm 1mm; }
table.form th small { display: block; font-weight: normal; font-size: 7pt; }
table.form thead { display: table-header-group; }
table.form tr { break-inside: avoid; page-break-inside: avoid; }
td.mb, td.line, td.clause, td.type { text-align: center; }
td.para, td.text, td.proposal, td.obs { white-space: pre-line; overflow-wrap: anywhere; }
td.empty { text-align: center; color: #444; padding: 6mm; }
.removed { color: #444; }
.word { font-weight: bold; }
col.mb { width: 6%; } col.line { width: 6%; } col.clause { width: 8%; } col.para { width: 9%; }
col.type { width: 6%; } col.text { width: 24%; } col.proposal { width: 21%; } col.obs { width: 20%; }
.notes { margin-top: 2.5mm; font-size: 7.5pt; line-height: 1.45;
  break-inside: avoid; page-break-inside: avoid; }
.notes p { margin: 0; }
@media screen {
  html { background: #eee; }
  body { padding: 10mm 0; }
  .sheet { background: #fff; padding: 12mm; max-width: 273mm;
    box-shadow: 0 0 3mm rgba(0,0,0,0.25); }
}
@media print {
  .sheet { max-width: none; }
}
        </style>
      </head>
      <body>
        <div class="sheet">
          <table class="top">
            <tr>
              <td class="heading">Template for comments and secretariat observations</td>
              <td class="box date"><b>Date:</b><xsl:value-of select="$form/@date"/></td>
              <td class="box document"><b>Document:</b><xsl:call-template name="document"/></td>
              <td class="box project"><b>Project:</b><xsl:value-of select="normalize-space($form/document/title)"/></td>
            </tr>
          </table>
          <table class="form">
            <colgroup>
              <col class="mb"/><col class="line"/><col class="clause"/><col class="para"/>
              <col class="type"/><col class="text"/><col class="proposal"/><col class="obs"/>
            </colgroup>
            <thead>
              <tr>
                <th>MB/NC<sup>1</sup></th>
                <th>Line number<small>(e.g. 17)</small></th>
                <th>Clause/ Subclause<small>(e.g. 3.1)</small></th>
                <th>Paragraph/ Figure/ Table/<small>(e.g. Table 1)</small></th>
                <th>Type of comment<sup>2</sup></th>
                <th>Comments</th>
                <th>Proposed change</th>
                <th>Observations of the secretariat</th>
              </tr>
            </thead>
            <tbody>
              <xsl:apply-templates select="$form/comment"/>
              <xsl:if test="not($form/comment)">
                <tr><td class="empty" colspan="8">No comments</td></tr>
              </xsl:if>
            </tbody>
          </table>
          <div class="notes">
            <p><sup>1</sup> MB = Member body / NC = National Committee (enter the ISO 3166 two-letter country code, e.g. CN for China; comments from the ISO/CS editing unit are identified by **)</p>
            <p><sup>2</sup> Type of comment: ge = general, te = technical, ed = editorial</p>
          </div>
        </div>
      </body>
    </html>
  </xsl:template>

  <!-- The document as the form names it: its number (or the draft id) and stage. -->
  <xsl:template name="document">
    <xsl:choose>
      <xsl:when test="normalize-space($form/document/number) != ''">
        <xsl:value-of select="normalize-space($form/document/number)"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$form/@draft"/></xsl:otherwise>
    </xsl:choose>
    <xsl:if test="$form/@stage">
      <xsl:text> (stage </xsl:text>
      <xsl:value-of select="$form/@stage"/>
      <xsl:text>)</xsl:text>
    </xsl:if>
  </xsl:template>

  <xsl:template match="comment">
    <tr>
      <td class="mb"><xsl:value-of select="by"/></td>
      <td class="line"><xsl:value-of select="line"/></td>
      <td class="clause">
        <xsl:choose>
          <xsl:when test="clause/@missing = 'true'">
            <span class="removed">
              <xsl:value-of select="clause/@ref"/>
              <xsl:text> (removed)</xsl:text>
            </span>
          </xsl:when>
          <xsl:when test="normalize-space(clause) != ''">
            <xsl:value-of select="normalize-space(clause)"/>
          </xsl:when>
          <xsl:otherwise>General</xsl:otherwise>
        </xsl:choose>
      </td>
      <td class="para"><xsl:value-of select="paragraph"/></td>
      <td class="type"><xsl:value-of select="@type"/></td>
      <td class="text"><xsl:value-of select="text"/></td>
      <td class="proposal"><xsl:value-of select="proposal"/></td>
      <td class="obs"><xsl:apply-templates select="resolution"/></td>
    </tr>
  </xsl:template>

  <xsl:template match="resolution">
    <span class="word">
      <xsl:choose>
        <xsl:when test="@disposition = 'accepted'">Accepted</xsl:when>
        <xsl:when test="@disposition = 'accepted-modified'">Accepted with modification</xsl:when>
        <xsl:when test="@disposition = 'rejected'">Not accepted</xsl:when>
        <xsl:otherwise>Noted</xsl:otherwise>
      </xsl:choose>
    </span>
    <xsl:if test="normalize-space(.) != ''">
      <xsl:text>. </xsl:text>
      <xsl:value-of select="."/>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
