<?xml version="1.0" encoding="UTF-8"?>
<!--
  draft-common.xsl: the templates that draft-gbt.xsl and draft-iso.xsl
  share.  Not a stylesheet on its own: it is pulled in with xsl:include
  and reads the words, the cover and the typography of the including
  stylesheet (variables w-*, st-profile, st-html-lang, st-term-lang,
  st-running-head; templates st-cover, st-body-title, st-profile-css).

  Input: a NISO STS 1.2 document (root standard or adoption), usually the
  copy that 'stdtool draft render' makes, in which every numbered element
  carries a label and every empty xref has its text (doc/drafts.md).
  Output: one self-contained HTML5 page, printable on A4.

  Rules kept here:
  - XSLT 1.0, no extension functions, no document(), no parameters.
  - Speed (a 20 MB draft in about 2 s with xsltproc, time linear in the
    size): every template does a bounded amount of work for its node.
    No xsl:number, no preceding:: or following:: axes, no counting of
    siblings, no '//'; the footnotes of a clause are found by one walk of
    that clause.  Numbers are read from label elements, never computed;
    the few look-ups by id (empty xrefs only) go through key st-id.  The
    hot templates (p, td, xref, sec, list-item, notes) use template
    dispatch rather than tests, no result-tree fragments, and add as few
    elements and attributes as the layout allows: each output node is
    paid for again when the result is written and freed.
  - Labels that are bare numbers ("1", "A.2") get the word of the profile
    ("表", "Table"); labels that already carry a word ("Table 1", "NOTE")
    are shown as they are.
  - Nothing from the input reaches the output unescaped.  Links are made
    only for harmless addresses (st-safe-url); style attributes that could
    fetch anything are dropped (st-copy-style); attributes copied from
    tables and MathML never include event handlers; the running page
    header takes only a whitelist of characters into the CSS.
  - Unknown elements: their text is shown (the built-in template).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tbx="urn:iso:std:iso:30042:ed-1"
    xmlns:xlink="http://www.w3.org/1999/xlink"
    xmlns:mml="http://www.w3.org/1998/Math/MathML"
    xmlns:oasis="http://www.niso.org/standards/z39-96/ns/oasis-exchange/table"
    exclude-result-prefixes="tbx xlink mml oasis">

  <xsl:output method="html" encoding="UTF-8" indent="no"
              doctype-system="about:legacy-compat"/>

  <!-- Rendering in parts (doc/drafts.md): '' renders the whole draft;
       'frame' renders it with a marker in place of each clause and annex
       that carries st-slot; 'part' renders only the elements with
       st-slot (found through those with st-path), each after its marker,
       then st:end, and writes a marker st:hole in place of each
       sub-clause or term with st-hole, rendered in a later part. -->
  <xsl:param name="st-part" select="''"/>
  <!-- Declared, never set: tells stdtool that this stylesheet knows
       st-hole and st-path, so that it may split a large clause. -->
  <xsl:param name="st-holes" select="''"/>

  <xsl:key name="st-id" match="*[@id]" use="@id"/>

  <!-- ============================================================ -->
  <!-- Document-wide values                                          -->
  <!-- ============================================================ -->

  <xsl:variable name="st-stage" select="normalize-space(/*/@st-stage)"/>
  <xsl:variable name="st-stage-label" select="/*/@st-stage-label = '1'"/>
  <xsl:variable name="st-front" select="/standard/front | /adoption/adoption-front"/>
  <!-- The cover is made from the first metadata block: a national
       adoption's nat-meta comes before the iso-meta it adopts. -->
  <xsl:variable name="st-meta"
      select="($st-front/std-meta | $st-front/nat-meta | $st-front/reg-meta | $st-front/iso-meta)[1]"/>
  <!-- The documents this one adopts: the other metadata blocks, and the
       first one of each standard wrapped in an adoption. -->
  <xsl:variable name="st-adopted-meta"
      select="($st-front/std-meta | $st-front/nat-meta | $st-front/reg-meta | $st-front/iso-meta)[position() &gt; 1]
              | /adoption/standard/front/*[self::iso-meta or self::reg-meta or self::nat-meta or self::std-meta][1]
              | /adoption/adoption/adoption-front/*[self::iso-meta or self::reg-meta or self::nat-meta or self::std-meta][1]"/>
  <xsl:variable name="st-digits" select="'0123456789'"/>
  <xsl:variable name="st-upper" select="'ABCDEFGHIJKLMNOPQRSTUVWXYZ'"/>
  <xsl:variable name="st-lower" select="'abcdefghijklmnopqrstuvwxyz'"/>

  <!-- ============================================================ -->
  <!-- The page                                                      -->
  <!-- ============================================================ -->

  <xsl:template match="/">
    <xsl:choose>
      <xsl:when test="$st-part = 'part'">
        <html><body>
          <xsl:apply-templates select="/*" mode="st-part"/>
          <xsl:comment>st:end</xsl:comment>
        </body></html>
      </xsl:when>
      <xsl:otherwise><xsl:call-template name="st-page"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- In the frame, a clause or annex rendered elsewhere leaves its marker. -->
  <xsl:template match="body/sec[@st-slot] | app-group/app[@st-slot]" priority="3">
    <xsl:choose>
      <xsl:when test="$st-part = 'frame'">
        <xsl:comment>st:slot <xsl:value-of select="@st-slot"/></xsl:comment>
      </xsl:when>
      <xsl:when test="self::app"><xsl:call-template name="st-annex"/></xsl:when>
      <xsl:otherwise><xsl:call-template name="st-clause"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A part: the way down (st-path) to the elements it renders (st-slot). -->
  <xsl:template match="*" mode="st-part">
    <xsl:apply-templates select="*[@st-slot or @st-path]" mode="st-part"/>
  </xsl:template>

  <xsl:template match="*[@st-slot]" mode="st-part">
    <xsl:comment>st:slot <xsl:value-of select="@st-slot"/></xsl:comment>
    <xsl:apply-templates select="."/>
  </xsl:template>

  <!-- A sub-clause or term of a split clause, rendered in a part of its own. -->
  <xsl:template match="sec[@st-hole] | term-sec[@st-hole]" priority="4">
    <xsl:comment>st:hole <xsl:value-of select="@st-hole"/></xsl:comment>
  </xsl:template>

  <xsl:template name="st-page">
    <html lang="{$st-html-lang}">
      <head>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="generator" content="stdtool"/>
        <title><xsl:call-template name="st-head-title"/></title>
        <style>
          <xsl:call-template name="st-common-css"/>
          <xsl:call-template name="st-profile-css"/>
          <xsl:call-template name="st-running-head-css"/>
        </style>
      </head>
      <body class="st-{$st-profile}">
        <xsl:apply-templates select="/*" mode="st-doc"/>
      </body>
    </html>
  </xsl:template>

  <xsl:template name="st-head-title">
    <xsl:variable name="num">
      <xsl:call-template name="st-docnum">
        <xsl:with-param name="m" select="$st-meta"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:value-of select="$num"/>
    <xsl:if test="string($num) != ''"><xsl:text> </xsl:text></xsl:if>
    <xsl:call-template name="st-title">
      <xsl:with-param name="tw" select="$st-main-title-wrap"/>
      <xsl:with-param name="sep" select="$w-title-sep"/>
    </xsl:call-template>
  </xsl:template>

  <!-- The page header in print: the document number, reduced to
       characters that cannot end a CSS string. -->
  <xsl:template name="st-running-head-css">
    <xsl:variable name="ok"
        select="concat($st-upper, $st-lower, $st-digits, ' /.:-()—–')"/>
    <xsl:variable name="raw" select="normalize-space($st-running-head)"/>
    <xsl:variable name="safe" select="translate($raw, translate($raw, $ok, ''), '')"/>
    <xsl:if test="$safe != ''">
      <xsl:text>
@page front:right { @top-right { content: "</xsl:text><xsl:value-of select="$safe"/><xsl:text>"; } }
@page front:left { @top-left { content: "</xsl:text><xsl:value-of select="$safe"/><xsl:text>"; } }
@page main:right { @top-right { content: "</xsl:text><xsl:value-of select="$safe"/><xsl:text>"; } }
@page main:left { @top-left { content: "</xsl:text><xsl:value-of select="$safe"/><xsl:text>"; } }
</xsl:text>
    </xsl:if>
  </xsl:template>

  <!-- A standard: cover, contents, front matter, body, back matter. -->
  <xsl:template match="standard" mode="st-doc">
    <xsl:call-template name="st-cover"/>
    <xsl:call-template name="st-toc"/>
    <xsl:apply-templates select="." mode="st-content"/>
  </xsl:template>

  <!-- An adoption: the adopting body's cover and front matter, then the
       adopted standards (and nested adoptions) without covers of their
       own. -->
  <xsl:template match="adoption" mode="st-doc">
    <xsl:call-template name="st-cover"/>
    <xsl:call-template name="st-toc"/>
    <xsl:apply-templates select="." mode="st-content"/>
  </xsl:template>

  <xsl:template match="adoption" mode="st-content">
    <xsl:apply-templates select="adoption-front/*" mode="st-front"/>
    <xsl:apply-templates select="standard | adoption" mode="st-content"/>
    <xsl:apply-templates select="back" mode="st-back"/>
  </xsl:template>

  <xsl:template match="standard" mode="st-content">
    <xsl:apply-templates select="front/*" mode="st-front"/>
    <xsl:apply-templates select="body" mode="st-body"/>
    <xsl:apply-templates select="back" mode="st-back"/>
  </xsl:template>

  <!-- Front matter: each section (foreword, introduction ...) on a page
       of its own; the metadata blocks are shown on the cover only. -->
  <xsl:template match="std-meta | iso-meta | nat-meta | reg-meta | std-doc-meta
                       | processing-meta" mode="st-front"/>

  <xsl:template match="*" mode="st-front">
    <div class="page front">
      <xsl:call-template name="st-anchor"/>
      <xsl:apply-templates select="."/>
    </div>
  </xsl:template>

  <xsl:template match="sec" mode="st-front">
    <div class="page front">
      <xsl:call-template name="st-anchor"/>
      <h1 class="front-h">
        <xsl:call-template name="st-front-title"/>
      </h1>
      <xsl:apply-templates select="*[not(self::label or self::title)]"/>
      <xsl:call-template name="st-fns"/>
    </div>
  </xsl:template>

  <xsl:template name="st-front-title">
    <xsl:if test="label">
      <span class="lbl"><xsl:value-of select="label"/></span>
    </xsl:if>
    <xsl:call-template name="st-spaced-title">
      <xsl:with-param name="t" select="normalize-space(title)"/>
    </xsl:call-template>
  </xsl:template>

  <!-- The body, on pages numbered from 1, opened by the title. -->
  <xsl:template match="body" mode="st-body">
    <xsl:variable name="loose" select="*[not(self::sec)]"/>
    <div class="page main">
      <xsl:call-template name="st-body-title"/>
      <xsl:apply-templates select="*"/>
      <xsl:if test="$loose">
        <xsl:call-template name="st-fn-list">
          <xsl:with-param name="fns" select="$loose/descendant-or-self::fn[not(ancestor::table-wrap or ancestor::fn-group)]"/>
        </xsl:call-template>
      </xsl:if>
    </div>
  </xsl:template>

  <!-- The back: annexes and the bibliography each open a page; whatever
       else is there follows on a page of its own. -->
  <xsl:template match="back" mode="st-back">
    <xsl:apply-templates select="app-group | app | ref-list | sec" mode="st-back"/>
    <xsl:variable name="rest"
        select="*[not(self::app-group or self::app or self::ref-list or self::sec
                      or self::label or self::title)]"/>
    <xsl:if test="$rest">
      <div class="page back">
        <xsl:apply-templates select="$rest"/>
      </div>
    </xsl:if>
  </xsl:template>

  <xsl:template match="app-group" mode="st-back">
    <xsl:apply-templates select="app" mode="st-back"/>
    <xsl:if test="*[not(self::app)]">
      <div class="page back">
        <xsl:apply-templates select="*[not(self::app)]"/>
      </div>
    </xsl:if>
  </xsl:template>

  <xsl:template match="app" mode="st-back">
    <xsl:apply-templates select="."/>
  </xsl:template>

  <xsl:template match="ref-list" mode="st-back">
    <div class="page bibl">
      <xsl:call-template name="st-anchor"/>
      <h1 class="front-h bibl-h">
        <xsl:choose>
          <xsl:when test="normalize-space(title) != ''">
            <xsl:call-template name="st-spaced-title">
              <xsl:with-param name="t" select="normalize-space(title)"/>
            </xsl:call-template>
          </xsl:when>
          <xsl:otherwise><xsl:value-of select="$w-bibl"/></xsl:otherwise>
        </xsl:choose>
      </h1>
      <xsl:apply-templates select="*[not(self::title or self::label)]" mode="st-bibl"/>
      <xsl:call-template name="st-fns"/>
    </div>
  </xsl:template>

  <xsl:template match="sec" mode="st-back">
    <div class="page back">
      <xsl:call-template name="st-anchor"/>
      <h1 class="front-h">
        <xsl:call-template name="st-front-title"/>
      </h1>
      <xsl:apply-templates select="*[not(self::label or self::title)]"/>
      <xsl:call-template name="st-fns"/>
    </div>
  </xsl:template>

  <!-- ============================================================ -->
  <!-- Table of contents: front sections, clauses and their first    -->
  <!-- subclauses, annexes, bibliography.  No page numbers (HTML).   -->
  <!-- ============================================================ -->

  <xsl:template name="st-toc">
    <div class="page toc" id="st-toc">
      <h1 class="front-h toc-h"><xsl:value-of select="$w-toc"/></h1>
      <div class="toc-list">
        <xsl:apply-templates select="/*" mode="st-toc"/>
      </div>
    </div>
  </xsl:template>

  <xsl:template match="standard" mode="st-toc">
    <xsl:apply-templates select="front/sec | body/sec | back/sec | back/app
                                 | back/app-group/app | back/ref-list" mode="st-toc"/>
  </xsl:template>

  <xsl:template match="adoption" mode="st-toc">
    <xsl:apply-templates select="adoption-front/sec | standard | adoption
                                 | back/sec | back/app | back/app-group/app
                                 | back/ref-list" mode="st-toc"/>
  </xsl:template>

  <xsl:template match="sec" mode="st-toc">
    <xsl:variable name="sub" select="parent::sec"/>
    <xsl:if test="normalize-space(title) != '' or label">
      <div class="toc-e">
        <xsl:attribute name="class">
          <xsl:choose>
            <xsl:when test="$sub">toc-e toc-2</xsl:when>
            <xsl:otherwise>toc-e toc-1</xsl:otherwise>
          </xsl:choose>
        </xsl:attribute>
        <a>
          <xsl:attribute name="href"><xsl:call-template name="st-href"/></xsl:attribute>
          <xsl:if test="label">
            <xsl:value-of select="concat(label, $w-heading-gap)"/>
          </xsl:if>
          <xsl:apply-templates select="title/node()"/>
        </a>
        <span class="toc-dots"></span>
      </div>
    </xsl:if>
    <xsl:if test="parent::body">
      <xsl:apply-templates select="sec[normalize-space(title) != '']" mode="st-toc"/>
    </xsl:if>
  </xsl:template>

  <xsl:template match="app" mode="st-toc">
    <div class="toc-e toc-1">
      <a>
        <xsl:attribute name="href"><xsl:call-template name="st-href"/></xsl:attribute>
        <xsl:call-template name="st-annex-label"/>
        <xsl:variable name="type">
          <xsl:call-template name="st-annex-type"/>
        </xsl:variable>
        <xsl:if test="string($type) != ''">
          <xsl:value-of select="$w-annex-type-gap"/>
          <xsl:value-of select="$type"/>
        </xsl:if>
        <xsl:if test="normalize-space(title) != ''">
          <xsl:value-of select="$w-annex-toc-sep"/>
          <xsl:apply-templates select="title/node()"/>
        </xsl:if>
      </a>
      <span class="toc-dots"></span>
    </div>
  </xsl:template>

  <xsl:template match="ref-list" mode="st-toc">
    <div class="toc-e toc-1">
      <a>
        <xsl:attribute name="href"><xsl:call-template name="st-href"/></xsl:attribute>
        <xsl:choose>
          <xsl:when test="normalize-space(title) != ''">
            <xsl:apply-templates select="title/node()"/>
          </xsl:when>
          <xsl:otherwise><xsl:value-of select="$w-bibl"/></xsl:otherwise>
        </xsl:choose>
      </a>
      <span class="toc-dots"></span>
    </div>
  </xsl:template>

  <!-- ============================================================ -->
  <!-- Clauses and subclauses                                        -->
  <!-- ============================================================ -->

  <!-- A clause: its heading, its text, its footnotes.  Sections have no
       element of their own; their heading carries their id. -->
  <xsl:template match="body/sec" priority="2">
    <xsl:call-template name="st-clause"/>
  </xsl:template>

  <xsl:template name="st-clause">
    <xsl:if test="not(normalize-space(title)) and not(title/*)">
      <h2 class="h">
        <xsl:call-template name="st-anchor"/>
        <xsl:value-of select="label"/>
      </h2>
    </xsl:if>
    <xsl:apply-templates/>
    <xsl:call-template name="st-fns"/>
  </xsl:template>

  <xsl:template match="sec">
    <xsl:apply-templates/>
  </xsl:template>

  <!-- Untitled subclause (no title, or an empty one): its number runs
       into its first paragraph. -->
  <xsl:template match="sec[not(normalize-space(title)) and not(title/*)]" priority="1">
    <xsl:variable name="first" select="*[not(self::label or self::title)][1]"/>
    <xsl:choose>
      <xsl:when test="$first/self::p">
        <div class="p lead">
          <xsl:call-template name="st-anchor"/>
          <span class="lbl"><xsl:value-of select="label"/></span>
          <xsl:apply-templates select="$first/node()"/>
        </div>
        <xsl:apply-templates select="$first/following-sibling::node()"/>
      </xsl:when>
      <xsl:otherwise>
        <div class="p lead">
          <xsl:call-template name="st-anchor"/>
          <span class="lbl"><xsl:value-of select="label"/></span>
        </div>
        <xsl:apply-templates select="node()[not(self::title)]"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- An empty title (<title/>) marks an untitled subclause. -->
  <xsl:template match="sec/title[not(normalize-space()) and not(*)]" priority="1"/>

  <!-- "5.1  Title": h2 for a clause, h3 for its subclauses and so on; the
       section's id is on its heading. -->
  <xsl:template match="sec/title">
    <xsl:element name="{substring('h2h3h4h5h6h6h6h6h6h6h6h6', 2 * count(ancestor::*[self::sec or self::app]) - 1, 2)}">
      <xsl:attribute name="class">h</xsl:attribute>
      <xsl:apply-templates select="../@id" mode="st-id"/>
      <xsl:if test="not(../@id)">
        <xsl:attribute name="ID">
          <xsl:for-each select=".."><xsl:call-template name="st-made-id"/></xsl:for-each>
        </xsl:attribute>
      </xsl:if>
      <xsl:if test="../label">
        <xsl:value-of select="concat(../label, $w-heading-gap)"/>
      </xsl:if>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <!-- Label and text of the first paragraph on one line, the rest below,
       the text hanging after the label: notes, examples, footnotes.  The
       label is whatever mode st-lead-label makes of the context node. -->
  <xsl:template name="st-lead">
    <xsl:variable name="first" select="*[not(self::label)][1]"/>
    <xsl:choose>
      <xsl:when test="$first/self::p">
        <div class="p lead">
          <xsl:apply-templates select="$first/@id" mode="st-id"/>
          <xsl:apply-templates select="." mode="st-lead-label"/>
          <span class="lead-body"><xsl:apply-templates select="$first/node()"/></span>
        </div>
        <xsl:apply-templates select="$first/following-sibling::node()"/>
      </xsl:when>
      <xsl:otherwise>
        <div class="p lead"><xsl:apply-templates select="." mode="st-lead-label"/></div>
        <xsl:apply-templates/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="*" mode="st-lead-label">
    <span class="lbl"><xsl:value-of select="normalize-space(label)"/></span>
  </xsl:template>

  <xsl:template match="non-normative-note | normative-note" mode="st-lead-label">
    <span class="note-lbl">
      <xsl:choose>
        <xsl:when test="label">
          <xsl:apply-templates select="label" mode="st-note-label">
            <xsl:with-param name="word" select="$w-note"/>
          </xsl:apply-templates>
        </xsl:when>
        <xsl:otherwise><xsl:value-of select="$w-note-alone"/></xsl:otherwise>
      </xsl:choose>
    </span>
  </xsl:template>

  <xsl:template match="non-normative-example | normative-example" mode="st-lead-label">
    <span class="note-lbl">
      <xsl:choose>
        <xsl:when test="label">
          <xsl:apply-templates select="label" mode="st-note-label">
            <xsl:with-param name="word" select="$w-example"/>
          </xsl:apply-templates>
        </xsl:when>
        <xsl:otherwise><xsl:value-of select="$w-example-alone"/></xsl:otherwise>
      </xsl:choose>
    </span>
  </xsl:template>

  <xsl:template match="fn" mode="st-lead-label">
    <span class="fn-lbl"><xsl:call-template name="st-fn-mark"/></span>
  </xsl:template>

  <!-- ============================================================ -->
  <!-- Annexes                                                       -->
  <!-- ============================================================ -->

  <xsl:template match="app">
    <xsl:call-template name="st-annex"/>
  </xsl:template>

  <xsl:template name="st-annex">
    <div class="page annex">
      <xsl:call-template name="st-anchor"/>
      <h1 class="annex-h">
        <span class="annex-lbl"><xsl:call-template name="st-annex-label"/></span>
        <xsl:variable name="type">
          <xsl:call-template name="st-annex-type"/>
        </xsl:variable>
        <xsl:if test="string($type) != ''">
          <span class="annex-type"><xsl:value-of select="$type"/></span>
        </xsl:if>
        <xsl:if test="normalize-space(title) != ''">
          <span class="annex-title"><xsl:apply-templates select="title/node()"/></span>
        </xsl:if>
      </h1>
      <xsl:apply-templates select="*[not(self::label or self::title or self::annex-type)]"/>
      <xsl:call-template name="st-fns"/>
    </div>
  </xsl:template>

  <xsl:template name="st-annex-label">
    <xsl:call-template name="st-worded">
      <xsl:with-param name="l" select="normalize-space(label)"/>
      <xsl:with-param name="word" select="$w-annex"/>
    </xsl:call-template>
  </xsl:template>

  <!-- "（规范性）" / "(normative)": annex-type as written (bracketed when
       it is not), else from content-type. -->
  <xsl:template name="st-annex-type">
    <xsl:variable name="t" select="normalize-space(annex-type)"/>
    <xsl:variable name="c1" select="substring($t, 1, 1)"/>
    <xsl:choose>
      <xsl:when test="$t != '' and ($c1 = '(' or $c1 = '（')">
        <xsl:value-of select="$t"/>
      </xsl:when>
      <xsl:when test="$t != ''">
        <xsl:value-of select="concat($w-paren-open, $t, $w-paren-close)"/>
      </xsl:when>
      <xsl:when test="@content-type = 'norm-annex'">
        <xsl:value-of select="concat($w-paren-open, $w-normative, $w-paren-close)"/>
      </xsl:when>
      <xsl:when test="@content-type = 'inform-annex'">
        <xsl:value-of select="concat($w-paren-open, $w-informative, $w-paren-close)"/>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- A bare label ("1", "A.2", "B") gets the word ("表1", "Table A.2");
       a label that has its own word is kept. -->
  <xsl:template name="st-worded">
    <xsl:param name="l"/>
    <xsl:param name="word"/>
    <xsl:choose>
      <xsl:when test="$l != '' and (translate(substring($l, 1, 1), $st-digits, '') = ''
                      or (translate(substring($l, 1, 1), $st-upper, '') = ''
                          and (string-length($l) = 1 or substring($l, 2, 1) = '.'
                               or translate(substring($l, 2, 1), $st-digits, '') = '')))">
        <xsl:value-of select="concat($word, $l)"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$l"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ============================================================ -->
  <!-- Paragraphs and inline markup                                  -->
  <!-- ============================================================ -->

  <!-- A div, not a p: STS paragraphs may hold lists, tables and
       formulae, which HTML does not allow inside p. -->
  <xsl:template match="p">
    <div class="p">
      <xsl:apply-templates select="@id" mode="st-id"/>
      <xsl:apply-templates/>
    </div>
  </xsl:template>

  <xsl:template match="bold"><b><xsl:apply-templates/></b></xsl:template>
  <xsl:template match="italic"><i><xsl:apply-templates/></i></xsl:template>
  <xsl:template match="sub"><sub><xsl:apply-templates/></sub></xsl:template>
  <xsl:template match="sup"><sup><xsl:apply-templates/></sup></xsl:template>
  <xsl:template match="monospace"><code><xsl:apply-templates/></code></xsl:template>
  <xsl:template match="underline"><u><xsl:apply-templates/></u></xsl:template>
  <xsl:template match="strike"><s><xsl:apply-templates/></s></xsl:template>
  <xsl:template match="sc"><span class="sc"><xsl:apply-templates/></span></xsl:template>
  <xsl:template match="overline"><span class="overline"><xsl:apply-templates/></span></xsl:template>
  <xsl:template match="roman"><span class="roman"><xsl:apply-templates/></span></xsl:template>
  <xsl:template match="sans-serif"><span class="sans"><xsl:apply-templates/></span></xsl:template>
  <xsl:template match="break"><br/></xsl:template>
  <xsl:template match="hr"><hr/></xsl:template>

  <xsl:template match="named-content">
    <span class="named {@content-type}">
      <xsl:apply-templates select="@id" mode="st-id"/>
      <xsl:apply-templates/>
    </span>
  </xsl:template>

  <xsl:template match="styled-content">
    <span class="styled {@style-type}">
      <xsl:call-template name="st-copy-style"/>
      <xsl:apply-templates/>
    </span>
  </xsl:template>

  <xsl:template match="ext-link | uri | self-uri">
    <xsl:variable name="href">
      <xsl:choose>
        <xsl:when test="@xlink:href"><xsl:value-of select="@xlink:href"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="."/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:call-template name="st-link">
      <xsl:with-param name="href" select="string($href)"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="email">
    <xsl:call-template name="st-link">
      <xsl:with-param name="href" select="concat('mailto:', normalize-space(.))"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="st-link">
    <xsl:param name="href"/>
    <xsl:variable name="ok">
      <xsl:call-template name="st-safe-url">
        <xsl:with-param name="u" select="$href"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="string($ok) = 'y'">
        <a class="ext" href="{$href}"><xsl:apply-templates/></a>
      </xsl:when>
      <xsl:otherwise><span class="ext"><xsl:apply-templates/></span></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- 'y' for an address a link may point at: http(s), ftp, mailto, a
       fragment, or a relative address without a scheme. -->
  <xsl:template name="st-safe-url">
    <xsl:param name="u"/>
    <xsl:param name="images" select="false()"/>
    <xsl:variable name="n"
        select="translate(translate($u, ' &#9;&#10;&#13;', ''), $st-upper, $st-lower)"/>
    <xsl:choose>
      <xsl:when test="starts-with($n, 'http://') or starts-with($n, 'https://')
                      or starts-with($n, 'ftp://') or starts-with($n, 'mailto:')
                      or starts-with($n, '#')">y</xsl:when>
      <xsl:when test="$images and starts-with($n, 'data:image/')">y</xsl:when>
      <xsl:when test="$n != '' and not(contains($n, ':'))">y</xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- A style attribute, unless it could fetch something. -->
  <xsl:template name="st-copy-style">
    <xsl:param name="style" select="@style"/>
    <xsl:variable name="s" select="translate($style, $st-upper, $st-lower)"/>
    <xsl:if test="normalize-space($style) != '' and not(contains($s, 'url') or contains($s, '\')
                  or contains($s, 'expression') or contains($s, '@') or contains($s, 'image'))">
      <xsl:attribute name="style"><xsl:value-of select="$style"/></xsl:attribute>
    </xsl:if>
  </xsl:template>

  <xsl:template match="xref">
    <a href="#{substring-before(concat(normalize-space(@rid), ' '), ' ')}"><xsl:apply-templates/></a>
  </xsl:template>

  <!-- Footnote references and empty xrefs (from documents stdtool did not
       prepare): one pattern, so that ordinary xrefs test only once. -->
  <xsl:template match="xref[@ref-type = 'fn' or @ref-type = 'table-fn' or not(node())]" priority="1">
    <xsl:variable name="rid" select="substring-before(concat(normalize-space(@rid), ' '), ' ')"/>
    <xsl:choose>
      <xsl:when test="not(node()) and (@ref-type = 'fn' or @ref-type = 'table-fn')">
        <sup><a class="fnref" href="#{$rid}">
          <xsl:call-template name="st-xref-fallback"><xsl:with-param name="rid" select="$rid"/></xsl:call-template>
        </a></sup>
      </xsl:when>
      <xsl:when test="not(node())">
        <a href="#{$rid}">
          <xsl:call-template name="st-xref-fallback"><xsl:with-param name="rid" select="$rid"/></xsl:call-template>
        </a>
      </xsl:when>
      <xsl:when test="sup"><a class="fnref" href="#{$rid}"><xsl:apply-templates/></a></xsl:when>
      <xsl:otherwise><sup><a class="fnref" href="#{$rid}"><xsl:apply-templates/></a></sup></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Text for an empty xref in a document stdtool did not prepare:
       built from the target's label, looked up by id. -->
  <xsl:template name="st-xref-fallback">
    <xsl:param name="rid"/>
    <xsl:variable name="t" select="key('st-id', $rid)[1]"/>
    <xsl:variable name="l" select="normalize-space($t/label)"/>
    <xsl:choose>
      <xsl:when test="not($t)"><xsl:value-of select="$rid"/></xsl:when>
      <xsl:when test="$t[self::sec] and $t/parent::body and $l != ''">
        <xsl:value-of select="concat($w-clause-pre, $l, $w-clause-post)"/>
      </xsl:when>
      <xsl:when test="$t[self::app] and $l != ''">
        <xsl:call-template name="st-worded">
          <xsl:with-param name="l" select="$l"/><xsl:with-param name="word" select="$w-annex"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="$t[self::table-wrap] and $l != ''">
        <xsl:call-template name="st-worded">
          <xsl:with-param name="l" select="$l"/><xsl:with-param name="word" select="$w-table"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="$t[self::fig] and $l != ''">
        <xsl:call-template name="st-worded">
          <xsl:with-param name="l" select="$l"/><xsl:with-param name="word" select="$w-figure"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="$t[self::disp-formula] and $l != ''">
        <xsl:value-of select="concat($w-formula, $l)"/>
      </xsl:when>
      <xsl:when test="$t[self::ref] and $l = '' and $t//std-ref">
        <xsl:value-of select="normalize-space(($t//std-ref)[1])"/>
      </xsl:when>
      <xsl:when test="$t[self::ref] and $l != '' and not(starts-with($l, '['))">
        <xsl:value-of select="concat('[', $l, ']')"/>
      </xsl:when>
      <xsl:when test="$t[self::tbx:termEntry] and $t/parent::term-sec/label">
        <xsl:value-of select="normalize-space($t/parent::term-sec/label)"/>
      </xsl:when>
      <xsl:when test="$l != ''"><xsl:value-of select="$l"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$rid"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Standards cited in the text: as written. -->
  <xsl:template match="std">
    <span class="std"><xsl:apply-templates/></span>
  </xsl:template>
  <xsl:template match="std-ref">
    <span class="std-ref"><xsl:apply-templates/></span>
  </xsl:template>
  <xsl:template match="std/title | mixed-citation/title | element-citation/title">
    <span class="std-title"><xsl:apply-templates/></span>
  </xsl:template>

  <xsl:template match="inline-formula">
    <span class="iformula">
      <xsl:apply-templates select="@id" mode="st-id"/>
      <xsl:call-template name="st-formula-body"/>
    </span>
  </xsl:template>

  <xsl:template match="inline-graphic">
    <xsl:call-template name="st-img"/>
  </xsl:template>

  <xsl:template match="target">
    <a class="target">
      <xsl:apply-templates select="@id" mode="st-id"/>
      <xsl:apply-templates/>
    </a>
  </xsl:template>

  <!-- Not shown: metadata (the cover has what it needs), and what the
       reader never sees. -->
  <xsl:template match="annex-type | alt-text | long-desc | object-id | sec-meta
                       | processing-meta | std-doc-meta | std-meta | iso-meta | nat-meta
                       | reg-meta | index-term | permissions | custom-meta-group | kwd-group"/>

  <!-- Labels, titles and captions that their parents place themselves. -->
  <xsl:template match="sec/label | app/label | term-sec/label | list-item/label | fn/label
                       | non-normative-note/label | normative-note/label
                       | non-normative-example/label | normative-example/label
                       | table-wrap/label | fig/label | disp-formula/label | ref/label
                       | list/label | def-list/label | ref-list/label | back/label
                       | app/title | ref-list/title | list/title | def-list/title | back/title
                       | table-wrap/caption | fig/caption"/>

  <!-- Any other label, title or caption is shown where it stands. -->
  <xsl:template match="label">
    <span class="label"><xsl:apply-templates/></span>
  </xsl:template>
  <xsl:template match="title | caption">
    <div class="btitle"><xsl:apply-templates/></div>
  </xsl:template>

  <xsl:template match="editing-instructions">
    <div class="edit"><xsl:apply-templates/></div>
  </xsl:template>

  <xsl:template match="boxed-text | statement | disp-quote | glossary | notes | ack
                       | fig-group | table-wrap-group">
    <div class="{local-name()}">
      <xsl:apply-templates select="@id" mode="st-id"/>
      <xsl:apply-templates/>
    </div>
  </xsl:template>

  <xsl:template match="preformat | code">
    <pre class="pre">
      <xsl:apply-templates select="@id" mode="st-id"/>
      <xsl:apply-templates/>
    </pre>
  </xsl:template>

  <!-- ============================================================ -->
  <!-- Lists                                                         -->
  <!-- ============================================================ -->

  <!-- Lists: ol/ul whose class picks the markers, drawn by CSS from
       counters (GB/T 1.1 and ISO: a) b) c), then 1) 2) 3), then (1) (2);
       dashes for bullets).  Items with their own labels show them. -->
  <xsl:template match="list">
    <xsl:variable name="type" select="normalize-space(@list-type)"/>
    <xsl:apply-templates select="title" mode="st-list-title"/>
    <xsl:choose>
      <xsl:when test="list-item/label">
        <ul class="list l-label"><xsl:apply-templates select="@id" mode="st-id"/><xsl:apply-templates select="list-item" mode="st-li-label"/></ul>
      </xsl:when>
      <xsl:when test="$type = 'simple'">
        <ul class="list l-none"><xsl:apply-templates select="@id" mode="st-id"/><xsl:apply-templates select="list-item" mode="st-li"/></ul>
      </xsl:when>
      <xsl:when test="$type = 'order' and not(ancestor::list) or $type = 'alpha-lower'">
        <ol class="list l-alpha"><xsl:apply-templates select="@id" mode="st-id"/><xsl:apply-templates select="list-item" mode="st-li"/></ol>
      </xsl:when>
      <xsl:when test="$type = 'alpha-upper'">
        <ol class="list l-alpha-upper"><xsl:apply-templates select="@id" mode="st-id"/><xsl:apply-templates select="list-item" mode="st-li"/></ol>
      </xsl:when>
      <xsl:when test="$type = 'order' and ancestor::list/ancestor::list">
        <ol class="list l-paren"><xsl:apply-templates select="@id" mode="st-id"/><xsl:apply-templates select="list-item" mode="st-li"/></ol>
      </xsl:when>
      <xsl:when test="$type = 'order' or $type = 'arabic' or $type = 'number'">
        <ol class="list l-number"><xsl:apply-templates select="@id" mode="st-id"/><xsl:apply-templates select="list-item" mode="st-li"/></ol>
      </xsl:when>
      <xsl:when test="$type = 'roman-lower'">
        <ol class="list l-roman"><xsl:apply-templates select="@id" mode="st-id"/><xsl:apply-templates select="list-item" mode="st-li"/></ol>
      </xsl:when>
      <xsl:when test="$type = 'roman-upper'">
        <ol class="list l-roman-upper"><xsl:apply-templates select="@id" mode="st-id"/><xsl:apply-templates select="list-item" mode="st-li"/></ol>
      </xsl:when>
      <xsl:when test="ancestor::list">
        <ul class="list l-bullet-2"><xsl:apply-templates select="@id" mode="st-id"/><xsl:apply-templates select="list-item" mode="st-li"/></ul>
      </xsl:when>
      <xsl:otherwise>
        <ul class="list l-bullet-1"><xsl:apply-templates select="@id" mode="st-id"/><xsl:apply-templates select="list-item" mode="st-li"/></ul>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:apply-templates select="*[not(self::list-item or self::title or self::label)]"/>
  </xsl:template>

  <xsl:template match="title" mode="st-list-title">
    <div class="list-title"><xsl:apply-templates/></div>
  </xsl:template>

  <xsl:template match="list-item" mode="st-li">
    <li><xsl:apply-templates select="@id" mode="st-id"/><xsl:apply-templates/></li>
  </xsl:template>

  <xsl:template match="list-item" mode="st-li-label">
    <li>
      <xsl:apply-templates select="@id" mode="st-id"/>
      <span class="li-lbl"><xsl:value-of select="label"/></span>
      <xsl:apply-templates/>
    </li>
  </xsl:template>




  <xsl:template match="def-list">
    <div class="dl">
      <xsl:apply-templates select="@id" mode="st-id"/>
      <xsl:if test="title">
        <div class="dl-title"><xsl:apply-templates select="title/node()"/></div>
      </xsl:if>
      <div class="dl-grid">
        <xsl:for-each select="def-item">
          <div class="dt">
            <xsl:apply-templates select="@id" mode="st-id"/>
            <xsl:apply-templates select="term/node()"/>
          </div>
          <div class="dsep"><xsl:value-of select="$w-dl-sep"/></div>
          <div class="dd"><xsl:apply-templates select="def/node()"/></div>
        </xsl:for-each>
      </div>
      <xsl:apply-templates select="*[not(self::def-item or self::title or self::label)]"/>
    </div>
  </xsl:template>

  <!-- ============================================================ -->
  <!-- Notes, examples, footnotes                                    -->
  <!-- ============================================================ -->

  <xsl:template match="non-normative-note | normative-note">
    <div class="note">
      <xsl:apply-templates select="@id" mode="st-id"/>
      <xsl:call-template name="st-lead"/>
    </div>
  </xsl:template>

  <xsl:template match="non-normative-example | normative-example">
    <div class="example">
      <xsl:apply-templates select="@id" mode="st-id"/>
      <xsl:call-template name="st-lead"/>
    </div>
  </xsl:template>

  <!-- "注1：" / "NOTE 1"; a label with its own word is kept. -->
  <xsl:template match="label" mode="st-note-label">
    <xsl:param name="word"/>
    <xsl:choose>
      <xsl:when test="translate(substring(normalize-space(.), 1, 1), '0123456789', '') = ''">
        <xsl:value-of select="concat($word, substring($w-note-num-sep, 1, 9 * (normalize-space(.) != '')), normalize-space(.), $w-note-end)"/>
      </xsl:when>
      <xsl:when test="contains(':：', substring(normalize-space(.), string-length(normalize-space(.))))">
        <xsl:value-of select="normalize-space(.)"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="concat(normalize-space(.), $w-note-end)"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A footnote in the text: its mark here, its text at the end of the
       clause (or under its table). -->
  <xsl:template match="fn">
    <sup class="fnref"><a>
      <xsl:attribute name="href"><xsl:call-template name="st-href"/></xsl:attribute>
      <xsl:call-template name="st-fn-mark"/>
    </a></sup>
  </xsl:template>

  <xsl:template name="st-fn-mark">
    <xsl:choose>
      <xsl:when test="label"><xsl:value-of select="normalize-space(label)"/></xsl:when>
      <xsl:when test="@symbol"><xsl:value-of select="@symbol"/></xsl:when>
      <xsl:otherwise>*</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="fn-group">
    <div class="fns">
      <xsl:apply-templates select="title"/>
      <xsl:apply-templates select="fn" mode="st-fn"/>
      <xsl:apply-templates select="*[not(self::fn or self::title)]"/>
    </div>
  </xsl:template>

  <xsl:template match="fn" mode="st-fn">
    <div class="fn">
      <xsl:call-template name="st-anchor"/>
      <xsl:call-template name="st-lead"/>
    </div>
  </xsl:template>

  <!-- The footnotes of one clause, annex or front section: walked once. -->
  <xsl:template name="st-fns">
    <xsl:call-template name="st-fn-list">
      <xsl:with-param name="fns" select="descendant::fn[not(ancestor::table-wrap or ancestor::fn-group)]"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="st-fn-list">
    <xsl:param name="fns"/>
    <xsl:if test="$fns">
      <div class="fns">
        <xsl:apply-templates select="$fns" mode="st-fn"/>
      </div>
    </xsl:if>
  </xsl:template>

  <!-- ============================================================ -->
  <!-- Tables                                                        -->
  <!-- ============================================================ -->

  <xsl:template match="table-wrap">
    <xsl:variable name="notes" select="non-normative-note | normative-note"/>
    <xsl:variable name="fns" select="descendant::fn[not(ancestor::fn-group or ancestor::table-wrap-foot)]"/>
    <div class="table-wrap">
      <xsl:apply-templates select="@id" mode="st-id"/>
      <xsl:if test="label or normalize-space(caption/title) != ''">
        <div class="tcap">
          <xsl:call-template name="st-caption">
            <xsl:with-param name="word" select="$w-table"/>
          </xsl:call-template>
        </div>
      </xsl:if>
      <xsl:apply-templates select="caption/*[not(self::title)]"/>
      <xsl:apply-templates select="*[not(self::label or self::caption or self::table-wrap-foot
                                         or self::non-normative-note or self::normative-note)]"/>
      <xsl:if test="table-wrap-foot or $notes or $fns">
        <div class="tfoot">
          <xsl:apply-templates select="$notes"/>
          <xsl:apply-templates select="table-wrap-foot/node()"/>
          <xsl:apply-templates select="$fns" mode="st-fn"/>
        </div>
      </xsl:if>
    </div>
  </xsl:template>

  <!-- "表1　title" / "Table 1 — title"; the same for figures. -->
  <xsl:template name="st-caption">
    <xsl:param name="word"/>
    <xsl:variable name="l" select="normalize-space(label)"/>
    <xsl:if test="$l != ''">
      <xsl:call-template name="st-worded">
        <xsl:with-param name="l" select="$l"/>
        <xsl:with-param name="word" select="$word"/>
      </xsl:call-template>
      <xsl:if test="normalize-space(caption/title) != ''">
        <xsl:value-of select="$w-cap-sep"/>
      </xsl:if>
    </xsl:if>
    <xsl:apply-templates select="caption/title/node()"/>
  </xsl:template>

  <!-- XHTML tables: the HTML elements again, with their layout
       attributes; never event handlers. -->
  <xsl:template match="table">
    <table class="t">
      <xsl:apply-templates select="@*" mode="st-table-att"/>
      <xsl:apply-templates/>
    </table>
  </xsl:template>

  <xsl:template match="thead"><thead><xsl:apply-templates select="@*" mode="st-table-att"/><xsl:apply-templates/></thead></xsl:template>
  <xsl:template match="tbody"><tbody><xsl:apply-templates select="@*" mode="st-table-att"/><xsl:apply-templates/></tbody></xsl:template>
  <xsl:template match="tfoot"><tfoot><xsl:apply-templates select="@*" mode="st-table-att"/><xsl:apply-templates/></tfoot></xsl:template>
  <xsl:template match="tr"><tr><xsl:apply-templates select="@*" mode="st-table-att"/><xsl:apply-templates/></tr></xsl:template>
  <xsl:template match="th"><th><xsl:apply-templates select="@*" mode="st-table-att"/><xsl:apply-templates/></th></xsl:template>
  <xsl:template match="td"><td><xsl:apply-templates select="@*" mode="st-table-att"/><xsl:apply-templates/></td></xsl:template>
  <xsl:template match="col"><col><xsl:apply-templates select="@*" mode="st-table-att"/></col></xsl:template>
  <xsl:template match="colgroup"><colgroup><xsl:apply-templates select="@*" mode="st-table-att"/><xsl:apply-templates/></colgroup></xsl:template>
  <xsl:template match="table/caption"><caption><xsl:apply-templates select="@*" mode="st-table-att"/><xsl:apply-templates/></caption></xsl:template>

  <!-- The layout attributes of XHTML tables, and nothing else. -->
  <xsl:template match="@id" mode="st-table-att">
    <xsl:attribute name="ID"><xsl:value-of select="."/></xsl:attribute>
  </xsl:template>
  <xsl:template match="@colspan | @rowspan | @align | @valign | @width | @span | @scope | @headers
                       | @abbr | @border | @frame | @rules | @cellpadding | @cellspacing
                       | @summary | @char | @charoff" mode="st-table-att">
    <xsl:copy-of select="."/>
  </xsl:template>
  <xsl:template match="@style" mode="st-table-att">
    <xsl:call-template name="st-copy-style"><xsl:with-param name="style" select="string(.)"/></xsl:call-template>
  </xsl:template>
  <xsl:template match="@*" mode="st-table-att"/>

  <!-- OASIS (CALS) tables, shown simply: rows and cells. -->
  <xsl:template match="oasis:table">
    <table class="t"><xsl:apply-templates/></table>
  </xsl:template>
  <xsl:template match="oasis:tgroup"><xsl:apply-templates/></xsl:template>
  <xsl:template match="oasis:colspec | oasis:spanspec"/>
  <xsl:template match="oasis:thead"><thead><xsl:apply-templates/></thead></xsl:template>
  <xsl:template match="oasis:tbody"><tbody><xsl:apply-templates/></tbody></xsl:template>
  <xsl:template match="oasis:tfoot"><tfoot><xsl:apply-templates/></tfoot></xsl:template>
  <xsl:template match="oasis:row"><tr><xsl:apply-templates/></tr></xsl:template>
  <xsl:template match="oasis:entry">
    <xsl:element name="{substring('tdth', 1 + 2 * count(ancestor::oasis:thead[1]), 2)}">
      <xsl:if test="number(@morerows) &gt; 0">
        <xsl:attribute name="rowspan"><xsl:value-of select="@morerows + 1"/></xsl:attribute>
      </xsl:if>
      <xsl:if test="@align"><xsl:attribute name="align"><xsl:value-of select="@align"/></xsl:attribute></xsl:if>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="array">
    <div class="array">
      <xsl:apply-templates select="@id" mode="st-id"/>
      <xsl:apply-templates/>
    </div>
  </xsl:template>

  <!-- ============================================================ -->
  <!-- Figures and graphics                                          -->
  <!-- ============================================================ -->

  <xsl:template match="fig">
    <div class="fig">
      <xsl:apply-templates select="@id" mode="st-id"/>
      <xsl:apply-templates select="*[not(self::label or self::caption)]"/>
      <xsl:apply-templates select="caption/*[not(self::title)]"/>
      <xsl:if test="label or normalize-space(caption/title) != ''">
        <div class="fcap">
          <xsl:call-template name="st-caption">
            <xsl:with-param name="word" select="$w-figure"/>
          </xsl:call-template>
        </div>
      </xsl:if>
    </div>
  </xsl:template>

  <xsl:template match="graphic">
    <xsl:call-template name="st-img"/>
  </xsl:template>

  <!-- A graphic with a label or caption of its own: a sub-figure. -->
  <xsl:template match="graphic[label or caption]" priority="1">
    <div class="subfig"><xsl:call-template name="st-img"/></div>
  </xsl:template>

  <!-- The image as the document names it; the address itself is shown
       when it is not one an img may load. -->
  <xsl:template name="st-img">
    <xsl:variable name="href" select="string(@xlink:href)"/>
    <xsl:variable name="ok">
      <xsl:call-template name="st-safe-url">
        <xsl:with-param name="u" select="$href"/>
        <xsl:with-param name="images" select="true()"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="string($ok) = 'y'">
        <img src="{$href}" alt="{normalize-space(alt-text)}">
          <xsl:apply-templates select="@id" mode="st-id"/>
        </img>
      </xsl:when>
      <xsl:otherwise>
        <span class="noimg"><xsl:value-of select="$href"/></span>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:apply-templates select="*[not(self::alt-text or self::long-desc)]"/>
  </xsl:template>

  <!-- ============================================================ -->
  <!-- Formulae: MathML copied into the MathML namespace (no prefix), -->
  <!-- which HTML5 parsers and Chromium's MathML Core understand.     -->
  <!-- ============================================================ -->

  <xsl:template match="disp-formula">
    <div class="formula">
      <xsl:apply-templates select="@id" mode="st-id"/>
      <div class="fbody"><xsl:call-template name="st-formula-body"/></div>
      <xsl:if test="label">
        <div class="fno"><xsl:value-of select="normalize-space(label)"/></div>
      </xsl:if>
    </div>
  </xsl:template>

  <xsl:template name="st-formula-body">
    <xsl:apply-templates select="node()[not(self::label)]"/>
  </xsl:template>

  <!-- One rendering of the alternatives: MathML, else TeX, else a graphic. -->
  <xsl:template match="alternatives">
    <xsl:choose>
      <xsl:when test="mml:math"><xsl:apply-templates select="mml:math[1]"/></xsl:when>
      <xsl:when test="tex-math"><xsl:apply-templates select="tex-math[1]"/></xsl:when>
      <xsl:when test="graphic"><xsl:apply-templates select="graphic[1]"/></xsl:when>
      <xsl:when test="table"><xsl:apply-templates select="table[1]"/></xsl:when>
      <xsl:otherwise><xsl:apply-templates select="*[1]"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tex-math">
    <code class="tex"><xsl:value-of select="."/></code>
  </xsl:template>

  <xsl:template match="mml:*">
    <xsl:element name="{local-name()}" namespace="http://www.w3.org/1998/Math/MathML">
      <xsl:apply-templates select="@*" mode="st-mml-att"/>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <!-- MathML attributes, without event handlers, links, focus or
       namespaced ones. -->
  <xsl:template match="@*" mode="st-mml-att">
    <xsl:if test="namespace-uri() = '' and not(starts-with(translate(local-name(), 'ON', 'on'), 'on'))">
      <xsl:copy-of select="."/>
    </xsl:if>
  </xsl:template>
  <xsl:template match="@href | @src | @autofocus | @tabindex | @HREF | @SRC" mode="st-mml-att"/>
  <xsl:template match="@style" mode="st-mml-att">
    <xsl:call-template name="st-copy-style"><xsl:with-param name="style" select="string(.)"/></xsl:call-template>
  </xsl:template>

  <!-- ============================================================ -->
  <!-- References                                                    -->
  <!-- ============================================================ -->

  <!-- Normative references (or any list of references in the text):
       one document a line. -->
  <xsl:template match="ref-list">
    <div class="refs">
      <xsl:apply-templates select="@id" mode="st-id"/>
      <xsl:if test="normalize-space(title) != ''">
        <div class="refs-title"><xsl:apply-templates select="title/node()"/></div>
      </xsl:if>
      <xsl:for-each select="*[not(self::title or self::label)]">
        <xsl:choose>
          <xsl:when test="self::ref">
            <div class="ref">
              <xsl:apply-templates select="@id" mode="st-id"/>
              <xsl:call-template name="st-ref-body"/>
            </div>
          </xsl:when>
          <xsl:otherwise><xsl:apply-templates select="."/></xsl:otherwise>
        </xsl:choose>
      </xsl:for-each>
    </div>
  </xsl:template>

  <!-- Bibliography entries: [1] [2] ... from the labels, else in order. -->
  <xsl:template match="ref" mode="st-bibl">
    <xsl:param name="n" select="position()"/>
    <xsl:variable name="l" select="normalize-space(label)"/>
    <div class="bref">
      <xsl:apply-templates select="@id" mode="st-id"/>
      <span class="blbl">
        <xsl:choose>
          <xsl:when test="$l = ''"><xsl:value-of select="concat('[', $n, ']')"/></xsl:when>
          <xsl:when test="starts-with($l, '[')"><xsl:value-of select="$l"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="concat('[', $l, ']')"/></xsl:otherwise>
        </xsl:choose>
      </span>
      <div class="btext"><xsl:call-template name="st-ref-body"/></div>
    </div>
  </xsl:template>

  <xsl:template match="*" mode="st-bibl">
    <xsl:apply-templates select="."/>
  </xsl:template>

  <xsl:template match="ref-list" mode="st-bibl">
    <div class="refs">
      <xsl:apply-templates select="@id" mode="st-id"/>
      <xsl:if test="normalize-space(title) != ''">
        <div class="refs-title"><xsl:apply-templates select="title/node()"/></div>
      </xsl:if>
      <xsl:apply-templates select="*[not(self::title or self::label)]" mode="st-bibl"/>
    </div>
  </xsl:template>

  <xsl:template name="st-ref-body">
    <xsl:choose>
      <xsl:when test="std">
        <xsl:for-each select="node()[not(self::label)]">
          <xsl:choose>
            <xsl:when test="self::std"><xsl:apply-templates select="." mode="st-ref"/></xsl:when>
            <xsl:otherwise><xsl:apply-templates select="."/></xsl:otherwise>
          </xsl:choose>
        </xsl:for-each>
      </xsl:when>
      <xsl:otherwise><xsl:apply-templates select="node()[not(self::label)]"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A standard in a list: number, then title.  Commas between them
       in the source give way to the profile's separator. -->
  <xsl:template match="std" mode="st-ref">
    <span class="std">
      <xsl:choose>
        <xsl:when test="$st-profile = 'iso' and text()[normalize-space() != '']">
          <xsl:apply-templates/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:for-each select="node()">
            <xsl:choose>
              <xsl:when test="self::text()">
                <xsl:if test="normalize-space(translate(., ',，、　', '    ')) != ''">
                  <xsl:value-of select="."/>
                </xsl:if>
              </xsl:when>
              <xsl:when test="self::title">
                <xsl:value-of select="$w-ref-title-sep"/>
                <span class="std-title"><xsl:apply-templates/></span>
              </xsl:when>
              <xsl:otherwise><xsl:apply-templates select="."/></xsl:otherwise>
            </xsl:choose>
          </xsl:for-each>
        </xsl:otherwise>
      </xsl:choose>
    </span>
  </xsl:template>

  <xsl:template match="mixed-citation | element-citation">
    <span class="citation"><xsl:apply-templates/></span>
  </xsl:template>

  <!-- ============================================================ -->
  <!-- Terms and definitions                                         -->
  <!-- ============================================================ -->

  <xsl:template match="term-sec">
    <div class="term">
      <xsl:call-template name="st-anchor"/>
      <xsl:if test="label">
        <div class="term-lbl"><xsl:value-of select="normalize-space(label)"/></div>
      </xsl:if>
      <xsl:apply-templates select="*[not(self::label)]"/>
    </div>
  </xsl:template>

  <!-- One entry: the terms of the document's language in bold with the
       other languages' preferred terms beside them, then definition,
       examples, notes to entry and source. -->
  <xsl:template match="tbx:termEntry">
    <xsl:variable name="own"
        select="tbx:langSet[starts-with(translate(@xml:lang, $st-upper, $st-lower), $st-term-lang)][1]
                | tbx:langSet[1][not(../tbx:langSet[starts-with(translate(@xml:lang, $st-upper, $st-lower), $st-term-lang)])]"/>
    <xsl:variable name="others" select="tbx:langSet[generate-id() != generate-id($own)]"/>
    <div class="term-entry">
      <xsl:apply-templates select="@id" mode="st-id"/>
      <xsl:variable name="preferred"
          select="$own/tbx:tig[not(tbx:normativeAuthorization)
                  or tbx:normativeAuthorization/@value = 'preferredTerm']"/>
      <div class="term-head">
        <span class="term-pref"><xsl:apply-templates select="$preferred[1]/tbx:term/node()"/></span>
        <xsl:for-each select="$others/tbx:tig[not(tbx:normativeAuthorization)
                              or tbx:normativeAuthorization/@value = 'preferredTerm'][1]">
          <xsl:value-of select="$w-term-lang-gap"/>
          <span class="term-other" lang="{../@xml:lang}">
            <xsl:apply-templates select="tbx:term/node()"/>
          </span>
        </xsl:for-each>
      </div>
      <xsl:for-each select="$preferred[position() &gt; 1]">
        <div class="term-head"><span class="term-pref"><xsl:apply-templates select="tbx:term/node()"/></span></div>
      </xsl:for-each>
      <xsl:apply-templates select="$own" mode="st-term-tigs"/>
      <xsl:apply-templates select="$own" mode="st-term-body"/>
      <xsl:for-each select="$others[*[not(self::tbx:tig)] or tbx:tig[tbx:normativeAuthorization/@value != 'preferredTerm']]">
        <div class="term-lang" lang="{@xml:lang}">
          <xsl:apply-templates select="." mode="st-term-tigs"/>
          <xsl:apply-templates select="." mode="st-term-body"/>
        </div>
      </xsl:for-each>
      <xsl:apply-templates select="*[not(self::tbx:langSet)]"/>
    </div>
  </xsl:template>

  <!-- The terms of a language set other than its preferred ones:
       admitted, deprecated or of another status, one a line. -->
  <xsl:template match="tbx:langSet" mode="st-term-tigs">
    <xsl:for-each select="tbx:tig[tbx:normativeAuthorization/@value = 'admittedTerm']">
      <div class="term-adm"><xsl:apply-templates select="tbx:term/node()"/></div>
    </xsl:for-each>
    <xsl:for-each select="tbx:tig[tbx:normativeAuthorization/@value = 'deprecatedTerm'
                                  or tbx:normativeAuthorization/@value = 'supersededTerm']">
      <div class="term-dep"><xsl:value-of select="$w-deprecated"/><xsl:apply-templates select="tbx:term/node()"/></div>
    </xsl:for-each>
    <xsl:for-each select="tbx:tig[tbx:normativeAuthorization
                          and not(tbx:normativeAuthorization/@value = 'preferredTerm'
                                  or tbx:normativeAuthorization/@value = 'admittedTerm'
                                  or tbx:normativeAuthorization/@value = 'deprecatedTerm'
                                  or tbx:normativeAuthorization/@value = 'supersededTerm')]">
      <div class="term-adm"><xsl:apply-templates select="tbx:term/node()"/></div>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="tbx:langSet" mode="st-term-body">
    <xsl:variable name="notes" select="tbx:note"/>
    <xsl:variable name="examples" select="tbx:example"/>
    <xsl:for-each select="tbx:definition">
      <div class="p term-def">
        <xsl:if test="../tbx:subjectField">
          <span class="term-field">
            <xsl:value-of select="concat($w-field-open, normalize-space(../tbx:subjectField), $w-field-close)"/>
          </span>
        </xsl:if>
        <xsl:apply-templates/>
      </div>
    </xsl:for-each>
    <xsl:for-each select="$examples">
      <div class="example">
        <div class="p lead">
          <span class="note-lbl">
            <xsl:choose>
              <xsl:when test="last() = 1"><xsl:value-of select="concat($w-example, $w-note-end)"/></xsl:when>
              <xsl:otherwise>
                <xsl:value-of select="concat($w-example, $w-note-num-sep, position(), $w-note-end)"/>
              </xsl:otherwise>
            </xsl:choose>
          </span>
          <xsl:apply-templates/>
        </div>
      </div>
    </xsl:for-each>
    <xsl:for-each select="$notes">
      <div class="note">
        <div class="p lead">
          <span class="note-lbl">
            <xsl:choose>
              <xsl:when test="last() = 1"><xsl:value-of select="$w-tnote-single"/></xsl:when>
              <xsl:otherwise>
                <xsl:value-of select="concat($w-tnote-pre, position(), $w-tnote-post)"/>
              </xsl:otherwise>
            </xsl:choose>
          </span>
          <xsl:apply-templates/>
        </div>
      </div>
    </xsl:for-each>
    <xsl:for-each select="tbx:source">
      <div class="p term-src">
        <xsl:choose>
          <xsl:when test="starts-with(normalize-space(.), '[')"><xsl:apply-templates/></xsl:when>
          <xsl:otherwise>
            <xsl:value-of select="$w-src-open"/><xsl:apply-templates/><xsl:value-of select="$w-src-close"/>
          </xsl:otherwise>
        </xsl:choose>
      </div>
    </xsl:for-each>
    <xsl:apply-templates select="*[not(self::tbx:tig or self::tbx:definition or self::tbx:note
                                       or self::tbx:example or self::tbx:source
                                       or self::tbx:subjectField)]"/>
  </xsl:template>

  <!-- A term used in a definition, linked to its entry when it names one. -->
  <xsl:template match="tbx:entailedTerm | tbx:crossReference">
    <xsl:variable name="t" select="normalize-space(@target)"/>
    <xsl:choose>
      <xsl:when test="$t != '' and not(.//xref or .//ext-link or .//uri or .//email)">
        <a class="entailed">
          <xsl:attribute name="href">
            <xsl:if test="not(starts-with($t, '#'))">#</xsl:if><xsl:value-of select="$t"/>
          </xsl:attribute>
          <xsl:apply-templates/>
        </a>
      </xsl:when>
      <xsl:otherwise><span class="entailed"><xsl:apply-templates/></span></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tbx:partOfSpeech | tbx:normativeAuthorization | tbx:termType
                       | tbx:grammaticalGender | tbx:grammaticalNumber"/>

  <xsl:template match="tbx:tig">
    <div class="term-adm"><xsl:apply-templates/></div>
  </xsl:template>

  <xsl:template match="tbx:usageNote | tbx:geographicalUsage | tbx:pronunciation">
    <span class="term-usage"><xsl:text> </xsl:text><xsl:apply-templates/></span>
  </xsl:template>

  <xsl:template match="tbx:xGraphic | tbx:figure">
    <div class="graphic">
      <xsl:apply-templates/>
    </div>
  </xsl:template>

  <xsl:template match="term-display">
    <div class="term-display"><xsl:apply-templates/></div>
  </xsl:template>

  <!-- ============================================================ -->
  <!-- Small helpers                                                 -->
  <!-- ============================================================ -->

  <!-- An id for anything the contents or a link may point at. -->
  <!-- An element without an id is named after its label ("st-5.2",
       "st-A"), the same in every run (a draft rendered in parts), else by
       generate-id(). -->
  <xsl:template name="st-anchor">
    <xsl:apply-templates select="@id" mode="st-id"/>
    <xsl:if test="not(@id)">
      <xsl:attribute name="ID"><xsl:call-template name="st-made-id"/></xsl:attribute>
    </xsl:if>
  </xsl:template>

  <xsl:template name="st-made-id">
    <xsl:choose>
      <xsl:when test="normalize-space(label) != ''">
        <xsl:value-of select="concat('st-', translate(normalize-space(label), ' ', '-'))"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="concat('st-', generate-id())"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The id of an element, written "ID": HTML attribute names are
       case-insensitive, so browsers see an id, but libxml2 does not
       register "ID" in the result document's table of ids, which on a
       20 MB draft saves about a tenth of the time (interning 10^5 values
       in the dictionary, and freeing them). -->
  <xsl:template match="@id" mode="st-id">
    <xsl:attribute name="ID"><xsl:value-of select="."/></xsl:attribute>
  </xsl:template>

  <xsl:template name="st-href">
    <xsl:text>#</xsl:text>
    <xsl:choose>
      <xsl:when test="@id"><xsl:value-of select="@id"/></xsl:when>
      <xsl:otherwise><xsl:call-template name="st-made-id"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A two-character Chinese heading spread out: 前　　言. -->
  <xsl:template name="st-spaced-title">
    <xsl:param name="t"/>
    <xsl:choose>
      <xsl:when test="$st-profile = 'gbt' and string-length($t) = 2
                      and translate(substring($t, 1, 1), concat($st-upper, $st-lower, $st-digits, ' '), '') != ''">
        <xsl:value-of select="concat(substring($t, 1, 1), '　　', substring($t, 2, 1))"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$t"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The title in a title-wrap: intro, main and complementary elements
       joined by sep, or the full title. -->
  <xsl:template name="st-title">
    <xsl:param name="tw"/>
    <xsl:param name="sep"/>
    <xsl:variable name="parts"
        select="$tw/*[self::intro or self::main or self::compl or self::intro-title-wrap
                      or self::main-title-wrap or self::compl-title-wrap][normalize-space() != '']"/>
    <xsl:choose>
      <xsl:when test="$parts">
        <xsl:for-each select="$parts">
          <xsl:if test="position() &gt; 1"><xsl:value-of select="$sep"/></xsl:if>
          <xsl:value-of select="normalize-space(.)"/>
        </xsl:for-each>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="normalize-space($tw/full)"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The same, each element in a span of its own, so that a long title
       breaks between its elements rather than inside one. -->
  <xsl:template name="st-title-spans">
    <xsl:param name="tw"/>
    <xsl:param name="sep"/>
    <xsl:variable name="parts"
        select="$tw/*[self::intro or self::main or self::compl or self::intro-title-wrap
                      or self::main-title-wrap or self::compl-title-wrap][normalize-space() != '']"/>
    <xsl:choose>
      <xsl:when test="$parts">
        <xsl:for-each select="$parts">
          <xsl:if test="position() &gt; 1"><xsl:value-of select="$sep"/></xsl:if>
          <span class="tw"><xsl:value-of select="normalize-space(.)"/></span>
        </xsl:for-each>
      </xsl:when>
      <xsl:otherwise><span class="tw"><xsl:value-of select="normalize-space($tw/full)"/></span></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A document's number: the std-ref of the kind asked for, any
       std-ref, the doc-ref, or one built from std-ident. -->
  <xsl:template name="st-docnum">
    <xsl:param name="m"/>
    <xsl:param name="kind" select="'dated'"/>
    <xsl:variable name="id" select="$m/std-ident"/>
    <xsl:choose>
      <xsl:when test="normalize-space($m/std-ref[@type = $kind]) != ''">
        <xsl:value-of select="normalize-space($m/std-ref[@type = $kind])"/>
      </xsl:when>
      <xsl:when test="normalize-space($m/std-ref) != ''">
        <xsl:value-of select="normalize-space($m/std-ref)"/>
      </xsl:when>
      <xsl:when test="normalize-space($m/doc-ref) != ''">
        <xsl:value-of select="normalize-space($m/doc-ref)"/>
      </xsl:when>
      <xsl:when test="$id/doc-number">
        <xsl:variable name="year" select="normalize-space($id/version)"/>
        <xsl:value-of select="normalize-space($id/originator)"/>
        <xsl:text> </xsl:text>
        <xsl:value-of select="normalize-space($id/doc-number)"/>
        <xsl:if test="normalize-space($id/part-number) != ''">
          <xsl:value-of select="concat($w-part-sep, normalize-space($id/part-number))"/>
        </xsl:if>
        <xsl:if test="$kind = 'dated' and string-length($year) = 4
                      and translate($year, $st-digits, '') = ''">
          <xsl:value-of select="concat($w-year-sep, $year)"/>
        </xsl:if>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- A release date, or the placeholder of an undated draft. -->
  <xsl:template name="st-date">
    <xsl:param name="d"/>
    <xsl:choose>
      <xsl:when test="normalize-space($d) != ''"><xsl:value-of select="normalize-space($d)"/></xsl:when>
      <xsl:when test="normalize-space($d/@iso-8601-date) != ''">
        <xsl:value-of select="normalize-space($d/@iso-8601-date)"/>
      </xsl:when>
      <xsl:otherwise>XXXX-XX-XX</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ============================================================ -->
  <!-- Layout shared by both profiles: sheets on screen, A4 pages in  -->
  <!-- print (front matter numbered I, II ...; body from 1).          -->
  <!-- ============================================================ -->

  <xsl:template name="st-common-css">
    <xsl:text>
@page { size: A4; margin: 25mm 20mm 20mm 25mm; }
@page cover { margin: 0; }
@page front { counter-increment: st-front;
  @bottom-center { content: counter(st-front, upper-roman); font-size: 9pt; } }
@page main { counter-increment: st-main;
  @bottom-center { content: counter(st-main); font-size: 9pt; } }
html { background: #d8d8d8; }
body { margin: 0; padding: 8mm 0; color: #000; }
.page { box-sizing: border-box; width: 210mm; min-height: 297mm; margin: 0 auto 8mm;
  padding: 25mm 20mm 20mm 25mm; background: #fff; box-shadow: 0 1px 5px rgba(0,0,0,.35); }
.cover { position: relative; height: 297mm; overflow: hidden; display: flex; flex-direction: column; }
a { color: inherit; text-decoration: none; }
.page a[href] { color: #0645ad; }
.toc-e a[href] { color: inherit; }
.p { margin: 0; }
.lead .lbl, .lead .note-lbl, .lead .fn-lbl { white-space: nowrap; }
.lbl:empty { display: none; }
.h { margin: 0; font-size: inherit; break-after: avoid; page-break-after: avoid; }
.toc-list { margin-top: 1em; }
.toc-e { display: flex; align-items: baseline; }
.toc-e a { flex: 0 1 auto; }
.toc-dots { flex: 1 1 2em; min-width: 2em; margin-left: .3em; border-bottom: 1.5px dotted #000; position: relative; top: -.25em; }
.toc-2 { padding-left: 2em; }
.list { list-style: none; margin: 0; padding: 0; }
.list > li { position: relative; padding-left: 1.6em; }
.list > li::before, .li-lbl { position: absolute; left: 0; white-space: nowrap; }
.list { counter-reset: st-li; }
.list > li { counter-increment: st-li; }
.l-alpha > li::before { content: counter(st-li, lower-alpha) ")"; }
.l-alpha-upper > li::before { content: counter(st-li, upper-alpha) ")"; }
.l-number > li::before { content: counter(st-li) ")"; }
.l-paren > li::before { content: "(" counter(st-li) ")"; }
.l-roman > li::before { content: counter(st-li, lower-roman) ")"; }
.l-roman-upper > li::before { content: counter(st-li, upper-roman) ")"; }
.l-label > li { padding-left: 2.2em; }
.list li .p, .dd .p, .fn .p, .tfoot .p, td .p, th .p { text-indent: 0; }
.dl-grid { display: grid; grid-template-columns: auto auto 1fr; column-gap: .25em; }
.dt { text-align: right; white-space: nowrap; }
.table-wrap { margin: .6em 0; }
table.t { border-collapse: collapse; width: 100%; margin: 0 auto; }
table.t td, table.t th { border: 1px solid #000; padding: .15em .4em; vertical-align: middle; }
table.t th { font-weight: normal; text-align: center; }
.tcap, .fcap { text-align: center; break-after: avoid; page-break-after: avoid; }
.fcap { break-after: auto; break-before: avoid; page-break-before: avoid; }
.tfoot { border: 1px solid #000; border-top: 0; padding: .2em .4em; }
.fig { margin: .6em 0; text-align: center; break-inside: avoid; page-break-inside: avoid; }
.fig .note, .fig .p { text-align: left; }
.page img { max-width: 100%; }
.subfig { display: inline-block; vertical-align: top; margin: 0 .8em; text-align: center; }
.subfig > .label { display: block; }
.noimg { display: inline-block; border: 1px dashed #888; padding: 2em; color: #555; }
.formula { display: flex; align-items: center; margin: .5em 0; break-inside: avoid; }
.fbody { flex: 1; text-align: center; }
.fno { flex: none; padding-left: 1em; }
math { font-family: "Latin Modern Math", "STIX Two Math", "Cambria Math", "DejaVu Math TeX Gyre", math; }
code.tex, pre.pre { font-family: "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: 90%; }
pre.pre { white-space: pre-wrap; margin: .4em 0; }
.fns { margin-top: .8em; }
.fns::before { content: ""; display: block; width: 30%; border-top: .75pt solid #000; margin-bottom: .3em; }
.tfoot .fns { margin-top: 0; }
.tfoot .fns::before { display: none; }
.tfoot .fn-lbl { position: relative; top: -.4em; font-size: 75%; }
.fns .fn { font-size: 9pt; }
.fnref { line-height: 0; }
.sc { font-variant: small-caps; }
.overline { text-decoration: overline; }
.edit { font-style: italic; border-left: 2px solid #888; padding-left: .5em; margin: .3em 0; }
.boxed-text { border: 1px solid #000; padding: .4em .6em; margin: .5em 0; }
.btitle { font-weight: bold; }
.term { margin-top: .6em; }
.term-head { break-after: avoid; page-break-after: avoid; }
.bref { display: flex; align-items: baseline; }
.blbl { flex: none; min-width: 2.5em; padding-right: .5em; }
.btext { flex: 1; }
.cover-stage-label { position: absolute; top: 8mm; right: 10mm; font-size: 9pt; color: #444;
  border: 1px solid #888; padding: 0 .4em; }
@media print {
  html { background: none; }
  body { padding: 0; }
  .page { width: auto; min-height: 0; margin: 0; padding: 0; box-shadow: none;
    break-before: page; page-break-before: always; }
  .page:first-child { break-before: auto; page-break-before: auto; }
  .cover { page: cover; width: 210mm; height: 297mm; }
  .toc, .front { page: front; }
  .main, .annex, .bibl, .back { page: main; }
  .page a[href] { color: inherit; }
}
</xsl:text>
  </xsl:template>

</xsl:stylesheet>
