<?xml version="1.0" encoding="UTF-8"?>
<!-- A small stylesheet that renders in parts (doc/drafts.md, "Rendering a
     large draft in parts"), for tests/render-parts.sh: with st-part empty
     it renders the whole draft; as frame and parts the result must be the
     same, byte for byte. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
<xsl:output method="html"/>
<xsl:param name="st-part" select="''"/>
<xsl:template match="/">
 <html><body>
  <xsl:if test="$st-part != 'part'"><div class="toc"><xsl:for-each select="standard/body/sec"><p>TOC <xsl:value-of select="label"/><xsl:text> </xsl:text><xsl:value-of select="title"/><xsl:for-each select="sec"> / <xsl:value-of select="label"/></xsl:for-each></p></xsl:for-each></div></xsl:if>
  <div class="body"><xsl:apply-templates select="standard/body/sec | standard/back/app-group/app"/><xsl:if test="$st-part = 'part'"><xsl:comment>st:end</xsl:comment></xsl:if></div>
  <xsl:if test="$st-part != 'part'"><div class="bib"><xsl:value-of select="count(standard/back/ref-list/ref)"/></div></xsl:if>
 </body></html>
</xsl:template>
<xsl:template match="sec|app">
  <xsl:choose>
   <xsl:when test="$st-part = 'frame' and @st-slot"><xsl:comment>st:slot <xsl:value-of select="@st-slot"/></xsl:comment></xsl:when>
   <xsl:otherwise>
    <xsl:if test="$st-part = 'part' and @st-slot"><xsl:comment>st:slot <xsl:value-of select="@st-slot"/></xsl:comment></xsl:if>
    <section><h2><xsl:value-of select="label"/><xsl:text> </xsl:text><xsl:value-of select="title"/></h2><xsl:apply-templates select="p|sec"/></section>
   </xsl:otherwise>
  </xsl:choose>
</xsl:template>
<xsl:template match="p"><p><xsl:apply-templates/></p></xsl:template>
</xsl:stylesheet>
