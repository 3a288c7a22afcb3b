<?xml version="1.0" encoding="UTF-8"?>
<!--
  draft-gbt.xsl: a draft (or any NISO STS 1.2 document) laid out as a
  Chinese national standard, after GB/T 1.1-2020: cover, 目次, 前言, 引言,
  clauses, 附录 and 参考文献, in one self-contained HTML5 page printable
  on A4.

  Input: the labelled copy of a draft that 'stdtool draft render' makes
  (doc/drafts.md), or an STS document from elsewhere (iso-meta, nat-meta,
  adoption ...).  Read from the root: st-stage, the stage code (30.xx
  征求意见稿, 40.xx 送审稿, 50.xx 报批稿 boxed under the titles, with the
  patent call on 征求意见稿 and 送审稿; without st-stage the stage is read
  from release-version CD, DIS, FDIS) and st-stage-label="1" (the code in
  the cover's corner).  The cover takes the standard number from std-ref
  type="dated" (else any std-ref, doc-ref, or std-ident), 代替 from
  std-xref type="replaces", CCS from custom-meta "ccs", and the
  IDT/MOD/NEQ line from std-xref type="adopts" with custom-meta
  "adoption-degree" (or a std-xref typed IDT, MOD or NEQ).

  The shared templates are in draft-common.xsl, next to this file.
  tests/screenshot-draft.sh renders a draft and photographs its pages.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tbx="urn:iso:std:iso:30042:ed-1"
    xmlns:xlink="http://www.w3.org/1999/xlink"
    xmlns:mml="http://www.w3.org/1998/Math/MathML"
    exclude-result-prefixes="tbx xlink mml">

  <xsl:include href="draft-common.xsl"/>

  <xsl:variable name="st-profile" select="'gbt'"/>
  <xsl:variable name="st-html-lang" select="'zh-CN'"/>
  <xsl:variable name="st-term-lang" select="'zh'"/>

  <!-- The words of the layout. -->
  <xsl:variable name="w-table" select="'表 '"/>
  <xsl:variable name="w-figure" select="'图 '"/>
  <xsl:variable name="w-annex" select="'附录 '"/>
  <xsl:variable name="w-note" select="'注'"/>
  <xsl:variable name="w-example" select="'示例'"/>
  <xsl:variable name="w-formula" select="'公式'"/>
  <xsl:variable name="w-clause-pre" select="'第'"/>
  <xsl:variable name="w-clause-post" select="'章'"/>
  <xsl:variable name="w-note-num-sep" select="' '"/>
  <xsl:variable name="w-note-alone" select="'注：'"/>
  <xsl:variable name="w-example-alone" select="'示例：'"/>
  <xsl:variable name="w-note-end" select="'：'"/>
  <xsl:variable name="w-tnote-single" select="'注：'"/>
  <xsl:variable name="w-tnote-pre" select="'注 '"/>
  <xsl:variable name="w-tnote-post" select="'：'"/>
  <xsl:variable name="w-heading-gap" select="'　'"/>
  <xsl:variable name="w-cap-sep" select="'　'"/>
  <xsl:variable name="w-src-open" select="'[来源：'"/>
  <xsl:variable name="w-src-close" select="']'"/>
  <xsl:variable name="w-field-open" select="'〈'"/>
  <xsl:variable name="w-field-close" select="'〉'"/>
  <xsl:variable name="w-deprecated" select="'拒用：'"/>
  <xsl:variable name="w-normative" select="'规范性'"/>
  <xsl:variable name="w-informative" select="'资料性'"/>
  <xsl:variable name="w-paren-open" select="'（'"/>
  <xsl:variable name="w-paren-close" select="'）'"/>
  <xsl:variable name="w-annex-type-gap" select="''"/>
  <xsl:variable name="w-annex-toc-sep" select="'　'"/>
  <xsl:variable name="w-toc" select="'目　　次'"/>
  <xsl:variable name="w-bibl" select="'参考文献'"/>
  <xsl:variable name="w-dl-sep" select="'——'"/>
  <xsl:variable name="w-bullet-1" select="'——'"/>
  <xsl:variable name="w-bullet-2" select="'·'"/>
  <xsl:variable name="w-ref-title-sep" select="'　'"/>
  <xsl:variable name="w-term-lang-gap" select="'　'"/>
  <xsl:variable name="w-title-sep" select="'　'"/>
  <xsl:variable name="w-part-sep" select="'.'"/>
  <xsl:variable name="w-year-sep" select="'—'"/>

  <xsl:variable name="st-main-title-wrap"
      select="$st-meta/title-wrap[starts-with(@xml:lang, 'zh')][1]
              | $st-meta/title-wrap[1][not(../title-wrap[starts-with(@xml:lang, 'zh')])]"/>

  <xsl:variable name="gbt-number">
    <xsl:call-template name="st-docnum">
      <xsl:with-param name="m" select="$st-meta"/>
    </xsl:call-template>
  </xsl:variable>
  <xsl:variable name="st-running-head" select="string($gbt-number)"/>

  <!-- The two-digit stage: st-stage, else the release version. -->
  <xsl:variable name="gbt-stage">
    <xsl:variable name="rv" select="translate(normalize-space($st-meta/release-version), $st-lower, $st-upper)"/>
    <xsl:choose>
      <xsl:when test="$st-stage != ''"><xsl:value-of select="substring($st-stage, 1, 2)"/></xsl:when>
      <xsl:when test="$rv = 'CD'">30</xsl:when>
      <xsl:when test="$rv = 'DIS'">40</xsl:when>
      <xsl:when test="$rv = 'FDIS'">50</xsl:when>
    </xsl:choose>
  </xsl:variable>

  <!-- ============================================================ -->
  <!-- Cover (封面)                                                  -->
  <!-- ============================================================ -->

  <xsl:template name="st-cover">
    <xsl:variable name="m" select="$st-meta"/>
    <xsl:variable name="num" select="string($gbt-number)"/>
    <xsl:variable name="code">
      <xsl:choose>
        <xsl:when test="contains($num, ' ')"><xsl:value-of select="substring-before($num, ' ')"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="normalize-space($m/std-ident/originator)"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="gb" select="starts-with($code, 'GB')"/>
    <xsl:variable name="ccs"
        select="$m/custom-meta-group/custom-meta[normalize-space(meta-name) = 'ccs']/meta-value"/>
    <xsl:variable name="ics" select="$m/ics | $m/ics-wrap/ics"/>
    <xsl:variable name="en" select="$m/title-wrap[starts-with(@xml:lang, 'en')][1]"/>

    <div class="page cover" id="st-cover">
      <xsl:if test="$st-stage-label and $st-stage != ''">
        <div class="cover-stage-label"><xsl:value-of select="$st-stage"/></div>
      </xsl:if>
      <div class="cv-top">
        <div class="cv-codes">
          <div>
            <xsl:text>ICS </xsl:text>
            <xsl:for-each select="$ics">
              <xsl:if test="position() &gt; 1">；</xsl:if>
              <xsl:value-of select="normalize-space(.)"/>
            </xsl:for-each>
          </div>
          <div>
            <xsl:text>CCS </xsl:text>
            <xsl:value-of select="normalize-space($ccs)"/>
          </div>
        </div>
        <div class="cv-logo">
          <xsl:choose>
            <xsl:when test="$gb">
              <span class="cv-logo-main">GB</span>
              <span class="cv-logo-suffix"><xsl:value-of select="substring-after($code, 'GB')"/></span>
            </xsl:when>
            <xsl:otherwise>
              <span class="cv-logo-main"><xsl:value-of select="$code"/></span>
            </xsl:otherwise>
          </xsl:choose>
        </div>
      </div>

      <div class="cv-nation">
        <xsl:choose>
          <xsl:when test="starts-with($code, 'GB/Z')">中华人民共和国国家标准化指导性技术文件</xsl:when>
          <xsl:when test="$gb">中华人民共和国国家标准</xsl:when>
        </xsl:choose>
      </div>

      <div class="cv-num"><xsl:value-of select="$num"/></div>
      <xsl:variable name="replaces" select="$m/std-xref[@type = 'replaces']"/>
      <div class="cv-replaces">
        <xsl:if test="$replaces">
          <xsl:text>代替 </xsl:text>
          <xsl:for-each select="$replaces">
            <xsl:if test="position() &gt; 1">，</xsl:if>
            <xsl:call-template name="st-docnum">
              <xsl:with-param name="m" select="."/>
            </xsl:call-template>
          </xsl:for-each>
        </xsl:if>
      </div>
      <div class="cv-rule"></div>

      <div class="cv-titles">
        <div class="cv-title-zh">
          <xsl:call-template name="st-title-spans">
            <xsl:with-param name="tw" select="$st-main-title-wrap"/>
            <xsl:with-param name="sep" select="'　'"/>
          </xsl:call-template>
        </div>
        <xsl:if test="$en and generate-id($en) != generate-id($st-main-title-wrap)">
          <div class="cv-title-en" lang="en">
            <xsl:call-template name="st-title-spans">
              <xsl:with-param name="tw" select="$en"/>
              <xsl:with-param name="sep" select="'—'"/>
            </xsl:call-template>
          </div>
        </xsl:if>
        <xsl:call-template name="gbt-adoption-line"/>
        <xsl:variable name="banner">
          <xsl:choose>
            <xsl:when test="$gbt-stage = '30'">征求意见稿</xsl:when>
            <xsl:when test="$gbt-stage = '40'">送审稿</xsl:when>
            <xsl:when test="$gbt-stage = '50'">报批稿</xsl:when>
          </xsl:choose>
        </xsl:variable>
        <xsl:if test="string($banner) != ''">
          <div class="cv-stage"><span><xsl:value-of select="$banner"/></span></div>
        </xsl:if>
      </div>

      <div class="cv-spacer"></div>
      <xsl:if test="$gbt-stage = '30' or $gbt-stage = '40'">
        <div class="cv-patent">在提交反馈意见时，请将您知道的相关专利连同支持性文件一并附上。</div>
      </xsl:if>

      <div class="cv-dates">
        <span>
          <xsl:call-template name="st-date">
            <xsl:with-param name="d" select="($m/release-date[@date-type = 'published']
                                             | $m/release-date[not(@date-type)])[1]"/>
          </xsl:call-template>
          <xsl:text> 发布</xsl:text>
        </span>
        <span>
          <xsl:call-template name="st-date">
            <xsl:with-param name="d" select="$m/release-date[@date-type = 'effective'][1]"/>
          </xsl:call-template>
          <xsl:text> 实施</xsl:text>
        </span>
      </div>
      <div class="cv-rule cv-rule-low"></div>
      <xsl:variable name="issuers" select="$m/std-org/std-org-name | $m/std-org-group/std-org/std-org-name"/>
      <div class="cv-issuer">
        <div class="cv-issuer-names">
          <xsl:choose>
            <xsl:when test="$gb">
              <div>国家市场监督管理总局</div>
              <div>国家标准化管理委员会</div>
            </xsl:when>
            <xsl:otherwise>
              <xsl:for-each select="$issuers">
                <div><xsl:value-of select="normalize-space(.)"/></div>
              </xsl:for-each>
            </xsl:otherwise>
          </xsl:choose>
        </div>
        <xsl:if test="$gb or $issuers">
          <div class="cv-issuer-verb">发布</div>
        </xsl:if>
      </div>
    </div>
  </xsl:template>

  <!-- "(ISO 12345:2020, MOD)": the document adopted, from std-xref
       type="adopts" (degree from custom-meta adoption-degree, or a
       std-xref typed IDT, MOD or NEQ), else from the other metadata
       blocks of an adoption. -->
  <xsl:template name="gbt-adoption-line">
    <xsl:variable name="x"
        select="$st-meta/std-xref[@type = 'adopts' or @type = 'IDT' or @type = 'MOD' or @type = 'NEQ']"/>
    <xsl:variable name="cm"
        select="normalize-space($st-meta/custom-meta-group/custom-meta[normalize-space(meta-name) = 'adoption-degree']/meta-value)"/>
    <xsl:variable name="degree">
      <xsl:choose>
        <xsl:when test="$cm != ''"><xsl:value-of select="$cm"/></xsl:when>
        <xsl:when test="$x[@type != 'adopts']"><xsl:value-of select="$x[@type != 'adopts'][1]/@type"/></xsl:when>
      </xsl:choose>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$x">
        <div class="cv-adopt" lang="en">
          <xsl:text>(</xsl:text>
          <xsl:for-each select="$x">
            <xsl:if test="position() &gt; 1">; </xsl:if>
            <xsl:call-template name="st-docnum"><xsl:with-param name="m" select="."/></xsl:call-template>
          </xsl:for-each>
          <xsl:if test="string($degree) != ''">
            <xsl:value-of select="concat(', ', $degree)"/>
          </xsl:if>
          <xsl:text>)</xsl:text>
        </div>
      </xsl:when>
      <xsl:when test="$st-adopted-meta">
        <div class="cv-adopt" lang="en">
          <xsl:text>(</xsl:text>
          <xsl:for-each select="$st-adopted-meta">
            <xsl:if test="position() &gt; 1">; </xsl:if>
            <xsl:call-template name="st-docnum"><xsl:with-param name="m" select="."/></xsl:call-template>
          </xsl:for-each>
          <xsl:if test="string($degree) != ''">
            <xsl:value-of select="concat(', ', $degree)"/>
          </xsl:if>
          <xsl:text>)</xsl:text>
        </div>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- The first page of the body opens with the title. -->
  <xsl:template name="st-body-title">
    <xsl:variable name="m"
        select="(../front/std-meta | ../front/nat-meta | ../front/reg-meta | ../front/iso-meta)[1]"/>
    <xsl:variable name="tw"
        select="$m/title-wrap[starts-with(@xml:lang, 'zh')][1]
                | $m/title-wrap[1][not(../title-wrap[starts-with(@xml:lang, 'zh')])]"/>
    <div class="doc-title">
      <xsl:call-template name="st-title">
        <xsl:with-param name="tw" select="$tw | $st-main-title-wrap[not($tw)]"/>
        <xsl:with-param name="sep" select="'　'"/>
      </xsl:call-template>
    </div>
  </xsl:template>

  <!-- ============================================================ -->
  <!-- Typography: 宋体 text, 黑体 headings, 五号 (10.5 pt) body,     -->
  <!-- 小五 (9 pt) notes and tables; Latin letters in a Times face.   -->
  <!-- ============================================================ -->

  <xsl:template name="st-profile-css">
    <xsl:text>
@font-face { font-family: "St Latin"; font-weight: normal; font-style: normal;
  src: local("Times New Roman"), local("TimesNewRomanPSMT"), local("Liberation Serif"), local("LiberationSerif"), local("Tinos");
  unicode-range: U+0020-007E, U+00A0-00B6, U+00B8-00FF, U+0100-024F; }
@font-face { font-family: "St Latin"; font-weight: bold; font-style: normal;
  src: local("Times New Roman Bold"), local("TimesNewRomanPS-BoldMT"), local("Liberation Serif Bold"), local("LiberationSerif-Bold"), local("Tinos Bold");
  unicode-range: U+0020-007E, U+00A0-00B6, U+00B8-00FF, U+0100-024F; }
@font-face { font-family: "St Latin"; font-weight: normal; font-style: italic;
  src: local("Times New Roman Italic"), local("TimesNewRomanPS-ItalicMT"), local("Liberation Serif Italic"), local("LiberationSerif-Italic"), local("Tinos Italic");
  unicode-range: U+0020-007E, U+00A0-00B6, U+00B8-00FF, U+0100-024F; }
@font-face { font-family: "St Latin"; font-weight: bold; font-style: italic;
  src: local("Times New Roman Bold Italic"), local("TimesNewRomanPS-BoldItalicMT"), local("Liberation Serif Bold Italic"), local("LiberationSerif-BoldItalic"), local("Tinos Bold Italic");
  unicode-range: U+0020-007E, U+00A0-00B6, U+00B8-00FF, U+0100-024F; }
body { font-family: "St Latin", "Noto Serif CJK SC", "Source Han Serif SC", "SimSun", serif;
  font-size: 10.5pt; line-height: 1.55; }
.h, .front-h, .annex-h, .doc-title, .tcap, .fcap, .term-lbl, .term-head, .lead > .lbl,
.cover, .cv-codes { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "SimHei", sans-serif; }
@page { @top-left { font-size: 10.5pt; font-family: "Noto Sans CJK SC", "Source Han Sans SC", "SimHei", sans-serif; }
  @top-right { font-size: 10.5pt; font-family: "Noto Sans CJK SC", "Source Han Sans SC", "SimHei", sans-serif; } }
.p { text-indent: 2em; text-align: justify; }
.lead { text-indent: 0; }
.lead > .lbl { font-weight: bold; margin-right: 1em; }
.h { font-weight: bold; margin: .5em 0; line-height: 1.55; }
h2.h { margin-top: .9em; }
.front-h { text-align: center; font-size: 16pt; font-weight: normal; margin: 0 0 1.2em; }
.front-h .lbl { margin-right: 1em; }
.doc-title { text-align: center; font-size: 16pt; line-height: 1.5; margin: 0 0 1.4em; }
.toc-list { font-size: 10.5pt; line-height: 1.9; }
.toc-1 { margin-top: 0; }
.note, .example { font-size: 9pt; line-height: 1.5; margin: .25em 0; }
.note > .lead, .example > .lead, .fn > .lead { display: flex; align-items: baseline; padding-left: 2em; }
.note > .lead > .lead-body, .example > .lead > .lead-body, .fn > .lead > .lead-body { flex: 1; min-width: 0; }
.note > .p:not(.lead), .example > .p:not(.lead) { padding-left: 2em; }
.list { margin-left: 2em; }
.list .list { margin-left: 0; }
.list > li { padding-left: 1.4em; }
.l-bullet-1 > li { padding-left: 2.4em; }
.l-bullet-1 > li::before { content: "——"; }
.l-bullet-2 > li::before { content: "·"; }
.l-paren > li { padding-left: 2em; }
.dl { margin: .2em 0 .2em 2em; }
.dl-title { margin-left: -2em; }
.dsep { white-space: nowrap; }
.dd { text-align: justify; }
.table-wrap { font-size: 9pt; line-height: 1.45; }
.tcap { font-size: 10.5pt; margin-bottom: .3em; }
table.t { border: 1.2pt solid #000; }
table.t td, table.t th { border: .6pt solid #000; }
.tfoot { border: 1.2pt solid #000; border-top: 0; }
.tfoot .note > .lead, .tfoot .fn > .lead { padding-left: 0; }
.fcap { margin-top: .3em; }
.formula .fno { min-width: 3em; text-align: right; }
.fns .fn > .lead { padding-left: 0; }
.fn-lbl { padding-right: .4em; }
.term { margin-top: .5em; }
.term-lbl, .term-head { font-weight: bold; }
.term-adm { font-weight: normal; }
.term-dep { }
.term-def, .term-src { text-indent: 2em; }
.term .note > .lead, .term .example > .lead { padding-left: 2em; }
.refs { margin: .2em 0; }
.ref { text-indent: 0; padding-left: 2em; }
.bref { margin: .1em 0; }
.annex-h { text-align: center; font-size: 10.5pt; font-weight: bold; margin: 0 0 1.5em; line-height: 1.8; }
.annex-h > span { display: block; }
.bibl-h { font-size: 16pt; }

.cover { padding: 16mm 20mm 12mm 25mm; }
.cv-top { display: flex; justify-content: space-between; align-items: flex-start; }
.cv-codes { font-size: 10.5pt; line-height: 1.7; padding-top: 2mm; }
.cv-logo { font-family: "Liberation Sans", "Arial", "Noto Sans CJK SC", sans-serif; font-weight: bold;
  line-height: 1; letter-spacing: -.02em; white-space: nowrap; }
.cv-logo-main { font-size: 50pt; font-style: italic; }
.cv-logo-suffix { font-size: 34pt; }
.cv-nation { margin-top: 14mm; text-align: center; font-size: 26pt; font-weight: bold; letter-spacing: .12em;
  font-family: "Noto Serif CJK SC", "Source Han Serif SC", "SimSun", serif; }
.cv-num { margin-top: 8mm; text-align: right; font-size: 14pt; }
.cv-replaces { margin-top: 1.5mm; min-height: 1.4em; text-align: right; font-size: 10.5pt; }
.cv-rule { border-top: 1.6pt solid #000; margin-top: 2.5mm; }
.cv-titles { margin-top: 32mm; text-align: center; }
.cv-title-zh { font-size: 26pt; line-height: 1.4; padding: 0 4mm; }
.cv-title-zh .tw, .cv-title-en .tw { display: inline-block; }
.cv-title-en { margin-top: 9mm; font-size: 14pt; line-height: 1.4; font-family: "St Latin", serif; }
.cv-adopt { margin-top: 4mm; font-size: 14pt; font-family: "St Latin", serif; }
.cv-stage { margin-top: 16mm; }
.cv-stage span { display: inline-block; border: 1.2pt solid #000; padding: 1.5mm 7mm; font-size: 15pt; letter-spacing: .15em; }
.cv-spacer { flex: 1; }
.cv-patent { text-align: center; font-size: 10.5pt; margin: 0 0 14mm;
  font-family: "Noto Serif CJK SC", "Source Han Serif SC", "SimSun", serif; }
.cv-dates { display: flex; justify-content: space-between; font-size: 14pt; font-weight: bold; padding: 0 2mm; }
.cv-rule-low { margin-top: 2mm; }
.cv-issuer { display: flex; justify-content: center; align-items: center; margin-top: 7mm;
  font-size: 18pt; font-weight: bold; font-family: "Noto Serif CJK SC", "Source Han Serif SC", "SimSun", serif; }
.cv-issuer-names { line-height: 1.45; letter-spacing: .08em; }
.cv-issuer-verb { margin-left: 1.6em; letter-spacing: .3em; }
</xsl:text>
  </xsl:template>

</xsl:stylesheet>
