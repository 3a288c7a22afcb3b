<?xml version="1.0" encoding="UTF-8"?>
<!--
  draft-iso.xsl: a draft (or any NISO STS 1.2 document) laid out as an
  International Standard, after the ISO/IEC Directives, Part 2: cover,
  Contents, Foreword, Introduction, clauses, annexes and Bibliography, in
  one self-contained HTML5 page printable on A4.

  Input: the labelled copy of a draft that 'stdtool draft render' makes
  (doc/drafts.md), or an STS document from elsewhere (iso-meta, nat-meta,
  reg-meta, adoption).  Read from the root: st-stage (20 WD, 30 CD, 40 DIS,
  50 FDIS, 60 and later International Standard; without it the stage is
  read from release-version) and st-stage-label="1" (the code in the
  cover's corner).

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

  <xsl:variable name="st-profile" select="'iso'"/>
  <!-- The document's language (English unless the root says otherwise):
       the html lang, and the language whose terms lead each entry. -->
  <xsl:variable name="iso-lang"
      select="translate(substring(normalize-space(/*/@xml:lang), 1, 2), $st-upper, $st-lower)"/>
  <xsl:variable name="st-term-lang"
      select="concat($iso-lang, substring('en', 1, 2 * ($iso-lang = '')))"/>
  <xsl:variable name="st-html-lang">
    <xsl:choose>
      <xsl:when test="$iso-lang = 'zh'">zh-CN</xsl:when>
      <xsl:when test="$iso-lang != ''"><xsl:value-of select="normalize-space(/*/@xml:lang)"/></xsl:when>
      <xsl:otherwise>en</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <!-- The words of the layout. -->
  <xsl:variable name="w-table" select="'Table '"/>
  <xsl:variable name="w-figure" select="'Figure '"/>
  <xsl:variable name="w-annex" select="'Annex '"/>
  <xsl:variable name="w-note" select="'NOTE'"/>
  <xsl:variable name="w-example" select="'EXAMPLE'"/>
  <xsl:variable name="w-formula" select="'Formula '"/>
  <xsl:variable name="w-clause-pre" select="'Clause '"/>
  <xsl:variable name="w-clause-post" select="''"/>
  <xsl:variable name="w-note-num-sep" select="' '"/>
  <xsl:variable name="w-note-alone" select="'NOTE'"/>
  <xsl:variable name="w-example-alone" select="'EXAMPLE'"/>
  <xsl:variable name="w-note-end" select="''"/>
  <xsl:variable name="w-tnote-single" select="'Note 1 to entry: '"/>
  <xsl:variable name="w-tnote-pre" select="'Note '"/>
  <xsl:variable name="w-tnote-post" select="' to entry: '"/>
  <xsl:variable name="w-heading-gap" select="' '"/>
  <xsl:variable name="w-cap-sep" select="' — '"/>
  <xsl:variable name="w-src-open" select="'[SOURCE: '"/>
  <xsl:variable name="w-src-close" select="']'"/>
  <xsl:variable name="w-field-open" select="'&lt;'"/>
  <xsl:variable name="w-field-close" select="'&gt; '"/>
  <xsl:variable name="w-deprecated" select="'DEPRECATED: '"/>
  <xsl:variable name="w-normative" select="'normative'"/>
  <xsl:variable name="w-informative" select="'informative'"/>
  <xsl:variable name="w-paren-open" select="'('"/>
  <xsl:variable name="w-paren-close" select="')'"/>
  <xsl:variable name="w-annex-type-gap" select="' '"/>
  <xsl:variable name="w-annex-toc-sep" select="' '"/>
  <xsl:variable name="w-toc" select="'Contents'"/>
  <xsl:variable name="w-bibl" select="'Bibliography'"/>
  <xsl:variable name="w-dl-sep" select="''"/>
  <xsl:variable name="w-bullet-1" select="'—'"/>
  <xsl:variable name="w-bullet-2" select="'•'"/>
  <xsl:variable name="w-ref-title-sep" select="', '"/>
  <xsl:variable name="w-term-lang-gap" select="'   '"/>
  <xsl:variable name="w-title-sep" select="' — '"/>
  <xsl:variable name="w-part-sep" select="'-'"/>
  <xsl:variable name="w-year-sep" select="':'"/>

  <xsl:variable name="st-main-title-wrap"
      select="$st-meta/title-wrap[starts-with(@xml:lang, $st-term-lang)][1]
              | $st-meta/title-wrap[1][not(../title-wrap[starts-with(@xml:lang, $st-term-lang)])]"/>

  <!-- The stage: its two digits, and the document type it makes. -->
  <xsl:variable name="iso-stage">
    <xsl:variable name="rv" select="translate(normalize-space($st-meta/release-version), $st-lower, $st-upper)"/>
    <xsl:choose>
      <xsl:when test="$st-stage != ''"><xsl:value-of select="substring($st-stage, 1, 2)"/></xsl:when>
      <xsl:when test="$rv = 'WD'">20</xsl:when>
      <xsl:when test="$rv = 'CD'">30</xsl:when>
      <xsl:when test="$rv = 'DIS'">40</xsl:when>
      <xsl:when test="$rv = 'FDIS'">50</xsl:when>
      <xsl:when test="$rv = 'IS'">60</xsl:when>
    </xsl:choose>
  </xsl:variable>
  <xsl:variable name="iso-abbrev">
    <xsl:choose>
      <xsl:when test="$iso-stage = '20'">WD</xsl:when>
      <xsl:when test="$iso-stage = '30'">CD</xsl:when>
      <xsl:when test="$iso-stage = '40'">DIS</xsl:when>
      <xsl:when test="$iso-stage = '50'">FDIS</xsl:when>
    </xsl:choose>
  </xsl:variable>
  <xsl:variable name="iso-kind">
    <xsl:choose>
      <xsl:when test="$iso-stage = '00'">Preliminary work item</xsl:when>
      <xsl:when test="$iso-stage = '10'">New work item proposal</xsl:when>
      <xsl:when test="$iso-stage = '20'">Working draft</xsl:when>
      <xsl:when test="$iso-stage = '30'">Committee draft</xsl:when>
      <xsl:when test="$iso-stage = '40'">Draft International Standard</xsl:when>
      <xsl:when test="$iso-stage = '50'">Final draft International Standard</xsl:when>
      <xsl:when test="$st-meta/self::iso-meta
                      or starts-with(normalize-space($st-meta/std-ident/originator), 'ISO')
                      or starts-with(normalize-space($st-meta/std-ident/originator), 'IEC')
                      or starts-with(normalize-space($st-meta/std-ref), 'ISO')
                      or starts-with(normalize-space($st-meta/std-ref), 'IEC')">International Standard</xsl:when>
    </xsl:choose>
  </xsl:variable>

  <xsl:variable name="iso-undated">
    <xsl:call-template name="st-docnum">
      <xsl:with-param name="m" select="$st-meta"/>
      <xsl:with-param name="kind" select="'undated'"/>
    </xsl:call-template>
  </xsl:variable>
  <xsl:variable name="iso-dated">
    <xsl:call-template name="st-docnum">
      <xsl:with-param name="m" select="$st-meta"/>
    </xsl:call-template>
  </xsl:variable>
  <!-- "ISO 12345-1" at stage 30 is "ISO/CD 12345-1". -->
  <xsl:variable name="iso-number">
    <xsl:variable name="u">
      <xsl:choose>
        <xsl:when test="$st-meta/std-ref[@type = 'undated'] or not(contains($iso-dated, ':'))">
          <xsl:value-of select="$iso-undated"/>
        </xsl:when>
        <xsl:otherwise><xsl:value-of select="substring-before($iso-dated, ':')"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="string($iso-abbrev) != '' and contains($u, ' ')
                      and not(contains(substring-before($u, ' '), concat('/', $iso-abbrev)))">
        <xsl:value-of select="concat(substring-before($u, ' '), '/', $iso-abbrev, ' ', substring-after($u, ' '))"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$u"/></xsl:otherwise>
    </xsl:choose>
  </xsl:variable>
  <xsl:variable name="iso-reference">
    <xsl:choose>
      <xsl:when test="normalize-space($st-meta/doc-ref) != ''">
        <xsl:value-of select="normalize-space($st-meta/doc-ref)"/>
      </xsl:when>
      <xsl:when test="string($iso-abbrev) != '' and contains($iso-dated, ':')">
        <xsl:value-of select="concat($iso-number, ':', substring-after($iso-dated, ':'), '(E)')"/>
      </xsl:when>
      <xsl:when test="string($iso-dated) != ''">
        <xsl:value-of select="concat($iso-dated, '(E)')"/>
      </xsl:when>
    </xsl:choose>
  </xsl:variable>
  <xsl:variable name="st-running-head" select="string($iso-reference)"/>

  <!-- ============================================================ -->
  <!-- Cover                                                         -->
  <!-- ============================================================ -->

  <xsl:template name="st-cover">
    <xsl:variable name="m" select="$st-meta"/>
    <xsl:variable name="fr" select="$m/title-wrap[starts-with(@xml:lang, 'fr')][1]"/>
    <xsl:variable name="ics" select="$m/ics | $m/ics-wrap/ics"/>
    <xsl:variable name="ed" select="normalize-space($m/std-ident/edition)"/>
    <xsl:variable name="date">
      <xsl:choose>
        <xsl:when test="normalize-space($m/release-date[@date-type = 'published']) != ''">
          <xsl:value-of select="normalize-space($m/release-date[@date-type = 'published'])"/>
        </xsl:when>
        <xsl:when test="normalize-space($m/pub-date) != ''">
          <xsl:value-of select="normalize-space($m/pub-date)"/>
        </xsl:when>
        <xsl:when test="normalize-space($m/release-date[1]) != ''">
          <xsl:value-of select="normalize-space($m/release-date[1])"/>
        </xsl:when>
      </xsl:choose>
    </xsl:variable>

    <div class="page cover" id="st-cover">
      <xsl:if test="$st-stage-label and $st-stage != ''">
        <div class="cover-stage-label"><xsl:value-of select="$st-stage"/></div>
      </xsl:if>
      <div class="iso-top">
        <div class="iso-kind"><xsl:value-of select="$iso-kind"/></div>
        <div class="iso-num"><xsl:value-of select="$iso-number"/></div>
      </div>
      <div class="iso-facts">
        <xsl:if test="$ed != ''">
          <div>
            <xsl:call-template name="iso-edition"><xsl:with-param name="n" select="$ed"/></xsl:call-template>
          </div>
        </xsl:if>
        <xsl:if test="string($date) != ''"><div><xsl:value-of select="$date"/></div></xsl:if>
        <xsl:for-each select="$st-adopted-meta">
          <div>
            <xsl:call-template name="st-docnum"><xsl:with-param name="m" select="."/></xsl:call-template>
          </div>
        </xsl:for-each>
      </div>
      <div class="iso-comm">
        <xsl:for-each select="$m/comm-ref | $m/comm-ref-group/comm-ref">
          <div><xsl:value-of select="normalize-space(.)"/></div>
        </xsl:for-each>
        <xsl:if test="normalize-space($m/secretariat) != ''">
          <div>Secretariat: <xsl:value-of select="normalize-space($m/secretariat)"/></div>
        </xsl:if>
        <xsl:if test="$ics">
          <div>
            <xsl:text>ICS: </xsl:text>
            <xsl:for-each select="$ics">
              <xsl:if test="position() &gt; 1">; </xsl:if>
              <xsl:value-of select="normalize-space(.)"/>
            </xsl:for-each>
          </div>
        </xsl:if>
      </div>
      <div class="iso-rule"></div>
      <div class="iso-title">
        <xsl:call-template name="st-title-spans">
          <xsl:with-param name="tw" select="$st-main-title-wrap"/>
          <xsl:with-param name="sep" select="' — '"/>
        </xsl:call-template>
      </div>
      <xsl:if test="$fr and generate-id($fr) != generate-id($st-main-title-wrap)">
        <div class="iso-title-fr" lang="fr">
          <xsl:call-template name="st-title-spans">
            <xsl:with-param name="tw" select="$fr"/>
            <xsl:with-param name="sep" select="' — '"/>
          </xsl:call-template>
        </div>
      </xsl:if>
      <xsl:if test="string($iso-abbrev) != ''">
        <div class="iso-stage"><span><xsl:value-of select="concat('Stage: ', $iso-abbrev)"/></span></div>
      </xsl:if>
      <div class="cv-spacer"></div>
      <xsl:if test="$iso-stage = '30' or $iso-stage = '40' or $iso-stage = '50'">
        <div class="iso-draft-box">
          <p>This text is a draft circulated for comment. It may change before
          publication and is not to be cited as an International Standard.</p>
          <p>With your comments, please name any patent rights you know of that
          the document may touch, and send the documents that support them.</p>
        </div>
      </xsl:if>
      <div class="iso-bottom">
        <div class="iso-logo">
          <xsl:choose>
            <xsl:when test="contains($iso-number, '/')"><xsl:value-of select="substring-before($iso-number, '/')"/></xsl:when>
            <xsl:when test="contains($iso-number, ' ')"><xsl:value-of select="substring-before($iso-number, ' ')"/></xsl:when>
            <xsl:otherwise>ISO</xsl:otherwise>
          </xsl:choose>
        </div>
        <xsl:if test="string($iso-reference) != ''">
          <div class="iso-ref">
            <div>Reference number</div>
            <div class="iso-ref-num"><xsl:value-of select="$iso-reference"/></div>
          </div>
        </xsl:if>
      </div>
    </div>
  </xsl:template>

  <xsl:template name="iso-edition">
    <xsl:param name="n"/>
    <xsl:choose>
      <xsl:when test="$n = '1'">First edition</xsl:when>
      <xsl:when test="$n = '2'">Second edition</xsl:when>
      <xsl:when test="$n = '3'">Third edition</xsl:when>
      <xsl:when test="$n = '4'">Fourth edition</xsl:when>
      <xsl:when test="$n = '5'">Fifth edition</xsl:when>
      <xsl:when test="translate($n, $st-digits, '') = ''"><xsl:value-of select="concat('Edition ', $n)"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$n"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The first page of the body opens with the title. -->
  <xsl:template name="st-body-title">
    <xsl:variable name="m"
        select="(../front/std-meta | ../front/nat-meta | ../front/reg-meta | ../front/iso-meta)[1]"/>
    <xsl:variable name="tw"
        select="$m/title-wrap[starts-with(@xml:lang, $st-term-lang)][1]
                | $m/title-wrap[1][not(../title-wrap[starts-with(@xml:lang, $st-term-lang)])]"/>
    <div class="doc-title">
      <xsl:call-template name="st-title">
        <xsl:with-param name="tw" select="$tw | $st-main-title-wrap[not($tw)]"/>
        <xsl:with-param name="sep" select="' — '"/>
      </xsl:call-template>
    </div>
  </xsl:template>

  <!-- ============================================================ -->
  <!-- Typography: a Cambria-like serif, 11 pt text, 10 pt notes and  -->
  <!-- tables, bold headings, no first-line indent.                   -->
  <!-- ============================================================ -->

  <xsl:template name="st-profile-css">
    <xsl:text>
@page front { @bottom-center { content: counter(st-front, lower-roman); } }
@page { @top-left { font-size: 10pt; font-weight: bold; } @top-right { font-size: 10pt; font-weight: bold; } }
body { font-family: "Cambria", "Caladea", "Liberation Serif", "DejaVu Serif", "Noto Serif CJK SC", serif;
  font-size: 11pt; line-height: 1.3; }
.p { margin: 0 0 .6em; text-align: justify; }
.list li .p, .dd .p, .fn .p, td .p, th .p { margin-bottom: .2em; }
.h { font-weight: bold; margin: 1em 0 .5em; font-size: 11pt; }
h2.h { font-size: 12pt; margin-top: 1.2em; }
.lead > .lbl { font-weight: bold; margin-right: .8em; }
.front-h { font-size: 16pt; font-weight: bold; margin: 0 0 1em; }
.bibl-h { text-align: center; }
.toc-h { font-size: 16pt; }
.toc-list { line-height: 1.6; }
.toc-1 { margin-top: .15em; }
.doc-title { font-size: 16pt; font-weight: bold; line-height: 1.3; margin: 0 0 1.4em; }
.note, .example { font-size: 10pt; margin: .4em 0; }
.note > .lead, .example > .lead, .fn > .lead { display: flex; align-items: baseline; }
.note > .lead > .lead-body, .example > .lead > .lead-body, .fn > .lead > .lead-body { flex: 1; min-width: 0; }
.note-lbl { padding-right: 1.2em; white-space: nowrap; }
.note > .p:not(.lead), .example > .p:not(.lead) { padding-left: 4.5em; }
.term .note .note-lbl { padding-right: 0; }
.term .note > .lead, .term .example > .lead { display: block; }
.list > li { padding-left: 1.8em; }
.l-bullet-1 > li::before { content: "—"; }
.l-bullet-2 > li::before { content: "•"; }
.l-paren > li { padding-left: 2.2em; }
.dl { margin: .2em 0 .6em; }
.dl-grid { grid-template-columns: auto 0 1fr; column-gap: .8em; }
.dt { text-align: left; }
.table-wrap { font-size: 10pt; }
.tcap, .fcap { font-weight: bold; font-size: 11pt; }
.tcap { margin-bottom: .3em; }
.fcap { margin-top: .4em; }
table.t { border: 1pt solid #000; }
table.t th { font-weight: bold; }
.formula { justify-content: flex-start; }
.formula .fbody { text-align: left; padding-left: 2em; }
.formula math[display="block"] { display: inline math; }
.term { margin-top: .8em; }
.term-lbl, .term-pref { font-weight: bold; }
.term-def { margin-top: .2em; }
.std-title, .ref .std-title, .bref .std-title { font-style: italic; }
.p .std .std-title { font-style: italic; }
.ref { margin: 0 0 .5em; }
.bref { margin: 0 0 .4em; }
.annex-h { text-align: center; font-size: 12pt; font-weight: bold; margin: 0 0 1.5em; line-height: 1.4; }
.annex-h > span { display: block; }
.annex-h .annex-title { margin-top: .8em; }
.fn-lbl { padding-right: .4em; }

.cover { padding: 18mm 18mm 14mm 20mm; }
.iso-top { display: flex; justify-content: space-between; align-items: flex-start; }
.iso-kind { font-size: 14pt; font-weight: bold; text-transform: uppercase; max-width: 55%; line-height: 1.2; }
.iso-num { font-size: 24pt; font-weight: bold; text-align: right; }
.iso-facts { text-align: right; font-size: 11pt; margin-top: 3mm; line-height: 1.4; }
.iso-comm { font-size: 10pt; margin-top: 10mm; line-height: 1.4; }
.iso-rule { border-top: 2pt solid #000; margin-top: 4mm; }
.iso-title { margin-top: 14mm; font-size: 20pt; font-weight: bold; line-height: 1.25; }
.iso-title .tw { display: inline-block; }
.iso-title-fr { margin-top: 6mm; font-size: 12pt; font-style: italic; line-height: 1.3; }
.iso-title-fr .tw { display: inline-block; }
.iso-stage { margin-top: 10mm; }
.iso-stage span { display: inline-block; border: 1pt solid #000; padding: 1mm 4mm; font-size: 11pt; font-weight: bold; }
.cv-spacer { flex: 1; }
.iso-draft-box { border: 1pt solid #000; padding: 3mm 5mm; font-size: 9pt; line-height: 1.35; margin-bottom: 8mm; }
.iso-draft-box p { margin: 0 0 .4em; text-transform: uppercase; }
.iso-bottom { display: flex; justify-content: space-between; align-items: flex-end; border-top: 2pt solid #000; padding-top: 4mm; }
.iso-logo { font-size: 26pt; font-weight: bold; border: 2.5pt solid #000; border-radius: 50%; padding: 3mm 5mm; line-height: 1; }
.iso-ref { text-align: right; font-size: 10pt; }
.iso-ref-num { font-size: 12pt; font-weight: bold; }
</xsl:text>
  </xsl:template>

</xsl:stylesheet>
